// POST /api/cycles/{cycle}/replies/{country}/queries/{id} — {text} answers the thread (correspondent
// or reviewer), {resolve: true} closes it (reviewer only).
import { z } from "zod";
import { decide } from "@/lib/auth/policy";
import { problem, readJson } from "@/lib/http/json-body";
import { replyForRequest } from "@/modules/cepej/server/reply-access";
import { answerQuery, findQuery, resolveQuery } from "@/modules/cepej/server/workflow";

const Body = z.union([
  z.object({ text: z.string().trim().min(1).max(5000) }).strict(),
  z.object({ resolve: z.literal(true) }).strict(),
]);

export async function POST(request: Request, { params }: { params: Promise<{ cycle: string; country: string; id: string }> }) {
  const r = await replyForRequest(params, "read");
  if (!r.ok) return r.response;
  const body = await readJson(request, Body);
  if (!body.ok) return body.response;
  if ("resolve" in body.data) {
    const decision = decide(r.user, "review", { kind: "cepejReply", country: r.found.reply.countryCode! });
    if (!decision.allowed) return problem(403, decision.reason);
  }
  const id = Number((await params).id);
  const query = Number.isInteger(id) ? findQuery(r.found.reply.id, id) : undefined;
  if (!query) return problem(404, "No such query on this reply.");
  if (query.status !== "open") return problem(409, "This query is resolved.");
  if ("resolve" in body.data) resolveQuery(id);
  else answerQuery(id, body.data.text, r.user.id);
  return Response.json({ ok: true });
}
