import { describe, expect, it } from "vitest";
import { countImport, importMismatch, planImport } from "./import-plan";
import { num, status, text } from "@/modules/questionnaire/answers";

describe("planImport", () => {
  it("lists the cells added, changed and cleared, and nothing that stays", () => {
    const current = new Map([
      ["001", num(1)],
      ["003", num(3)],
      ["004", status("NA")],
      ["005", num(5)],
    ]);
    const next = new Map([
      ["001", num(1)],
      ["003", num(33)],
      ["004", { num: null, text: null, status: null }],
      ["006#comment", text("New.")],
    ]);
    const plan = planImport(current, next);
    expect(plan.map((c) => [c.cell, c.kind])).toEqual([
      ["003", "changed"],
      ["004", "cleared"],
      ["006#comment", "added"],
      ["005", "cleared"],
    ]);
    expect(countImport(plan)).toEqual({ added: 1, changed: 1, cleared: 2 });
    expect(planImport(current, new Map(current))).toEqual([]);
  });
});

describe("importMismatch", () => {
  const reply = { cycle: "2022-2024", country: "KZ" };
  it("accepts the reply's own file", () => {
    expect(importMismatch({ cycle: "2022-2024", country: "kz" }, reply)).toBeNull();
  });
  it("refuses another cycle's or country's file, with the reason", () => {
    expect(importMismatch({ cycle: "2020-2022", country: "KZ" }, reply)).toContain("cycle 2020-2022, not 2022-2024");
    expect(importMismatch({ cycle: "2022-2024", country: "FR" }, reply)).toContain("reply of FR, not KZ");
  });
  it("imports it when the user maps that very cycle and country", () => {
    expect(importMismatch({ cycle: "2020-2022", country: "FR" }, reply, { cycle: "2020-2022", country: "FR" })).toBeNull();
    expect(importMismatch({ cycle: "2020-2022", country: "FR" }, reply, { cycle: "2020-2022" })).toContain("FR");
    expect(importMismatch({ cycle: "2020-2022", country: "KZ" }, reply, { cycle: "2018-2020" })).toContain("2020-2022");
  });
});
