// Home: what the signed-in user's role can do, and what waits for them.
import Link from "next/link";
import { eq } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { repliesVisibleTo } from "@/modules/cepej/server/replies";
import { waitingFor } from "@/modules/cepej/server/waiting";
import { upcomingDeadlines } from "@/modules/reporting/server/filings";
import { getDb } from "@/db/client";
import { regions, reportingBodies } from "@/db/schema";
import { inArray } from "drizzle-orm";

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations("home");
  const replies = repliesVisibleTo(getDb(), user);
  const waiting = waitingFor(getDb(), user);
  const regionNames = user.regions.length
    ? getDb().select({ name: regions.name }).from(regions).where(inArray(regions.code, user.regions)).orderBy(regions.name).all().map((r) => r.name).join(", ")
    : "";
  const body = user.bodyId ? getDb().select().from(reportingBodies).where(eq(reportingBodies.id, user.bodyId)).get() : null;

  return (
    <div data-testid={`home-${user.role}`}>
      <h1>{t("title", { name: user.name })}</h1>
      <div className="card">
        {user.role === "admin" && <p>{t("admin.intro")}</p>}
        {user.role === "correspondent" && <p>{t("correspondent.intro", { countries: user.countries.join(", ") })}</p>}
        {user.role === "supervisor" && <p>{t("supervisor.intro", { regions: regionNames })}</p>}
        {user.role === "interviewer" && <p>{t("interviewer.intro")}</p>}
        {user.role === "reporter" && <p>{t("reporter.intro", { body: body?.name ?? "—" })}</p>}
        {user.role === "admin" && <p><Link href="/admin/cycles">{t("admin.cycles")}</Link> · <Link href="/admin/users">{t("admin.users")}</Link></p>}
        {(waiting.queriesToAnswer > 0 || waiting.repliesToReview > 0 || waiting.returned > 0) && (
          <ul className="waiting" data-testid="waiting">
            {waiting.queriesToAnswer > 0 && <li>{t("waiting.queries", { count: waiting.queriesToAnswer })}</li>}
            {waiting.returned > 0 && <li>{t("waiting.returned", { count: waiting.returned })}</li>}
            {waiting.repliesToReview > 0 && <li>{t("waiting.review", { count: waiting.repliesToReview })}</li>}
          </ul>
        )}
        {user.role === "reporter" && user.bodyId && (
          <>
            <p><Link href="/reports">{t("reporter.reports")}</Link></p>
            <ul data-testid="home-deadlines">
              {upcomingDeadlines(user.bodyId).filter((d) => d.filing?.status !== "submitted").map((d) => (
                <li key={`${d.form}-${d.period}`} className={d.overdue ? "error" : ""}>{t("reporter.deadline", { code: d.code ?? "", period: d.period, due: d.due })}{d.overdue ? ` — ${t("reporter.overdue")}` : ""}</li>
              ))}
            </ul>
          </>
        )}
        {user.role === "admin" && <p><Link href="/admin/reports">{t("admin.reports")}</Link></p>}
        {["admin", "supervisor", "interviewer"].includes(user.role) && <p><Link href="/survey">{t("survey")}</Link></p>}
      </div>
      {replies.length > 0 && (
        <div className="card">
          <h2>{user.role === "admin" ? t("admin.replies") : t("correspondent.replies")}</h2>
          <ul>
            {replies.map((r) => (
              <li key={r.id}>
                <Link href={`/cepej/${r.cycle}/${r.country}`}>{r.cycleName} · {r.countryName}</Link>{" "}
                <span className="muted">({r.status.replace("_", " ")})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
