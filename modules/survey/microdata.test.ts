import { describe, expect, it } from "vitest";
import { multi, num, text, type Answer } from "@/modules/questionnaire/answers";
import { csvLine, BOM } from "@/lib/csv/csv";
import { interviewToRow, microdataCsv, microdataHeader, parseMicrodataCsv, rowToInterview, type Household } from "./microdata";
import { readCsv } from "./csv-read";
import { TEXT_MAX } from "@/lib/text-limits";
import { OPTION_TEXT_MAX } from "@/modules/questionnaire/rules";
import { OFFENCES, TRUST_BODIES } from "./codes";

const FIELDWORK = { start: "2025-10-01", end: "2025-11-30" };
const HH: Household = { household_id: "H-0001", region: "AKM", settlement: "2", weight: 285.7142857142857 };

/** A completed interview that goes through every branch of the skip logic. */
function completed(): Record<string, Answer> {
  return {
    result: text("1"),
    interview_date: text("2025-10-15"),
    sex: text("2"),
    age: num(43),
    education: text("4"),
    employment: text("1"),
    safe_day: text("2"),
    safe_night: text("3"),
    unsafe_reasons: multi(["3", "4", "8"]),
    "unsafe_reasons#8": text('=dogs, "packs" at night'),
    crime_trend: text("9"),
    ...Object.fromEntries(TRUST_BODIES.map((b) => [b.code, text("1")])),
    trust_courts: text("4"),
    trust_econ_investigation: text("8"),
    distrust_reasons: multi(["1", "5"]),
    ...Object.fromEntries(OFFENCES.map((o) => [`victim_${o.code}`, text("2")])),
    victim_fraud: text("1"),
    reported_fraud: text("2"),
    victim_theft: text("1"),
    reported_theft: text("1"),
    not_reported_reason: multi(["2"]),
  };
}
const record = (row: string[]) => Object.fromEntries(microdataHeader().map((h, i) => [h, row[i]]));
const csvOf = (rows: string[][]) => BOM + csvLine(microdataHeader()) + rows.map(csvLine).join("");

describe("microdata columns", () => {
  const header = microdataHeader();
  it("starts with the household and visit, then every variable in instrument order", () => {
    expect(header.slice(0, 10)).toEqual([
      "household_id",
      "region",
      "settlement",
      "weight",
      "result",
      "interview_date",
      "sex",
      "age",
      "education",
      "employment",
    ]);
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(at("safe_day"), at("crime_trend") + 1)).toEqual([
      "safe_day",
      "safe_night",
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((v) => `unsafe_reasons_${v}`),
      "unsafe_reasons_other",
      "crime_trend",
    ]);
    expect(header.slice(at("trust_prosecutor"), at("distrust_reasons_8") + 1)).toEqual([
      ...TRUST_BODIES.map((b) => b.code),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((v) => `distrust_reasons_${v}`),
    ]);
    expect(header.slice(at("victim_theft"))).toEqual([
      ...OFFENCES.flatMap((o) => [`victim_${o.code}`, `reported_${o.code}`]),
      ...[1, 2, 3, 4, 5, 6].map((v) => `not_reported_reason_${v}`),
      "interview_language",
    ]);
    expect(new Set(header).size).toBe(header.length);
  });
});

describe("interview ↔ row", () => {
  it("writes codes, 0/1 flags and empties for questions not asked", () => {
    const row = record(interviewToRow(HH, completed()));
    expect(row).toMatchObject({
      household_id: "H-0001",
      region: "AKM",
      settlement: "2",
      weight: "285.7142857142857",
      result: "1",
      interview_date: "2025-10-15",
      age: "43",
    });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((v) => row[`unsafe_reasons_${v}`]).join("")).toBe("00110001");
    expect(row.unsafe_reasons_other).toBe('=dogs, "packs" at night');
    expect(row.reported_fraud).toBe("2");
    expect(row.reported_robbery).toBe("");
    expect(row.not_reported_reason_2).toBe("1");
  });

  it("round-trips a completed interview (interview → row → interview)", () => {
    const answers = completed();
    const back = rowToInterview(record(interviewToRow(HH, answers)), { fieldwork: FIELDWORK });
    expect(back).toEqual({ ok: true, interview: { household: HH, result: "1", interview_date: "2025-10-15", answers } });
  });

  it("round-trips through the CSV file, formula guard and quoting included", () => {
    const refused = { result: text("2"), interview_date: text("2025-11-30") };
    const file = microdataCsv([
      { household: HH, answers: completed() },
      { household: { ...HH, household_id: "H-0002", region: "ALA", settlement: "1", weight: 12.5 }, answers: refused, language: "ru" },
    ]);
    expect(file.startsWith(BOM)).toBe(true);
    const parsed = parseMicrodataCsv(file, { fieldwork: FIELDWORK });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.interviews[0].answers).toEqual(completed());
    expect(parsed.interviews[1]).toEqual({
      household: { household_id: "H-0002", region: "ALA", settlement: "1", weight: 12.5 },
      result: "2",
      interview_date: "2025-11-30",
      answers: refused,
      language: "ru",
      row: 3,
    });
    expect(parsed.interviews[0].language).toBeUndefined();
  });

  it("reads interview_language: kk, ru, en or empty; a file without the column is read too", () => {
    const row = interviewToRow(HH, completed(), "kk");
    expect(row[row.length - 1]).toBe("kk");
    expect(rowToInterview(record(row), { fieldwork: FIELDWORK })).toMatchObject({ ok: true, interview: { language: "kk" } });
    expect(rowToInterview(record(interviewToRow(HH, completed(), "de")), { fieldwork: FIELDWORK })).toEqual({
      ok: false,
      errors: [{ column: "interview_language", reason: `"de" is not a language code (kk, ru, en)` }],
    });
    const without = microdataHeader().slice(0, -1);
    const file = BOM + csvLine(without) + csvLine(interviewToRow(HH, completed()).slice(0, -1));
    const parsed = parseMicrodataCsv(file, { fieldwork: FIELDWORK });
    expect(parsed.ok && parsed.interviews[0].language).toBeUndefined();
    expect(parsed.ok).toBe(true);
  });

  it("leaves sections B–E empty when the visit did not result in an interview", () => {
    const row = interviewToRow(HH, { ...completed(), result: text("3") });
    expect(row.slice(6).every((c) => c === "")).toBe(true);
  });

  it("leaves out stale answers of questions that are no longer asked", () => {
    const row = record(interviewToRow(HH, { ...completed(), safe_night: text("1") }));
    expect(row.unsafe_reasons_1).toBe("");
    expect(row.unsafe_reasons_other).toBe("");
  });
});

describe("rowToInterview errors", () => {
  const base = () => record(interviewToRow(HH, completed()));
  const errorsOf = (changes: Record<string, string>) => {
    const r = rowToInterview({ ...base(), ...changes }, { fieldwork: FIELDWORK });
    return r.ok ? [] : r.errors;
  };
  it("checks household fields", () => {
    expect(errorsOf({ region: "XYZ", settlement: "3", weight: "0" }).map((e) => e.column)).toEqual(["region", "settlement", "weight"]);
    expect(errorsOf({ weight: "-1" }).map((e) => e.column)).toEqual(["weight"]);
    expect(errorsOf({ weight: "abc" }).map((e) => e.column)).toEqual(["weight"]);
    expect(errorsOf({ household_id: "" }).map((e) => e.column)).toEqual(["household_id"]);
  });
  it("checks values against the definition", () => {
    expect(errorsOf({ age: "14" })).toEqual([{ column: "age", reason: "14 is below the minimum 15 (allowed 15–80)" }]);
    expect(errorsOf({ age: "81" })).toEqual([{ column: "age", reason: "81 is above the maximum 80 (allowed 15–80)" }]);
    expect(errorsOf({ age: "forty" }).map((e) => e.column)).toEqual(["age"]);
    expect(errorsOf({ sex: "3" })).toEqual([{ column: "sex", reason: '"3" is not a code of sex (1=male, 2=female)' }]);
    expect(errorsOf({ trust_police: "5" }).map((e) => e.column)).toEqual(["trust_police"]);
    expect(errorsOf({ interview_date: "2025-12-01" })).toEqual([
      { column: "interview_date", reason: "2025-12-01 is outside the fieldwork period 2025-10-01 to 2025-11-30" },
    ]);
    expect(errorsOf({ interview_date: "15.10.2025" }).map((e) => e.column)).toEqual(["interview_date"]);
    expect(errorsOf({ unsafe_reasons_2: "2" }).map((e) => e.column)).toEqual(["unsafe_reasons_2"]);
    expect(errorsOf({ result: "7" }).map((e) => e.column)).toContain("result");
  });
  it("checks skip logic both ways", () => {
    // answered though not asked
    expect(errorsOf({ reported_robbery: "1" })).toEqual([
      { column: "reported_robbery", reason: "answered but not asked: reported_robbery is asked only if result = 1 and victim_robbery = 1" },
    ]);
    expect(errorsOf({ safe_night: "2" }).map((e) => e.column)).toEqual([...[1, 2, 3, 4, 5, 6, 7, 8].map((v) => `unsafe_reasons_${v}`), "unsafe_reasons_other"]);
    expect(errorsOf({ unsafe_reasons_8: "0" }).map((e) => e.column)).toEqual(["unsafe_reasons_other"]);
    // asked but missing
    expect(errorsOf({ sex: "" })).toEqual([{ column: "sex", reason: "required answer missing" }]);
    expect(errorsOf({ reported_fraud: "" }).map((e) => e.column)).toEqual(["reported_fraud", ...[1, 2, 3, 4, 5, 6].map((v) => `not_reported_reason_${v}`)]);
    expect(errorsOf({ distrust_reasons_3: "" }).map((e) => e.column)).toEqual(["distrust_reasons_3"]);
    // a visit without interview: B–E must be empty, date still required
    const refused = record(interviewToRow(HH, { result: text("2"), interview_date: text("2025-10-02") }));
    expect(rowToInterview(refused, { fieldwork: FIELDWORK }).ok).toBe(true);
    const r = rowToInterview({ ...refused, sex: "1", interview_date: "" }, { fieldwork: FIELDWORK });
    expect(r.ok ? [] : r.errors.map((e) => e.column)).toEqual(["interview_date", "sex"]);
  });
});

describe("parseMicrodataCsv", () => {
  const good = interviewToRow(HH, completed());
  const withCells = (changes: Record<string, string>) => microdataHeader().map((h, i) => (h in changes ? changes[h] : good[i]));

  it("accepts nothing and lists every error with row, column and reason", () => {
    const rows = [
      good,
      withCells({ household_id: "H-2", region: "XXX" }),
      withCells({ household_id: "H-3", age: "14" }),
      withCells({ household_id: "H-4", interview_date: "2025-09-30", reported_robbery: "2" }),
      withCells({ household_id: "H-0001" }),
      withCells({ household_id: "H-6" }),
    ];
    const result = parseMicrodataCsv(csvOf(rows), { fieldwork: FIELDWORK });
    expect(result.ok).toBe(false);
    expect("interviews" in result).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, "region"],
      [4, "age"],
      [5, "interview_date"],
      [5, "reported_robbery"],
      [6, "household_id"],
    ]);
    for (const e of result.errors) expect(e.reason.length).toBeGreaterThan(5);
    expect(result.errors[4].reason).toContain("first on row 2");
  });

  it("checks the header", () => {
    const header = microdataHeader();
    const missing = parseMicrodataCsv([header.filter((h) => h !== "age").join(","), ""].join("\r\n"), { fieldwork: FIELDWORK });
    expect(missing).toEqual({ ok: false, errors: [{ row: 1, column: "age", reason: "missing column" }] });
    const extra = parseMicrodataCsv([[...header, "note"].join(",")].join("\n"));
    expect(extra.ok ? [] : extra.errors).toEqual([{ row: 1, column: "note", reason: `unknown column (position ${header.length + 1})` }]);
    const swapped = [...header];
    [swapped[4], swapped[5]] = [swapped[5], swapped[4]];
    const order = parseMicrodataCsv(swapped.join(","));
    expect(order.ok ? [] : order.errors.map((e) => e.column)).toEqual(["interview_date"]);
    expect(parseMicrodataCsv("").ok).toBe(false);
    expect(parseMicrodataCsv(header.join(",") + "\r\n").ok).toBe(false);
  });

  it("refuses over-long texts with their row and column, and quotes a long value only in part", () => {
    const rows = [
      withCells({ household_id: "H".repeat(TEXT_MAX.code + 1) }),
      withCells({ household_id: "H-3", unsafe_reasons_other: "x".repeat(OPTION_TEXT_MAX + 1) }),
      withCells({ household_id: "H-4", sex: "9".repeat(100_000) }),
      withCells({ household_id: "H-5", age: "1".repeat(100_000) }),
    ];
    const result = parseMicrodataCsv(csvOf(rows), { fieldwork: FIELDWORK });
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 2, column: "household_id", reason: `household_id is longer than ${TEXT_MAX.code} characters` },
      { row: 3, column: "unsafe_reasons_other", reason: `text longer than ${OPTION_TEXT_MAX} characters` },
      { row: 4, column: "sex", reason: `"${"9".repeat(40)}…" is not a code of sex (1=male, 2=female)` },
      { row: 5, column: "age", reason: expect.stringMatching(/^1{40}… is /) },
    ]);
  });

  it("reports rows with a wrong number of fields and broken quoting", () => {
    const r = parseMicrodataCsv(csvOf([good]) + "H-9,AKM\r\n", { fieldwork: FIELDWORK });
    expect(r.ok ? [] : r.errors).toEqual([{ row: 3, column: "", reason: `expected ${microdataHeader().length} fields, found 2` }]);
    const q = parseMicrodataCsv(csvOf([good]) + '"H-9,AKM\r\n');
    expect(q.ok ? [] : q.errors.map((e) => e.row)).toEqual([3]);
  });

  it("reads LF line ends and files without BOM", () => {
    const file = [microdataHeader(), good]
      .map((r) => r.join(","))
      .join("\n")
      .replace('=dogs, "packs" at night', "dogs");
    // the unquoted "other" text above has no comma left; the rest are plain codes
    const r = parseMicrodataCsv(file + "\n\n", { fieldwork: FIELDWORK });
    expect(r.ok).toBe(true);
  });
});

describe("readCsv", () => {
  it("reads RFC 4180 quoting, CRLF/LF, BOM and skips blank lines", () => {
    const r = readCsv('\ufeffa,b,c\r\n"x, y","he said ""hi""",\r\n\r\n"multi\nline",2,3\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ["a", "b", "c"] },
        { row: 2, fields: ["x, y", 'he said "hi"', ""] },
        { row: 4, fields: ["multi\nline", "2", "3"] },
      ],
    });
  });
  it("rejects broken quoting", () => {
    expect(readCsv('a,"b\n').ok).toBe(false);
    expect(readCsv('a,"b"c\n').ok).toBe(false);
    expect(readCsv('a,b"c\n').ok).toBe(false);
  });
});
