// The Stata and R scripts (stats-syntax.ts) and the SPSS syntax (codebook.ts) for the microdata:
// their content against the codebook, and — where the programs are installed — loading a microdata
// CSV with them: R (with the survey package) must reproduce the shares and standard errors of
// estimate.ts through the design object it builds; PSPP must read every case with its labels.
// No Stata here: the do-file's content is checked.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rScript, stataDo } from "./stats-syntax";
import { codebookCsv, microdataVariables, spssSyntax } from "./codebook";
import { microdataCsv, microdataHeader } from "./microdata";
import { distribution, type Interview } from "./estimate";
import { interviewToAnswers } from "./records";
import { syntheticInterviews, TARGETS_2025 } from "@/seed/survey/synthetic";
import { readCsv } from "./csv-read";

const has = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
};
const R_SURVEY = has("Rscript", ["-e", "library(survey)"]);
const PSPP = has("pspp", ["--version"]);

// 240 households in six strata with unequal weights; about 4.5 % without an interview.
const SAMPLE = Array.from({ length: 240 }, (_, i) => {
  const region = ["AST", "ALA", "TUR"][i % 3];
  const settlement = (i % 2 ? "1" : "2") as "1" | "2";
  return { household_id: `2025-${region}-${String(i).padStart(5, "0")}`, region, settlement, weight: 150 + ((i * 37) % 200) };
});
const INTERVIEWS: Interview[] = syntheticInterviews(SAMPLE, { targets: TARGETS_2025, seed: "stats-syntax" });
const CSV = microdataCsv(
  INTERVIEWS.map((it) => ({
    household: { household_id: it.household_id, region: it.region, settlement: it.settlement, weight: it.weight },
    answers: interviewToAnswers(it),
  })),
);

describe("Stata do-file", () => {
  const text = stataDo({ file: "udn-2025-microdata.csv" });
  const lines = text.split("\r\n");
  const vars = microdataVariables();
  it("imports the CSV with strings as strings and labels every variable", () => {
    expect(text).toContain('import delimited using `"udn-2025-microdata.csv"\', varnames(1)');
    const strings = vars.flatMap((v, i) => (v.type === "numeric" ? [] : [i + 1]));
    expect(text).toContain(`stringcols(${strings.join(" ")})`);
    expect(strings).toContain(1); // household_id
    for (const v of vars) {
      expect(v.name, "a Stata name").toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/);
      expect(lines.filter((l) => l.startsWith(`label variable ${v.name} \``))).toHaveLength(1);
    }
    expect(text).toContain('generate double interview_date_d = date(interview_date, "YMD")');
    expect(text).toContain("format interview_date %tdCCYY-NN-DD");
  });
  it("labels values, with 8 and 9 as the extended missing .a and .b where the codebook says so", () => {
    expect(lines).toContain(
      'label define trust_police 1 `"trust fully"\' 2 `"partially trust"\' 3 `"rather distrust"\' 4 `"distrust"\' .a `"never encountered it"\' .b `"difficult to answer"\', replace',
    );
    expect(lines).toContain("mvdecode trust_police, mv(8=.a \\ 9=.b)");
    expect(lines).toContain("mvdecode safe_day, mv(9=.b)");
    expect(lines).toContain("label values sex sex");
    expect(text).not.toContain("mvdecode sex,");
    expect(text).not.toContain("mvdecode unsafe_reasons_8,"); // 8 = other is an answer
    for (const v of vars.filter((x) => x.type === "numeric" && x.values.length)) expect(lines, v.name).toContain(`label values ${v.name} ${v.name}`);
    expect(text).toContain("svyset _n [pweight = weight], strata(stratum) singleunit(centered)");
    expect(text).toContain("egen int stratum = group(region settlement)");
  });
  it("cannot be broken out of a label", () => {
    expect(stataDo({ file: 'a"b$x`c.csv' })).toContain('`"a"b\\$x\\`c.csv"\'');
  });
});

describe("codebook missing column", () => {
  it("names the no-opinion codes the scripts treat as missing", () => {
    const read = readCsv(codebookCsv());
    if (!read.ok) throw new Error(read.error.reason);
    const rows = Object.fromEntries(read.records.slice(1).map((r) => [r.fields[0], r.fields]));
    expect(read.records[0].fields[5]).toBe("missing");
    expect(rows.trust_courts[5]).toBe("8; 9");
    expect(rows.crime_trend[5]).toBe("9");
    expect(rows.sex[5]).toBe("");
  });
});

describe("R script", () => {
  const text = rScript({ file: "udn-2025-microdata.csv" });
  it("reads every column with its class, makes factors with labels and the design object", () => {
    for (const name of microdataHeader()) expect(text).toMatch(new RegExp(`\\n    ${name} = "(numeric|character)"`));
    expect(text).toContain('udn$sex <- factor(udn$sex, levels = c(1, 2), labels = c("male", "female"))');
    expect(text).toContain('udn$region <- factor(udn$region, levels = c("ABA", ');
    expect(text).toContain("design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = udn[completed, ])");
    expect(text).toContain('trust_police = c("never encountered it", "difficult to answer")');
  });

  it.skipIf(!R_SURVEY)(
    "loads the CSV and reproduces the shares and standard errors of the estimates",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "udn-r-"));
      try {
        writeFileSync(path.join(dir, "udn-2025-microdata.csv"), CSV);
        const check = [
          text,
          "m <- svymean(~trust_police, design, na.rm = TRUE)",
          'cat(nrow(udn), sum(completed), levels(udn$trust_police)[1], attr(udn$trust_police, "label"), class(udn$interview_date), sep = "|")',
          'cat("\\n")',
          'cat(sprintf("%.6f", 100 * coef(m)), sep = ",")',
          'cat("\\n")',
          'cat(sprintf("%.6f", 100 * SE(m)), sep = ",")',
        ].join("\n");
        writeFileSync(path.join(dir, "check.R"), check);
        const out = execFileSync("Rscript", ["check.R"], { cwd: dir, encoding: "utf8", timeout: 120_000 }).trim().split("\n");
        const [rows, completed, firstLevel, label, dateClass] = out[0].split("|");
        expect(Number(rows)).toBe(INTERVIEWS.length);
        expect(Number(completed)).toBe(INTERVIEWS.filter((i) => i.result === "1").length);
        expect(firstLevel).toBe("trust fully");
        expect(label).toBe("How much do you trust: Police");
        expect(dateClass).toBe("Date");
        const shares = out[1].split(",").map(Number);
        const ses = out[2].split(",").map(Number);
        const js = distribution(INTERVIEWS, "trust_police").total;
        ["1", "2", "3", "4", "8", "9"].forEach((code, i) => {
          expect(shares[i], code).toBeCloseTo(js.shares[code], 1);
          expect(ses[i], code).toBeCloseTo(js.se[code], 2);
        });
        expect(js.se["1"]).toBeGreaterThan(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe.skipIf(!PSPP)("SPSS syntax in PSPP", () => {
  it("reads every case and applies the labels and the weight", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "udn-pspp-"));
    try {
      writeFileSync(path.join(dir, "udn-2025-microdata.csv"), CSV);
      const sps =
        spssSyntax({ file: path.join(dir, "udn-2025-microdata.csv") }) +
        "\r\nDISPLAY LABELS.\r\nFREQUENCIES VARIABLES=sex trust_police.\r\nDESCRIPTIVES VARIABLES=age.\r\n";
      writeFileSync(path.join(dir, "load.sps"), sps);
      execFileSync("pspp", ["-O", "format=txt", "-o", path.join(dir, "out.txt"), path.join(dir, "load.sps")], { cwd: dir, timeout: 120_000 });
      const out = readFileSync(path.join(dir, "out.txt"), "utf8");
      expect(out).not.toMatch(/^error|warning/im);
      expect(out).toContain("How much do you trust: Police");
      expect(out).toContain("trust fully");
      expect(out).toContain("female");
      // every case read, weighted by its design weight; the valid percent is the weighted share
      const total = INTERVIEWS.reduce((sum, it) => sum + it.weight, 0);
      expect(out).toMatch(new RegExp(`\\|Total\\s+\\|\\s*${total.toFixed(6)}\\|`));
      const share = distribution(INTERVIEWS, "trust_police").total.shares["1"];
      expect(out).toMatch(new RegExp(`\\|Valid\\s+trust fully\\s+\\|[^|]+\\|[^|]+\\|\\s*${share.toFixed(1)}%\\|`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
