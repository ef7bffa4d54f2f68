// The log-journal (admins): who did what, to which object, from where — search and CSV.
import { requireAccess } from "@/lib/auth/session";
import { searchAudit } from "@/lib/audit/query";
import { pageQuery } from "@/lib/http/query";
import { page } from "@/lib/http/route";

export default page(async ({ searchParams, db }) => {
  await requireAccess("read", { kind: "administration" });
  const p = pageQuery(searchParams);
  const s = Object.fromEntries(
    Object.entries({ q: p.one("q"), action: p.one("action"), from: p.date("from"), to: p.date("to") }).filter((e): e is [string, string] => !!e[1]),
  ) as { q?: string; action?: string; from?: string; to?: string };
  const rows = searchAudit(db, s);
  const query = new URLSearchParams(s);
  return (
    <>
      <h1>Log-journal</h1>
      <form method="get" className="inline-form">
        <input type="text" name="q" defaultValue={s.q} placeholder="User or object" aria-label="User or object" />
        <input type="text" name="action" defaultValue={s.action} placeholder="Action (e.g. login, report.)" aria-label="Action" />
        <input type="date" name="from" defaultValue={s.from} aria-label="From" />
        <input type="date" name="to" defaultValue={s.to} aria-label="To" />
        <button type="submit" className="secondary">
          Search
        </button>
        <a className="button secondary" href={`/api/admin/audit?${query}`}>
          CSV
        </a>
      </form>
      <table className="list" data-testid="audit">
        <thead>
          <tr>
            <th>Time (UTC)</th>
            <th>User</th>
            <th>Role</th>
            <th>Action</th>
            <th>Object</th>
            <th>IP</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.at.slice(0, 19).replace("T", " ")}</td>
              <td>{r.user}</td>
              <td>{r.role}</td>
              <td>{r.action}</td>
              <td>{r.object}</td>
              <td>{r.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
});
