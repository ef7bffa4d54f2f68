// The long CSV of CEPEJ replies: one row per cell, columns exactly
// cycle,country,question,part,row_id,row,col_id,column,option,value,status,comment — the codes
// (question, grid row and column, chosen option) beside the English labels, so that a script can
// select and join on the codes. Written as a stream of lines so that a whole cycle never sits in
// memory. A value not retained for publication is left out and said so in the comment.
import type { Questionnaire } from "@/modules/questionnaire/definition";
import type { AnswerReader } from "@/modules/questionnaire/answers";
import { BOM, csvLine } from "@/lib/csv/csv";
import { exportCells, hasContent } from "./cells";

const LONG_CSV_HEADER = ["cycle", "country", "question", "part", "row_id", "row", "col_id", "column", "option", "value", "status", "comment"];

export function* longCsvLines(
  q: Questionnaire,
  reply: { cycle: string; country: string; read: AnswerReader; flags?: Record<string, string> },
  /** contentOnly: no rows for cells without a value, NA/NAP, comment or mark (the whole-cycle export). */
  options: { contentOnly?: boolean } = {},
): Generator<string> {
  for (const c of exportCells(q, reply.read, { flags: reply.flags })) {
    if (options.contentOnly && !hasContent(c)) continue;
    const comment = c.notRetained ? [c.comment, `[not retained for publication: ${c.notRetained}]`].filter(Boolean).join(" ") : c.comment;
    yield csvLine([reply.cycle, reply.country, c.question, c.part, c.rowId, c.row, c.colId, c.column, c.option, c.value, c.status, comment]);
  }
}

export const longCsvHeader = () => BOM + csvLine(LONG_CSV_HEADER);

/** A web stream from a generator of lines (or an async one, that reads the database as it goes),
 *  pulled as the client reads (back-pressure). */
export function streamLines(lines: Iterable<string> | AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]();
  return new ReadableStream({
    async pull(controller) {
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
