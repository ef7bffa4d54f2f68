// The translation report (administrators): per language, what falls back to English — interface
// texts, reference names and questionnaire texts — and the interface texts worded exactly as in
// English, for a translator to confirm or translate.
import { getTranslations } from "next-intl/server";
import en from "@/messages/en.json";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { catalogueGaps, referenceGaps } from "@/lib/i18n/translation-gaps";
import { definitionTranslationGaps } from "@/modules/questionnaire/server/definitions";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle("translations");

const SHOWN = 50;
const OTHERS = LOCALES.filter((l) => l !== "en");

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const t = await getTranslations("translations");
  const definitions = await definitionTranslationGaps(db, [...OTHERS]);
  const catalogues = await Promise.all(OTHERS.map(async (lang) => [lang, catalogueGaps(en, (await import(`@/messages/${lang}.json`)).default)] as const));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {catalogues.map(([lang, gaps]) => {
        const names = referenceGaps(lang);
        return (
          <section key={lang} className="card" data-testid={`gaps-${lang}`}>
            <h2 lang={lang}>{LOCALE_NAMES[lang]}</h2>
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t("what")}</th>
                  <th scope="col" className="num">
                    {t("count")}
                  </th>
                  <th scope="col">{t("examples")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("missingKeys")}</th>
                  <td className="num" data-testid={`missing-${lang}`}>
                    {gaps.missing.length}
                  </td>
                  <td translate="no">{gaps.missing.slice(0, SHOWN).join(", ")}</td>
                </tr>
                <tr>
                  <th scope="row">{t("sameAsEnglish")}</th>
                  <td className="num">{gaps.sameAsEnglish.length}</td>
                  <td lang="en">
                    {gaps.sameAsEnglish
                      .slice(0, SHOWN)
                      .map((g) => `${g.key}: “${g.text}”`)
                      .join("; ")}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t("referenceNames")}</th>
                  <td className="num">{names.length}</td>
                  <td lang="en">
                    {names
                      .slice(0, SHOWN)
                      .map((n) => n.name)
                      .join("; ")}
                  </td>
                </tr>
                {definitions.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{t.rich("definition", { id: d.id, code: (chunks) => <code translate="no">{chunks}</code> })}</th>
                    <td className="num">{d.missing[lang].length}</td>
                    <td translate="no">{d.missing[lang].slice(0, 10).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
});
