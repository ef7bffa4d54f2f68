// The engine on the largest definition it serves: the CEPEJ questionnaire (cells, sums, case flow).
import { describe, expect, it } from "vitest";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import { fromFormValues, toFormValues, type FormValues } from "@/modules/questionnaire/form-values";
import { EMPTY, multi, num, status, text, type Answer } from "@/modules/questionnaire/answers";
import { parseNumber } from "@/modules/questionnaire/numbers";
import { CEPEJ_2020_2022 } from ".";

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("invalid");
const index = indexQuestionnaire(parsed.questionnaire);

const roundTrip = (key: string, answer: Answer) => {
  const values: FormValues = {};
  toFormValues(index.keys.get(key)!, answer, values, key);
  return fromFormValues(index.keys.get(key)!, (f) => values[f], key);
};

describe("form values", () => {
  it("round-trips every kind of answer", () => {
    expect(roundTrip("006:total:approved", num(110346857))).toEqual(num(110346857));
    expect(roundTrip("006:r2_1:approved", status("NAP"))).toEqual(status("NAP"));
    expect(roundTrip("005", num(516.79))).toEqual(num(516.79));
    expect(roundTrip("008:criminal:court_fee", text("no"))).toEqual(text("no"));
    expect(roundTrip("014-0:previous_budget:main", num(1))).toEqual(num(1));
    expect(roundTrip("006#comment", text("Rounded."))).toEqual(text("Rounded."));
    expect(roundTrip("015-4", EMPTY)).toEqual(EMPTY);
    expect(roundTrip("014-0#status", status("NAP"))).toEqual(status("NAP"));
  });
  it("shows numbers grouped and reads what people paste", () => {
    const values: FormValues = {};
    toFormValues(index.keys.get("001")!, num(18879552), values, "001");
    expect(values["001"]).toBe("18\u00a0879\u00a0552");
    values["001"] = "18 879 552";
    expect(fromFormValues(index.keys.get("001")!, (f) => values[f], "001")).toEqual(num(18879552));
    values["001"] = "12abc";
    expect(fromFormValues(index.keys.get("001")!, (f) => values[f], "001")).toBe("invalid");
  });
  it("keeps multiple choices in definition order", () => {
    const key = Array.from(index.keys.keys()).find((k) => index.keys.get(k)?.kind === "cell" && (index.keys.get(k) as any).cell.spec.kind === "multi")!;
    const info = index.keys.get(key)! as any;
    const [a, b] = info.cell.spec.options.map((o: { id: string }) => o.id);
    expect(fromFormValues(info, () => [b, a], key)).toEqual(multi([a, b]));
  });
});

describe("number cells read through the parse cache", () => {
  it("give what parseNumber gives, read after read, also past the cache's size limit", () => {
    const info = index.keys.get("006:r3:approved")!;
    const spec = info.kind === "cell" && info.cell.spec.kind === "number" ? info.cell.spec.number : null;
    expect(spec).not.toBeNull();
    const expected = (raw: string): Answer | "invalid" => {
      const p = parseNumber(raw, spec!);
      return !p.ok ? "invalid" : p.value === null ? EMPTY : num(p.value);
    };
    const inputs = ["", "60598", "60 598", "60,598", "-5", "12abc", "1.5", "1e3"];
    for (let round = 0; round < 3; round++) {
      for (const raw of inputs)
        expect(
          fromFormValues(info, (f) => (f.endsWith("~st") ? "" : raw), "006:r3:approved"),
          raw,
        ).toEqual(expected(raw));
      for (let i = 0; i < 6000; i++) fromFormValues(info, (f) => (f.endsWith("~st") ? "" : String(i)), "006:r3:approved");
    }
    expect(fromFormValues(info, (f) => (f.endsWith("~st") ? "NA" : "60598"), "006:r3:approved")).toEqual(status("NA"));
  });
});
