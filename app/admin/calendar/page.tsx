// The working-day calendar (admins): fixed holidays come from the law; here the per-year extra
// days off (movable religious holidays, transfers) and extra working days.
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listAdjustments } from "@/modules/reporting/server/calendar";
import { PUBLIC_HOLIDAYS } from "@/modules/reporting/calendar";
import { CalendarForm } from "@/modules/reporting/components/admin-forms";

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const rows = listAdjustments(db);
  return (
    <>
      <h1>Working-day calendar</h1>
      <p className="muted">
        Fixed public holidays: {PUBLIC_HOLIDAYS.map((h) => h.name).join(", ")}. A holiday on a weekend moves the day off to the next working day. Deadlines that
        fall on a non-working day move to the next working day.
      </p>
      <div className="card">
        <CalendarForm />
      </div>
      <table className="list" data-testid="adjustments">
        <thead>
          <tr>
            <th>Date</th>
            <th>Kind</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date}>
              <td>{r.date}</td>
              <td>{r.kind === "off" ? "extra day off" : "extra working day"}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
