// Mappings of the cross-source analysis (administrators): which survey offences compare with which
// lines of form 1-M, each with its note; and the shipped mappings of CEPEJ cells to national reports.
// The shipped notes are read in the reader's language (catalogue: analysis.mappings.notMappedNotes and
// cepejNotes, one per shipped offence and cell; catalogues.test.ts checks every shipped one has its text).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listOffenceMappings } from "@/modules/analysis/server/unrecorded";
import { FORM_1M_LINES, SURVEY_OFFENCES } from "@/modules/analysis/schemas";
import { CEPEJ_NATIONAL_MAPPINGS } from "@/modules/analysis/cepej-national";
import { MappingForm } from "@/modules/analysis/components/mapping-form";
import offenceData from "@/modules/analysis/offence-mappings.json";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle("analysisAdmin");

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const t = await getTranslations("analysis");
  const mappings = await listOffenceMappings(db);
  return (
    <>
      <h1>{t("mappings.title")}</h1>
      <p className="muted">
        {t.rich("mappings.intro", {
          offences: SURVEY_OFFENCES.join(", "),
          lines: FORM_1M_LINES.join(", "),
          codes: (chunks) => <span translate="no">{chunks}</span>,
        })}
      </p>
      <p>
        <Link href="/analysis/unrecorded-crime">{t("mappings.open")}</Link>
      </p>
      {mappings.map((m) => (
        <MappingForm key={m.id} mapping={m} />
      ))}
      <h2>{t("mappings.notMapped")}</h2>
      <ul>
        {Object.keys(offenceData.notMapped).map((k) => (
          <li key={k}>
            <strong>{t(`offences.${k}` as never)}</strong>: {t(`mappings.notMappedNotes.${k}` as never)}
          </li>
        ))}
      </ul>
      <h2>{t("mappings.cepejTitle")}</h2>
      <table className="list" data-testid="cepej-mappings">
        <thead>
          <tr>
            <th>{t("mappings.cell")}</th>
            <th>{t("mappings.source")}</th>
            <th>{t("mappings.threshold")}</th>
            <th>{t("mappings.note")}</th>
          </tr>
        </thead>
        <tbody>
          {CEPEJ_NATIONAL_MAPPINGS.map((m) => (
            <tr key={m.cell}>
              <td translate="no">{m.cell}</td>
              <td translate="no">{m.source}</td>
              <td>{m.threshold} %</td>
              <td>{t(`mappings.cepejNotes.${m.cell.replace(/:/g, "_")}` as never)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
