import { describe, expect, it } from "vitest";
import definitionJson from "./udn-definition.json";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { evaluateQuestion } from "@/modules/questionnaire/rules";
import { holds, questionEnabled } from "@/modules/questionnaire/conditions";
import { walkQuestions } from "@/modules/questionnaire/walk";
import { multi, num, status, text, type Answer } from "@/modules/questionnaire/answers";
import type { Question } from "@/modules/questionnaire/definition";
import * as C from "./codes";

const parsed = parseQuestionnaire(definitionJson);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const def = parsed.questionnaire;
const questions = Array.from(walkQuestions(def), (x) => x.question);
const q = (id: string) => questions.find((x) => x.id === id)!;
const reader = (values: Record<string, Answer>) => (key: string) => values[key];
const enabled = (id: string, values: Record<string, Answer>) => questionEnabled(q(id), reader(values));
const FIELDWORK = { start: "2025-10-01", end: "2025-11-30" };

describe("udn-definition.json", () => {
  it("parses as a questionnaire definition", () => {
    expect(parsed.ok).toBe(true);
    expect(def.id).toBe("udn");
    expect(def.version).toBe("1");
    expect(def.parts.map((p) => p.title.en[0])).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("numbers the questions by section, as printed on the paper form (A1, A2, B1 …), since their ids are variable names", () => {
    for (const part of def.parts) {
      const letter = part.title.en[0];
      expect(part.questions.map((x) => x.displayId)).toEqual(part.questions.map((_, i) => `${letter}${i + 1}`));
    }
  });

  it("holds every question of the instrument, in order, without comment boxes", () => {
    expect(questions.map((x) => x.id)).toEqual([
      "result",
      "interview_date",
      "sex",
      "age",
      "education",
      "employment",
      "safe_day",
      "safe_night",
      "unsafe_reasons",
      "crime_trend",
      ...C.TRUST_BODIES.map((b) => b.code),
      "distrust_reasons",
      ...C.OFFENCES.flatMap((o) => [`victim_${o.code}`, `reported_${o.code}`]),
      "not_reported_reason",
    ]);
    for (const x of questions) expect(x.comment, x.id).toBe(false);
    for (const id of ["household_id", "region", "settlement", "weight"]) expect(questions.some((x) => x.id === id)).toBe(false);
  });

  it("uses the codes and labels of codes.ts as option ids and labels", () => {
    const labelsOf = (x: Question) => ("options" in x ? Object.fromEntries(x.options.map((o) => [o.id, o.label.en])) : null);
    const expected: Record<string, C.ValueLabels> = {
      result: C.RESULT,
      sex: C.SEX,
      education: C.EDUCATION,
      employment: C.EMPLOYMENT,
      safe_day: C.SAFETY,
      safe_night: C.SAFETY,
      unsafe_reasons: C.UNSAFE_REASONS,
      crime_trend: C.CRIME_TREND,
      distrust_reasons: C.DISTRUST_REASONS,
      not_reported_reason: C.NOT_REPORTED_REASONS,
      ...Object.fromEntries(C.TRUST_BODIES.map((b) => [b.code, C.TRUST])),
      ...Object.fromEntries(
        C.OFFENCES.flatMap((o) => [
          [`victim_${o.code}`, C.YES_NO],
          [`reported_${o.code}`, C.REPORTED],
        ]),
      ),
    };
    for (const [id, labels] of Object.entries(expected)) expect(labelsOf(q(id)), id).toEqual(labels);
    expect(Object.keys(labelsOf(q("trust_police"))!)).toEqual(["1", "2", "3", "4", "8", "9"]);
    const other = (q("unsafe_reasons") as Extract<Question, { type: "multi" }>).options.find((o) => o.id === "8")!;
    expect(other.text?.en).toBe("please specify");
  });
});

describe("skip logic", () => {
  it("asks sections B–E only when result = 1", () => {
    const bToE = questions.filter((x) => x.id !== "result" && x.id !== "interview_date");
    for (const r of ["2", "3", "4", "5"]) {
      for (const x of bToE)
        expect(
          questionEnabled(x, reader({ result: text(r), safe_day: text("3"), victim_theft: text("1"), reported_theft: text("2"), trust_police: text("4") })),
          `${x.id} with result ${r}`,
        ).toBe(false);
    }
    for (const id of ["sex", "age", "education", "employment", "safe_day", "crime_trend", "trust_fire", "victim_road"])
      expect(enabled(id, { result: text("1") })).toBe(true);
    expect(enabled("result", {})).toBe(true);
    expect(enabled("interview_date", { result: text("3") })).toBe(true);
  });

  it("asks unsafe_reasons only when safe_day or safe_night is 3 or 4", () => {
    const cond = q("unsafe_reasons").enabledWhen!;
    const at = (day: string, night: string) => holds(cond, reader({ result: text("1"), safe_day: text(day), safe_night: text(night) }));
    expect(at("1", "2")).toBe(false);
    expect(at("9", "9")).toBe(false);
    expect(at("3", "1")).toBe(true);
    expect(at("1", "4")).toBe(true);
    expect(at("4", "3")).toBe(true);
    // the interview must be completed as well
    expect(holds(cond, reader({ result: text("2"), safe_day: text("3") }))).toBe(false);
  });

  it("asks reported_k only when victim_k = 1, and not_reported_reason only if an offence was not reported", () => {
    for (const { code } of C.OFFENCES) {
      expect(enabled(`reported_${code}`, { result: text("1"), [`victim_${code}`]: text("1") })).toBe(true);
      expect(enabled(`reported_${code}`, { result: text("1"), [`victim_${code}`]: text("2") })).toBe(false);
      expect(enabled(`reported_${code}`, { result: text("1") })).toBe(false);
    }
    expect(enabled("not_reported_reason", { result: text("1"), victim_fraud: text("1"), reported_fraud: text("1") })).toBe(false);
    expect(enabled("not_reported_reason", { result: text("1"), victim_fraud: text("1"), reported_fraud: text("2") })).toBe(true);
    // a stale "not reported" of an offence the respondent did not suffer does not count
    expect(enabled("not_reported_reason", { result: text("1"), victim_fraud: text("2"), reported_fraud: text("2") })).toBe(false);
  });

  it("asks distrust_reasons only when some trust_* is 3 or 4", () => {
    const base = Object.fromEntries(C.TRUST_BODIES.map((b) => [b.code, text("1")]));
    expect(enabled("distrust_reasons", { result: text("1"), ...base })).toBe(false);
    expect(enabled("distrust_reasons", { result: text("1"), ...base, trust_courts: text("3") })).toBe(true);
    expect(enabled("distrust_reasons", { result: text("1"), ...base, trust_fire: text("4") })).toBe(true);
    expect(enabled("distrust_reasons", { result: text("1"), ...base, trust_fire: text("8") })).toBe(false);
  });

  it("skips a disabled question in evaluateQuestion", () => {
    expect(evaluateQuestion(q("sex"), reader({ result: text("2") }), { submit: true })).toEqual([]);
    expect(evaluateQuestion(q("sex"), reader({ result: text("1") }), { submit: true }).map((i) => i.code)).toEqual(["unanswered"]);
    expect(evaluateQuestion(q("unsafe_reasons"), reader({ result: text("1"), safe_day: text("3"), unsafe_reasons: multi(["1", "8"]) }))).toEqual([]);
  });
});

describe("values", () => {
  const age = (a: Answer) => evaluateQuestion(q("age"), reader({ result: text("1"), age: a })).map((i) => i.code);
  it("makes an age outside 15–80 a hard error", () => {
    expect(age(num(14))).toEqual(["belowMin"]);
    expect(age(num(81))).toEqual(["aboveMax"]);
    expect(age(num(15))).toEqual([]);
    expect(age(num(80))).toEqual([]);
    expect(age(num(30.5))).toEqual(["tooManyDecimals"]);
    expect(age(status("NA"))).toEqual(["statusNotAllowed"]);
    expect(age(status("NAP"))).toEqual(["statusNotAllowed"]);
    for (const code of ["belowMin", "aboveMax"]) {
      const issue = evaluateQuestion(q("age"), reader({ result: text("1"), age: num(code === "belowMin" ? 14 : 81) }))[0];
      expect(issue.severity).toBe("error");
    }
  });

  it("makes an interview date outside the fieldwork period an error", () => {
    const date = (d: string) => evaluateQuestion(q("interview_date"), reader({ interview_date: text(d) }), { context: { fieldwork: FIELDWORK } });
    expect(date("2025-10-01")).toEqual([]);
    expect(date("2025-11-30")).toEqual([]);
    expect(date("2025-09-30").map((i) => [i.code, i.severity])).toEqual([["dateOutOfRange", "error"]]);
    expect(date("2025-12-01").map((i) => i.code)).toEqual(["dateOutOfRange"]);
    expect(date("2025-02-30").map((i) => i.code)).toEqual(["badDate"]);
  });

  it("rejects codes that are not in the value labels", () => {
    expect(evaluateQuestion(q("trust_police"), reader({ result: text("1"), trust_police: text("5") })).map((i) => i.code)).toEqual(["unknownOption"]);
    expect(evaluateQuestion(q("result"), reader({ result: text("6") })).map((i) => i.code)).toEqual(["unknownOption"]);
  });
});
