// One cycle (admins): every country with status, % answered, open warnings, open queries and last
// activity; filters; CSV; assign correspondents; extend a country's deadline.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAccess } from "@/lib/auth/session";
import { correspondentsList, cycleStatus } from "@/modules/cepej/server/cycles";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { assignAction, extendDeadlineAction } from "../../../../modules/cepej/actions";

export default async function CyclePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ status?: string; q?: string }> }) {
  await requireAccess("read", { kind: "administration" });
  const { slug } = await params;
  const { status = "", q = "" } = await searchParams;
  const cycle = cycleOf(slug);
  if (!cycle) notFound();
  const t = await getTranslations("cycles");
  const tr = await getTranslations("reply");
  const rows = cycleStatus(slug).filter((r) => (!status || r.status === status) && (!q || `${r.name} ${r.country}`.toLowerCase().includes(q.toLowerCase())));
  const people = correspondentsList();
  return (
    <>
      <h1>{cycle.name}</h1>
      <p className="muted">{t("summary", { year: cycle.referenceYear, opens: cycle.opensOn, closes: cycle.closesOn, threshold: cycle.variationThreshold })}</p>
      <form className="inline-form" method="get">
        <input type="text" name="q" defaultValue={q} placeholder={t("filterCountry")} aria-label={t("filterCountry")} />
        <select name="status" defaultValue={status} aria-label={t("filterStatus")}>
          <option value="">{t("allStatuses")}</option>
          {["not_started", "in_progress", "submitted", "returned", "validated"].map((s) => <option key={s} value={s}>{tr(`status.${s}`)}</option>)}
        </select>
        <button type="submit" className="secondary">{t("filter")}</button>
        <a className="button secondary" href={`/api/cycles/${slug}/status?format=csv`}>{t("downloadCsv")}</a>
      </form>
      <table className="list" data-testid="cycle-status" style={{ marginTop: 8 }}>
        <thead><tr><th>{t("country")}</th><th>{t("status")}</th><th>{t("answered")}</th><th>{t("warnings")}</th><th>{t("queries")}</th><th>{t("lastActivity")}</th><th>{t("correspondents")}</th><th>{t("deadline")}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.country} data-country={r.country}>
              <td><Link href={`/cepej/${slug}/${r.country}`}>{r.name}</Link></td>
              <td>{tr(`status.${r.status}`)}</td>
              <td>{r.percent} %</td>
              <td>{r.warnings || ""}</td>
              <td>{r.openQueries || ""}</td>
              <td>{r.lastActivity.slice(0, 16).replace("T", " ")}</td>
              <td>{r.correspondents.join(", ")}</td>
              <td>{r.deadline ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="card" style={{ marginTop: 16 }}>
        <h2>{t("assign")}</h2>
        <form action={assignAction} className="inline-form">
          <input type="hidden" name="cycle" value={slug} />
          <select name="country" aria-label={t("assignCountry")}>{cycleStatus(slug).map((r) => <option key={r.country} value={r.country}>{r.name}</option>)}</select>
          <select name="userId" aria-label={t("correspondent")}>{people.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.email})</option>)}</select>
          <button type="submit">{t("assignButton")}</button>
        </form>
      </div>
      <div className="card">
        <h2>{t("extend")}</h2>
        <form action={extendDeadlineAction} className="inline-form">
          <input type="hidden" name="cycle" value={slug} />
          <select name="country" aria-label={t("extendCountry")}>{cycleStatus(slug).map((r) => <option key={r.country} value={r.country}>{r.name}</option>)}</select>
          <input type="date" name="deadline" aria-label={t("deadline")} />
          <button type="submit">{t("extendButton")}</button>
        </form>
      </div>
    </>
  );
}
