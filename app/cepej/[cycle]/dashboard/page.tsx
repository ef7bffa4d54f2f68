// A CEPEJ cycle's dashboard: the key derived indicators compared across countries and with the
// previous cycles, as charts with the table of their figures under each, NA / NAP / not retained
// said as such, and the correspondent's comments as numbered notes. Public once the cycle is
// published (validated replies only); administrators see it before, with every started reply.
import Link from "next/link";
import { notFound, forbidden, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { page } from "@/lib/http/route";
import { formatDateTime } from "@/lib/i18n/format";
import { countryName } from "@/lib/i18n/reference";
import { cycleName } from "@/modules/cepej/cycle-name";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { cycleDashboard } from "@/modules/cepej/server/dashboard";
import type { Figure } from "@/modules/cepej/dashboard";
import type { IndicatorUnit } from "@/modules/cepej/indicators";
import { DashboardChart } from "@/modules/cepej/components/dashboard-chart";
import { PublishCycle } from "@/modules/cepej/components/publish-cycle";
import { pageTitle } from "@/lib/ui/page-title";

export const generateMetadata = pageTitle<{ cycle: string }>("dashboard", (p) => ({ cycle: p.cycle }));

export default page<{ cycle: string }>(async ({ params, db }) => {
  const cycle = await cycleOf(db, params.cycle);
  if (!cycle) notFound();
  const user = await currentUser();
  const admin = decide(user, "read", { kind: "administration" }).allowed;
  if (!cycle.publishedAt && !admin) {
    if (!user) redirect(`/login?callbackUrl=/cepej/${cycle.slug}/dashboard`);
    forbidden();
  }
  const data = await cycleDashboard(db, cycle.slug, { admin });
  const [t, tc, ti, tr, format, locale] = await Promise.all([
    getTranslations("cepejDashboard"),
    getTranslations("cycles"),
    getTranslations("indicators"),
    getTranslations("reply"),
    getFormatter(),
    getLocale(),
  ]);
  const nameOf = (c: { slug: string; name: string }) => cycleName(c, (years) => tc("defaultName", years));
  const cycles = data.cycles.map((c) => ({ slug: c.slug, label: nameOf(c) }));
  const unit = (u: IndicatorUnit) => (u === "days" ? ti("unit.days") : u === "per 100 000 inhabitants" ? ti("unit.per100k") : u);
  const figureText = (f: Figure | undefined) =>
    !f ? "" : f.value !== null ? format.number(f.value, { maximumFractionDigits: 3 }) : f.missing ? t(`missing.${f.missing}`) : t("missing.empty");
  const names = Object.fromEntries(data.countries.map((c) => [c.code, countryName(c.code, c.name, locale)]));

  return (
    <div data-testid="dashboard" className="dashboard">
      <p className="breadcrumb no-print">{admin && <Link href={`/admin/cycles/${cycle.slug}`}>{nameOf(cycle)}</Link>}</p>
      <h1>{t("title", { cycle: nameOf(cycle) })}</h1>
      <p data-testid="dashboard-status" className={cycle.publishedAt ? "muted" : "notice provisional"}>
        {cycle.publishedAt ? t("published", { at: formatDateTime(cycle.publishedAt, locale) }) : t("notPublished")}{" "}
        {admin && <PublishCycle cycle={cycle.slug} published={!!cycle.publishedAt} />}
      </p>
      <p>{admin ? t("introAdmin") : t("introPublic")}</p>
      <p className="muted">{t("legend")}</p>
      {data.countries.length === 0 ? (
        <p className="alert" data-testid="dashboard-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <nav className="no-print" aria-label={t("contents")}>
            <ul className="dashboard-contents">
              {data.indicators.map((ind) => (
                <li key={ind.id}>
                  <a href={`#ind-${ind.id.replace(/:/g, "-")}`} lang="en">
                    {ind.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {data.indicators.map((ind) => {
            const anchor = `ind-${ind.id.replace(/:/g, "-")}`;
            // numbered notes: the correspondent's comment beside each figure that has one
            const notes: { n: number; country: string; cycle: string; text: string }[] = [];
            const noteOf = new Map<string, number>();
            for (const c of data.countries)
              for (const cy of data.cycles) {
                const f = ind.figures[c.code]?.[cy.slug];
                if (f?.comment) {
                  notes.push({ n: notes.length + 1, country: c.code, cycle: cy.slug, text: f.comment });
                  noteOf.set(`${c.code}/${cy.slug}`, notes.length);
                }
              }
            // CEPEJ's indicator names are English: marked so, inside the reader's language.
            const titleValues = { indicator: ind.label, unit: unit(ind.unit) };
            return (
              <section key={ind.id} id={anchor} className="card dashboard-indicator" data-indicator={ind.id}>
                <h2>
                  <span lang="en">{ind.label}</span> <span className="muted">({unit(ind.unit)})</span>
                </h2>
                <DashboardChart
                  labelledBy={`${anchor}-caption`}
                  cycles={cycles}
                  rows={data.countries.map((c) => ({
                    key: c.code,
                    label: names[c.code],
                    bars: data.cycles.map((cy) => {
                      const f = ind.figures[c.code]?.[cy.slug];
                      return { cycle: cy.slug, value: f?.value ?? null, text: f ? figureText(f) : t("missing.noReply") };
                    }),
                  }))}
                />
                {/* a phone scrolls the table, not the page (focusable: the keyboard scrolls it too) */}
                <div className="table-scroll" role="region" aria-labelledby={`${anchor}-caption`} tabIndex={0}>
                  <table className="list dashboard-table" data-testid={`table-${ind.id}`}>
                    <caption id={`${anchor}-caption`}>{t.rich("chartTitle", { ...titleValues, name: (chunks) => <span lang="en">{chunks}</span> })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("country")}</th>
                        {cycles.map((c) => (
                          <th key={c.slug} scope="col">
                            {c.label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {data.countries.map((c) => (
                        <tr key={c.code} data-country={c.code}>
                          <th scope="row">{names[c.code]}</th>
                          {data.cycles.map((cy) => {
                            const f = ind.figures[c.code]?.[cy.slug];
                            const note = noteOf.get(`${c.code}/${cy.slug}`);
                            return (
                              <td key={cy.slug} data-cycle={cy.slug} className={f?.value !== null && f ? "figure" : "figure missing"}>
                                {f && f.value !== null ? (
                                  // the formula on hover is CEPEJ's, in English (the figure is digits only)
                                  <span title={f.formula} lang="en">
                                    {figureText(f)}
                                  </span>
                                ) : f ? (
                                  figureText(f)
                                ) : (
                                  t("missing.noReply")
                                )}
                                {note && (
                                  <sup>
                                    <a href={`#${anchor}-note-${note}`} aria-label={t("noteLink", { n: note })}>
                                      {note}
                                    </a>
                                  </sup>
                                )}
                                {admin && c.status[cy.slug] && c.status[cy.slug] !== "validated" && (
                                  <span className="muted reply-state"> ({tr(`status.${c.status[cy.slug]}` as never)})</span>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {notes.length > 0 && (
                  <ol className="dashboard-notes" aria-label={t("comments")}>
                    {notes.map((n) => (
                      <li key={n.n} id={`${anchor}-note-${n.n}`} value={n.n}>
                        <strong>
                          {names[n.country]}, {cycles.find((c) => c.slug === n.cycle)?.label}:
                        </strong>{" "}
                        <span translate="no">{n.text}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
});
