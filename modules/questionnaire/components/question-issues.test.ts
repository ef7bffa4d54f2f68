// A question's messages are evaluated once per change of a field its rules read, and each grid
// cell sees only its own: the cell's message is shown under it and re-renders only when it changes.
import { describe, expect, it } from "vitest";
import { createFormControl } from "react-hook-form";
import { parseQuestionnaire } from "../validate";
import { indexQuestionnaire } from "../cells";
import { fromFormValues, toFormValues, type FormValues } from "../form-values";
import { num, type Answer } from "../answers";
import { hubOf } from "./field-hub";
import { fieldReader } from "./field-reader";
import { createQuestionIssueStore } from "./question-issues";

const parsed = parseQuestionnaire({
  id: "t",
  version: "1",
  title: { en: "T" },
  parts: [
    {
      id: "1",
      title: { en: "One" },
      questions: [
        {
          id: "q1",
          type: "grid",
          label: { en: "Budget" },
          rows: [
            { id: "total", label: { en: "Total" }, sumOf: ["a", "b"] },
            { id: "a", label: { en: "Courts" } },
            { id: "b", label: { en: "Prosecution" } },
          ],
          columns: [
            { id: "approved", label: { en: "Approved" }, cell: { kind: "number" } },
            { id: "spent", label: { en: "Spent" }, cell: { kind: "number" } },
          ],
        },
        { id: "q2", type: "number", label: { en: "Judges" } },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const questionnaire = parsed.questionnaire;
const [q1, q2] = questionnaire.parts[0].questions;
const index = indexQuestionnaire(questionnaire);

function setUp(answers: Record<string, Answer>, previous: Record<string, Answer> = {}) {
  const defaultValues: FormValues = {};
  for (const [key, info] of index.keys) toFormValues(info, answers[key], defaultValues, key, "en");
  const form = createFormControl({ defaultValues, shouldUnregister: false });
  (form.control as unknown as { _state: { mount: boolean } })._state.mount = true;
  const field = fieldReader(form.control);
  const read = (key: string) => {
    const info = index.keys.get(key);
    const a = info ? fromFormValues(info, field, key) : undefined;
    return a === "invalid" ? undefined : a;
  };
  const hub = hubOf(form.control);
  const options = { previous: (k: string) => previous[k], variationThreshold: 20 };
  return { form, hub, store: (q = q1) => createQuestionIssueStore(q, read, hub, index, options) };
}

const figures = {
  "q1:total:approved": num(9),
  "q1:a:approved": num(4),
  "q1:b:approved": num(5),
  "q1:total:spent": num(2),
  "q1:a:spent": num(1),
  "q1:b:spent": num(1),
};

describe("a question's message store", () => {
  it("puts a grid cell's message at that cell, and a single question's in the question's list", () => {
    const { store } = setUp({ ...figures, "q1:total:approved": num(10), q2: num(50) }, { q2: num(10) });
    const grid = store();
    expect(grid.atCell("q1:total:approved").map((i) => i.code)).toEqual(["sumMismatch"]);
    expect(grid.atCell("q1:total:spent")).toEqual([]);
    expect(grid.signature("q1:total:spent")).toBe("");
    expect(grid.all().every((i) => grid.placedAtCell(i))).toBe(true);
    const single = store(q2);
    expect(single.all().map((i) => i.code)).toEqual(["variation"]);
    expect(single.placedAtCell(single.all()[0])).toBe(false); // the list under the question
  });

  it("evaluates the rules again only after a change of a field they read", () => {
    const { form, store, hub } = setUp(figures);
    const s = store();
    const off = hub.subscribe(s.fields, () => {}); // as the question's list does
    const first = s.all();
    for (const key of ["q1:total:approved", "q1:a:approved", "q1:total:spent"]) s.signature(key);
    expect(s.all()).toBe(first); // every cell of the grid reads the same evaluation
    form.setValue("q2", "7"); // another question's field
    expect(s.all()).toBe(first);
    form.setValue("q1:a:approved", "40");
    const second = s.all();
    expect(second).not.toBe(first);
    expect(s.atCell("q1:total:approved").map((i) => i.params.sum)).toEqual([45]);
    expect(s.all()).toBe(second);
    off();
  });

  it("tells the cells only when the question's list publishes an evaluation, not on each field change", () => {
    const { form, store, hub } = setUp(figures);
    const s = store();
    const off = hub.subscribe(s.fields, () => {});
    let told = 0;
    const stop = s.subscribe(() => told++);
    for (let i = 0; i < 50; i++) form.setValue("q1:a:approved", String(i)); // a paste: many changes, one render
    expect(told).toBe(0);
    s.publish();
    expect(told).toBe(1);
    stop();
    off();
  });

  it("moves a cell's signature only when that cell's messages change", () => {
    const { form, store, hub } = setUp(figures);
    const s = store();
    const off = hub.subscribe(s.fields, () => {});
    expect(s.signature("q1:total:approved")).toBe("");
    form.setValue("q1:a:approved", "40");
    const mismatch = s.signature("q1:total:approved");
    expect(mismatch).toMatch(/^sumMismatch:warning/);
    form.setValue("q1:a:spent", "1"); // the same figure again: nothing changes at either total
    expect(s.signature("q1:total:approved")).toBe(mismatch);
    expect(s.signature("q1:total:spent")).toBe("");
    form.setValue("q1:a:approved", "41"); // another difference: the message's figures change
    expect(s.signature("q1:total:approved")).not.toBe(mismatch);
    form.setValue("q1:a:approved", "4");
    expect(s.signature("q1:total:approved")).toBe("");
    off();
  });
});
