// Which requests may send a body, how large, and by whom: decided from the request line and
// headers alone, before a byte of the body is read (scripts/server.mjs asks this for every request
// ahead of Next.js, whose middleware would otherwise buffer whole bodies, anonymous ones included).
// Plain JavaScript: the server runs it without a build; the routes import the same limits.

const KB = 1024;
const MB = 1024 * KB;

/** The largest bodies the routes take, one name each; the routes pass them to readJson/readCsvBody. */
export const BODY_LIMITS = {
  /** A JSON request: a save, a transition, a comment. */
  json: 2 * MB,
  /** A whole reply (JSON) imported into another one. */
  replyImport: 20 * MB,
  /** An interviewer's queue of interviews collected offline. */
  interviewQueue: 8 * MB,
  /** A sample frame or an interviews file (CSV), administrators only. */
  csvUpload: 50 * MB,
  /** Sign-in and other forms anyone may post (next-auth, the language switcher). */
  anonymousForm: 64 * KB,
  /** A server action (Next.js caps them at 2 MB too: next.config.mjs). */
  serverAction: 2 * MB,
};

/** The API routes that take a body: method, path, limit. Anything else sends none. */
export const BODY_ROUTES = [
  { method: "PUT", path: /^\/api\/cycles\/[^/]+\/replies\/[^/]+\/answers$/, limit: BODY_LIMITS.json },
  { method: "PUT", path: /^\/api\/cycles\/[^/]+\/replies\/[^/]+\/flags$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/cycles\/[^/]+\/replies\/[^/]+\/(history|transitions|queries)$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/cycles\/[^/]+\/replies\/[^/]+\/queries\/[^/]+$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/cycles\/[^/]+\/replies\/[^/]+\/import$/, limit: BODY_LIMITS.replyImport },
  { method: "POST", path: /^\/api\/cycles\/[^/]+\/publish$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/cycles\/[^/]+\/replies\/[^/]+\/import\/undo$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/survey\/(assign|waves)$/, limit: BODY_LIMITS.json },
  { method: "PUT", path: /^\/api\/survey\/interviews\/[^/]+\/(answers|language)$/, limit: BODY_LIMITS.json },
  { method: "PUT", path: /^\/api\/survey\/interviews\/[^/]+\/comments\/[^/]+\/reply$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/survey\/interviews\/[^/]+\/transitions$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/survey\/interviews\/submit$/, limit: BODY_LIMITS.interviewQueue },
  { method: "POST", path: /^\/api\/survey\/waves\/[^/]+\/publish$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/survey\/waves\/[^/]+\/(sample|interviews\/import)$/, limit: BODY_LIMITS.csvUpload },
  { method: "PUT", path: /^\/api\/reports\/[^/]+\/answers$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/reports\/[^/]+\/transitions$/, limit: BODY_LIMITS.json },
  { method: "POST", path: /^\/api\/tokens$/, limit: BODY_LIMITS.json },
];

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Time to receive a body: a base, plus what the slowest connection we serve needs for its size. */
export const BODY_TIMEOUT_MS = Number(process.env.BODY_TIMEOUT_MS ?? 10_000);
const SLOWEST_BYTES_PER_MS = 50; // 50 KB/s: a 50 MB file may take 17 minutes, a 2 KB save 10 s

/**
 * @typedef {{ method: string; path: string; contentLength: string | undefined; transferEncoding: string | undefined; signedIn: boolean }} BodyRequest
 * @typedef {{ ok: true; limit: number; deadlineMs: number } | { ok: true; limit: 0; deadlineMs: 0 } | { ok: false; status: number; error: string }} BodyVerdict
 */

/** The body a route takes from this caller: its limit, or why none. */
function routeFor(/** @type {BodyRequest} */ r) {
  if (r.path.startsWith("/api/auth/")) return r.method === "POST" ? { limit: BODY_LIMITS.anonymousForm, anonymous: true } : null;
  if (r.path.startsWith("/api/")) {
    const route = BODY_ROUTES.find((x) => x.method === r.method && x.path.test(r.path));
    return route ? { limit: route.limit, anonymous: false } : null;
  }
  // A page takes a body only as a server action (with JavaScript, the Next-Action header; without,
  // a form post). Signed out, only small ones: signing in, choosing the language.
  if (r.method !== "POST") return null;
  return r.signedIn ? { limit: BODY_LIMITS.serverAction, anonymous: false } : { limit: BODY_LIMITS.anonymousForm, anonymous: true };
}

/**
 * Whether a request may send its body: a request without one always may; a body needs a
 * Content-Length (a chunked body cannot be refused by its size before it is read), a route that
 * takes one, a session unless the route is open to all, and a size within the route's limit.
 * @param {BodyRequest} r
 * @returns {BodyVerdict}
 */
export function admitBody(r) {
  const declared = r.contentLength === undefined ? null : Number(r.contentLength);
  const chunked = r.transferEncoding !== undefined;
  if (!chunked && (declared === null || declared === 0)) return { ok: true, limit: 0, deadlineMs: 0 };
  if (declared === null || !Number.isSafeInteger(declared) || declared < 0)
    return { ok: false, status: 411, error: "Send the body with a Content-Length header." };
  const route = routeFor(r);
  // An API address that takes no body with this method: as Next answers a method a route does not
  // export (405), without reading the body first. A GET or HEAD never carries one (413).
  if (!route && r.path.startsWith("/api/") && WRITE_METHODS.has(r.method))
    return { ok: false, status: 405, error: `This address does not take ${r.method} requests with a body.` };
  if (!route) return { ok: false, status: 413, error: "This address takes no request body." };
  if (!route.anonymous && !r.signedIn) return { ok: false, status: 401, error: "Sign in first." };
  if (declared > route.limit) return { ok: false, status: 413, error: `The body is larger than ${route.limit} bytes.` };
  return { ok: true, limit: route.limit, deadlineMs: BODY_TIMEOUT_MS + Math.ceil(declared / SLOWEST_BYTES_PER_MS) };
}
