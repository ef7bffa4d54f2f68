// POST /api/cycles/{cycle}/replies/{country}/import/undo — {importId}: every cell that import changed
// gets its value from before back, at once (409 when one was changed again since, or it was undone).
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { requestIp } from "@/lib/audit/server";
import { UndoImportRequest } from "@/modules/cepej/schemas";
import { replyForRequest, type ReplyParams } from "@/modules/cepej/server/reply-access";
import { editCheck } from "@/modules/cepej/server/replies";
import { undoImport } from "@/modules/cepej/server/write-cells";

export const POST = route<ReplyParams>(async ({ request, params, db }) => {
  const r = await replyForRequest(db, params, "write");
  if (!r.ok) return r.response;
  const editable = editCheck(r.found, r.user.role);
  if (!editable.ok) return problem(409, editable.reason);
  const body = await readJson(request, UndoImportRequest);
  if (!body.ok) return body.response;
  return Response.json(await undoImport(db, r.found, { user: r.user, ip: await requestIp() }, body.data.importId));
});
