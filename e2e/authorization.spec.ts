// Authorization of every entry point, as every demo principal: each probe of testing/route-registry.ts
// is requested by anonymous, admin, correspondent.kz, correspondent.fr, supervisor, interviewer and
// reporter, and gets the allow or deny its rule says:
//  - reads allowed: 200 (and the probe's data marker); writes allowed, with an invalid body: 400;
//  - denied: 401/403/404 with a JSON reason for the API, the 403 page or the login redirect for
//    pages — never 2xx, never the data; writes denied are sent a body valid in shape but refused by
//    state, so that a missing check would still change nothing;
//  - ids guessed in URLs: 401/403/404 (administrators 404).
// Ids of the demo data (report filings, household rows, users) come from list pages at the start.
// Server actions are checked statically in testing/route-registry.test.ts.
import { expect, request as playwrightRequest, test as base, type APIRequestContext, type APIResponse } from "@playwright/test";
import { HTTP_METHODS, PRINCIPALS, PRINCIPAL_NAMES, REGISTRY, describeEntry, expected, type PrincipalName, type Probe } from "../testing/route-registry";

const PASSWORD = "demo-password";
/** The period of the report this spec (and e2e/fuzz.spec.ts) opens for reporter@'s body and never submits. */
const OPEN_PERIOD = (() => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.toISOString().slice(0, 7);
})();

type Ids = Record<string, string>;

async function signIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  // Signed in: the questionnaire of an unknown cycle is a 404 (a 401 when signed out).
  expect((await ctx.get("/api/cycles/1999-2000/questionnaire")).status(), `sign-in of ${email}`).toBe(404);
  return ctx;
}

/** Text of a page with React's text separators removed. */
const html = async (res: APIResponse) => (await res.text()).replaceAll("<!-- -->", "");

function firstMatch(text: string, re: RegExp, what: string, last = false): string {
  const all = [...text.matchAll(re)];
  if (!all.length) throw new Error(`could not find ${what}`);
  return (last ? all.at(-1)! : all[0])[1];
}

const test = base.extend<{ as: (p: PrincipalName) => Promise<APIRequestContext> }, { sessions: Map<PrincipalName, APIRequestContext>; ids: Ids }>({
  sessions: [
    async ({}, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      const sessions = new Map<PrincipalName, APIRequestContext>();
      for (const name of PRINCIPAL_NAMES) {
        const email = PRINCIPALS[name].email;
        sessions.set(name, email ? await signIn(baseURL, email) : await playwrightRequest.newContext({ baseURL }));
      }
      await use(sessions);
      for (const s of sessions.values()) await s.dispose();
    },
    { scope: "worker" },
  ],
  ids: [
    async ({ sessions, browser }, use, workerInfo) => {
      const admin = sessions.get("admin")!;
      const ids: Ids = {};
      ids["user.kz"] = firstMatch(
        await html(await admin.get("/admin/users")),
        /href="\/admin\/users\/(\d+)">correspondent\.kz@example\.org</g,
        "the user id of correspondent.kz",
      );
      ids["filing.own"] = firstMatch(
        await html(await sessions.get("reporter")!.get("/reports")),
        /href="\/reports\/(\d+)">1-M 2025-\d\d</g,
        "a submitted 2025 report of the reporter's body",
      );
      ids["filing.other"] = firstMatch(
        await html(await admin.get("/admin/reports?from=2025-01-01&to=2025-12-31&region=ALA")),
        /href="\/reports\/(\d+)"/g,
        "a report of the Almaty city body",
      );
      ids["interview.supervised"] = firstMatch(
        await html(await admin.get("/survey?wave=2025&region=AST&status=approved")),
        /href="\/survey\/interviews\/(\d+)"/g,
        "an approved interview in AST",
      );
      ids["interview.elsewhere"] = firstMatch(
        await html(await admin.get("/survey?wave=2025&region=KAR&status=approved")),
        /href="\/survey\/interviews\/(\d+)"/g,
        "an approved interview in KAR",
      );
      ids["interview.mine"] = firstMatch(
        await html(await sessions.get("interviewer")!.get("/survey")),
        /<tr[^>]*><td>2026<\/td><td><a href="\/survey\/interviews\/(\d+)">[^<]*<\/a><\/td><td>Astana city<\/td><td[^>]*>[^<]*<\/td><td>assigned<\/td><\/tr>/g,
        "an interview assigned to the interviewer (seeded, AST)",
        true,
      );
      // A report of the reporter's body in progress: opened (idempotently) through the reports page.
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, storageState: await sessions.get("reporter")!.storageState() });
      const page = await context.newPage();
      await page.goto("/reports");
      await page.getByLabel("Period").fill(OPEN_PERIOD);
      await page.getByRole("button", { name: "Open another period" }).click();
      await page.waitForURL(/\/reports\/\d+$/);
      ids["filing.open"] = page.url().split("/").pop()!;
      await context.close();
      await use(ids);
    },
    { scope: "worker" },
  ],
  as: async ({ sessions }, use, testInfo) => {
    await use(async (name) => {
      const ctx = sessions.get(name)!;
      const email = PRINCIPALS[name].email;
      // Another spec may end a demo user's sessions (signing out ends them everywhere): sign in again.
      if (email && (await ctx.get("/api/cycles/1999-2000/questionnaire")).status() === 401) {
        const fresh = await signIn(testInfo.project.use.baseURL!, email);
        sessions.set(name, fresh);
        return fresh;
      }
      return ctx;
    });
  },
});

const resolve = (url: string, ids: Ids) => url.replace(/\{([^}]+)\}/g, (_, k: string) => ids[k] ?? `{${k}}`);

async function send(ctx: APIRequestContext, method: string, url: string, body?: { type: string; text: string }) {
  return ctx.fetch(url, {
    method,
    maxRedirects: 0,
    headers: body ? { "content-type": body.type } : {},
    data: body ? Buffer.from(body.text) : undefined,
    timeout: 30_000,
  });
}

/** A refusal of the API: 401/403/404 with {"error": reason} and nothing else of the data. */
async function expectApiDenied(res: APIResponse, principal: PrincipalName, probe: Probe, what: string) {
  const text = await res.text();
  const allowedStatuses = principal === "anonymous" ? [401, 404] : [403, 404];
  expect(allowedStatuses, `${what}: got ${res.status()} ${text.slice(0, 300)}`).toContain(res.status());
  expect(res.headers()["content-type"] ?? "", what).toContain("application/json");
  const json = JSON.parse(text);
  expect(typeof json.error, `${what}: a reason`).toBe("string");
  // The reason may come with its catalogue code and the values it names (scalars), nothing else.
  if ("code" in json) expect(typeof json.code, `${what}: a refusal code`).toBe("string");
  if ("params" in json)
    expect(
      Object.values(json.params).every((v) => typeof v === "string" || typeof v === "number"),
      `${what}: refusal values`,
    ).toBe(true);
  expect(
    Object.keys(json).filter((k) => !["error", "details", "code", "params"].includes(k)),
    `${what}: no data in a refusal`,
  ).toEqual([]);
  if (probe.marker) expect(text, what).not.toContain(probe.marker);
}

/** A refused page: the login redirect (anonymous) or the 403/404 page, without the data. */
async function expectPageDenied(res: APIResponse, principal: PrincipalName, probe: Probe, what: string) {
  const status = res.status();
  const text = await html(res);
  if (principal === "anonymous" && [302, 303, 307, 308].includes(status)) {
    expect(res.headers().location ?? "", what).toMatch(/^(https?:\/\/[^/]+)?\/login(\?|$)/);
  } else {
    expect([403, 404], `${what}: got ${status}`).toContain(status);
  }
  if (probe.marker) expect(text, what).not.toContain(probe.marker);
}

// One test per probe, one step per principal: the matrix is ~1 250 checks of one request each, and
// as separate tests Playwright's own cost per test was most of its time.
for (const entry of REGISTRY.filter((e) => e.kind !== "action")) {
  test.describe(describeEntry(entry), () => {
    const method = entry.kind === "page" ? "GET" : entry.method!;
    // A DELETE names what it removes in its address and sends no body (the gate refuses one).
    const write = method !== "GET" && method !== "HEAD" && method !== "DELETE";
    for (const probe of entry.probes) {
      const outcomes = PRINCIPAL_NAMES.map((principal) => ({ principal, outcome: expected(principal, entry, probe) }));
      const allowed = outcomes.filter((o) => o.outcome === "allow").map((o) => o.principal);
      const title = `${method} ${probe.url}${probe.action ? ` (${probe.action})` : ""}: allowed ${allowed.length ? allowed.join(", ") : "to nobody"}`;
      test(title, async ({ as, ids }) => {
        const url = resolve(probe.url, ids);
        for (const { principal, outcome } of outcomes) {
          await test.step(`as ${principal}: ${outcome}`, async () => {
            const ctx = await as(principal);
            const what = `${method} ${url} as ${principal}`;
            if (outcome === "allow") {
              const res = await send(ctx, method, url, write ? probe.body!.invalid : undefined);
              const text = await res.text();
              const statuses = probe.allowStatus ?? [write ? 400 : 200];
              expect(statuses, `${what}: ${text.slice(0, 300)}`).toContain(res.status());
              if (write && res.status() === 400) expect(typeof JSON.parse(text).error, `${what}: a reason`).toBe("string");
              if (probe.marker && res.status() === 200) expect(entry.kind === "page" ? text.replaceAll("<!-- -->", "") : text, what).toContain(probe.marker);
              return;
            }
            const res = await send(ctx, method, url, write ? (probe.body!.harmless ?? probe.body!.invalid) : undefined);
            if (outcome === "missing") expect(res.status(), `${what}: ${(await res.text()).slice(0, 300)}`).toBe(404);
            if (entry.kind === "page") await expectPageDenied(res, principal, probe, what);
            else await expectApiDenied(res, principal, probe, what);
          });

          // A denied caller is refused before its body is even read: a malformed body changes nothing.
          // Where the body names the action (submit / validate …), a caller who may read the resource
          // is told first that the body is malformed (400); the same call with a well-formed body
          // naming the action must still be refused.
          if (write && outcome !== "allow") {
            await test.step(`as ${principal}: ${outcome}, with an invalid body`, async () => {
              const ctx = await as(principal);
              const what = `${method} ${url} as ${principal} (invalid body)`;
              const res = await send(ctx, method, url, probe.body!.invalid);
              if (probe.action && res.status() === 400) {
                expect(typeof (await res.json()).error, `${what}: a reason`).toBe("string");
                const again = await send(ctx, method, url, probe.body!.harmless ?? probe.body!.invalid);
                await expectApiDenied(again, principal, probe, `${method} ${url} as ${principal} (well-formed body)`);
                return;
              }
              await expectApiDenied(res, principal, probe, what);
            });
          }
        }
      });
    }
  });
}

// Route handlers answer 405 to the methods they do not export (never run someone else's code, never 500).
const routes = new Map<string, { url: string; methods: Set<string> }>();
for (const e of REGISTRY.filter((x) => x.kind === "route")) {
  const r = routes.get(e.file) ?? { url: e.probes.find((p) => !p.guessed)?.url ?? e.probes[0].url, methods: new Set<string>() };
  r.methods.add(e.method!);
  routes.set(e.file, r);
}
for (const [file, r] of routes) {
  if (file.includes("[...nextauth]")) continue; // next-auth answers its own way
  const others = HTTP_METHODS.filter((m) => !r.methods.has(m) && m !== "HEAD" && m !== "OPTIONS");
  test(`${file}: ${others.join(", ")} → 405`, async ({ as, ids }) => {
    const admin = await as("admin");
    for (const m of others) {
      const res = await send(admin, m, resolve(r.url, ids), m === "GET" ? undefined : { type: "application/json", text: "{}" });
      expect(res.status(), `${m} ${r.url}`).toBe(405);
    }
  });
}
