// Harness page: SurveyJS (survey-core + survey-react-ui, MIT) rendering the same questions,
// converted from our definition by ./convert.ts, with Kazakhstan's answers, on one page.
import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { toSurveyData, toSurveyJs } from "./convert";
import type { BenchData } from "./data";

const data = (window as unknown as { __BENCH__: BenchData }).__BENCH__;
const { json, empty } = toSurveyJs(data.questionnaire, data.part);
const survey = new Model(json);
survey.onMatrixCellCreated.add((_, o) => {
  const hidden = empty.get(`${o.question.name}:${o.row.rowName}`);
  if (hidden?.has(o.columnName)) o.cellQuestion.visible = false;
});
survey.data = toSurveyData(data.questionnaire, data.answers);
const w = window as unknown as { __cellInput: (q: string, row: string, col: string) => HTMLInputElement | null; __survey: Model };
w.__survey = survey;
w.__cellInput = (qid, row, col) => {
  const m = survey.getQuestionByName(`q${qid.replace(/[^A-Za-z0-9]/g, "_")}`) as unknown as {
    visibleRows: { rowName: string; getQuestionByColumnName: (c: string) => { inputId: string } }[];
  };
  const cell = m.visibleRows.find((r) => r.rowName === row)?.getQuestionByColumnName(col);
  return cell ? (document.getElementById(cell.inputId) as HTMLInputElement | null) : null;
};

function Page() {
  useEffect(() => {
    performance.mark("form-ready");
    document.body.dataset.formReady = "1";
  }, []);
  return <Survey model={survey} />;
}
createRoot(document.getElementById("root")!).render(<Page />);
