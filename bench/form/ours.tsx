// Harness page: the app's own questionnaire form (modules/questionnaire/components/reply-form.tsx),
// rendered in the browser from the definition and Kazakhstan's answers, for a chapter or for the
// whole questionnaire on one page. Autosave goes to the real server (same origin).
import { createRoot } from "react-dom/client";
import { NextIntlClientProvider } from "next-intl";
import messages from "@/messages/en.json";
import { ReplyForm } from "@/modules/questionnaire/components/reply-form";
import { Part as PartSchema, type Part } from "@/modules/questionnaire/definition";
import type { BenchData } from "./data";

const data = (window as unknown as { __BENCH__: BenchData }).__BENCH__;
const q = data.questionnaire;
/** "paste": one grid of 50 rows × 8 figures under a total row, the target of a 50 × 8 paste (no
 *  grid of the CEPEJ questionnaire is that large: its largest has 11 rows of 5 figures). */
const pasteGrid = (): Part => {
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: `r${i + 1}`, label: { en: `Row ${i + 1}` } }));
  const columns = Array.from({ length: 8 }, (_, i) => ({ id: `c${i + 1}`, label: { en: `Column ${i + 1}` }, cell: { kind: "number" } }));
  return PartSchema.parse({
    id: "99",
    title: { en: "Paste" },
    questions: [
      { id: "p50", type: "grid", label: { en: "Fifty rows" }, rows: [{ id: "total", label: { en: "Total" }, sumOf: rows.map((r) => r.id) }, ...rows], columns },
    ],
  });
};
const chapter: Part =
  data.part === "all"
    ? { id: "0", title: { en: "The whole questionnaire" }, questions: [], parts: q.parts }
    : data.part === "paste"
      ? pasteGrid()
      : q.parts.find((p) => p.id === data.part)!;
const chapters = q.parts.map((p) => ({ id: p.id, title: p.title.en, href: "#", answered: 0, total: 0, warnings: 0, errors: 0 }));
const w = window as unknown as { __cellInput: (q: string, row: string, col: string) => HTMLInputElement | null };
w.__cellInput = (qid, row, col) => document.querySelector(`[data-cell="${qid}:${row}:${col}"] input[type=text]`);

createRoot(document.getElementById("root")!).render(
  <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
    <main className="container">
      <ReplyForm
        chapter={chapter}
        chapters={chapters}
        locale="en"
        answers={data.answers}
        saveUrl={data.saveUrl}
        readOnly={false}
        previous={data.previous}
        previousCycle={data.previousCycle}
        variationThreshold={20}
        review={{ api: data.api, reviewer: false, queries: [], flags: {}, series: null }}
      />
    </main>
  </NextIntlClientProvider>,
);
