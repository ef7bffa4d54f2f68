// GET /api/cycles/{cycle}/export?format=csv|xlsx — every reply of the cycle (admins): the long CSV,
// streamed reply by reply, or the analysts' XLSX (modules/cepej/export/xlsx.ts). Only cells with
// content (a value, NA/NAP, a comment or a "not retained" mark) have a row: the empty cells of the
// replies nobody started would otherwise be most of the file.
import { checkApiAccess } from "@/lib/auth/session";
import { problem } from "@/lib/http/json-body";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { audit } from "@/lib/audit/server";
import { cycleOf } from "@/modules/cepej/server/workflow";
import { cycleCountries, findReply } from "@/modules/cepej/server/replies";
import { attachment, replyForExport } from "@/modules/cepej/server/export";
import { loadQuestionnaire } from "@/modules/questionnaire/server/definitions";
import { longCsvHeader, longCsvLines, streamLines } from "@/modules/cepej/export/long-csv";
import { refusal } from "@/lib/http/refusal";
import { repliesXlsx, type XlsxReply } from "@/modules/cepej/export/xlsx";

export const GET = route<{ cycle: string }>(async ({ request, params, db }) => {
  const access = await checkApiAccess("read", { kind: "administration" });
  if (!access.ok) return access.response;
  const slug = params.cycle;
  const cycle = await cycleOf(db, slug);
  if (!cycle) return problem(404, refusal("noSuchCycle", { cycle: slug }));
  const format = apiQuery(request).choice("format", ["csv", "xlsx"]) ?? "csv";
  const countries = await cycleCountries(db, slug);
  audit({ action: `export.cycle_${format}`, object: slug, user: access.user });
  /** The replies one at a time (one in memory at a time for the CSV). */
  async function* replies() {
    for (const country of countries) {
      const found = await findReply(db, slug, country);
      if (found) yield { found, data: await replyForExport(db, found) };
    }
  }
  if (format === "xlsx") {
    const q = (await loadQuestionnaire(db, cycle.questionnaireId)).questionnaire;
    const list = async function* (): AsyncGenerator<XlsxReply> {
      for await (const { found, data } of replies())
        yield { country: found.reply.countryCode!, countryName: found.countryName, status: found.reply.status, read: data.read, flags: data.flags };
    };
    const buffer = await repliesXlsx(q, { cycle: slug, cycleName: cycle.name, countryLabel: `all (${countries.length})`, generatedOn: new Date() }, list(), {
      contentOnly: true,
    });
    return new Response(new Uint8Array(buffer), {
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...attachment(`cepej-${slug}.xlsx`) },
    });
  }
  async function* lines() {
    yield longCsvHeader();
    for await (const { found, data } of replies())
      yield* longCsvLines(
        data.index.questionnaire,
        { cycle: slug, country: found.reply.countryCode!, read: data.read, flags: data.flags },
        { contentOnly: true },
      );
  }
  return new Response(streamLines(lines()), { headers: { "content-type": "text/csv; charset=utf-8", ...attachment(`cepej-${slug}.csv`) } });
});
