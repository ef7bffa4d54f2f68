"use client";
// Upload a reply in the JSON export format: it replaces the reply's answers (all or nothing).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRefusal } from "@/lib/i18n/use-refusal";

export function ImportReply({ api }: { api: string }) {
  const t = useTranslations("exports");
  const refused = useRefusal();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: { cell: string; code: string }[] } | null>(null);
  const upload = (file: File) =>
    start(async () => {
      const response = await fetch(`${api}/import`, { method: "POST", headers: { "content-type": "application/json" }, body: await file.text() });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        setMessage({ ok: true, text: t("imported", { count: body.imported, changed: body.changed }) });
        router.refresh();
      } else setMessage({ ok: false, text: refused(body, response.status), details: Array.isArray(body.details) ? body.details : undefined });
    });
  return (
    <div>
      <label className="field">
        <span>{t("import")}</span>
        <input type="file" accept="application/json,.json" disabled={pending} onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} />
      </label>
      {message && (
        <div className={`alert ${message.ok ? "ok" : "error"}`} role="status" data-testid="import-result">
          {message.text}
          {message.details && (
            <ul>
              {message.details.slice(0, 50).map((d, i) => (
                <li key={i}>{typeof d === "object" ? `${"cell" in d ? d.cell : ""} ${"code" in d ? d.code : JSON.stringify(d)}` : String(d)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
