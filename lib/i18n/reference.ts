// Names of reference data in the user's language: regions, the 26 report forms, the reporting
// bodies (messages/reference/, with their sources), countries (CLDR through Intl). English, as
// stored in the database and used by exports and APIs, is the fallback for a language or a name
// the files do not have.
import regions from "@/messages/reference/regions.json";
import reportForms from "@/messages/reference/report-forms.json";
import reportingBodies from "@/messages/reference/reporting-bodies.json";

type Names = { en: string; ru?: string; kk?: string };

const pick = (names: Names | undefined, locale: string): string | undefined => names && ((names as Record<string, string | undefined>)[locale] ?? names.en);

/** A region's name ("Astana city", «город Астана», «Астана қаласы»); the code when unknown. */
export function regionName(code: string, locale: string): string {
  return pick((regions as Record<string, Names>)[code], locale) ?? code;
}

/** A report form's title by its number in Appendix 2; `english` when the file lacks it. */
export function reportFormTitle(number: number, english: string, locale: string): string {
  const names = (reportForms as Record<string, Names>)[String(number)];
  // A title changed in the code since the translation was made must not show the old wording.
  return names?.en === english ? pick(names, locale)! : english;
}

// Bodies are found by their English name: a body renamed in the database, or one the file does
// not list, keeps its own name.
const bodiesByEnglish = new Map<string, Names>(
  Object.values(reportingBodies as Record<string, Record<string, Names>>).flatMap((byRegion) => Object.values(byRegion).map((n) => [n.en, n] as const)),
);

/** A reporting body's name in the user's language. */
export function reportingBodyName(english: string, locale: string): string {
  return pick(bodiesByEnglish.get(english), locale) ?? english;
}

/** A country's name: the reference list's English (CEPEJ's spelling) in English, CLDR's otherwise. */
export function countryName(code: string, english: string, locale: string): string {
  if (locale === "en") return english;
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(code) ?? english;
  } catch {
    return english;
  }
}
