// Electronic collections (Appendix 1): recipients and copies, and each period's dispatch (admins).
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { ELECTRONIC_COLLECTIONS, RECIPIENTS, totalCopies } from "@/modules/reporting/collections";
import { dispatchSchedule } from "@/modules/reporting/server/registers";
import { today } from "@/modules/reporting/server/filings";
import { DispatchForm } from "@/modules/reporting/components/admin-forms";

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const schedule = dispatchSchedule(db);
  const now = today();
  return (
    <>
      <h1>Electronic collections</h1>
      <table className="list">
        <thead>
          <tr>
            <th>No.</th>
            <th>Collection</th>
            <th>Recipients (copies)</th>
            <th>Total copies</th>
          </tr>
        </thead>
        <tbody>
          {ELECTRONIC_COLLECTIONS.map((c) => (
            <tr key={c.number}>
              <td>{c.number}</td>
              <td>{c.title}</td>
              <td>
                {Object.entries(c.copies)
                  .map(([id, n]) => `${(RECIPIENTS as Record<string, string>)[id] ?? id} (${n})`)
                  .join("; ")}
                {c.unplaced.length ? "; + others (see Appendix 1)" : ""}
              </td>
              <td>{totalCopies(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Dispatches</h2>
      <table className="list" data-testid="dispatches">
        <thead>
          <tr>
            <th>Collection</th>
            <th>Period</th>
            <th>Due</th>
            <th>Sent</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((d) => (
            <tr key={`${d.collection}-${d.period}`} className={d.overdue ? "overdue" : ""}>
              <td>{d.collection}</td>
              <td>{d.period}</td>
              <td>
                {d.due}
                {d.overdue && <strong className="error"> overdue</strong>}
              </td>
              <td>
                {d.sentOn ? `${d.sentOn} to ${d.recipients} by ${d.by ?? "—"}` : <DispatchForm collection={d.collection} period={d.period} today={now} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
