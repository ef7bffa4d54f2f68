// Runs before every request: refuses cross-site writes to the API (CSRF), passes the path on (so a
// login redirect can come back to it), and sets the security headers. Authorisation itself happens
// in lib/auth/session.ts, per page and route.
import { NextResponse, type NextRequest } from "next/server";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A browser always sends Origin on a cross-site write; it must name this site. Requests without
 *  Origin (scripts, curl) carry no ambient browser cookies to abuse. next-auth's own routes have
 *  their CSRF token; server actions are checked by Next.js itself. */
function crossSiteWrite(request: NextRequest): boolean {
  if (!WRITES.has(request.method) || !request.nextUrl.pathname.startsWith("/api/") || request.nextUrl.pathname.startsWith("/api/auth/")) return false;
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const path = request.nextUrl.pathname;
  // Answers, replies, interviews and reports are personal or unpublished: no cache keeps them.
  // The public API (open data, legal deadlines) may be cached.
  if (path.startsWith("/api/") && !PUBLIC_API.test(path)) response.headers.set("Cache-Control", "no-store");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()");
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set(
    "Content-Security-Policy",
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
