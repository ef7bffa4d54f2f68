// Register of requests for legal statistical information (admins): register, answer, overdue flags.
import { requireAccess } from "@/lib/auth/session";
import { page } from "@/lib/http/route";
import { listRequests, REQUEST_DAYS } from "@/modules/reporting/server/registers";
import { today } from "@/modules/reporting/server/filings";
import { AnswerRequestForm, RequestForm } from "@/modules/reporting/components/admin-forms";

const CHANNEL = { eds: "Unified e-document system", kadagalau: "Kadagalau", other: "other channel" } as const;
const STATUS = { registered: "registered", answered: "answered", left_without_consideration: "left without consideration (paragraph 7)" } as const;

export default page(async ({ db }) => {
  await requireAccess("read", { kind: "administration" });
  const requests = listRequests(db);
  return (
    <>
      <h1>Requests for legal statistical information</h1>
      <p className="muted">
        Answered free of charge within {REQUEST_DAYS} calendar days of receipt. Requests by any other channel than the unified e-document system (or Kadagalau
        for prosecutor&apos;s offices) are left without consideration.
      </p>
      <div className="card">
        <RequestForm today={today()} />
      </div>
      <table className="list" data-testid="requests">
        <thead>
          <tr>
            <th>No.</th>
            <th>Requester</th>
            <th>Channel</th>
            <th>Indicators</th>
            <th>Unit / period</th>
            <th>Received</th>
            <th>Due</th>
            <th>Status</th>
            <th>Answer</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id} className={r.overdue ? "overdue" : ""} data-request={r.id}>
              <td>{r.id}</td>
              <td>
                {r.requester}{" "}
                <span className="muted">
                  ({r.requesterKind.replace("_", " ")}; signed {r.signatory})
                </span>
              </td>
              <td>{CHANNEL[r.channel]}</td>
              <td>{r.indicators}</td>
              <td>
                {r.unit.replace("_", " ")} · {r.period}
              </td>
              <td>{r.receivedOn}</td>
              <td>
                {r.dueOn}
                {r.overdue && <strong className="error"> overdue</strong>}
              </td>
              <td>
                {STATUS[r.status]}
                {r.late ? " (late)" : ""}
              </td>
              <td>
                {r.status === "registered" ? (
                  <AnswerRequestForm id={r.id} />
                ) : (
                  <>
                    {r.answer} {r.answeredOn && <span className="muted">({r.answeredOn})</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
