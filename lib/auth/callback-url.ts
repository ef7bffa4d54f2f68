// Where a user goes after signing in or out: a path of this site, whatever the callbackUrl said.
// Used by the login page and its action, by next-auth's redirect callback and by the wrapper of
// next-auth's routes, so that no callbackUrl ever sends a user elsewhere (an open redirect) or
// breaks the Location header (CR/LF, characters outside Latin-1 unencoded).

/** Longer addresses are not ones the app makes; they fall back to the home page. */
export const CALLBACK_URL_MAX = 2000;

const BASE = "http://callback.invalid";
// C0 controls and DEL (CR/LF would split a header) and the backslash, which browsers read as a
// slash ("/\evil.example" is another host to them).
const REFUSED = /[\u0000-\u001f\u007f\\]/;

/**
 * The same-site path (with its query and fragment, percent-encoded) that `value` names, or "/".
 * A relative value must start with one "/"; an absolute one is accepted only when its host is one
 * of `ownHosts` (next-auth writes callback addresses in full), and only its path is kept.
 */
export function safeCallbackPath(value: unknown, ownHosts: readonly (string | null | undefined)[] = []): string {
  if (typeof value !== "string" || value === "" || value.length > CALLBACK_URL_MAX || REFUSED.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "/";
  const relative = url.origin === BASE;
  if (relative ? !value.startsWith("/") || value.startsWith("//") : !ownHosts.includes(url.host)) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
