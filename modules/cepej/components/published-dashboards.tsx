// Links to the dashboards of the published CEPEJ cycles (on the public open-data page).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cycleName } from "@/modules/cepej/cycle-name";

export async function PublishedDashboards({ cycles }: { cycles: { slug: string; name: string }[] }) {
  if (!cycles.length) return null;
  const [t, tc] = await Promise.all([getTranslations("cepejDashboard"), getTranslations("cycles")]);
  return (
    <section className="card" data-testid="cepej-dashboards">
      <h2>{t("dashboards")}</h2>
      <ul>
        {cycles.map((c) => (
          <li key={c.slug}>
            <Link href={`/cepej/${c.slug}/dashboard`}>{cycleName(c, (years) => tc("defaultName", years))}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
