// What the harness pages receive (window.__BENCH__), fetched from the running app by bench/form.mjs.
import type { Questionnaire } from "@/modules/questionnaire/definition";
import type { Answer } from "@/modules/questionnaire/answers";

export type BenchData = {
  part: string; // a chapter id, or "all"
  questionnaire: Questionnaire;
  answers: Record<string, { answer: Answer; version: number }>;
  previous: Record<string, Answer>;
  previousCycle: string;
  saveUrl: string;
  api: string;
};
