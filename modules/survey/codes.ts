// The household-survey instrument (form UDN) as codes: variables, value labels, regions.
// Fixed by the survey specification; exports, imports, the form and the results all use these
// codes verbatim, so they must never be renumbered.
import { REGIONS } from "@/db/reference-data";

export { REGIONS };
export const REGION_CODES = REGIONS.map((r) => r.code);

export type ValueLabels = Record<string, string>;

export const SETTLEMENT: ValueLabels = { "1": "urban", "2": "rural" };
export const RESULT: ValueLabels = { "1": "completed", "2": "refused", "3": "nobody at home", "4": "dwelling vacant or not found", "5": "other" };
export const SEX: ValueLabels = { "1": "male", "2": "female" };
export const EDUCATION: ValueLabels = {
  "1": "primary or none",
  "2": "basic secondary",
  "3": "general secondary",
  "4": "technical and vocational",
  "5": "higher or postgraduate",
};
export const EMPLOYMENT: ValueLabels = { "1": "employed", "2": "unemployed", "3": "student", "4": "pensioner", "5": "other outside the labour force" };
export const SAFETY: ValueLabels = { "1": "completely safe", "2": "safe enough", "3": "not safe", "4": "not safe at all", "9": "difficult to answer" };
export const UNSAFE_REASONS: ValueLabels = {
  "1": "fear of being attacked",
  "2": "fear of going out alone",
  "3": "low level of security / few patrols",
  "4": "insufficient lighting",
  "5": "health status",
  "6": "stray animals",
  "7": "drunk or aggressive people",
  "8": "other",
};
export const CRIME_TREND: ValueLabels = { "1": "increased", "2": "not changed", "3": "decreased", "9": "difficult to answer" };
export const TRUST: ValueLabels = {
  "1": "trust fully",
  "2": "partially trust",
  "3": "rather distrust",
  "4": "distrust",
  "8": "never encountered it",
  "9": "difficult to answer",
};
export const DISTRUST_REASONS: ValueLabels = {
  "1": "corruption",
  "2": "incompetence",
  "3": "rudeness or disrespect",
  "4": "slow response",
  "5": "unfair decisions",
  "6": "own negative experience",
  "7": "media reports",
  "8": "other",
};
export const YES_NO: ValueLabels = { "1": "yes", "2": "no" };
export const REPORTED: ValueLabels = { "1": "reported to police", "2": "not reported" };
export const NOT_REPORTED_REASONS: ValueLabels = {
  "1": "not serious enough",
  "2": "police would not do anything",
  "3": "solved it myself",
  "4": "fear of reprisal",
  "5": "distrust of police",
  "6": "other",
};

export const TRUST_BODIES = [
  { code: "trust_prosecutor", label: "Prosecutor's office" },
  { code: "trust_police", label: "Police" },
  { code: "trust_anticorruption", label: "Anti-corruption service" },
  { code: "trust_econ_investigation", label: "Economic investigation service" },
  { code: "trust_courts", label: "Judicial system" },
  { code: "trust_fire", label: "Fire service" },
] as const;

export const OFFENCES = [
  { code: "theft", label: "theft, including pickpocketing" },
  { code: "fraud", label: "fraud, including card skimming and online fraud" },
  { code: "robbery", label: "robbery or mugging" },
  { code: "assault", label: "assault or threat of violence" },
  { code: "vehicle", label: "theft of or from a vehicle (including break-ins)" },
  { code: "burglary", label: "burglary of the dwelling" },
  { code: "road", label: "road traffic accident with injury" },
] as const;

export const AGE_GROUPS = [
  { code: "15-24", min: 15, max: 24 },
  { code: "25-34", min: 25, max: 34 },
  { code: "35-44", min: 35, max: 44 },
  { code: "45-54", min: 45, max: 54 },
  { code: "55-64", min: 55, max: 64 },
  { code: "65-80", min: 65, max: 80 },
] as const;

export const ageGroupOf = (age: number) => AGE_GROUPS.find((g) => age >= g.min && age <= g.max)?.code ?? null;

/** Variables with several answers; exported as 0/1 columns `<code>_<value>` (unsafe_reasons_1 …). */
export const MULTI_VARIABLES: Record<string, ValueLabels> = {
  unsafe_reasons: UNSAFE_REASONS,
  distrust_reasons: DISTRUST_REASONS,
  not_reported_reason: NOT_REPORTED_REASONS,
};

/** Key indicators of the release: the weighted distribution of each trust body and safe_day. */
export const KEY_INDICATORS = [...TRUST_BODIES.map((b) => b.code), "safe_day"] as const;

/** The 2025 wave as published (percent by code; "8or9" is the release's "never encountered / difficult to answer"). */
export const RELEASE_2025: Record<string, Record<string, number>> = {
  trust_prosecutor: { "1": 66.2, "2": 26.4, "3": 2.4, "4": 1.8, "8or9": 3.2 },
  trust_police: { "1": 65.3, "2": 27.7, "3": 3.2, "4": 2.3, "8or9": 1.5 },
  trust_anticorruption: { "1": 51.2, "2": 31.4, "3": 5.1, "4": 2.9, "8or9": 9.4 },
  trust_econ_investigation: { "1": 47.2, "2": 31, "3": 6.2, "4": 2.7, "8or9": 13 },
  trust_courts: { "1": 63.2, "2": 28.7, "3": 2.3, "4": 1.6, "8or9": 4.3 },
  trust_fire: { "1": 81.8, "2": 15.5, "3": 0.6, "4": 0.3, "8or9": 1.9 },
  safe_day: { "1": 64.9, "2": 27.6, "3": 5.7, "4": 1.1, "9": 0.7 },
};
