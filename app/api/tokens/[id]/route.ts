// DELETE /api/tokens/{id} — revokes one of the caller's own tokens at once (404 for anyone else's).
// From a signed-in browser session only, like creating one.
import { currentUser } from "@/lib/auth/session";
import { requestIp } from "@/lib/audit/server";
import { problem } from "@/lib/http/json-body";
import { route } from "@/lib/http/route";
import { TokenId } from "@/modules/users/token-schemas";
import { revokeToken } from "@/modules/users/server/api-tokens";

export const DELETE = route<{ id: string }>(async ({ params, db }) => {
  const user = await currentUser();
  if (!user) return problem(401, "You need to sign in.");
  if (user.apiToken) return problem(403, "API tokens are revoked from a signed-in session, not with a token.");
  const id = TokenId.safeParse(params.id);
  if (!id.success) return problem(404, "No such token.");
  return Response.json({ token: await revokeToken(db, id.data, { user, ip: await requestIp() }) });
});
