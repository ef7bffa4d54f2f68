// Imports Kazakhstan's reply to the CEPEJ 2020–2022 questionnaire from the seed (a text export of
// the filled-in questionnaire) ONCE, and writes it as a committed fixture:
//
//   npx tsx scripts/import-cepej-seed.ts [SEED_FILE] [--verbose]
//     (default SEED_FILE: ../shared/seeds/002_79011416241126e6.txt, relative to the project root;
//      --verbose also lists the cells the seed leaves blank)
//   → seed/cepej/kz-2020-2022.json
//       { cycle, country, referenceYear, answers: { "<storage key>": { num, text, status } } }
//
// The app and the tests read only the committed fixture, never the seed.
//
// How the seed is read:
//  - It is split into question blocks by their numbers ("046-1-3. …", "**104. …", "A1. …"); only
//    numbers the definition knows start a block. Section headings (the definition's part titles and a
//    few unnumbered sub-headings) are dropped.
//  - Each block = the question's label, its answer zone, then its comment (from "Comments…" or the
//    definition's own comment prompt to the end of the block).
//  - Tables: tab-separated lines; the first field is the row label (matched to the definition's row
//    labels, tolerant of whitespace, punctuation and quotes), then one field per cell, mapped onto the
//    row's columns in order (a row's emptyColumns are skipped). A one-column choice table printed as
//    one column per option ("Yes | No") maps the ticked field to that option.
//  - Ticks: "(X)", "[X]" and <input checked …/> are ticked; "()", "[]" and <input …/> are not.
//    Lists without any tick box are not readable: a leading "- " is a list-rendering artefact (it is
//    always on the first option, whatever was chosen), so it is never taken as a tick. A single
//    choice whose only filled-in option text is on one option is read as that option (reported).
//  - Figures: grouping spaces are removed ("110 346 857" → 110346857); a ticked NA / NAP → status.
//  - Every value is checked against the definition (index keys, checkCellValue, text limits); what
//    cannot be mapped or breaks a rule is reported and not written.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseQuestionnaire } from "../modules/questionnaire/validate";
import { cellKey, commentKey, indexQuestionnaire, optionTextKey, questionStatusKey, type Cell, type QuestionnaireIndex } from "../modules/questionnaire/cells";
import { checkCellValue, COMMENT_MAX, OPTION_TEXT_MAX } from "../modules/questionnaire/rules";
import { AnswerSchema, type Answer } from "../modules/questionnaire/answers";
import type { CellSpec, Column, Option, Question, Row } from "../modules/questionnaire/definition";
import { CEPEJ_2020_2022 } from "../modules/cepej/definitions/cepej-2020-2022";

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const VERBOSE = args.includes("--verbose");
const SEED = path.resolve(ROOT, args.find((a) => !a.startsWith("--")) ?? "../shared/seeds/002_79011416241126e6.txt");
const OUT = path.join(ROOT, "seed/cepej/kz-2020-2022.json");

// ---------------------------------------------------------------------------------------------
// Definition

const parsed = parseQuestionnaire(CEPEJ_2020_2022);
if (!parsed.ok) {
  console.error("The CEPEJ 2020-2022 definition is invalid:", parsed.errors);
  process.exit(1);
}
const index: QuestionnaireIndex = indexQuestionnaire(parsed.questionnaire);

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Lower-case letters, digits and % only: compares labels regardless of spaces, punctuation, quotes. */
const alnum = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9%]/g, "");
const quoteless = (c: string) => c.replace(/[“”„«»]/g, '"').replace(/[‘’`´]/g, "'");
const isAlnumChar = (c: string | undefined) => !!c && /[a-z0-9%]/.test(c.normalize("NFKC").toLowerCase());

/**
 * If `label` begins `text` (comparing letters and digits only), returns the index in `text` just after
 * the label, else -1. The label must end on a word boundary ("No" does not begin "None").
 */
function prefixEnd(text: string, label: string): number {
  const want = alnum(label);
  if (!want) return -1;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i].normalize("NFKC").toLowerCase();
    if (!/[a-z0-9%]/.test(c)) continue;
    if (c !== want[j]) return -1;
    j++;
    if (j === want.length) {
      if (/[a-z0-9]/.test(want[j - 1]) && isAlnumChar(text[i + 1]) && /[a-z0-9]/i.test(text[i + 1])) return -1;
      // Also consume the label's closing punctuation when printed ('… "Other documents"', '(… text)').
      let k = i + 1;
      const tail = label.replace(/^[\s\S]*[A-Za-z0-9%]/, "").replace(/\s+/g, "");
      for (const p of tail) {
        let m = k;
        while (m < text.length && /\s/.test(text[m])) m++;
        if (m < text.length && quoteless(text[m]) === quoteless(p)) k = m + 1;
        else break;
      }
      return k;
    }
  }
  return -1;
}

/** Word-bigram Dice similarity of two labels (0…1). */
function similarity(a: string, b: string): number {
  const words = (s: string) =>
    s
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^a-z0-9%]+/g, " ")
      .trim()
      .split(" ")
      .filter(Boolean);
  const grams = (w: string[]) => {
    const g = new Map<string, number>();
    const seq = w.length === 1 ? [w[0]] : w.slice(1).map((x, i) => `${w[i]} ${x}`);
    for (const x of seq) g.set(x, (g.get(x) ?? 0) + 1);
    return g;
  };
  const ga = grams(words(a));
  const gb = grams(words(b));
  let common = 0;
  let total = 0;
  for (const [k, n] of ga) common += Math.min(n, gb.get(k) ?? 0);
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  return total ? (2 * common) / total : 0;
}

const cleanLine = (s: string) =>
  s
    .replace(/<\/?p>/g, " ")
    .replace(/<ul[^>]*>|<\/ul>|<\/?li>/g, " ")
    .replace(/\[Comment\]/g, " ")
    .replace(/\*\*/g, "")
    .replace(/[ \t\u00a0]+$/g, "");

/** Joins the lines of a free text: trimmed, blank lines and "=" separators dropped. */
function joinText(lines: string[]): string {
  return lines
    .map((l) => cleanLine(l).trim())
    .filter((l) => l !== "" && l !== "=")
    .join("\n")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Tick boxes and figures

const MARK = /\(\s*X?\s*\)|\[\s*X?\s*\]|<input\b[^>]*\/?>/gi;
const ticked = (m: string) => /^[([]\s*X\s*[)\]]$|\schecked\b/i.test(m);

type Segment = { mark: string | null; ticked: boolean; text: string };

/** Splits "(X) Yes () No [] NAP" into one segment per tick box (plus any text before the first). */
function segments(s: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  let mark: string | null = null;
  for (const m of s.matchAll(MARK)) {
    const text = s.slice(last, m.index).trim();
    if (mark !== null || text) out.push({ mark, ticked: mark !== null && ticked(mark), text });
    mark = m[0];
    last = m.index! + m[0].length;
  }
  const text = s.slice(last).trim();
  if (mark !== null || text) out.push({ mark, ticked: mark !== null && ticked(mark), text });
  return out;
}

const NUMBER = /^-?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?$/;

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!NUMBER.test(t)) return null;
  return Number(t.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));
}

// ---------------------------------------------------------------------------------------------
// Results and report

const answers = new Map<string, Answer>();
const problems: { where: string; reason: string }[] = [];
const notes: { where: string; note: string }[] = [];
const emptyCells: string[] = [];
const problem = (where: string, reason: string) => problems.push({ where, reason });
const note = (where: string, text: string) => notes.push({ where, note: text });

function put(key: string, a: Answer) {
  if (!index.keys.has(key)) return problem(key, "storage key not in the definition");
  if (!answers.has(key)) answers.set(key, a);
}

// ---------------------------------------------------------------------------------------------
// Reading one cell's printed content according to what the cell holds

type CellRead =
  | { kind: "answer"; answer: Answer; optionTexts?: Record<string, string>; how?: string }
  | { kind: "empty" }
  | { kind: "problem"; reason: string; optionTexts?: Record<string, string> };

const STATUS_LABEL = /^(NAP?)\b\s*$/;

/** Best (longest) option whose label begins `text`; returns it and the text after the label. */
function matchOption(options: Option[], text: string): { option: Option; rest: string } | null {
  let best: { option: Option; rest: string; len: number } | null = null;
  for (const o of options) {
    for (const label of [o.label.en]) {
      const end = prefixEnd(text, label);
      if (end >= 0 && (!best || alnum(label).length > best.len)) best = { option: o, rest: text.slice(end), len: alnum(label).length };
    }
  }
  return best ? { option: best.option, rest: best.rest } : null;
}

/** The text written after an option's label ("Other (please specify): transport …" → "transport …"). */
function optionText(o: Option, rest: string): string {
  let t = cleanLine(rest).replace(/^[\s,:;.\-–]+/, "");
  if (o.text) {
    const end = prefixEnd(t, o.text.en);
    if (end >= 0) t = t.slice(end);
  }
  t = t.replace(/^[\s,:;.)\-–]+/, "");
  t = t.replace(/^\(?\s*(?:if\s*["“”]?yes["“”]?\s*,?\s*)?please\s+(?:specify|indicate|explain|describe)[^:)]*\)?\s*:?/i, "");
  t = t.replace(/^[\s:]+/, "").trim();
  return alnum(t) ? t : "";
}

function readNumber(spec: Extract<CellSpec, { kind: "number" }>, content: string): CellRead {
  const s = cleanLine(content)
    .replace(/_{2,}/g, " ")
    .replace(/Max numeric value allowed\s*:\s*[\d ]+?(?=\s+\d|\s*\[|\s*<|\s*$)/i, " ")
    .replace(/\[\s*([\d][\d \u00a0.,]*)\s*\]/g, " $1 ")
    .trim();
  const segs = segments(s);
  const lead = segs.length && segs[0].mark === null ? segs[0].text : "";
  const statuses = segs.filter((g) => g.mark !== null && g.ticked).map((g) => g.text.trim());
  const status = statuses.find((t) => STATUS_LABEL.test(t))?.match(STATUS_LABEL)?.[1] as "NA" | "NAP" | undefined;
  const value = lead.replace(/\b(NAP?)\b/g, "").trim();
  if (value) {
    const n = parseNumber(value);
    if (n === null) return { kind: "problem", reason: `unreadable figure "${value}"` };
    if (status) return { kind: "problem", reason: `figure ${value} and ${status} both given` };
    return { kind: "answer", answer: { num: n, text: null, status: null } };
  }
  if (status) return { kind: "answer", answer: { num: null, text: null, status } };
  return { kind: "empty" };
}

/** Reads inline options of a choice / multi / check cell: "(X) Yes () No [] NAP". */
function readChoice(spec: Extract<CellSpec, { kind: "choice" | "multi" }>, content: string): CellRead {
  const segs = segments(cleanLine(content)).filter((g) => g.mark !== null);
  if (!segs.length) return content.trim() ? { kind: "problem", reason: `no tick box in "${content.trim().slice(0, 60)}"` } : { kind: "empty" };
  const chosen: Option[] = [];
  const optionTexts: Record<string, string> = {};
  for (const g of segs) {
    const m = matchOption(spec.options, g.text);
    if (!m) {
      if (g.ticked) return { kind: "problem", reason: `ticked "${g.text.slice(0, 60)}" is not an option` };
      continue;
    }
    if (g.ticked) chosen.push(m.option);
    const t = optionText(m.option, m.rest);
    if (t && m.option.text) optionTexts[m.option.id] = t;
  }
  return choiceAnswer(spec, chosen, optionTexts);
}

function choiceAnswer(spec: Extract<CellSpec, { kind: "choice" | "multi" }>, chosen: Option[], optionTexts: Record<string, string>, how?: string): CellRead {
  if (!chosen.length) return Object.keys(optionTexts).length ? { kind: "problem", reason: "no option ticked", optionTexts } : { kind: "empty" };
  if (spec.kind === "choice") {
    if (chosen.length > 1) return { kind: "problem", reason: `several options ticked (${chosen.map((o) => o.id).join(", ")})`, optionTexts };
    return { kind: "answer", answer: { num: null, text: chosen[0].id, status: null }, optionTexts, how };
  }
  const ids = spec.options.filter((o) => chosen.includes(o)).map((o) => o.id);
  return { kind: "answer", answer: { num: null, text: JSON.stringify(ids), status: null }, optionTexts, how };
}

function readCell(spec: CellSpec, content: string): CellRead {
  switch (spec.kind) {
    case "number":
      return readNumber(spec, content);
    case "choice":
    case "multi":
      return readChoice(spec, content);
    case "check": {
      const segs = segments(cleanLine(content)).filter((g) => g.mark !== null);
      if (!segs.length) return { kind: "empty" };
      return { kind: "answer", answer: { num: segs[0].ticked ? 1 : 0, text: null, status: null } };
    }
    case "text": {
      const t = joinText(content.split("\n"));
      return t ? { kind: "answer", answer: { num: null, text: t, status: null } } : { kind: "empty" };
    }
    case "date":
      return { kind: "empty" }; // the CEPEJ questionnaire has no date cells
  }
}

/** Stores a cell read: the value (checked against the definition) and any option texts. */
function store(cell: Cell, read: CellRead) {
  const texts = "optionTexts" in read ? (read.optionTexts ?? {}) : {};
  for (const [id, t] of Object.entries(texts)) {
    const key = optionTextKey(cell.key, id);
    if (t.length > OPTION_TEXT_MAX) problem(key, `option text longer than ${OPTION_TEXT_MAX} characters`);
    else put(key, { num: null, text: t, status: null });
  }
  if (read.kind === "empty") return emptyCells.push(cell.key);
  if (read.kind === "problem") return problem(cell.key, read.reason);
  const issue = checkCellValue(cell, read.answer);
  if (issue) {
    const shown = read.answer.num ?? read.answer.text ?? read.answer.status;
    return problem(cell.key, `printed value ${shown} breaks the definition's rules (${issue.code} ${JSON.stringify(issue.params)})`);
  }
  if (read.how) note(cell.key, read.how);
  put(cell.key, read.answer);
}

// ---------------------------------------------------------------------------------------------
// Splitting the seed into question blocks

const raw = readFileSync(SEED, "utf8").replace(/\r\n?/g, "\n").split("\n");

const START = /^\s*(?:\*\*)?(\d{3}(?:-\d+)*|[A-Z]\d*)\.\s/;

const partTitles = new Map<string, string>();
(function collect(parts: typeof parsed.questionnaire.parts) {
  for (const p of parts) {
    partTitles.set(p.id, alnum(p.title.en));
    collect(p.parts);
  }
})(parsed.questionnaire.parts);

/** Unnumbered sub-headings printed between questions. */
const SUBHEADINGS = [
  "Budgetary and financial monitoring",
  "Other tools of courts management",
  "Use of information technologies for improving the quality of the communication between courts and professionals",
  "Use of information technologies between courts, professionals and users in the framework of judicial proceedings",
].map(alnum);

function isHeading(line: string): boolean {
  const t = line.trim();
  const m = t.match(/^(\d+(?:\.\d+)*)\.?\s*(.*)$/);
  if (m && partTitles.has(m[1]) && alnum(m[2]) === partTitles.get(m[1])) return true;
  return SUBHEADINGS.includes(alnum(t)) && alnum(t) !== "";
}

type Block = { id: string; line: number; lines: string[] };
const blocks: Block[] = [];
for (let i = 0; i < raw.length; i++) {
  const m = raw[i].match(START);
  if (m && index.questions.has(m[1])) {
    blocks.push({ id: m[1], line: i + 1, lines: [raw[i].replace(/^\s*(?:\*\*)?/, "")] });
    continue;
  }
  if (!blocks.length || isHeading(raw[i])) continue;
  blocks[blocks.length - 1].lines.push(raw[i]);
}

// ---------------------------------------------------------------------------------------------
// One block: label, answer zone, comment

/** Removes the question's number and label from the block's first lines (labels may wrap). */
function splitLabel(q: Question, lines: string[]): string[] {
  const first = lines[0].replace(START, "").replace(/^(?:\*\*)?[\d-]+\.\s*/, "");
  const want = alnum(q.label.en);
  let got = alnum(first);
  let n = 1;
  while (got.length < want.length && want.startsWith(got) && n < lines.length && n < 8) {
    const next = alnum(lines[n]);
    if (!next) {
      n++;
      continue;
    }
    if (!want.startsWith(got + next) && !(got + next).startsWith(want)) break;
    got += next;
    n++;
  }
  return lines.slice(n);
}

const COMMENT_WORD = /^\s*(?:Comments?|Comment)\b/;

/** The comment's prompt as printed, without a leading "Comments -". */
const promptOf = (q: Question) => (q.comment ? q.comment.en.replace(/^\s*Comments?\s*[-–:]?\s*/i, "") : "");

/** Index of the line where the comment starts, or -1. */
function commentStart(q: Question, lines: string[]): number {
  const prompt = promptOf(q);
  for (let i = 0; i < lines.length; i++) {
    const l = cleanLine(lines[i]).trim();
    if (COMMENT_WORD.test(l)) return i;
    if (prompt && alnum(prompt).length >= 8 && prefixEnd(l, prompt) >= 0) return i;
  }
  return -1;
}

/** The comment text: the first line without its prompt, then the following lines. */
function commentText(q: Question, lines: string[]): string {
  let first = cleanLine(lines[0]).trim();
  const prompt = promptOf(q);
  const withWord = first.replace(/^\s*Comments?\s*[-–:]?\s*/i, "");
  let end = prompt ? prefixEnd(withWord, prompt) : -1;
  if (end >= 0) first = withWord.slice(end);
  else if (/^\s*Comments?\b/i.test(first)) {
    first = first.replace(/^\s*Comments?\b\s*/i, "");
    if (/^[-–]/.test(first)) {
      // A prompt the definition does not know: cut at its colon.
      const colon = first.indexOf(":");
      note(commentKey(q.id), `comment prompt as printed differs from the definition ("${first.slice(0, 70)}…")`);
      first = colon >= 0 ? first.slice(colon + 1) : "";
    }
  } else if (prompt && (end = prefixEnd(first, prompt)) >= 0) first = first.slice(end);
  first = first.replace(/^[\s:.;?–-]+/, "");
  return joinText([first, ...lines.slice(1)])
    .replace(/\n?Max characters value\s*:\s*[\d ]+$/i, "")
    .trim();
}

/** A line that is only a whole-question / single-figure NA or NAP box. */
const STATUS_LINE = /^\s*(?:[-•]\s*)?(\[\s*X?\s*\]|\(\s*X?\s*\)|<input\b[^>]*\/?>)?\s*(NAP?)\s*$/i;

function statusFromLines(lines: string[]): { status: "NA" | "NAP" | null; seen: boolean } {
  let status: "NA" | "NAP" | null = null;
  let seen = false;
  for (const l of lines) {
    const m = l.match(STATUS_LINE);
    if (!m) continue;
    seen = true;
    if (m[1] && ticked(m[1])) status = m[2].toUpperCase() as "NA" | "NAP";
  }
  return { status, seen };
}

type Parsed = { answerLines: string[]; commentLines: string[] };

function splitBlock(q: Question, block: Block): Parsed {
  const body = splitLabel(q, block.lines);
  const c = commentStart(q, body);
  let answerLines = c >= 0 ? body.slice(0, c) : body;
  let commentLines = c >= 0 ? body.slice(c) : [];
  // Whole-question NA/NAP lines printed after the comment belong to the answer.
  const trailing = commentLines.filter((l) => STATUS_LINE.test(l));
  if (trailing.length) {
    commentLines = commentLines.filter((l) => !STATUS_LINE.test(l));
    answerLines = [...answerLines, ...trailing];
  }
  return { answerLines, commentLines };
}

// ---------------------------------------------------------------------------------------------
// Single-cell questions

function importSingle(q: Exclude<Question, { type: "grid" }>, lines: string[]) {
  const cell = index.cells.get(q.id)!;
  const spec = cell.spec;
  const where = q.id;
  const zone = lines.filter((l) => l.trim() !== "=" && !/^\s*Max characters value/i.test(l));

  if (q.type === "number") {
    const value = zone.map((l) => l.match(/\[\s*([\d][\d \u00a0.,]*)\s*\]/)?.[1]).find(Boolean);
    const { status } = statusFromLines(zone);
    if (value !== undefined) {
      if (status) return problem(where, `figure ${value} and ${status} both given`);
      const n = parseNumber(value);
      return store(
        cell,
        n === null ? { kind: "problem", reason: `unreadable figure "${value}"` } : { kind: "answer", answer: { num: n, text: null, status: null } },
      );
    }
    if (status) return store(cell, { kind: "answer", answer: { num: null, text: null, status } });
    return store(cell, { kind: "empty" });
  }

  if (q.type === "text" || q.type === "sources") {
    const { status } = statusFromLines(zone);
    if (status && q.questionStatus?.includes(status)) put(questionStatusKey(q.id), { num: null, text: null, status });
    let textLines = zone.filter((l) => !STATUS_LINE.test(l));
    const firstIdx = textLines.findIndex((l) => cleanLine(l).trim() !== "");
    if (firstIdx >= 0) {
      let first = cleanLine(textLines[firstIdx]).trim();
      if (q.type === "sources") first = first.replace(/^Sources?\s*:\s*/i, "");
      if (q.note) {
        const end = prefixEnd(first, q.note.en);
        if (end >= 0) first = first.slice(end);
      }
      first = first.replace(/^[-.•]\s+/, "").replace(/^\.\s*/, "");
      textLines = [...textLines.slice(0, firstIdx), first, ...textLines.slice(firstIdx + 1)];
    }
    const t = joinText(textLines);
    if (!t) return store(cell, { kind: "empty" });
    return store(cell, { kind: "answer", answer: { num: null, text: t, status: null } });
  }

  // choice / multi: one option per line
  const options = (spec as Extract<CellSpec, { kind: "choice" | "multi" }>).options;
  type Item = { option: Option; mark: string | null; dashed: boolean; text: string };
  const items: Item[] = [];
  let wholeStatus: "NA" | "NAP" | null = null;
  let last: Item | null = null;
  for (const rawLine of zone) {
    let l = cleanLine(rawLine);
    if (!l.trim()) continue;
    const dashed = /^\s*[-•]\s+/.test(l);
    l = l.replace(/^\s*[-•]\s+/, "").trim();
    let mark: string | null = null;
    const lead = l.match(/^(\(\s*X?\s*\)|\[\s*X?\s*\]|<input\b[^>]*\/?>)\s*/i);
    const trail = l.match(/\s*(\(\s*X?\s*\)|\[\s*X?\s*\])\s*$/i);
    if (lead) {
      mark = lead[1];
      l = l.slice(lead[0].length);
    } else if (trail) {
      mark = trail[1];
      l = l.slice(0, trail.index);
    }
    const m = matchOption(options, l);
    if (m) {
      last = { option: m.option, mark, dashed, text: optionText(m.option, m.rest) };
      items.push(last);
      continue;
    }
    const st = l.trim().match(/^(NAP?)$/i);
    if (st) {
      if (mark && ticked(mark)) wholeStatus = st[1].toUpperCase() as "NA" | "NAP";
      last = null;
      continue;
    }
    if (last && last.text && !mark) last.text += "\n" + l.trim(); // a wrapped option text
  }
  if (wholeStatus) {
    if (q.questionStatus?.includes(wholeStatus)) put(questionStatusKey(q.id), { num: null, text: null, status: wholeStatus });
    else problem(questionStatusKey(q.id), `${wholeStatus} ticked but the definition has no whole-question ${wholeStatus} box`);
  }
  const optionTexts: Record<string, string> = {};
  for (const it of items) if (it.text && it.option.text) optionTexts[it.option.id] = it.text;
  for (const it of items)
    if (it.text && !it.option.text) note(q.id, `text "${it.text.slice(0, 50)}" after option "${it.option.id}", which has no text box in the definition`);

  const marked = items.filter((i) => i.mark !== null);
  let chosen: Option[] = [];
  let how: string | undefined;
  if (marked.length) {
    chosen = marked.filter((i) => ticked(i.mark!)).map((i) => i.option);
    if (!chosen.length && wholeStatus) return storeTexts(cell, optionTexts);
  } else {
    {
      const withText = items.filter((i) => i.text && i.option.text);
      if (q.type === "choice" && withText.length === 1) {
        chosen = [withText[0].option];
        how = `inferred: only "${withText[0].option.id}" has its text filled in`;
      } else {
        storeTexts(cell, optionTexts);
        if (!items.length) return problem(where, "options not found in the seed");
        return problem(where, "no option marked in the seed");
      }
    }
  }
  if (!chosen.length && !wholeStatus) {
    storeTexts(cell, optionTexts);
    if (q.type === "choice") return problem(where, "tick boxes printed but none ticked: left empty");
    return store(cell, { kind: "empty" });
  }
  store(cell, choiceAnswer(spec as Extract<CellSpec, { kind: "choice" | "multi" }>, chosen, optionTexts, how));
}

function storeTexts(cell: Cell, optionTexts: Record<string, string>) {
  for (const [id, t] of Object.entries(optionTexts)) {
    const key = optionTextKey(cell.key, id);
    if (t.length > OPTION_TEXT_MAX) problem(key, `option text longer than ${OPTION_TEXT_MAX} characters`);
    else put(key, { num: null, text: t, status: null });
  }
}

// ---------------------------------------------------------------------------------------------
// Grids

function matchRow(q: Extract<Question, { type: "grid" }>, label: string, free: boolean): { row: Row; rest: string } | null {
  const a = alnum(label);
  if (!a) return null;
  const exact = q.rows.find((r) => alnum(r.label.en) === a);
  if (exact) return { row: exact, rest: "" };
  let best: { row: Row; rest: string; len: number } | null = null;
  for (const r of q.rows) {
    const end = prefixEnd(label, r.label.en);
    if (end >= 0 && (!best || alnum(r.label.en).length > best.len)) best = { row: r, rest: label.slice(end), len: alnum(r.label.en).length };
  }
  if (best) return { row: best.row, rest: best.rest };
  if (free) return null;
  // A printed label that is a (shortened) start of the definition's label, or close to it.
  const starts = q.rows.filter((r) => alnum(r.label.en).startsWith(a) && a.length >= 12);
  if (starts.length === 1) return { row: starts[0], rest: "" };
  const scored = q.rows.map((r) => ({ r, s: similarity(label, r.label.en) })).sort((x, y) => y.s - x.s);
  if (scored[0] && scored[0].s >= 0.6 && (!scored[1] || scored[0].s - scored[1].s >= 0.1)) return { row: scored[0].r, rest: "" };
  return null;
}

function importGrid(q: Extract<Question, { type: "grid" }>, lines: string[]) {
  type PrintedRow = { row: Row; cells: string[]; free: boolean };
  const printed: PrintedRow[] = [];
  const seenRows = new Set<string>();
  let current: PrintedRow | null = null;
  let header: string[] | null = null;
  const statusLines: string[] = [];

  for (const rawLine of lines) {
    const line = cleanLine(rawLine);
    if (!line.trim() || line.trim() === "=" || /^[\s\-–|]+$/.test(line.replace(/\t/g, ""))) continue;
    if (line.includes("\t")) {
      const fields = line.split("\t");
      const label = fields[0].trim();
      if (!label) {
        if (current && !current.free) {
          fields.slice(1).forEach((f, i) => (current!.cells[i] = `${current!.cells[i] ?? ""} ${f}`));
        } else if (!printed.length) header = fields.slice(1).map((f) => f.trim());
        continue;
      }
      const m = matchRow(q, label, false);
      if (!m) {
        if (!printed.length) header = fields.map((f) => f.trim());
        else problem(q.id, `printed row "${label.slice(0, 70)}" matches no row of the definition`);
        current = null;
        continue;
      }
      if (seenRows.has(m.row.id)) problem(`${q.id}:${m.row.id}`, `row printed twice ("${label.slice(0, 50)}")`);
      seenRows.add(m.row.id);
      current = { row: m.row, cells: fields.slice(1), free: false };
      printed.push(current);
      continue;
    }
    const m = matchRow(q, line.trim(), true);
    if (m && !seenRows.has(m.row.id)) {
      seenRows.add(m.row.id);
      current = { row: m.row, cells: [m.rest.replace(/^[\s:]+/, "")], free: true };
      printed.push(current);
      continue;
    }
    if (STATUS_LINE.test(line) && !(current && current.free)) {
      statusLines.push(line);
      continue;
    }
    if (current && current.free) current.cells[0] += "\n" + line;
  }

  const { status } = statusFromLines(statusLines);
  if (status) {
    if (q.questionStatus?.includes(status)) put(questionStatusKey(q.id), { num: null, text: null, status });
    else problem(questionStatusKey(q.id), `${status} ticked but the definition has no whole-question ${status} box`);
  }

  const singleChoice = q.columns.length === 1 && q.columns[0].cell.kind === "choice" ? q.columns[0] : null;
  for (const pr of printed) {
    const cols = q.columns.filter((c) => !pr.row.emptyColumns?.includes(c.id));
    let cells = pr.cells.map((c) => c.trim());
    // One column of choices printed as one field per option ("Yes, please specify | No").
    if (singleChoice && cells.length > 1 && cols.length === 1) {
      readOptionColumns(q, pr.row, singleChoice, cells, header);
      continue;
    }
    while (cells.length > cols.length && cells[cells.length - 1] === "") cells = cells.slice(0, -1);
    if (cells.length > cols.length) problem(`${q.id}:${pr.row.id}`, `${cells.length} fields printed for ${cols.length} columns`);
    cols.forEach((col, i) => {
      const cell = index.cells.get(cellKey({ q: q.id, row: pr.row.id, col: col.id }))!;
      if (i >= cells.length) return problem(cell.key, "cell not printed in the seed (row has fewer fields)");
      store(cell, readCell(col.cell, cells[i]));
    });
  }
  for (const r of q.rows) {
    if (seenRows.has(r.id)) continue;
    for (const c of q.columns) {
      if (r.emptyColumns?.includes(c.id)) continue;
      problem(cellKey({ q: q.id, row: r.id, col: c.id }), "row not found in the seed");
    }
  }
}

function readOptionColumns(q: Question, row: Row, col: Column, cells: string[], header: string[] | null) {
  const spec = col.cell as Extract<CellSpec, { kind: "choice" }>;
  const cell = index.cells.get(cellKey({ q: q.id, row: row.id, col: col.id }))!;
  // Which option each printed field stands for: by the header when it names them, else in order.
  const optionOf = (i: number): Option | undefined => {
    const h = header?.filter((x) => x !== "")[i];
    if (h) {
      const m = matchOption(spec.options, h);
      if (m) return m.option;
    }
    return cells.length === spec.options.length ? spec.options[i] : undefined;
  };
  const chosen: Option[] = [];
  const optionTexts: Record<string, string> = {};
  let anyMark = false;
  for (let i = 0; i < cells.length; i++) {
    const segs = segments(cleanLine(cells[i]));
    const mark = segs.find((g) => g.mark !== null);
    if (!mark) continue;
    anyMark = true;
    const o = optionOf(i);
    if (!o) return problem(cell.key, `${cells.length} fields printed for ${spec.options.length} options`);
    if (mark.ticked) chosen.push(o);
    const t = segs
      .map((g) => g.text)
      .join(" ")
      .trim();
    if (t && o.text) optionTexts[o.id] = t;
  }
  if (!anyMark) return store(cell, { kind: "empty" });
  store(cell, choiceAnswer(spec, chosen, optionTexts));
}

// ---------------------------------------------------------------------------------------------
// Run

const importedFrom = new Map<string, number>();
for (const block of blocks) {
  const q = index.questions.get(block.id)!;
  const repeated = importedFrom.has(q.id);
  if (repeated) {
    note(q.id, `printed again at line ${block.line} (first at line ${importedFrom.get(q.id)}); the first block is used, later ones only fill gaps`);
  } else importedFrom.set(q.id, block.line);
  const problemsBefore = problems.length;
  const emptyBefore = emptyCells.length;
  const { answerLines, commentLines } = splitBlock(q, block);
  if (q.type === "grid") importGrid(q, answerLines);
  else importSingle(q, answerLines);
  if (commentLines.length) {
    const t = commentText(q, commentLines);
    if (t) {
      if (q.comment === false) problem(`${q.id}#comment`, `the seed prints a comment but the definition has no comment box: "${t.slice(0, 60)}…"`);
      else if (t.length > COMMENT_MAX) problem(commentKey(q.id), `comment longer than ${COMMENT_MAX} characters`);
      else put(commentKey(q.id), { num: null, text: t, status: null });
    }
  }
  if (repeated) {
    // A repeated block only fills gaps: its own problems were already reported for the first one.
    problems.length = problemsBefore;
    emptyCells.length = emptyBefore;
  }
}
for (const id of index.questions.keys()) if (!importedFrom.has(id)) problem(id, "question not found in the seed");

// Final check: every written value is a valid answer for its key.
for (const [key, a] of answers) {
  const info = index.keys.get(key);
  const shape = AnswerSchema.safeParse(a);
  if (!info || !shape.success) {
    answers.delete(key);
    problem(key, "invalid stored answer");
    continue;
  }
  if (info.kind === "cell" && checkCellValue(info.cell, a)) {
    answers.delete(key);
    problem(key, "value rejected by checkCellValue");
  }
  if (info.kind === "questionStatus" && !(a.status && info.question.questionStatus?.includes(a.status))) {
    answers.delete(key);
    problem(key, "whole-question status not allowed");
  }
}

// Keys in questionnaire order. Written by hand: a JS object would put integer-like keys ("103")
// before all others, whatever the insertion order.
const ordered: [string, Answer][] = [];
for (const key of index.keys.keys()) if (answers.has(key)) ordered.push([key, answers.get(key)!]);

mkdirSync(path.dirname(OUT), { recursive: true });
const answerLines = ordered.map(([k, a]) => `    ${JSON.stringify(k)}: ${JSON.stringify({ num: a.num, text: a.text, status: a.status })}`);
writeFileSync(OUT, `{\n  "cycle": "2020-2022",\n  "country": "KZ",\n  "referenceYear": 2020,\n  "answers": {\n${answerLines.join(",\n")}\n  }\n}\n`);

// ---------------------------------------------------------------------------------------------
// Report

const keys = ordered.map(([k]) => k);
const cellKeys = keys.filter((k) => index.keys.get(k)?.kind === "cell");
const questionsWith = new Set(keys.map((k) => k.split(/[:#]/)[0]));
const byKind = (kind: string) => keys.filter((k) => index.keys.get(k)?.kind === kind).length;
console.log(`Seed: ${path.relative(ROOT, SEED)} (${raw.length} lines, ${blocks.length} question blocks)`);
console.log(`Wrote ${path.relative(ROOT, OUT)}`);
console.log(`Questions imported: ${questionsWith.size} of ${index.questions.size}`);
console.log(`Cells imported:     ${cellKeys.length} of ${index.cells.size} cells in the definition`);
console.log(`  + ${byKind("comment")} comments, ${byKind("optionText")} option texts, ${byKind("questionStatus")} whole-question NA/NAP`);
console.log(`Cells left empty because the seed prints nothing for them: ${emptyCells.length}`);
if (VERBOSE) console.log("  " + emptyCells.join(" "));
if (notes.length) {
  console.log(`\nNotes (${notes.length}):`);
  for (const n of notes) console.log(`  ${n.where}: ${n.note}`);
}
console.log(`\nCould not map (${problems.length}):`);
for (const p of problems) console.log(`  ${p.where}: ${p.reason}`);
