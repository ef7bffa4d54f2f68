// Between an interview as a record of variables (modules/survey/estimate.ts) and its answers stored per
// cell under the UDN definition's keys: question id = variable code; a choice stores its code, a
// multi a JSON array of codes, "other, specify" the option text at "unsafe_reasons#8".
import type { Answer } from "@/modules/questionnaire/answers";
import type { Interview } from "./estimate";

const MULTI = new Set(["unsafe_reasons", "distrust_reasons", "not_reported_reason"]);
const HOUSEHOLD = new Set(["household_id", "region", "settlement", "weight"]);
const OTHER_TEXT = "unsafe_reasons#8";

export function interviewToAnswers(interview: Interview): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const [variable, value] of Object.entries(interview)) {
    if (HOUSEHOLD.has(variable) || value === undefined || value === null || value === "") continue;
    if (variable === "unsafe_reasons_other") out[OTHER_TEXT] = { num: null, text: String(value), status: null };
    else if (variable === "age") out.age = { num: Number(value), text: null, status: null };
    else if (MULTI.has(variable)) {
      const codes = (value as string[]).slice().sort((a, b) => Number(a) - Number(b));
      if (codes.length) out[variable] = { num: null, text: JSON.stringify(codes), status: null };
    } else out[variable] = { num: null, text: String(value), status: null };
  }
  return out;
}

export function answersToInterview(
  household: { household_id: string; region: string; settlement: "1" | "2"; weight: number },
  answers: Iterable<[string, Answer]>,
): Interview {
  const interview: Record<string, unknown> = { ...household, result: "" };
  for (const [key, a] of answers) {
    if (key === OTHER_TEXT) interview.unsafe_reasons_other = a.text ?? undefined;
    else if (key === "age") interview.age = a.num ?? undefined;
    else if (MULTI.has(key)) interview[key] = a.text ? (JSON.parse(a.text) as string[]) : undefined;
    else if (!key.includes("#")) interview[key] = a.text ?? undefined;
  }
  return interview as Interview;
}
