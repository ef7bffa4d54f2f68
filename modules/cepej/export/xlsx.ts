// XLSX of a reply: one sheet per chapter, laid out like the questionnaire (question, then its
// table or answer, then its comment), numbers as numbers.
import ExcelJS from "exceljs";
import type { Questionnaire } from "@/modules/questionnaire/definition";
import type { AnswerReader } from "@/modules/questionnaire/answers";
import { exportCells, type ExportCell } from "./cells";
import { guardFormula } from "@/lib/csv/csv";

const safe = (v: string | number) => guardFormula(v);
const sheetName = (id: string, title: string) => `${id} ${title}`.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

export async function replyXlsx(q: Questionnaire, reply: { title: string; read: AnswerReader; flags?: Record<string, string> }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Justice Statistics";
  const labels = new Map<string, string>();
  for (const chapter of q.parts) collectLabels(chapter, labels);
  const byChapter = new Map<string, ExportCell[]>();
  for (const c of exportCells(q, reply.read, { flags: reply.flags })) {
    if (!byChapter.has(c.chapter)) byChapter.set(c.chapter, []);
    byChapter.get(c.chapter)!.push(c);
  }
  for (const chapter of q.parts) {
    const ws = wb.addWorksheet(sheetName(chapter.id, chapter.title.en));
    ws.getColumn(1).width = 60;
    ws.addRow([reply.title]).font = { bold: true };
    ws.addRow([`${chapter.id}. ${chapter.title.en}`]).font = { bold: true, size: 13 };
    const cells = byChapter.get(chapter.id) ?? [];
    for (let i = 0; i < cells.length;) {
      const question = cells[i].question;
      const mine: ExportCell[] = [];
      while (i < cells.length && cells[i].question === question) mine.push(cells[i++]);
      ws.addRow([]);
      ws.addRow([`${question}. ${labels.get(question) ?? ""}`]).font = { bold: true };
      const value = (c: ExportCell) => (c.notRetained ? "(not retained for publication)" : c.status || safe(c.value));
      if (mine[0].row) {
        const columns = [...new Set(mine.map((c) => c.column))];
        ws.addRow(["", ...columns]).font = { italic: true };
        for (const rowLabel of [...new Set(mine.map((c) => c.row))]) {
          ws.addRow([
            safe(rowLabel),
            ...columns.map((col) => {
              const c = mine.find((x) => x.row === rowLabel && x.column === col);
              return c ? value(c) : "";
            }),
          ]);
        }
      } else {
        ws.addRow(["", value(mine[0])]);
      }
      if (mine[0].comment) ws.addRow([`Comment: ${mine[0].comment}`]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function collectLabels(part: Questionnaire["parts"][number], into: Map<string, string>) {
  for (const q of part.questions) into.set(q.id, q.label.en);
  for (const p of part.parts) collectLabels(p, into);
}
