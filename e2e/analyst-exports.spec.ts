// Downloads for analysts: the whole-cycle CSV and XLSX linked from the cycle page (codes beside the
// labels, numeric cells, frozen header, metadata, no rows for empty cells), a reply's XLSX, and the
// microdata with its Stata and R scripts linked from the survey results — R loads the CSV with its
// script and reproduces the published figures when it is installed.
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loggedInPage } from "./helpers";

const R_SURVEY = (() => {
  try {
    execFileSync("Rscript", ["-e", "library(survey)"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

test("the whole cycle as CSV and XLSX from the cycle page; a reply's XLSX for analysts", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/admin/cycles/2020-2022");
  const links = admin.getByTestId("cycle-exports");
  const [csv] = await Promise.all([admin.waitForEvent("download"), links.getByRole("link", { name: "CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("cepej-2020-2022.csv");
  const text = readFileSync((await csv.path())!, "utf8");
  const lines = text.split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("\ufeffcycle,country,question,part,row_id,row,col_id,column,option,value,status,comment");
  expect(text).toContain("2020-2022,KZ,001,1.1.1,,,,,,18879552,,");
  expect(text).toContain("2020-2022,KZ,006,1.1.2,r2_1,2.1 Investments in computerisation,approved,Approved budget (in €),,,NAP,");
  // 46 countries have not started: only Kazakhstan's cells with content, none empty
  expect(lines.every((l, i) => i === 0 || l.startsWith("2020-2022,KZ,"))).toBe(true);
  expect(lines.length).toBeLessThan(1600);
  expect(lines.filter((l) => /^2020-2022,KZ,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,,,,$/.test(l))).toEqual([]);

  const [xlsx] = await Promise.all([admin.waitForEvent("download"), links.getByRole("link", { name: "XLSX" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("cepej-2020-2022.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
  expect(wb.worksheets[0].name).toBe("Metadata");
  const meta = new Map<string, unknown>();
  wb.worksheets[0].eachRow((row) => meta.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(meta.get("cycle")).toBe("2020-2022");
  expect(meta.get("questionnaire version")).toBeTruthy();
  expect(meta.get("generated on")).toBeInstanceOf(Date);
  expect(meta.get("NAP")).toMatch(/Not applicable/);
  expect(wb.worksheets).toHaveLength(13);
  for (const ws of wb.worksheets.slice(1)) {
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  }
  const ch1 = wb.worksheets[1];
  expect((ch1.getRow(1).values as unknown[]).slice(1, 11)).toEqual([
    "country",
    "question",
    "question_label",
    "part",
    "row_id",
    "row",
    "col_id",
    "column",
    "option",
    "value",
  ]);
  let inhabitants: ExcelJS.Cell | null = null;
  ch1.eachRow((row) => {
    if (row.getCell(2).value === "001") inhabitants = row.getCell(10);
  });
  expect(inhabitants!.value).toBe(18879552);
  expect(inhabitants!.type).toBe(ExcelJS.ValueType.Number);
  expect(inhabitants!.numFmt).toBe("#,##0");

  // One reply: the same layout, with the reply's status in the metadata
  const reply = await admin.request.get("/api/cycles/2020-2022/replies/KZ/export?format=xlsx");
  const one = new ExcelJS.Workbook();
  await one.xlsx.load((await reply.body()) as unknown as ArrayBuffer);
  const pairs = new Map<string, unknown>();
  one.worksheets[0].eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(pairs.get("KZ")).toBe("Kazakhstan: validated");
  expect((await admin.request.get("/api/cycles/2020-2022/export?format=pdf")).status()).toBe(400);
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  expect((await kz.request.get("/api/cycles/2020-2022/export?format=xlsx")).status()).toBe(403);
});

test("microdata with its codebook, SPSS, Stata and R files from the results page; R reproduces the published figures", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  await admin.goto("/survey/waves/2025/results");
  const files = admin.getByTestId("microdata-files");
  const [doFile] = await Promise.all([admin.waitForEvent("download"), files.getByRole("link", { name: "Stata do-file" }).click()]);
  expect(doFile.suggestedFilename()).toBe("udn-2025.do");
  const stata = readFileSync((await doFile.path())!, "utf8");
  expect(stata).toContain('import delimited using `"udn-2025-microdata.csv"\'');
  expect(stata).toContain("mvdecode trust_police, mv(8=.a \\ 9=.b)");
  expect(stata).toContain("svyset _n [pweight = weight], strata(stratum) singleunit(centered)");
  const [rFile] = await Promise.all([admin.waitForEvent("download"), files.getByRole("link", { name: "R script" }).click()]);
  expect(rFile.suggestedFilename()).toBe("udn-2025.R");
  const script = readFileSync((await rFile.path())!, "utf8");
  expect(script).toContain("design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = udn[completed, ])");
  // the microdata links are the administration's: not on the public page
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/survey/waves/2025/results");
  await expect(anonymous.getByTestId("key-indicators")).toBeVisible();
  await expect(anonymous.getByTestId("microdata-files")).toHaveCount(0);
  expect((await anonymous.request.get("/api/survey/waves/2025/microdata?format=r")).status()).toBe(401);

  test.skip(!R_SURVEY, "Rscript with the survey package is not installed");
  const dir = mkdtempSync(path.join(tmpdir(), "udn-e2e-"));
  try {
    const csv = await admin.request.get("/api/survey/waves/2025/microdata?format=csv");
    writeFileSync(path.join(dir, "udn-2025-microdata.csv"), await csv.body());
    writeFileSync(
      path.join(dir, "check.R"),
      `${script}\nm <- svymean(~trust_prosecutor, design, na.rm = TRUE)\ncat(sprintf("%.6f", 100 * coef(m)), sep = ",")\ncat("\\n")\ncat(sprintf("%.6f", 100 * SE(m)), sep = ",")\n`,
    );
    const out = execFileSync("Rscript", ["check.R"], { cwd: dir, encoding: "utf8", timeout: 150_000 }).trim().split("\n");
    const shares = out[0].split(",").map(Number);
    const ses = out[1].split(",").map(Number);
    const api = (await (await admin.request.get("/api/survey/waves/2025/results")).json()).overall.trust_prosecutor;
    ["1", "2", "3", "4", "8", "9"].forEach((code, i) => {
      expect(Math.abs(shares[i] - api[code]), code).toBeLessThanOrEqual(0.05);
      expect(Math.abs(ses[i] - api.se[code]), code).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    expect(shares[0]).toBeCloseTo(66.2, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
