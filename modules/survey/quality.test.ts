import { describe, expect, it } from "vitest";
import type { Question } from "@/modules/questionnaire/definition";
import { countDifficult, difficultToAnswerQuestions, median, qualityByInterviewer, type QualityInterview } from "./quality";

const base = { dkEligible: 0, dkAnswered: 0, rejections: 0, durationSeconds: null, result: null };
const aida = (x: Partial<QualityInterview>): QualityInterview => ({ interviewerId: 1, interviewerName: "Aida", status: "assigned", ...base, ...x });
const bolat = (x: Partial<QualityInterview>): QualityInterview => ({ interviewerId: 2, interviewerName: "Bolat", status: "assigned", ...base, ...x });

// Aida: 6 assigned; 4 handed in (2 approved, 1 rejected, 1 completed), one of them rejected before
// approval; durations 300, 900, 1200, 1500 s; one refusal among 4 results; 3 "difficult" of 20.
// Bolat: 2 assigned, nothing handed in.
const FIXTURE: QualityInterview[] = [
  aida({ status: "approved", durationSeconds: 900, result: "1", dkEligible: 10, dkAnswered: 1 }),
  aida({ status: "approved", rejections: 1, durationSeconds: 1500, result: "1", dkEligible: 10, dkAnswered: 2 }),
  aida({ status: "rejected", rejections: 1, durationSeconds: 300, result: "2" }),
  aida({ status: "completed", durationSeconds: 1200, result: "3" }),
  aida({ status: "in_progress", durationSeconds: 60, result: "2" }),
  aida({ status: "assigned" }),
  bolat({ status: "assigned" }),
  bolat({ status: "in_progress", durationSeconds: 30 }),
];

describe("quality by interviewer", () => {
  it("counts, median duration, short interviews, item non-response and refusals on a hand-made fixture", () => {
    const [a, b] = qualityByInterviewer(FIXTURE, 600);
    expect(a).toEqual({
      id: 1,
      name: "Aida",
      assigned: 6,
      completed: 4,
      rejected: 2,
      approved: 2,
      medianDurationSeconds: 1050,
      short: 1,
      itemNonResponse: 3 / 20,
      refusalRate: 1 / 4,
    });
    expect(b).toEqual({
      id: 2,
      name: "Bolat",
      assigned: 2,
      completed: 0,
      rejected: 0,
      approved: 0,
      medianDurationSeconds: null,
      short: 0,
      itemNonResponse: null,
      refusalRate: null,
    });
  });
  it("the threshold decides which interviews are flagged short", () => {
    expect(qualityByInterviewer(FIXTURE, 1201)[0].short).toBe(3);
    expect(qualityByInterviewer(FIXTURE, 300)[0].short).toBe(0);
  });
  it("median of odd, even and empty lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("finds the questions with 'difficult to answer' and counts their answers", () => {
    const choice = (id: string, options: [string, string][]) =>
      ({ id, type: "choice", label: { en: id }, options: options.map(([oid, en]) => ({ id: oid, label: { en } })) }) as unknown as Question;
    const dk = difficultToAnswerQuestions([
      choice("safe_day", [
        ["1", "safe"],
        ["9", "difficult to answer"],
      ]),
      choice("sex", [
        ["1", "male"],
        ["2", "female"],
      ]),
      choice("trend", [["9", "Difficult to answer"]]),
    ]);
    expect([...dk]).toEqual([
      ["safe_day", "9"],
      ["trend", "9"],
    ]);
    expect(
      countDifficult(
        new Map([
          ["safe_day", "9"],
          ["sex", "1"],
        ]),
        dk,
      ),
    ).toEqual({ dkEligible: 1, dkAnswered: 1 });
    expect(countDifficult(new Map([["trend", "1"]]), dk)).toEqual({ dkEligible: 1, dkAnswered: 0 });
  });
});
