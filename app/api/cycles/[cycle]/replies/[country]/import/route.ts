// POST /api/cycles/{cycle}/replies/{country}/import — a reply in the JSON export format replaces the
// reply's answers (all or nothing; 400 lists refused cells; 409 when the reply is locked).
//   ?preview=1                          what it would change (added, changed, cleared cells); writes nothing
//   ?mapCycle=2020-2022&mapCountry=FR   imports a file of another cycle / country (refused, with the reason, without)
// The answer names the import (importId) for POST .../import/undo.
import { problem, readJson } from "@/lib/http/json-body";
import { BODY_LIMITS } from "@/lib/http/body-gate.mjs";
import { apiQuery } from "@/lib/http/query";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { ReplyJson } from "@/modules/cepej/export/reply-json";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { editCheck } from "@/modules/cepej/server/replies";
import { importReply, previewImport } from "@/modules/cepej/server/write-cells";

export const POST = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "write");
  if (!r.ok) return r.response;
  // A locked reply is refused before its (up to 20 MiB) body is read; the service decides again.
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const query = apiQuery(request);
  const preview = query.one("preview");
  if (preview !== undefined && preview !== "1") return problem(400, "preview must be 1.");
  const map = { cycle: query.one("mapCycle"), country: query.one("mapCountry") };
  const body = await readJson(request, ReplyJson, BODY_LIMITS.replyImport);
  if (!body.ok) return body.response;
  const actor = { user: r.user, ip: await requestIp() };
  return Response.json(preview ? await previewImport(db, r.found, actor, body.data, { map }) : await importReply(db, r.found, actor, body.data, { map }));
});
