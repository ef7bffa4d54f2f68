// Standard errors, intervals and design effects of the weighted shares (estimate.ts, precision),
// against the Taylor linearisation written out over the records here, and against R's survey
// package (svydesign + svymean / svyby) when Rscript with the package is installed.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { distribution, distributionFromTallies, keyIndicators, keyIndicatorsFromTallies, type Interview } from "./estimate";
import { interviewToAnswers } from "./records";
import { interviewTallies, type Tally } from "./server/tallies";

let seq = 0;
const iv = (region: string, settlement: "1" | "2", weight: number, fields: Partial<Interview> = {}): Interview => ({
  household_id: `2025-${region}-${String(++seq).padStart(5, "0")}`,
  region,
  settlement,
  weight,
  result: "1",
  ...fields,
});

// Four strata (region × settlement), thirteen completed households with unequal weights, one of
// them alone in its stratum (KAR rural), two that did not answer trust_police (in the design, not
// in the base), and one refusal (not in the design).
const FIXTURE: Interview[] = [
  iv("AST", "1", 120, { trust_police: "1", sex: "1" }),
  iv("AST", "1", 80, { trust_police: "2", sex: "2" }),
  iv("AST", "1", 150, { trust_police: "1", sex: "2" }),
  iv("AST", "1", 100, { sex: "1" }),
  iv("AST", "1", 90, { trust_police: "9", sex: "2" }),
  iv("ALA", "1", 300, { trust_police: "1", sex: "1" }),
  iv("ALA", "1", 250, { trust_police: "1", sex: "2" }),
  iv("ALA", "1", 400, { trust_police: "3", sex: "2" }),
  iv("ALA", "1", 275, { trust_police: "2", sex: "1" }),
  iv("TUR", "2", 600, { trust_police: "2", sex: "2" }),
  iv("TUR", "2", 900, { trust_police: "1", sex: "1" }),
  iv("TUR", "2", 750, { sex: "2" }),
  iv("KAR", "2", 1000, { trust_police: "4", sex: "1" }),
  iv("KAR", "1", 500, { trust_police: "1", result: "2" }),
];
const CODES = ["1", "2", "3", "4", "8", "9"];

/**
 * The reference, straight from the definition over the records: the completed interviews are the
 * design; for a domain, a_i = 1 if interview i is in it and answered; p = Σ a w y / Σ a w;
 * z_i = a_i w_i (y_i − p) / Σ a w; V = Σ_h n_h/(n_h − 1) Σ_i (z_hi − z̄_h)², a stratum with one
 * interview contributing z² (R's survey.lonely.psu = "adjust"); deff = V / (p (1 − p) / (n − 1)).
 */
function reference(records: Interview[], code: string, inDomain: (it: Interview) => boolean) {
  const design = records.filter((it) => it.result === "1");
  const a: number[] = design.map((it) => (inDomain(it) && it.trust_police ? 1 : 0));
  const y: number[] = design.map((it) => (it.trust_police === code ? 1 : 0));
  const W = design.reduce((s, it, i) => s + a[i] * it.weight, 0);
  const p = design.reduce((s, it, i) => s + a[i] * it.weight * y[i], 0) / W;
  const z = design.map((it, i) => (a[i] * it.weight * (y[i] - p)) / W);
  let v = 0;
  for (const stratum of new Set(design.map((it) => `${it.region}/${it.settlement}`))) {
    const zh = z.filter((_, i) => `${design[i].region}/${design[i].settlement}` === stratum);
    const nh = zh.length;
    if (nh === 1) {
      v += zh[0] ** 2;
      continue;
    }
    const mean = zh.reduce((s, x) => s + x, 0) / nh;
    v += (nh / (nh - 1)) * zh.reduce((s, x) => s + (x - mean) ** 2, 0);
  }
  const n = a.reduce((s, x) => s + x, 0);
  const se = 100 * Math.sqrt(v);
  return { p: 100 * p, se, ci: [100 * p - 1.959964 * se, 100 * p + 1.959964 * se], deff: v / ((p * (1 - p)) / (n - 1)) };
}

/** The fixture as tally rows (interviewTallies summed by key), as survey_tallies holds them. */
function tallies(records: Interview[]): Tally[] {
  const rows = new Map<string, Tally>();
  for (const it of records) {
    for (const t of interviewTallies(it, Object.entries(interviewToAnswers(it)))) {
      const k = [t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup].join("|");
      const r = rows.get(k);
      if (r) {
        r.weight += t.weight;
        r.weight2 += t.weight2;
        r.n += t.n;
      } else rows.set(k, { ...t });
    }
  }
  return [...rows.values()];
}

describe("precision of the shares (Taylor linearisation, stratified design)", () => {
  it("overall: se, ci95 and deff as the formula over the records gives", () => {
    const d = distribution(FIXTURE, "trust_police").total;
    expect(d.n).toBe(11);
    for (const code of CODES) {
      const r = reference(FIXTURE, code, () => true);
      expect(d.shares[code], code).toBeCloseTo(r.p, 1);
      expect(Math.abs(d.se[code] - r.se), code).toBeLessThanOrEqual(0.005 + 1e-9);
      if (r.se > 0) {
        expect(Math.abs(d.ci95[code][0] - Math.max(0, r.ci[0])), code).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(d.ci95[code][1] - Math.min(100, r.ci[1])), code).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(d.deff[code]! - r.deff), code).toBeLessThanOrEqual(0.005 + 1e-9);
      } else expect(d.deff[code], code).toBeNull(); // code never given: p = 0
    }
    // not a degenerate fixture: real, unequal standard errors
    expect(d.se["1"]).toBeGreaterThan(5);
    expect(d.se["2"]).not.toBe(d.se["1"]);
  });

  it("by region and by sex (domains): the other strata count with z = 0", () => {
    const byRegion = distribution(FIXTURE, "trust_police", { by: "region" });
    const bySex = distribution(FIXTURE, "trust_police", { by: "sex" });
    for (const code of CODES) {
      for (const region of ["AST", "ALA", "TUR", "KAR"]) {
        const r = reference(FIXTURE, code, (it) => it.region === region);
        expect(Math.abs(byRegion[region].se[code] - r.se), `${region} ${code}`).toBeLessThanOrEqual(0.005 + 1e-9);
      }
      for (const sex of ["1", "2"]) {
        const r = reference(FIXTURE, code, (it) => it.sex === sex);
        expect(Math.abs(bySex[sex].se[code] - r.se), `sex ${sex} ${code}`).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }
    // KAR: one interview alone in its stratum, its share has the "adjust" variance, not 0 or NaN
    expect(byRegion.KAR.shares["4"]).toBe(100);
    expect(byRegion.KAR.se["4"]).toBe(0);
    expect(byRegion.TUR.se["1"]).toBeGreaterThan(0);
  });

  it("the tallies (Σ w, Σ w², n per stratum) give the same figures as the records", () => {
    const rows = tallies(FIXTURE);
    expect(rows.every((t) => t.weight2 > 0)).toBe(true);
    for (const by of [undefined, "region", "settlement", "sex", "ageGroup"] as const) {
      expect(distributionFromTallies(rows, "trust_police", { by })).toEqual(distribution(FIXTURE, "trust_police", { by }));
    }
    const k = keyIndicatorsFromTallies(rows);
    expect(k).toEqual(keyIndicators(FIXTURE));
    expect(k.overall.trust_police.se["1"]).toBe(distribution(FIXTURE, "trust_police").total.se["1"]);
    expect(k.byRegion.AST.trust_police.ci95["1"]).toEqual(distribution(FIXTURE, "trust_police", { by: "region" }).AST.ci95["1"]);
  });
});

/** Rscript with the survey package, if installed (Debian: apt-get install r-cran-survey). */
const R_SURVEY = (() => {
  try {
    execFileSync("Rscript", ["-e", "library(survey)"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!R_SURVEY)("against R's survey package (svydesign + svymean / svyby)", () => {
  it("gives R's standard errors and design effects, overall and by region", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "precision-r-"));
    try {
      const design = FIXTURE.filter((it) => it.result === "1");
      const csv = path.join(dir, "fixture.csv");
      writeFileSync(
        csv,
        [
          "stratum,region,weight,trust_police",
          ...design.map((it) => `${it.region}_${it.settlement},${it.region},${it.weight},${it.trust_police ?? "NA"}`),
        ].join("\n"),
      );
      const script = `
        suppressMessages(library(survey))
        options(survey.lonely.psu = "adjust")
        d <- read.csv(${JSON.stringify(csv)}, colClasses = c("character", "character", "numeric", "character"))
        d$trust_police <- factor(d$trust_police)
        des <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = d)
        m <- svymean(~trust_police, des, na.rm = TRUE, deff = "replace")
        lv <- levels(d$trust_police)
        cat(sprintf("ALL|%s|%.10f|%.10f|%.10f\\n", lv, coef(m), SE(m), deff(m)), sep = "")
        b <- svyby(~trust_police, ~region, des, svymean, na.rm = TRUE)
        for (r in rownames(b)) cat(sprintf("%s|%s|%.10f|%.10f|NA\\n", r, lv, unlist(b[r, paste0("trust_police", lv)]), unlist(b[r, paste0("se.trust_police", lv)])), sep = "")
      `;
      const out = execFileSync("Rscript", ["-e", script], { encoding: "utf8", timeout: 120_000 });
      const lines = out.trim().split("\n");
      expect(lines.length).toBeGreaterThan(20);
      const overall = distribution(FIXTURE, "trust_police").total;
      const byRegion = distribution(FIXTURE, "trust_police", { by: "region" });
      for (const line of lines) {
        const [scope, code, mean, se, deff] = line.split("|");
        const d = scope === "ALL" ? overall : byRegion[scope];
        expect(d.shares[code], line).toBeCloseTo(100 * Number(mean), 1);
        expect(Math.abs(d.se[code] - 100 * Number(se)), line).toBeLessThanOrEqual(0.005 + 1e-9);
        if (deff !== "NA") expect(Math.abs(d.deff[code]! - Number(deff)), line).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
