// GET /api/cycles/{cycle}/export?format=csv — the long CSV of every reply of the cycle (admins),
// streamed reply by reply.
import { checkApiAccess } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { audit } from "@/lib/audit/server";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { cycleCountries, findReply } from "@/modules/cepej/server/replies";
import { attachment, replyForExport } from "@/modules/cepej/server/export";
import { longCsvHeader, longCsvLines, streamLines } from "@/modules/cepej/export/long-csv";
import { refusal } from "@/lib/http/refusal";

export const GET = route<{ cycle: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const slug = params.cycle;
  const cycle = cycleOf(db, slug);
  if (!cycle) return problem(404, refusal("noSuchCycle", { cycle: slug }));
  apiQuery(request).choice("format", ["csv"]); // the only format
  const countries = cycleCountries(db, slug);
  audit({ action: "export.cycle_csv", object: slug, user: access.user });
  function* lines() {
    yield longCsvHeader();
    for (const country of countries) {
      const found = findReply(db, slug, country);
      if (!found) continue;
      const data = replyForExport(db, found); // one reply in memory at a time
      yield* longCsvLines(data.index.questionnaire, { cycle: slug, country, read: data.read, flags: data.flags });
    }
  }
  return new Response(streamLines(lines()), { headers: { "content-type": "text/csv; charset=utf-8", ...attachment(`cepej-${slug}.csv`) } });
});
