// Stata and R scripts that load the UDN microdata CSV (modules/survey/microdata.ts) with the
// codebook's labels (modules/survey/codebook.ts), beside the SPSS syntax there. Both declare the
// survey design of the estimates (modules/survey/estimate.ts): strata = region × settlement,
// households the primary units, design weights; so their svymean / svy: proportion reproduce the
// published shares and standard errors.
import { microdataVariables, type MicrodataVariable } from "./codebook";

/** A Stata string: compound double quotes (inner quotes need no escape); ` and $ would start a macro. */
const stataText = (s: string) => '`"' + s.replace(/[`$\\]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ") + `"'`;
/** Stata: variable labels up to 80 characters. */
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Stata's extended missing value for a no-opinion code. */
const EXTENDED: Record<string, string> = { "8": ".a", "9": ".b" };

/**
 * A Stata do-file (Stata 14 or later: UTF-8): imports the CSV (strings kept as strings, codes as
 * numbers), converts the interview date, labels variables and values, turns the codebook's
 * no-opinion codes into extended missing values (8 → .a, 9 → .b, labelled: `tab x, missing` shows
 * them) and declares the design with svyset.
 */
export function stataDo(options: { file?: string } = {}): string {
  const file = options.file ?? "udn-microdata.csv";
  const vars = microdataVariables();
  const position = (v: MicrodataVariable) => vars.indexOf(v) + 1;
  const strings = vars.filter((v) => v.type !== "numeric");
  const numbers = vars.filter((v) => v.type === "numeric");
  const lines: string[] = [
    "* Encoding: UTF-8 (Stata 14 or later).",
    "* Household survey UDN: The level of public confidence in law enforcement agencies and the judicial system.",
    "* Microdata: one observation per interview. Questions that are not asked (skip logic) are empty: missing (.).",
    "* No-opinion codes (8 never encountered it, 9 difficult to answer) are the extended missing values .a and .b:",
    "* the release counts them as answers; tab x, missing shows them, and mvencode x, mv(.a=8 \\ .b=9) restores the codes.",
    "version 14",
    "clear",
    `import delimited using ${stataText(file)}, varnames(1) delimiters(",") bindquote(strict) encoding("utf-8") case(preserve) ///`,
    `    stringcols(${strings.map(position).join(" ")}) numericcols(${numbers.map(position).join(" ")}) clear`,
    "* A byte-order mark before the first name makes it v1 in some versions.",
    `capture confirm variable ${vars[0].name}`,
    `if _rc rename v1 ${vars[0].name}`,
    "",
  ];
  for (const v of vars.filter((x) => x.type === "date")) {
    lines.push(
      `generate double ${v.name}_d = date(${v.name}, "YMD")`,
      `order ${v.name}_d, after(${v.name})`,
      `drop ${v.name}`,
      `rename ${v.name}_d ${v.name}`,
      `format ${v.name} %tdCCYY-NN-DD`,
    );
  }
  lines.push("", "* Variable labels");
  for (const v of vars) lines.push(`label variable ${v.name} ${stataText(clip(v.label, 80))}`);
  lines.push("", "* Value labels (a label set per variable, named after it)");
  for (const v of vars.filter((x) => x.values.length)) {
    if (v.type !== "numeric") {
      lines.push(`* ${v.name} is a string code: ${v.values.map(([c, l]) => `${c}=${l}`).join("; ")}`);
      continue;
    }
    const pairs = v.values.map(([code, label]) => `${v.missing.includes(code) ? EXTENDED[code] : code} ${stataText(label)}`);
    lines.push(`label define ${v.name} ${pairs.join(" ")}, replace`);
    if (v.missing.length) lines.push(`mvdecode ${v.name}, mv(${v.missing.map((c) => `${c}=${EXTENDED[c]}`).join(" \\ ")})`);
    lines.push(`label values ${v.name} ${v.name}`);
  }
  lines.push(
    "",
    "* Survey design: strata = region × settlement type, households the primary units, design weights.",
    "* The release's design is the completed interviews (result = 1); the others carry no answers.",
    '* singleunit(centered): a stratum with one interview counts as R\'s survey.lonely.psu = "adjust".',
    "keep if result == 1",
    "egen int stratum = group(region settlement)",
    'label variable stratum "Stratum (region × settlement type)"',
    "svyset _n [pweight = weight], strata(stratum) singleunit(centered)",
    "* e.g. svy: proportion trust_police, missing    (over: svy, over(region): proportion …)",
    "",
  );
  return lines.join("\r\n");
}

/** An R string literal. */
const rText = (s: string) => JSON.stringify(s);

/**
 * An R script: reads the CSV with the right column classes, makes every coded variable a factor
 * with its labels, keeps each variable's label in attr(, "label"), and builds the survey design
 * object of the estimates (design: the completed interviews).
 */
export function rScript(options: { file?: string } = {}): string {
  const file = options.file ?? "udn-microdata.csv";
  const vars = microdataVariables();
  const colClass = (v: MicrodataVariable) => (v.type === "numeric" ? "numeric" : "character");
  const lines: string[] = [
    "# Encoding: UTF-8.",
    "# Household survey UDN: The level of public confidence in law enforcement agencies and the judicial system.",
    "# Microdata: one row per interview. Questions that are not asked (skip logic) are empty: NA.",
    "# No-opinion codes (8 never encountered it, 9 difficult to answer) stay factor levels, as the release",
    "# counts them; the list no_opinion names them, e.g. droplevels(factor(x, exclude = no_opinion$trust_police)).",
    "library(survey)",
    "",
    `udn <- read.csv(${rText(file)}, fileEncoding = "UTF-8-BOM", na.strings = "", check.names = FALSE,`,
    "  colClasses = c(",
    ...vars.map((v, i) => `    ${v.name} = ${rText(colClass(v))}${i < vars.length - 1 ? "," : ""}`),
    "  ))",
    "",
  ];
  for (const v of vars.filter((x) => x.type === "date")) lines.push(`udn$${v.name} <- as.Date(udn$${v.name})`);
  lines.push("", "# The design: completed interviews (result = 1), before result becomes a factor.", "completed <- !is.na(udn$result) & udn$result == 1", "");
  lines.push("# Factors with the codebook's value labels");
  for (const v of vars.filter((x) => x.values.length)) {
    const levels = v.values.map(([c]) => (v.type === "numeric" ? c : rText(c))).join(", ");
    const labels = v.values.map(([, l]) => rText(l)).join(", ");
    lines.push(`udn$${v.name} <- factor(udn$${v.name}, levels = c(${levels}), labels = c(${labels}))`);
  }
  lines.push("", "# Variable labels", "var_labels <- c(", ...vars.map((v, i) => `  ${v.name} = ${rText(v.label)}${i < vars.length - 1 ? "," : ""}`), ")");
  lines.push('for (v in names(var_labels)) attr(udn[[v]], "label") <- var_labels[[v]]', "");
  const withMissing = vars.filter((v) => v.missing.length);
  lines.push(
    "# The no-opinion answers of each variable (as labels)",
    "no_opinion <- list(",
    ...withMissing.map(
      (v, i) => `  ${v.name} = c(${v.missing.map((c) => rText(v.values.find(([k]) => k === c)![1])).join(", ")})${i < withMissing.length - 1 ? "," : ""}`,
    ),
    ")",
    "",
    "# Survey design: strata = region × settlement type, households the primary units (sampled with",
    "# replacement), design weights; a stratum with one interview is centred on the grand mean.",
    'options(survey.lonely.psu = "adjust")',
    "udn$stratum <- interaction(udn$region, udn$settlement, drop = TRUE)",
    "design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = udn[completed, ])",
    "# e.g. svymean(~trust_police, design, na.rm = TRUE); svyby(~trust_police, ~region, design, svymean, na.rm = TRUE)",
    "",
  );
  return lines.join("\n");
}
