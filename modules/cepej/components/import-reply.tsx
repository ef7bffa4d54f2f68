"use client";
// Upload a reply in the JSON export format. Nothing changes until the user has seen what would:
// the file is first sent for a preview (cells added, changed, cleared), then imported on
// confirmation, as one import that can be undone as a whole. A file of another cycle or country is
// refused with the reason; the user may map it onto this reply explicitly.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Answer } from "@/modules/questionnaire/answers";
import type { ImportChange } from "@/modules/cepej/import-plan";
import { formatDateTime } from "@/lib/i18n/format";
import { useRefusal } from "@/lib/i18n/use-refusal";

type Preview = { added: number; changed: number; cleared: number; total: number; cells: ImportChange[] };
type Refusal = { text: string; details?: unknown; map?: { cycle: string | null; country: string | null } };
type LastImport = { id: number; at: string; changed: number } | null;

const SHOWN = 50;

export function ImportReply({ api, last }: { api: string; last: LastImport }) {
  const t = useTranslations("exports");
  const wording = useRefusal();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapped, setMapped] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<{ text: string; importId: number | null } | null>(null);

  const url = (query: Record<string, string>, map: Refusal["map"] | undefined) => {
    const params = new URLSearchParams(query);
    if (map?.cycle) params.set("mapCycle", map.cycle);
    if (map?.country) params.set("mapCountry", map.country);
    const q = params.toString();
    return `${api}/import${q ? `?${q}` : ""}`;
  };
  const send = async (text: string, query: Record<string, string>, map: Refusal["map"] | undefined) => {
    const response = await fetch(url(query, map), { method: "POST", headers: { "content-type": "application/json" }, body: text });
    return { response, body: await response.json().catch(() => ({})) };
  };
  const refused = (body: { error?: string; details?: unknown }, status: number): Refusal => {
    const d = body.details as { fileCycle?: string | null; fileCountry?: string | null } | undefined;
    const map = d && !Array.isArray(d) && ("fileCycle" in d || "fileCountry" in d) ? { cycle: d.fileCycle ?? null, country: d.fileCountry ?? null } : undefined;
    return { text: wording(body, status), details: Array.isArray(body.details) ? body.details : undefined, map };
  };

  const [mapping, setMapping] = useState<Refusal["map"]>(undefined);
  const runPreview = (f: { name: string; text: string }, map: Refusal["map"] | undefined) =>
    start(async () => {
      setPreview(null);
      setDone(null);
      const { response, body } = await send(f.text, { preview: "1" }, map);
      if (response.ok) {
        setRefusal(null);
        setPreview(body);
      } else {
        const r = refused(body, response.status);
        setRefusal(r);
        if (r.map) setMapping(r.map);
      }
    });
  const choose = async (f: File) => {
    const chosen = { name: f.name, text: await f.text() };
    setFile(chosen);
    setMapped(false);
    setMapping(undefined);
    runPreview(chosen, undefined);
  };
  const confirm = () =>
    start(async () => {
      if (!file) return;
      const { response, body } = await send(file.text, {}, mapped ? mapping : undefined);
      if (response.ok) {
        setPreview(null);
        setFile(null);
        setDone({ text: t("importDone", { changed: body.changed }), importId: body.importId ?? null });
        router.refresh();
      } else setRefusal(refused(body, response.status));
    });
  const undo = (importId: number) =>
    start(async () => {
      const response = await fetch(`${api}/import/undo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ importId }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        setDone({ text: t("importUndone", { count: body.undone }), importId: null });
        router.refresh();
      } else setRefusal(refused(body, response.status));
    });

  const show = (a: Answer | null) => (!a ? "—" : (a.status ?? (a.num !== null ? String(a.num) : (a.text ?? "—"))));
  return (
    <div className="import-reply" data-testid="import">
      <label className="field">
        <span>{t("import")}</span>
        <input
          type="file"
          accept="application/json,.json"
          disabled={pending}
          aria-describedby="import-hint"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void choose(f);
            e.target.value = "";
          }}
        />
        <span id="import-hint" className="muted small">
          {t("importChoose")}
        </span>
      </label>
      {refusal && (
        <div className="alert error" role="alert" data-testid="import-refused">
          {refusal.text}
          {Array.isArray(refusal.details) && (
            <ul>
              {(refusal.details as { cell?: string; code?: string }[]).slice(0, SHOWN).map((d, i) => (
                <li key={i}>
                  {d.cell} {d.code}
                </li>
              ))}
            </ul>
          )}
          {refusal.map && file && (
            <label className="check">
              <input
                type="checkbox"
                checked={mapped}
                disabled={pending}
                onChange={(e) => {
                  setMapped(e.target.checked);
                  if (e.target.checked) runPreview(file, refusal.map);
                }}
              />{" "}
              {t("importMap", { cycle: refusal.map.cycle ?? "—", country: refusal.map.country ?? "—" })}
            </label>
          )}
        </div>
      )}
      {preview && file && (
        <div className="card import-preview" data-testid="import-preview">
          <p role="status">
            {preview.total === 0 ? t("importNothing") : t("importPreview", { added: preview.added, changed: preview.changed, cleared: preview.cleared })}
          </p>
          {preview.total > 0 && (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">{t("importCell")}</th>
                    <th scope="col">{t("importNow")}</th>
                    <th scope="col">{t("importFromFile")}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {preview.cells.slice(0, SHOWN).map((c) => (
                    <tr key={c.cell} data-kind={c.kind}>
                      <td translate="no">{c.cell}</td>
                      <td>{show(c.before)}</td>
                      <td>{show(c.after)}</td>
                      <td>{t(`importKind.${c.kind}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.total > SHOWN && <p className="muted small">{t("importMore", { count: preview.total - SHOWN })}</p>}
              <div className="inline-form">
                <button type="button" disabled={pending} onClick={confirm}>
                  {t("importConfirm")}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={pending}
                  onClick={() => {
                    setPreview(null);
                    setFile(null);
                  }}
                >
                  {t("importCancel")}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {done && (
        <div className="alert ok" role="status" data-testid="import-result">
          {done.text}{" "}
          {done.importId !== null && (
            <button type="button" className="secondary" disabled={pending} onClick={() => undo(done.importId!)}>
              {t("importUndo")}
            </button>
          )}
        </div>
      )}
      {!done && !preview && last && (
        <p className="muted small" data-testid="import-last">
          {t("importLast", { at: formatDateTime(last.at, locale), changed: last.changed })}{" "}
          <button type="button" className="secondary" disabled={pending} onClick={() => undo(last.id)}>
            {t("importUndo")}
          </button>
        </p>
      )}
    </div>
  );
}
