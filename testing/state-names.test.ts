// Every state a page shows has its name in every language: the stored states (the schema's enums)
// and the ones only a history records (an imported interview starts from "imported").
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import kk from "@/messages/kk.json";
import fr from "@/messages/fr.json";
import { HOUSEHOLD_STATES, informationRequests, REPLY_STATES, reportFilings } from "@/db/schema";
import * as surveySql from "@/modules/survey/server/survey.sql";

/** The states the survey's statements write into an interview's history as literals. */
const historyStates = (Object.values(surveySql) as unknown[])
  .map((s) => (typeof s === "string" ? s : (s as { sqlite?: unknown } | null)?.sqlite))
  .filter((s): s is string => typeof s === "string" && s.includes("into interview_events"))
  .flatMap((s) => [...s.matchAll(/'([a-z_]+)', '([a-z_]+)'/g)].flatMap((m) => [m[1], m[2]]));

const NAMED: [section: string, states: readonly string[]][] = [
  ["survey.states", [...HOUSEHOLD_STATES, ...historyStates]],
  ["reply.status", REPLY_STATES],
  ["reports.status", reportFilings.status.enumValues],
  ["requests.statuses", informationRequests.status.enumValues],
];

const lookup = (catalogue: object, path: string): unknown =>
  path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalogue);

describe("state names", () => {
  it("the history's own states are found (the import's)", () => expect(historyStates).toContain("imported"));

  for (const [locale, catalogue] of Object.entries({ en, ru, kk, fr }))
    it(`${locale}: every state has its name`, () => {
      const missing = NAMED.flatMap(([section, states]) =>
        states.filter((s) => typeof lookup(catalogue, `${section}.${s}`) !== "string").map((s) => `${section}.${s}`),
      );
      expect(missing).toEqual([]);
    });
});
