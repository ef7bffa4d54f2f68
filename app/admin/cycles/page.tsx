// Evaluation cycles (admins): the list, and a form to open a new one.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { cycleName } from "@/modules/cepej/cycle-name";
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listCycles } from "@/modules/cepej/server/cycles";
import { NewCycleForm } from "@/modules/cepej/components/new-cycle-form";
import { pageTitle } from "@/lib/ui/page-title";

// The wrapper is called inside a declared default export: the route registry reads page
// functions from `export default function` declarations.
export default async function CyclesPage(props: { params: Promise<Record<string, never>> }) {
  return page(async ({ db }) => {
    await requireAccess("read", { kind: "administration" });
    const [t, locale] = await Promise.all([getTranslations("cycles"), getLocale()]);
    const cycles = (await listCycles(db)).map((c) => ({ ...c, name: cycleName(c, (years) => t("defaultName", years)) }));
    return (
      <>
        <h1>{t("title")}</h1>
        <table className="list" data-testid="cycles">
          <thead>
            <tr>
              <th>{t("name")}</th>
              <th>{t("referenceYear")}</th>
              <th>{t("campaign")}</th>
              <th>{t("previousCycle")}</th>
              <th>{t("threshold")}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((c) => (
              <tr key={c.slug}>
                <td>
                  <Link href={`/admin/cycles/${c.slug}`}>{c.name}</Link>
                </td>
                <td>{c.referenceYear}</td>
                <td>
                  {formatDate(c.opensOn, locale)} – {formatDate(c.closesOn, locale)}
                </td>
                <td>{c.previousCycle ?? "—"}</td>
                <td>{c.variationThreshold} %</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="card space-above">
          <h2>{t("new")}</h2>
          <NewCycleForm cycles={cycles.map((c) => ({ slug: c.slug, name: c.name }))} />
        </div>
      </>
    );
  })(props);
}

export const generateMetadata = pageTitle("cycles");
