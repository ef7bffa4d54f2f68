"use client";
// Administrators: open a wave, load its sample frame (CSV), import interviews (CSV), publish.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

type Wave = { year: number; fieldwork: string; published: boolean };

export function WaveAdmin({ waves }: { waves: Wave[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string; errors?: { row: number | null; column: string; reason: string }[] } | null>(null);
  const call = (url: string, init: RequestInit) =>
    start(async () => {
      const r = await fetch(url, init);
      const b = await r.json().catch(() => ({}));
      setResult(r.ok ? { ok: true, text: JSON.stringify(b) } : { ok: false, text: b.error ?? `HTTP ${r.status}`, errors: b.errors });
      if (r.ok) router.refresh();
    });
  const upload = (year: number, kind: "sample" | "interviews/import", file: File) =>
    file.text().then((text) => call(`/api/survey/waves/${year}/${kind}`, { method: "POST", headers: { "content-type": "text/csv" }, body: text }));
  return (
    <div className="card" data-testid="wave-admin">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          call("/api/survey/waves", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ year: Number(f.get("year")), fieldworkStart: f.get("start"), fieldworkEnd: f.get("end") }),
          });
        }}
      >
        <strong>Open a wave</strong>
        <input type="text" name="year" placeholder="2027" aria-label="Wave year" className="year-field" />
        <input type="date" name="start" aria-label="Fieldwork start" />
        <input type="date" name="end" aria-label="Fieldwork end" />
        <button type="submit" disabled={pending}>
          Create
        </button>
      </form>
      <table className="list">
        <thead>
          <tr>
            <th>Wave</th>
            <th>Fieldwork</th>
            <th>Sample frame (CSV)</th>
            <th>Interviews (CSV)</th>
            <th>Published</th>
            <th>Downloads</th>
          </tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.year} data-wave={w.year}>
              <td>{w.year}</td>
              <td>{w.fieldwork}</td>
              <td>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  aria-label={`Sample frame ${w.year}`}
                  onChange={(e) => e.target.files?.[0] && upload(w.year, "sample", e.target.files[0])}
                />
              </td>
              <td>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  aria-label={`Interviews ${w.year}`}
                  onChange={(e) => e.target.files?.[0] && upload(w.year, "interviews/import", e.target.files[0])}
                />
              </td>
              <td>
                <label>
                  <input
                    type="checkbox"
                    checked={w.published}
                    onChange={(e) =>
                      call(`/api/survey/waves/${w.year}/publish`, {
                        method: "POST",
                        headers: { "content-type": "application/json" },
                        body: JSON.stringify({ published: e.target.checked }),
                      })
                    }
                  />{" "}
                  public
                </label>
              </td>
              <td>
                <a href={`/api/survey/waves/${w.year}/microdata?format=csv`}>microdata</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/microdata?format=codebook`}>codebook</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/microdata?format=sps`}>SPSS</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result && (
        <div className={`alert ${result.ok ? "ok" : "error"}`} role="status" data-testid="wave-result">
          {result.text}
          {result.errors && (
            <ul>
              {result.errors.slice(0, 50).map((e, i) => (
                <li key={i}>
                  row {e.row ?? "—"}, {e.column}: {e.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
