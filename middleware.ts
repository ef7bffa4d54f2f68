// Runs before every request: refuses cross-site writes to the API (CSRF), passes the path on (so a
// login redirect can come back to it), gives the request a fresh CSP nonce, and sets the security
// headers. Authorisation itself happens in lib/auth/session.ts, per page and route.
import { NextResponse, type NextRequest } from "next/server";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A browser always sends Origin on a cross-site write; it must name this site. Requests without
 *  Origin (scripts, curl) carry no ambient browser cookies to abuse. next-auth's own routes have
 *  their CSRF token; server actions are checked by Next.js itself. */
function crossSiteWrite(request: NextRequest): boolean {
  if (!WRITES.has(request.method) || !request.nextUrl.pathname.startsWith("/api/") || request.nextUrl.pathname.startsWith("/api/auth/")) return false;
  // A request with an API token is authenticated by that token only (lib/auth/session.ts ignores
  // its cookies), which no other site can make a browser send.
  if (/^Bearer\b/i.test(request.headers.get("authorization") ?? "")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "cross-site";
  try {
    return new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  } catch {
    return true;
  }
}

/** A path segment that cannot be decoded (%zz, a lone %, broken UTF-8) would get Next.js's own
 *  HTML error page; the API answers JSON with a reason instead. */
function undecodable(pathname: string): boolean {
  try {
    pathname.split("/").forEach((segment) => decodeURIComponent(segment));
    return false;
  } catch {
    return true;
  }
}

const PUBLIC_API = /^\/api\/(open-data|report-forms)\//;

/** HTTPS as the browser sees it. `next start` serves plain HTTP, so HTTPS is always a proxy's, and
 *  only a trusted proxy's word counts (TRUST_PROXY=1): Next.js derives the request URL's protocol
 *  from X-Forwarded-Proto, which any client can send, and HSTS must not follow a client's claim. */
function servedOverHttps(request: NextRequest): boolean {
  return !!process.env.TRUST_PROXY && request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** 128 random bits, base64: unguessable, and fresh for every request. */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Scripts run only with this request's nonce. Next.js reads the nonce from the request's own
 * Content-Security-Policy header (set below) and puts it on every <script> it renders: its inline
 * RSC payload and bootstrap scripts and its chunk <script src>s. The app has no inline script of
 * its own; one it ever needs takes the nonce from that header (headers() in a server component).
 *  - 'strict-dynamic': scripts that a nonced script adds (the chunks webpack loads on client-side
 *    navigation) may run; scripts named in markup without the nonce may not, not even same-origin
 *    ones, so injected HTML cannot pull in one of our own bundles either. Browsers that know
 *    'strict-dynamic' ignore 'self' here; it is kept for those that do not.
 *  - No 'unsafe-inline' (no event-handler attributes, no script the server did not mean to send),
 *    no 'unsafe-eval'; the development server needs eval for its hot reloading, production does not.
 *  - Styles: stylesheets from this site only. Server-rendered style="…" attributes would be
 *    ignored, so the app has none (classes in globals.css); styles React sets from scripts go
 *    through the DOM's style object, which CSP does not restrict. Inline styles ('unsafe-inline')
 *    only where someone else's markup needs them: the development server's hot reloading, and
 *    next-auth's own fallback pages under /api/auth/ (sign-out confirmation, error page: one
 *    <style> element each; the app signs in and out through /login and a server action).
 * Pages must be rendered for each request for the nonce to match: the root layout calls connection(),
 * and no page may opt out (dynamic = "force-static" would prerender it, and its scripts would not
 * run); e2e/csp.spec.ts checks that every <script> of every page carries its response's nonce.
 */
function contentSecurityPolicy(nonce: string, path: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${dev || path.startsWith("/api/auth/") ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    // The survey's service worker (public/sw.js) and the web app manifest: this site's only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export function middleware(request: NextRequest) {
  const raw = new URL(request.url).pathname;
  if (raw.startsWith("/api/") && undecodable(raw)) {
    return NextResponse.json({ error: "The address contains a malformed %-escape." }, { status: 400 });
  }
  if (crossSiteWrite(request)) {
    return NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  const requestHeaders = new Headers(request.headers);
  // The log-journal records the client address. Unless a trusted proxy sets it (TRUST_PROXY=1),
  // a client-sent X-Forwarded-For is dropped, and Next.js fills it from the connection itself.
  if (!process.env.TRUST_PROXY) {
    requestHeaders.delete("x-forwarded-for");
    requestHeaders.delete("x-real-ip");
  }
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // For API tokens: a read-only token may not write (lib/auth/session.ts). Set here, never taken from the client.
  requestHeaders.set("x-request-method", request.method);
  const path = request.nextUrl.pathname;
  const csp = contentSecurityPolicy(newNonce(), path);
  // On the request for Next.js to find the nonce while rendering (`next start` would also copy it
  // there from the response, other servers need not), on the response for the browser.
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Answers, replies, interviews and reports are personal or unpublished: no cache keeps them.
  // The public API (open data, legal deadlines) may be cached.
  if (path.startsWith("/api/") && !PUBLIC_API.test(path)) response.headers.set("Cache-Control", "no-store");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()");
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
