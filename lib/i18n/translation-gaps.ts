// What is not yet in a language: the interface's catalogue keys that fall back to English, texts
// identical to English (often untranslated, sometimes a code or a name: a person decides), the
// reference names (regions, report forms, reporting bodies) and the texts of questionnaire
// definitions. The administrators' translation report lists them; nothing here is guessed.
import regions from "@/messages/reference/regions.json";
import reportForms from "@/messages/reference/report-forms.json";
import reportingBodies from "@/messages/reference/reporting-bodies.json";

type Catalogue = { [key: string]: string | Catalogue };

export function flattenCatalogue(c: Catalogue, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else flattenCatalogue(v, `${prefix}${k}.`, out);
  }
  return out;
}

// A text without two lower-case letters in a row ("—", "%", "{count}", "NA", "CSV") has nothing to translate.
const HAS_WORDS = /\p{Ll}{2}/u;
const withoutArguments = (text: string) => text.replace(/\{[^{}]*\}/g, "");

export type CatalogueGaps = { missing: string[]; sameAsEnglish: { key: string; text: string }[] };

/** Keys of the English catalogue that `other` lacks, and the ones it words exactly as English. */
export function catalogueGaps(english: Catalogue, other: Catalogue): CatalogueGaps {
  const en = flattenCatalogue(english);
  const theirs = flattenCatalogue(other);
  const missing: string[] = [];
  const sameAsEnglish: { key: string; text: string }[] = [];
  for (const [key, text] of en) {
    const t = theirs.get(key);
    if (t === undefined || !t.trim()) missing.push(key);
    else if (t === text && HAS_WORDS.test(withoutArguments(text))) sameAsEnglish.push({ key, text });
  }
  return { missing, sameAsEnglish };
}

type Names = { en: string; ru?: string; kk?: string };

/** Reference names without a text in `locale`: "regions: AST", "report forms: 12", "reporting bodies: …". */
export function referenceGaps(locale: string): { list: string; name: string }[] {
  const lacks = (n: Names) => !(n as Record<string, string | undefined>)[locale]?.trim();
  const out: { list: string; name: string }[] = [];
  for (const [code, n] of Object.entries(regions as Record<string, Names>)) if (lacks(n)) out.push({ list: "regions", name: `${code} ${n.en}` });
  for (const [number, n] of Object.entries(reportForms as Record<string, Names>)) if (lacks(n)) out.push({ list: "reportForms", name: `${number} ${n.en}` });
  for (const byRegion of Object.values(reportingBodies as Record<string, Record<string, Names>>))
    for (const n of Object.values(byRegion)) if (lacks(n)) out.push({ list: "reportingBodies", name: n.en });
  return out;
}
