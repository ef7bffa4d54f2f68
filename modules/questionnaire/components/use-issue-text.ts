"use client";
// One wording for rule messages everywhere (at the question, in the submit blockers): numbers
// formatted for the user's language.
import { useFormatter, useTranslations } from "next-intl";

export function useIssueText() {
  const t = useTranslations("rules");
  const format = useFormatter();
  return (code: string, params: Record<string, string | number> = {}) =>
    t(
      code,
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" ? format.number(v, { maximumFractionDigits: 10 }) : v])) as never,
    );
}
