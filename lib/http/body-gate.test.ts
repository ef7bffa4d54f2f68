import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, BODY_ROUTES, admitBody } from "./body-gate.mjs";

const base = { method: "PUT", path: "/api/reports/7/answers", contentLength: "120", transferEncoding: undefined, signedIn: true };

describe("admitBody", () => {
  it("lets a request without a body through, signed in or not", () => {
    expect(admitBody({ ...base, method: "GET", contentLength: undefined, signedIn: false }).ok).toBe(true);
    expect(admitBody({ ...base, method: "POST", contentLength: "0", signedIn: false }).ok).toBe(true);
  });

  it("refuses an anonymous body to a route that needs a session, whatever its size", () => {
    expect(admitBody({ ...base, signedIn: false })).toEqual({ ok: false, status: 401, error: "Sign in first." });
    expect(admitBody({ ...base, contentLength: String(50 * 1024 * 1024), signedIn: false })).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a body larger than the route's limit from what it announces", () => {
    expect(admitBody({ ...base, contentLength: String(BODY_LIMITS.json + 1) })).toMatchObject({ ok: false, status: 413 });
    expect(admitBody({ ...base, contentLength: String(BODY_LIMITS.json) })).toMatchObject({ ok: true, limit: BODY_LIMITS.json });
    const csv = { ...base, method: "POST", path: "/api/survey/waves/2026/sample" };
    expect(admitBody({ ...csv, contentLength: String(40 * 1024 * 1024) })).toMatchObject({ ok: true, limit: BODY_LIMITS.csvUpload });
    expect(admitBody({ ...csv, contentLength: String(60 * 1024 * 1024) })).toMatchObject({ ok: false, status: 413 });
  });

  it("refuses a body to an address that takes none (405 for a method the route lacks), and a body without a length", () => {
    expect(admitBody({ ...base, method: "GET" })).toMatchObject({ ok: false, status: 413 });
    expect(admitBody({ ...base, method: "POST" })).toMatchObject({ ok: false, status: 405 });
    expect(admitBody({ ...base, path: "/api/health" })).toMatchObject({ ok: false, status: 405 });
    expect(admitBody({ ...base, contentLength: undefined, transferEncoding: "chunked" })).toMatchObject({ ok: false, status: 411 });
    expect(admitBody({ ...base, contentLength: "12abc" })).toMatchObject({ ok: false, status: 411 });
  });

  it("lets anyone post small forms: signing in, server actions of the login page", () => {
    expect(admitBody({ ...base, method: "POST", path: "/api/auth/callback/credentials", signedIn: false }).ok).toBe(true);
    expect(admitBody({ ...base, method: "POST", path: "/login", signedIn: false }).ok).toBe(true);
    expect(admitBody({ ...base, method: "POST", path: "/login", contentLength: String(BODY_LIMITS.anonymousForm + 1), signedIn: false })).toMatchObject({
      status: 413,
    });
    expect(admitBody({ ...base, method: "POST", path: "/admin/users", contentLength: String(1024 * 1024) }).ok).toBe(true);
  });

  it("gives a larger body more time to arrive", () => {
    const small = admitBody(base);
    const large = admitBody({ ...base, method: "POST", path: "/api/survey/waves/2026/sample", contentLength: String(40 * 1024 * 1024) });
    expect(small.ok && large.ok && large.deadlineMs > small.deadlineMs).toBe(true);
  });
});

/** Every route file under app/api with the methods it exports. */
function apiRoutes(dir = path.join(process.cwd(), "app", "api")): { file: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiRoutes(full);
    if (entry.name !== "route.ts") return [];
    const methods = [...readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return [{ file: path.relative(process.cwd(), full), methods }];
  });
}
const samplePath = (file: string) =>
  "/" +
  path
    .dirname(file)
    .slice("app/".length)
    .replace(/\[\.\.\.[^\]]+\]/g, "x/y")
    .replace(/\[[^\]]+\]/g, "x");

describe("BODY_ROUTES", () => {
  const routes = apiRoutes().filter((r) => !r.file.includes("/auth/"));

  it("names every API route that takes a body, with its method", () => {
    const missing = routes.flatMap((r) =>
      r.methods
        .filter((m) => ["POST", "PUT", "PATCH"].includes(m))
        .filter((m) => !BODY_ROUTES.some((b) => b.method === m && b.path.test(samplePath(r.file))))
        .map((m) => `${m} ${r.file}`),
    );
    expect(missing).toEqual([]);
  });

  it("names no route that does not exist or takes no body", () => {
    const unused = BODY_ROUTES.filter((b) => !routes.some((r) => r.methods.includes(b.method) && b.path.test(samplePath(r.file))));
    expect(unused).toEqual([]);
  });
});
