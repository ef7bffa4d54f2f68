import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parseQuestionnaire } from "@/modules/questionnaire/validate";
import { indexQuestionnaire } from "@/modules/questionnaire/cells";
import type { Answer } from "@/modules/questionnaire/answers";
import { CEPEJ_2020_2022 } from "@/modules/cepej/definitions/cepej-2020-2022";
import kz from "../../../seed/cepej/kz-2020-2022.json";
import { longCsvHeader, longCsvLines } from "./long-csv";
import { ReplyJson, replyToJson } from "./reply-json";
import { replyXlsx } from "./xlsx";

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) throw new Error("invalid");
const q = parsed.questionnaire;
const index = indexQuestionnaire(q);
const answers = new Map(Object.entries(kz.answers as Record<string, Answer>));
const read = (k: string) => answers.get(k);

describe("long CSV", () => {
  const lines = [...longCsvLines(q, { cycle: "2020-2022", country: "KZ", read })];
  it("has exactly the agreed columns, UTF-8 with BOM", () => {
    expect(longCsvHeader()).toBe("\ufeffcycle,country,question,part,row,column,value,status,comment\r\n");
  });
  it("writes one row per cell with figures, NA/NAP and labels", () => {
    expect(lines).toContain("2020-2022,KZ,001,1.1.1,,,18879552,,\r\n");
    expect(lines.find((l) => l.startsWith("2020-2022,KZ,006,1.1.2,2.1 Investments in computerisation,Approved budget (in €)"))).toBe(
      "2020-2022,KZ,006,1.1.2,2.1 Investments in computerisation,Approved budget (in €),,NAP,\r\n",
    );
    const q008 = lines.find((l) => l.startsWith("2020-2022,KZ,008,1.1.2,for criminal cases"));
    expect(q008).toContain(",No,,");
  });
  it("puts the question's comment on its first row only", () => {
    const rows = lines.filter((l) => l.startsWith("2020-2022,KZ,004,"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("452 € per month");
  });
  it("leaves out values not retained for publication, and says so", () => {
    const flagged = [...longCsvLines(q, { cycle: "2020-2022", country: "KZ", read, flags: { "001": "Census pending" } })];
    expect(flagged[0]).toBe("2020-2022,KZ,001,1.1.1,,,,,[not retained for publication: Census pending]\r\n");
  });
  it("neutralises cells a spreadsheet would run as formulas", () => {
    const hostile = new Map(answers);
    hostile.set("004#comment", { num: null, text: '=HYPERLINK("http://x")', status: null });
    const row = [...longCsvLines(q, { cycle: "c", country: "KZ", read: (k) => hostile.get(k) })].find((l) => l.startsWith("c,KZ,004,"));
    expect(row).toContain('"\'=HYPERLINK(""http://x"")"');
  });
});

describe("JSON export and import", () => {
  it("round-trips: export → import → export is identical", () => {
    const first = replyToJson(index, { cycle: "2020-2022", country: "KZ", status: "validated" }, answers);
    const imported = ReplyJson.parse(JSON.parse(first));
    const second = replyToJson(
      index,
      { cycle: imported.cycle, country: imported.country, status: imported.status! },
      new Map(Object.entries(imported.answers)),
    );
    expect(second).toBe(first);
    expect(Object.keys(imported.answers)).toHaveLength([...answers.values()].filter((a) => a.num !== null || a.text !== null || a.status !== null).length);
  });
});

describe("XLSX", () => {
  it("has one sheet per chapter with numbers as numbers", async () => {
    const buffer = await replyXlsx(q, { title: "Evaluation cycle 2020–2022 · Kazakhstan", read });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(12);
    const sheet = wb.worksheets[0];
    let found: unknown = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "001. Number of inhabitants (if possible on 1 January of the reference year +1)")
        found = sheet.getRow(row.number + 1).getCell(2).value;
    });
    expect(found).toBe(18879552);
  });
});
