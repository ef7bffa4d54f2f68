// Reads the CEPEJ 2020–2022 seed (the questionnaire as answered by Kazakhstan) ONCE and writes
// modules/cepej/definitions/cepej-2020-2022/seed-index.json: the structure the definition must
// conform to (question numbers in order, table rows and columns, sums written in row labels,
// case-flow tables). The app and its tests read only the committed JSON, never the seed.
//
//   npx tsx scripts/index-cepej-seed.ts [SEED_FILE]
//
// Seed conventions: a question line starts with its number ("046-1-3. …", sometimes in bold
// "**104. …"); sources lines start with a letter ("A1. …"); a table is a run of tab-separated
// lines (blank lines may fall between them): an optional header line (an empty first field, or
// one field fewer than the rows), then one line per row: the row label, then one field per cell.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const repo = path.resolve(__dirname, "..");
const seedFile = path.resolve(process.argv[2] ?? path.join(repo, "../shared/seeds/002_79011416241126e6.txt"));
const outFile = path.join(repo, "modules/cepej/definitions/cepej-2020-2022/seed-index.json");

const QUESTION = /^(?:\*\*)?(\d{3}(?:-\d+)*)\.\s/;
const SOURCES = /^(?:\*\*)?([A-Z]\d*)\.\s+Please indicate the sources/;
/** A sum written in a label: "(1 + 2 + 3)", "(2.1+2.2+2.3)", "(12-1.1 + 12-1.2)", "(3.1.1+…+3.1.4.)". */
const SUM = /\(\s*(\d+(?:[.-]\d+)*\.?(?:\s*\+\s*\d+(?:[.-]\d+)*\.?)+)\s*\)/g;
/** A range written in a label: "Total number (total 1 to 10)". */
const RANGE = /\(\s*total\s+(\d+)\s+to\s+(\d+)\s*\)/gi;
/** The number a row label starts with: "1. …", "2.1 …", "12-1.1 …", "3.1.Discontinued …", "1 Total …". */
const ROW_NUMBER = /^(\d+(?:[.-]\d+)*)\.?(?=\s|[A-Za-z]|$)/;

type Table = {
  /** Line (1-based) of the table's first line in the seed. */
  line: number;
  /** Column headers as printed; empty when the table prints no header line. */
  columns: string[];
  /** Row labels as printed (the first tab field of each row line). */
  rows: string[];
};
type SeedQuestion = { id: string; line: number; repeatedAt?: number[]; tables?: Table[] };
type SeedSum = {
  question: string;
  /** The row label the sum is written in. */
  row: string;
  /** The formula as written inside the parentheses. */
  written: string;
  /** The row numbers it adds up ("1", "2.1", "12-1.1"). */
  parts: string[];
  /** The labels of those rows in the same table. */
  partRows: string[];
};
type SeedCaseFlow = {
  question: string;
  /** "columns": one case flow per row (Q091 …); "rows": one case flow laid out in rows (Q107). */
  layout: "columns" | "rows";
  pendingStart: string;
  incoming: string;
  resolved: string;
  pendingEnd: string;
};

const lines = readFileSync(seedFile, "utf8").replace(/\r\n?/g, "\n").split("\n");

// 1. Questions, in order, with the lines each one spans (a repeated number keeps its first block).
const questions: SeedQuestion[] = [];
const sources: { id: string; line: number }[] = [];
const blocks: { q: SeedQuestion; from: number; to: number }[] = [];
let current: { q: SeedQuestion; from: number } | null = null;
const close = (to: number) => {
  if (current) blocks.push({ ...current, to });
  current = null;
};
lines.forEach((text, i) => {
  const q = QUESTION.exec(text);
  const s = SOURCES.exec(text);
  if (!q && !s) return;
  close(i);
  if (s) {
    sources.push({ id: s[1], line: i + 1 });
    return;
  }
  const id = q![1];
  const seen = questions.find((x) => x.id === id);
  if (seen) {
    (seen.repeatedAt ??= []).push(i + 1);
    return; // the seed prints some questions twice (032-0, 032-1): index the first one
  }
  const question: SeedQuestion = { id, line: i + 1 };
  questions.push(question);
  current = { q: question, from: i + 1 };
});
close(lines.length);

// 2. Tables of each question.
/** "------\t---\t--": a rule under a header, not a row (a header "\t-" is a real header, Q059-1). */
const isSeparator = (fields: string[]) => /^\s*-+\s*$/.test(fields[0]) && fields.every((f) => /^[-\s]*$/.test(f));
const NA_NAP = /^\s*(?:\[[ X]?\]\s*)?NAP?\s*$/;
const nextNonBlank = (i: number, to: number) => {
  let j = i + 1;
  while (j < to && lines[j].trim() === "") j++;
  return j;
};
const clean = (s: string) => s.replace(/\s+/g, " ").trim();

for (const { q, from, to } of blocks) {
  let i = from;
  while (i < to) {
    if (!lines[i].includes("\t")) {
      i++;
      continue;
    }
    // A table: tab lines, possibly separated by blank lines, up to the next non-blank plain line.
    const start = i;
    const run: { line: number; fields: string[] }[] = [];
    for (;;) {
      while (i < to && (lines[i].includes("\t") || lines[i].trim() === "")) {
        if (lines[i].includes("\t")) run.push({ line: i + 1, fields: lines[i].split("\t") });
        i++;
      }
      // A row whose cells fell onto lines of their own: its label alone, then "NA", "NAP" (Q131-0).
      const after = nextNonBlank(i, to);
      if (after < to && !QUESTION.test(lines[i]) && !NA_NAP.test(lines[i]) && NA_NAP.test(lines[after])) {
        run.push({ line: i + 1, fields: [lines[i], ""] });
        i = after;
        while (i < to && (NA_NAP.test(lines[i]) || lines[i].trim() === "")) i++;
        continue;
      }
      break;
    }
    const body = run.filter((r) => !isSeparator(r.fields));
    if (!body.length) continue;
    let columns: string[] = [];
    let rowsFrom = 0;
    const first = body[0].fields;
    const next = body[1]?.fields;
    if (first[0].trim() === "") {
      columns = first.slice(1).map(clean);
      rowsFrom = 1;
    } else if (next && first.length < next.length) {
      columns = first.map(clean);
      rowsFrom = 1;
    } else if (body.every((r) => r.fields.length === 2)) {
      // A one-column table whose header lost its tab: the plain line just above the table, when it
      // is not the question's own text ("Assisted by a free of charge lawyer", "Yes / No").
      let h = start - 1;
      while (h > from && lines[h].trim() === "") h--;
      if (h > from && !QUESTION.test(lines[h]) && !lines[h].includes("\t") && lines[h].trim().length <= 80 && !/^Comments?\b/.test(lines[h])) {
        columns = [clean(lines[h])];
      }
    }
    const rows = body
      .slice(rowsFrom)
      .filter((r) => r.fields[0].trim() !== "") // an empty label continues the cells above (NA / NAP boxes)
      .map((r) => r.fields[0].trimEnd());
    (q.tables ??= []).push({ line: start + 1, columns, rows });
  }
}

// 3. Sums written in row labels, resolved to the labels of the rows they add up.
const rowNumber = (label: string) => ROW_NUMBER.exec(label.trim())?.[1] ?? null;
const sums: SeedSum[] = [];
for (const q of questions) {
  for (const t of q.tables ?? []) {
    for (const row of t.rows) {
      const found: { written: string; parts: string[] }[] = [];
      for (const m of row.matchAll(SUM)) {
        found.push({ written: m[1], parts: m[1].split("+").map((p) => p.trim().replace(/\.$/, "")) });
      }
      for (const m of row.matchAll(RANGE)) {
        const [a, b] = [Number(m[1]), Number(m[2])];
        found.push({ written: m[0].slice(1, -1).trim(), parts: Array.from({ length: b - a + 1 }, (_, k) => String(a + k)) });
      }
      for (const f of found) {
        const partRows = f.parts.map((n) => {
          const matches = t.rows.filter((r) => r !== row && rowNumber(r) === n);
          if (matches.length !== 1) throw new Error(`Q${q.id}: row "${n}" of "${row}" matches ${matches.length} rows`);
          return matches[0];
        });
        sums.push({ question: q.id, row, written: f.written, parts: f.parts, partRows });
      }
    }
  }
}

// 4. Case-flow tables: pending on 1 Jan / incoming / resolved / pending on 31 Dec.
const FLOW = {
  pendingStart: /pending.*1\s*jan/i,
  incoming: /incoming/i,
  resolved: /resolved|processed/i,
  pendingEnd: /pending.*31\s*dec/i,
} as const;
const caseFlows: SeedCaseFlow[] = [];
for (const q of questions) {
  for (const t of q.tables ?? []) {
    for (const layout of ["columns", "rows"] as const) {
      const labels = layout === "columns" ? t.columns : t.rows;
      const pick = (re: RegExp) => labels.filter((l) => re.test(l));
      const roles = Object.fromEntries(Object.entries(FLOW).map(([k, re]) => [k, pick(re)])) as Record<keyof typeof FLOW, string[]>;
      if (Object.values(roles).some((v) => v.length === 0)) continue;
      for (const [k, v] of Object.entries(roles)) {
        if (v.length !== 1) throw new Error(`Q${q.id}: ${v.length} ${layout} match the case-flow role ${k}`);
      }
      caseFlows.push({
        question: q.id,
        layout,
        pendingStart: roles.pendingStart[0],
        incoming: roles.incoming[0],
        resolved: roles.resolved[0],
        pendingEnd: roles.pendingEnd[0],
      });
    }
  }
}

const index = {
  $comment:
    "Generated by scripts/index-cepej-seed.ts from the CEPEJ 2020-2022 seed (Kazakhstan's reply). Committed data: tests read this file, never the seed.",
  seed: path.basename(seedFile),
  counts: {
    questions: questions.length,
    sources: sources.length,
    tables: questions.reduce((n, q) => n + (q.tables?.length ?? 0), 0),
    rows: questions.reduce((n, q) => n + (q.tables ?? []).reduce((m, t) => m + t.rows.length, 0), 0),
    sums: sums.length,
    caseFlows: caseFlows.length,
  },
  questions,
  sources,
  sums,
  caseFlows,
};
writeFileSync(outFile, JSON.stringify(index, null, 2) + "\n");
console.log(`${path.relative(repo, outFile)}: ${JSON.stringify(index.counts)}`);
const repeated = questions.filter((q) => q.repeatedAt);
if (repeated.length) console.log(`printed more than once: ${repeated.map((q) => `${q.id} (lines ${[q.line, ...q.repeatedAt!].join(", ")})`).join("; ")}`);
const multi = questions.filter((q) => (q.tables?.length ?? 0) > 1);
if (multi.length) console.log(`several tables: ${multi.map((q) => `${q.id} (${q.tables!.length})`).join(", ")}`);
