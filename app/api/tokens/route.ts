// GET /api/tokens — the caller's personal API tokens (never their secrets).
// POST /api/tokens — {"name":"R script","expiresInDays":90,"scope":"read"} creates one and answers
// {"id":…,"token":"jst_…","expiresAt":…}: the only time the secret is shown. From a signed-in
// browser session only: a token cannot mint tokens.
import { currentUser } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem, readJson } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { CreateTokenRequest } from "@/modules/users/token-schemas";
import { createToken, listTokens } from "@/modules/users/server/api-tokens";

export const GET = route(async ({ db }) => {
  const user = await currentUser();
  if (!user) return problem(401, "You need to sign in.");
  return Response.json({ tokens: await listTokens(db, user.id) });
});

export const POST = route(async ({ request, db }) => {
  const user = await currentUser();
  if (!user) return problem(401, "You need to sign in.");
  if (user.apiToken) return problem(403, "API tokens are created from a signed-in session, not with a token.");
  const body = await readJson(request, CreateTokenRequest);
  if (!body.ok) return body.response;
  const created = await createToken(db, body.data, { user, ip: await requestIp() });
  return Response.json(created, { status: 201 });
});
