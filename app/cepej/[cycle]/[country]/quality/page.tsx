// Data-quality report of a reply: every warning with its explanation (if any), every error and
// every unanswered cell, each linked to its question.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { page } from "@/lib/http/route";
import { loadReplyPage } from "@/modules/cepej/server/reply-page";
import { evaluateAll } from "@/modules/questionnaire/rules";
import { commentKey } from "@/modules/questionnaire/cells";
import { IssueText } from "@/modules/questionnaire/components/issue-text";
import { pageTitle } from "@/lib/ui/page-title";

type Params = { cycle: string; country: string };

export default page<Params>(async ({ params, db }) => {
  const { cycle, country } = params;
  const data = await loadReplyPage(db, cycle, country, await getLocale());
  const t = await getTranslations("quality");
  const read = (k: string) => data.stored.get(k)?.answer;
  const issues = evaluateAll(data.index.questionnaire, read, {
    submit: true,
    previous: data.previousCycle ? (k) => data.previous[k] : undefined,
    variationThreshold: data.cycle.variationThreshold,
  });
  const warnings = issues.filter((i) => i.severity === "warning");
  const errors = issues.filter((i) => i.severity === "error" && i.code !== "unanswered");
  const unanswered = issues.filter((i) => i.code === "unanswered");
  const link = (question: string) => `${data.base}/${data.index.chapterOf.get(question)}#q-${question}`;
  const where = (key: string) => {
    const cell = data.index.cells.get(key);
    return cell?.row ? `${cell.row.label.en.slice(0, 70)} / ${cell.col!.label.en}` : "";
  };
  return (
    <>
      <p className="breadcrumb">
        <Link href={data.base}>{data.heading}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>
        {t("summary", {
          warnings: warnings.length,
          explained: warnings.filter((w) => w.explained).length,
          errors: errors.length,
          unanswered: unanswered.length,
        })}
      </p>
      <h2>{t("warnings")}</h2>
      <table className="list" data-testid="quality-warnings">
        <thead>
          <tr>
            <th>{t("question")}</th>
            <th>{t("cell")}</th>
            <th>{t("issue")}</th>
            <th>{t("explanation")}</th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((w) => (
            <tr key={`${w.code}-${w.cell}`} className={w.explained ? "explained" : ""}>
              <td>
                <Link href={link(w.question)}>{w.question}</Link>
              </td>
              <td lang="en">{where(w.cell)}</td>
              <td>
                <IssueText code={w.code} params={w.params} />
              </td>
              <td>{w.explained ? read(commentKey(w.question))?.text : <em>{t("notExplained")}</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > 0 && (
        <>
          <h2>{t("errors")}</h2>
          <ul>
            {errors.map((e) => (
              <li key={`${e.code}-${e.cell}`}>
                <Link href={link(e.question)}>{e.question}</Link> <span lang="en">{where(e.cell)}</span>: <IssueText code={e.code} params={e.params} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t("unanswered", { count: unanswered.length })}</h2>
      <ul className="columns" data-testid="quality-unanswered">
        {unanswered.map((u) => (
          <li key={u.cell}>
            <Link href={link(u.question)}>{u.question}</Link> <span lang="en">{where(u.cell)}</span>
          </li>
        ))}
      </ul>
    </>
  );
});

export const generateMetadata = pageTitle<{ cycle: string; country: string }>("quality", (p) => ({ cycle: p.cycle, country: p.country.toUpperCase() }));
