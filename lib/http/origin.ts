// The site's address as the client used it, for absolute links in answers (the open-data
// catalogue): the Host header (the reverse proxy passes the original one, see README, Deploy), and
// HTTPS only on a trusted proxy's word (TRUST_PROXY=1), as middleware.ts decides for HSTS.
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  const forwarded = process.env.TRUST_PROXY ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const proto = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
