"use client";
// Administrators: open a wave, load its sample frame (CSV), import interviews (CSV), publish.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";

type Wave = { year: number; fieldwork: string; published: boolean };

export function WaveAdmin({ waves }: { waves: Wave[] }) {
  const t = useTranslations("survey.waves");
  const refused = useRefusal();
  const router = useRouter();
  const [pending, start] = useTransition();
  // Households not in the sample are refused by an import unless the administrator allows adding them.
  const [addHouseholds, setAddHouseholds] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; errors?: { row: number | null; column: string; reason: string }[] } | null>(null);
  const call = (url: string, init: RequestInit) =>
    start(async () => {
      const r = await fetch(url, init);
      const b = await r.json().catch(() => ({}));
      setResult(r.ok ? { ok: true, text: done(b) } : { ok: false, text: refused(b, r.status), errors: b.errors });
      if (r.ok) router.refresh();
    });
  // What each call answers: { wave } (opened), { loaded }, { imported }, { wave, published }.
  const done = (b: { wave?: { year: number } | number; loaded?: number; imported?: number; published?: boolean }) =>
    b.loaded !== undefined
      ? t("loaded", { count: b.loaded })
      : b.imported !== undefined
        ? t("imported", { count: b.imported })
        : b.published !== undefined
          ? t(b.published ? "publishedNow" : "unpublished", { year: Number(b.wave) })
          : t("created", { year: typeof b.wave === "object" ? b.wave.year : Number(b.wave) });
  const upload = (year: number, kind: "sample" | "interviews/import", file: File) =>
    file.text().then((text) =>
      call(`/api/survey/waves/${year}/${kind}${kind === "interviews/import" && addHouseholds ? "?addHouseholds=1" : ""}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: text,
      }),
    );
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
        <strong>{t("open")}</strong>
        <input type="text" name="year" placeholder="2027" aria-label={t("year")} className="year-field" />
        <input type="date" name="start" aria-label={t("fieldworkStart")} />
        <input type="date" name="end" aria-label={t("fieldworkEnd")} />
        <button type="submit" disabled={pending}>
          {t("create")}
        </button>
      </form>
      <label className="inline-form">
        <input type="checkbox" checked={addHouseholds} onChange={(e) => setAddHouseholds(e.target.checked)} data-testid="add-households" /> {t("addHouseholds")}
      </label>
      <table className="list">
        <thead>
          <tr>
            <th>{t("wave")}</th>
            <th>{t("fieldwork")}</th>
            <th>{t("sampleFrame")}</th>
            <th>{t("interviews")}</th>
            <th>{t("published")}</th>
            <th>{t("downloads")}</th>
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
                  aria-label={t("sampleFrameOf", { year: w.year })}
                  onChange={(e) => e.target.files?.[0] && upload(w.year, "sample", e.target.files[0])}
                />
              </td>
              <td>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  aria-label={t("interviewsOf", { year: w.year })}
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
                  {t("public")}
                </label>
              </td>
              <td>
                <a href={`/api/survey/waves/${w.year}/microdata?format=csv`}>{t("microdata")}</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/microdata?format=codebook`}>{t("codebook")}</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/microdata?format=sps`}>SPSS</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/microdata?format=do`}>{t("stataSyntax")}</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/microdata?format=r`}>{t("rScript")}</a> ·{" "}
                <a href={`/api/survey/waves/${w.year}/paradata?format=csv`}>{t("paradata")}</a>
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
                <li key={i}>{t("rowError", { row: e.row ?? "—", column: e.column, reason: e.reason })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
