"use client";
// Browser side: the words for an API refusal ({ error, code, params }) in the user's language. A
// refusal the catalogue names is worded from it; one it does not (meant for scripts: malformed
// bodies, parameters) keeps its English reason, introduced in the user's language.
import { useTranslations } from "next-intl";

type RefusalJson = { error?: unknown; code?: unknown; params?: unknown };

export function useRefusal() {
  const t = useTranslations("refusals");
  return (body: unknown, status: number): string => {
    const b = (body && typeof body === "object" ? body : {}) as RefusalJson;
    const params = b.params && typeof b.params === "object" ? (b.params as Record<string, string | number>) : undefined;
    if (typeof b.code === "string" && t.has(b.code)) return t(b.code, params);
    return typeof b.error === "string" && b.error ? t("unknown", { reason: b.error }) : t("noReason", { status });
  };
}

/** The reason alone, for a text that already says it was refused ("Not accepted by the server: {reason}"):
 *  the catalogue's words when it names the refusal, else its English reason as sent. */
export function useRefusalReason() {
  const t = useTranslations("refusals");
  return (r: RefusalJson): string => {
    const params = r.params && typeof r.params === "object" ? (r.params as Record<string, string | number>) : undefined;
    if (typeof r.code === "string" && t.has(r.code)) return t(r.code, params);
    return typeof r.error === "string" ? r.error : "";
  };
}
