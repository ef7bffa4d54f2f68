// The whole reply for printing (or saving as PDF): every question with its answer, NA/NAP as
// ticked boxes, comments; rendered from the definition like every other view. The definition's
// texts print in English (CEPEJ's language, marked lang="en"); the page's own words come as labels.
import type { Part, Question } from "@/modules/questionnaire/definition";
import { cellsOf, commentKey, optionTextKey, questionStatusKey, type Cell } from "@/modules/questionnaire/cells";
import { cellEnabled, questionEnabled } from "@/modules/questionnaire/conditions";
import { multiIds, type AnswerReader } from "@/modules/questionnaire/answers";
import { formatNumber } from "@/modules/questionnaire/numbers";

const box = (on: boolean) => (on ? "☒" : "☐");

type Labels = { comments: string; notRetained: (reason: string) => string; locale: string };
type Props = { read: AnswerReader; flags: Record<string, string>; labels: Labels };

export function PrintPart({ part, depth = 0, ...props }: { part: Part; depth?: number } & Props) {
  const Heading = depth === 0 ? "h2" : "h3";
  return (
    <section className="print-part">
      <Heading lang="en">
        {part.id}. {part.title.en}
      </Heading>
      {part.questions.map((q) => (
        <PrintQuestion key={q.id} question={q} {...props} />
      ))}
      {part.parts.map((p) => (
        <PrintPart key={p.id} part={p} depth={depth + 1} {...props} />
      ))}
    </section>
  );
}

function PrintQuestion({ question: q, read, flags, labels }: { question: Question } & Props) {
  const enabled = questionEnabled(q, read);
  const comment = read(commentKey(q.id))?.text;
  const whole = q.questionStatus?.length ? read(questionStatusKey(q.id))?.status : null;
  return (
    <div className={`print-question${enabled ? "" : " disabled"}`}>
      <p className="print-label" lang="en">
        <strong>{q.type === "sources" ? q.id : `${q.id}.`}</strong> {q.label.en}
      </p>
      {q.type === "grid" ? (
        <table className="print-grid">
          <thead>
            <tr>
              <th />
              {q.columns.map((c) => (
                <th key={c.id} lang="en">
                  {c.label.en}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {q.rows.map((row) => (
              <tr key={row.id}>
                <th lang="en">{row.label.en}</th>
                {q.columns.map((col) => {
                  const cell = cellsOf(q).find((c) => c.row?.id === row.id && c.col?.id === col.id);
                  return (
                    <td key={col.id}>{cell && cellEnabled(cell, read) ? <PrintCell cell={cell} read={read} flag={flags[cell.key]} labels={labels} /> : ""}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="print-answer">
          <PrintCell cell={cellsOf(q)[0]} read={read} flag={flags[q.id]} labels={labels} />
        </div>
      )}
      {q.questionStatus?.map((s) => (
        <span key={s} className="print-status">
          {box(whole === s)} {s}{" "}
        </span>
      ))}
      {q.comment !== false && (
        <p className="print-comment">
          {q.comment ? <em lang="en">{q.comment.en}</em> : <em>{labels.comments}</em>} {comment ?? ""}
        </p>
      )}
    </div>
  );
}

function PrintCell({ cell, read, flag, labels }: { cell: Cell; read: AnswerReader; flag?: string; labels: Labels }) {
  const a = read(cell.key);
  if (flag) return <span className="print-flag">{labels.notRetained(flag)}</span>;
  const spec = cell.spec;
  const optionText = (id: string) => read(optionTextKey(cell.key, id))?.text;
  switch (spec.kind) {
    case "number":
      return (
        <span>
          {a?.num !== null && a?.num !== undefined ? formatNumber(a.num, labels.locale) : ""}
          {spec.number.allowNA && <> {box(a?.status === "NA")} NA</>}
          {spec.number.allowNAP && <> {box(a?.status === "NAP")} NAP</>}
        </span>
      );
    case "choice":
    case "multi": {
      const chosen = spec.kind === "choice" ? [a?.text] : multiIds(a);
      return (
        <span className="print-options">
          {spec.options.map((o) => (
            <span key={o.id}>
              {box(chosen.includes(o.id))} <span lang="en">{o.label.en}</span>
              {optionText(o.id) ? `: ${optionText(o.id)}` : ""}{" "}
            </span>
          ))}
        </span>
      );
    }
    case "check":
      return <span>{box(a?.num === 1)}</span>;
    case "text":
    case "date":
      return <span className="print-text">{a?.text ?? ""}</span>;
  }
}
