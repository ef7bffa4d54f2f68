// Every entry point of the app — each page, each HTTP method of each route handler, each server
// action — with the access rule it must enforce and sample requests to probe it with.
//
// It is data, checked two ways:
//  - testing/route-registry.test.ts walks app/ (and the "use server" files of lib/ and components/)
//    and fails for an entry point without an entry, or an entry pointing at nothing; it also checks
//    statically that server actions ask the policy before doing anything;
//  - e2e/authorization.spec.ts sends every probe as every demo principal and expects the allow or
//    deny that `expected()` derives from the rule (reads: 200; writes with an invalid body: 400;
//    denials: 401/403/404 or the login redirect, never the data).
//
// The rules are stated here independently of lib/auth/policy.ts (the one place that decides); the
// unit test checks that both agree on the demo principals.
import type { Action } from "../lib/auth/policy";
import type { Role } from "../db/roles";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
export const HTTP_METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** What an entry point is guarded by. */
export type Access =
  /** Anyone, signed in or not. */
  | { rule: "public" }
  /** Any signed-in, active user. */
  | { rule: "signedIn" }
  /** Administrators only. */
  | { rule: "admin" }
  /** Signed-in users of these roles, whatever their scope. */
  | { rule: "roles"; roles: Role[] }
  /** Survey results, a CEPEJ cycle's dashboard: everyone once the wave / cycle is published, administrators before. */
  | { rule: "publishedOrAdmin" }
  /**
   * By scope: the country of a CEPEJ reply, the region of the survey, the interview (its region and
   * interviewer), the reporting body. `action` is what the request does; an entry whose action
   * depends on the body (transitions) lists them and each probe names its own.
   */
  | { rule: "scope"; scope: "country" | "region" | "interview" | "body"; action: Action | Action[] };

export type Body = { type: string; text: string };

/** What a probe URL points at, so that the expected decision can be derived for each principal. */
export type Target =
  | { country: "KZ" | "FR" }
  /** mine: assigned to interviewer@ (region AST); supervised: region AST, nobody's; elsewhere: region KAR. */
  | { interview: "mine" | "supervised" | "elsewhere" }
  /** own: a submitted report of reporter@'s body; open: one in progress of that body; other: another body's. */
  | { filing: "own" | "open" | "other" }
  | { wave: "published" | "unpublished" }
  | { cycle: "published" | "unpublished" };

export type Probe = {
  /**
   * The path to request. Placeholders are resolved by the end-to-end test from list calls on the
   * demo data: {filing.own} {filing.open} {filing.other} (report filings), {interview.mine}
   * {interview.supervised} {interview.elsewhere} (household row ids), {user.kz} (a user id).
   */
  url: string;
  target?: Target;
  /** For a scope rule with several actions: the one this probe exercises. */
  action?: Action;
  /** An id or code that does not exist: everyone is refused (401/403) or told 404; admins 404. */
  guessed?: true;
  /** Writes: `invalid` goes to those allowed (expect 400, nothing changes); `harmless` (default:
   *  `invalid`) to those denied — valid in shape but refused by state if the check were missing. */
  body?: { invalid: Body; harmless?: Body };
  /** Statuses of an allowed request; default 200 for reads, 400 for writes (invalid body). */
  allowStatus?: number[];
  /** Text found in an allowed response and never in a denied one. */
  marker?: string;
};

/** A known deviation, reported rather than fixed; the tests expect it until it is fixed. */
export type KnownIssue =
  /** The route reads and validates the body before it asks the policy, so a denied caller with a
   *  malformed body gets 400/415 instead of 401/403. */
  "bodyBeforeAuth";

export type RegistryEntry = {
  kind: "page" | "route" | "action";
  /** Path from the project root: app/…/page.tsx, app/…/route.ts, or the "use server" file. */
  file: string;
  /** Routes: the exported HTTP method. */
  method?: HttpMethod;
  /** Server actions: the exported function. */
  name?: string;
  access: Access;
  /** Pages and routes: at least one. Server actions are checked statically (see the unit test). */
  probes: Probe[];
  note?: string;
  knownIssues?: KnownIssue[];
};

// ---------------------------------------------------------------------------------------------
// Principals of the demo data and the expected decisions.

export type PrincipalName = "anonymous" | "admin" | "correspondent.kz" | "correspondent.fr" | "supervisor" | "interviewer" | "reporter";

export type DemoPrincipal = { email: string | null; role: Role | null; countries: string[]; regions: string[]; ownBody: boolean; isInterviewer: boolean };

export const PRINCIPALS: Record<PrincipalName, DemoPrincipal> = {
  anonymous: { email: null, role: null, countries: [], regions: [], ownBody: false, isInterviewer: false },
  admin: { email: "admin@example.org", role: "admin", countries: [], regions: [], ownBody: false, isInterviewer: false },
  "correspondent.kz": { email: "correspondent.kz@example.org", role: "correspondent", countries: ["KZ"], regions: [], ownBody: false, isInterviewer: false },
  "correspondent.fr": { email: "correspondent.fr@example.org", role: "correspondent", countries: ["FR"], regions: [], ownBody: false, isInterviewer: false },
  supervisor: { email: "supervisor@example.org", role: "supervisor", countries: [], regions: ["AST", "ALA"], ownBody: false, isInterviewer: false },
  interviewer: { email: "interviewer@example.org", role: "interviewer", countries: [], regions: ["AST"], ownBody: false, isInterviewer: true },
  reporter: { email: "reporter@example.org", role: "reporter", countries: [], regions: [], ownBody: true, isInterviewer: false },
};
export const PRINCIPAL_NAMES = Object.keys(PRINCIPALS) as PrincipalName[];

/** The facts of each target that the rules depend on. */
export const INTERVIEW_TARGETS = {
  mine: { region: "AST", assignedToInterviewer: true },
  supervised: { region: "AST", assignedToInterviewer: false },
  elsewhere: { region: "KAR", assignedToInterviewer: false },
} as const;

export type Expectation = "allow" | "deny" | "missing";

/** Whether the rule lets this principal do `action` on the target. */
export function allows(p: DemoPrincipal, access: Access, target: Target | undefined, action: Action): boolean {
  if (access.rule === "public") return true;
  if (access.rule === "publishedOrAdmin")
    return (!!target && (("wave" in target && target.wave === "published") || ("cycle" in target && target.cycle === "published"))) || p.role === "admin";
  if (!p.role) return false;
  if (access.rule === "roles") return access.roles.includes(p.role); // administrators only if listed
  if (p.role === "admin") return true;
  switch (access.rule) {
    case "signedIn":
      return true;
    case "admin":
      return false;
    case "scope":
      if (!target) throw new Error("a scope rule needs a target");
      switch (access.scope) {
        case "country":
          return "country" in target && p.role === "correspondent" && p.countries.includes(target.country) && action !== "review";
        case "region":
          return "interview" in target && p.role === "supervisor" && p.regions.includes(INTERVIEW_TARGETS[target.interview].region);
        case "interview": {
          if (!("interview" in target)) return false;
          const t = INTERVIEW_TARGETS[target.interview];
          if (p.role === "supervisor") return p.regions.includes(t.region) && action !== "write";
          if (p.role === "interviewer") return p.isInterviewer && t.assignedToInterviewer && action !== "review";
          return false;
        }
        case "body":
          return "filing" in target && p.role === "reporter" && p.ownBody && target.filing !== "other" && action !== "review";
      }
  }
}

/** The action a probe exercises: its own, else the entry's (reads for pages). */
export function actionOf(entry: RegistryEntry, probe: Probe): Action {
  if (probe.action) return probe.action;
  if (entry.access.rule === "scope") {
    if (Array.isArray(entry.access.action)) throw new Error(`${describeEntry(entry)}: the probe ${probe.url} must name its action`);
    return entry.access.action;
  }
  return entry.kind === "page" || entry.method === "GET" ? "read" : "write";
}

export function expected(principal: PrincipalName, entry: RegistryEntry, probe: Probe): Expectation {
  const p = PRINCIPALS[principal];
  if (probe.guessed) return p.role === "admin" ? "missing" : "deny";
  return allows(p, entry.access, probe.target, actionOf(entry, probe)) ? "allow" : "deny";
}

export const describeEntry = (e: RegistryEntry) => `${e.kind} ${e.method ?? ""}${e.name ?? ""} ${e.file}`.replace(/\s+/g, " ");

// ---------------------------------------------------------------------------------------------
// Bodies.

const json = (value: unknown): Body => ({ type: "application/json", text: JSON.stringify(value) });
const csv = (text: string): Body => ({ type: "text/csv", text });
/** Valid JSON, wrong shape for every route: strict schemas refuse the unknown key. */
const INVALID = json({ "not-a-field": true });
const UNKNOWN_CELL = json({ changes: [{ cell: "no-such-cell", value: null, baseVersion: 0 }] });
const BAD_CSV = csv("not,the,expected,header\n1,2,3,4\n");
const IMPORT_WRONG_QUESTIONNAIRE = json({
  format: "cepej-reply",
  formatVersion: 1,
  cycle: "2022-2024",
  country: "KZ",
  questionnaire: { id: "no-such-questionnaire", version: "0" },
  answers: {},
});

const KZ = { country: "KZ" } as const;
const FR = { country: "FR" } as const;
const reply = (cycle: string, country: "KZ" | "FR", rest = "") => `/api/cycles/${cycle}/replies/${country}${rest}`;

const page = (file: string, access: Access, probes: Probe[], extra: Partial<RegistryEntry> = {}): RegistryEntry => ({
  kind: "page",
  file: `app/${file}`,
  access,
  probes,
  ...extra,
});
const route = (file: string, method: HttpMethod, access: Access, probes: Probe[], extra: Partial<RegistryEntry> = {}): RegistryEntry => ({
  kind: "route",
  file: `app/${file}`,
  method,
  access,
  probes,
  ...extra,
});
const action = (file: string, name: string, access: Access, note?: string): RegistryEntry => ({ kind: "action", file, name, access, probes: [], note });

const ADMIN: Access = { rule: "admin" };
const PUBLIC: Access = { rule: "public" };
const SIGNED_IN: Access = { rule: "signedIn" };
const replyAccess = (a: Action | Action[]): Access => ({ rule: "scope", scope: "country", action: a });
const interviewAccess = (a: Action | Action[]): Access => ({ rule: "scope", scope: "interview", action: a });
const bodyAccess = (a: Action | Action[]): Access => ({ rule: "scope", scope: "body", action: a });

// ---------------------------------------------------------------------------------------------
// The registry.

export const REGISTRY: RegistryEntry[] = [
  // Pages ------------------------------------------------------------------------------------
  page("page.tsx", SIGNED_IN, [{ url: "/" }]),
  page("login/page.tsx", PUBLIC, [{ url: "/login", allowStatus: [200, 307] }], { note: "a signed-in user is sent on to /" }),
  page("open-data/page.tsx", PUBLIC, [{ url: "/open-data", marker: "Registered criminal offences" }]),
  page("api-docs/page.tsx", PUBLIC, [{ url: "/api-docs", marker: 'data-testid="api-docs"' }], { note: "describes the API; holds no data" }),
  page("account/tokens/page.tsx", SIGNED_IN, [{ url: "/account/tokens", marker: 'data-testid="api-tokens"' }], { note: "each user's own tokens" }),
  page("admin/audit/page.tsx", ADMIN, [{ url: "/admin/audit?action=none" }]),
  page("admin/calendar/page.tsx", ADMIN, [{ url: "/admin/calendar" }]),
  page("admin/analysis/page.tsx", ADMIN, [{ url: "/admin/analysis" }]),
  page(
    "analysis/unrecorded-crime/page.tsx",
    { rule: "publishedOrAdmin" },
    [
      { url: "/analysis/unrecorded-crime?year=2024", target: { wave: "published" }, marker: 'data-testid="uc-section-theft"' },
      { url: "/analysis/unrecorded-crime?year=2026", target: { wave: "unpublished" }, marker: 'data-testid="uc-section-theft"' },
      { url: "/analysis/unrecorded-crime?year=1999", guessed: true },
    ],
    { note: "published: the survey wave and every monthly 1-M report of the year; a year without a wave is a 404 for everyone" },
  ),
  page("admin/collections/page.tsx", ADMIN, [{ url: "/admin/collections" }]),
  page("admin/translations/page.tsx", ADMIN, [{ url: "/admin/translations" }]),
  page("admin/cycles/page.tsx", ADMIN, [{ url: "/admin/cycles" }]),
  page("admin/cycles/[slug]/page.tsx", ADMIN, [
    { url: "/admin/cycles/2022-2024", marker: "correspondent.fr@example.org" },
    { url: "/admin/cycles/1999-2000", guessed: true },
  ]),
  page("admin/reports/page.tsx", ADMIN, [{ url: "/admin/reports?from=2025-01-01&to=2025-01-31&region=ALA" }]),
  page("admin/requests/page.tsx", ADMIN, [{ url: "/admin/requests" }]),
  page("admin/placements/page.tsx", ADMIN, [{ url: "/admin/placements" }]),
  page("admin/users/page.tsx", ADMIN, [{ url: "/admin/users", marker: "reporter@example.org" }]),
  page("admin/users/[id]/page.tsx", ADMIN, [
    { url: "/admin/users/{user.kz}", marker: "correspondent.kz@example.org" },
    { url: "/admin/users/999999", guessed: true },
  ]),
  page("cepej/[cycle]/[country]/page.tsx", replyAccess("read"), [
    { url: "/cepej/2022-2024/KZ", target: KZ, marker: 'href="/cepej/2022-2024/KZ/1"' },
    { url: "/cepej/2022-2024/FR", target: FR, marker: 'href="/cepej/2022-2024/FR/1"' },
    { url: "/cepej/2020-2022/kz", target: KZ, marker: 'href="/cepej/2020-2022/KZ/1"' },
    { url: "/cepej/2022-2024/ZZ", guessed: true },
    { url: "/cepej/1999-2000/KZ", guessed: true },
  ]),
  page("cepej/[cycle]/[country]/[chapter]/page.tsx", replyAccess("read"), [
    { url: "/cepej/2022-2024/KZ/1", target: KZ, marker: "/api/cycles/2022-2024/replies/KZ/answers" },
    { url: "/cepej/2022-2024/FR/1", target: FR, marker: "/api/cycles/2022-2024/replies/FR/answers" },
    { url: "/cepej/2022-2024/KZ/all", target: KZ, marker: "/api/cycles/2022-2024/replies/KZ/answers" },
    { url: "/cepej/2022-2024/KZ/99", guessed: true },
  ]),
  page("cepej/[cycle]/dashboard/page.tsx", { rule: "publishedOrAdmin" }, [
    { url: "/cepej/2020-2022/dashboard", target: { cycle: "published" }, marker: 'data-testid="dashboard"' },
    { url: "/cepej/2022-2024/dashboard", target: { cycle: "unpublished" }, marker: 'data-testid="dashboard"' },
    { url: "/cepej/1999-2000/dashboard", guessed: true },
  ]),
  page("cepej/[cycle]/[country]/indicators/page.tsx", replyAccess("read"), [
    { url: "/cepej/2020-2022/KZ/indicators", target: KZ },
    { url: "/cepej/2022-2024/FR/indicators", target: FR },
  ]),
  page("cepej/[cycle]/[country]/print/page.tsx", replyAccess("read"), [
    { url: "/cepej/2022-2024/KZ/print", target: KZ },
    { url: "/cepej/2022-2024/FR/print", target: FR },
  ]),
  page("cepej/[cycle]/[country]/quality/page.tsx", replyAccess("read"), [
    { url: "/cepej/2022-2024/KZ/quality", target: KZ },
    { url: "/cepej/2022-2024/FR/quality", target: FR },
  ]),
  page("reports/page.tsx", { rule: "roles", roles: ["reporter"] }, [{ url: "/reports" }], { note: "administrators use /admin/reports" }),
  page("reports/[id]/page.tsx", bodyAccess("read"), [
    { url: "/reports/{filing.own}", target: { filing: "own" }, marker: 'data-testid="filing-status"' },
    { url: "/reports/{filing.other}", target: { filing: "other" }, marker: 'data-testid="filing-status"' },
    { url: "/reports/999999", guessed: true },
  ]),
  page("survey/page.tsx", { rule: "roles", roles: ["admin", "supervisor", "interviewer"] }, [{ url: "/survey?wave=2026" }]),
  page("survey/quality/page.tsx", { rule: "roles", roles: ["admin", "supervisor"] }, [{ url: "/survey/quality?wave=2026", marker: 'data-testid="quality"' }]),
  page("survey/device/page.tsx", { rule: "roles", roles: ["admin", "interviewer"] }, [{ url: "/survey/device" }], {
    note: "the shell only: the interviews come from the device store (GET /api/survey/device)",
  }),
  page("survey/interviews/[id]/page.tsx", interviewAccess("read"), [
    { url: "/survey/interviews/{interview.mine}", target: { interview: "mine" }, marker: 'data-testid="interview-status"' },
    { url: "/survey/interviews/{interview.supervised}", target: { interview: "supervised" }, marker: 'data-testid="interview-status"' },
    { url: "/survey/interviews/{interview.elsewhere}", target: { interview: "elsewhere" }, marker: 'data-testid="interview-status"' },
    { url: "/survey/interviews/99999999", guessed: true },
  ]),
  page(
    "survey/waves/[year]/results/page.tsx",
    { rule: "publishedOrAdmin" },
    [
      { url: "/survey/waves/2024/results", target: { wave: "published" } },
      { url: "/survey/waves/2026/results", target: { wave: "unpublished" } },
      { url: "/survey/waves/1999/results", guessed: true },
    ],
    { note: "a wave that does not exist is a 404 for everyone, before any sign-in" },
  ),

  // Route handlers ---------------------------------------------------------------------------
  route("api/admin/audit/route.ts", "GET", ADMIN, [{ url: "/api/admin/audit?action=none" }]),
  route("api/admin/compliance/route.ts", "GET", ADMIN, [{ url: "/api/admin/compliance?from=2025-01-01&to=2025-01-31&region=ALA" }]),
  route("api/auth/[...nextauth]/route.ts", "GET", PUBLIC, [{ url: "/api/auth/providers", marker: "credentials" }], { note: "next-auth's own endpoints" }),
  route(
    "api/auth/[...nextauth]/route.ts",
    "POST",
    PUBLIC,
    [
      {
        url: "/api/auth/callback/credentials",
        body: { invalid: { type: "application/x-www-form-urlencoded", text: "email=nobody%40example.org&password=x" } },
        allowStatus: [302],
      },
    ],
    { note: "next-auth's own endpoints, protected by its CSRF token: without one, a redirect to the error page" },
  ),
  route("api/cycles/[cycle]/export/route.ts", "GET", ADMIN, [
    { url: "/api/cycles/2020-2022/export?format=csv", marker: "2020-2022,KZ,001" },
    { url: "/api/cycles/2020-2022/export?format=xlsx" },
    { url: "/api/cycles/1999-2000/export?format=csv", guessed: true },
  ]),
  route("api/cycles/[cycle]/publish/route.ts", "POST", ADMIN, [
    { url: "/api/cycles/2022-2024/publish", body: { invalid: INVALID, harmless: json({ published: false }) } },
  ]),
  route("api/cycles/[cycle]/questionnaire/route.ts", "GET", SIGNED_IN, [
    { url: "/api/cycles/2022-2024/questionnaire" },
    { url: "/api/cycles/1999-2000/questionnaire", guessed: true },
  ]),
  route("api/cycles/[cycle]/replies/[country]/answers/route.ts", "GET", replyAccess("read"), [
    { url: reply("2022-2024", "KZ", "/answers"), target: KZ, marker: '"country":"KZ","status"' },
    { url: reply("2022-2024", "FR", "/answers"), target: FR, marker: '"country":"FR","status"' },
    { url: reply("2020-2022", "KZ", "/answers"), target: KZ, marker: '"country":"KZ","status"' },
    { url: "/api/cycles/2022-2024/replies/ZZ/answers", guessed: true },
    { url: "/api/cycles/1999-2000/replies/KZ/answers", guessed: true },
  ]),
  route("api/cycles/[cycle]/replies/[country]/answers/route.ts", "PUT", replyAccess("write"), [
    { url: reply("2022-2024", "KZ", "/answers"), target: KZ, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
    { url: reply("2022-2024", "FR", "/answers"), target: FR, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
    { url: "/api/cycles/2022-2024/replies/ZZ/answers", guessed: true, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
  ]),
  route("api/cycles/[cycle]/replies/[country]/export/route.ts", "GET", replyAccess("read"), [
    { url: reply("2020-2022", "KZ", "/export?format=csv"), target: KZ, marker: "2020-2022,KZ,001" },
    { url: reply("2022-2024", "FR", "/export?format=json"), target: FR, marker: '"country": "FR"' },
  ]),
  route("api/cycles/[cycle]/replies/[country]/flags/route.ts", "PUT", replyAccess("review"), [
    { url: reply("2022-2024", "KZ", "/flags"), target: KZ, body: { invalid: INVALID, harmless: json({ cell: "no-such-cell", reason: "probe" }) } },
  ]),
  route("api/cycles/[cycle]/replies/[country]/history/route.ts", "GET", replyAccess("review"), [
    { url: reply("2022-2024", "KZ", "/history?cell=003"), target: KZ, marker: '"history"' },
  ]),
  route("api/cycles/[cycle]/replies/[country]/history/route.ts", "POST", replyAccess("review"), [
    { url: reply("2022-2024", "KZ", "/history"), target: KZ, body: { invalid: INVALID, harmless: json({ cell: "003", historyId: 999999999 }) } },
  ]),
  route("api/cycles/[cycle]/replies/[country]/import/route.ts", "POST", replyAccess("write"), [
    { url: reply("2022-2024", "KZ", "/import"), target: KZ, body: { invalid: INVALID, harmless: IMPORT_WRONG_QUESTIONNAIRE } },
    { url: reply("2022-2024", "FR", "/import"), target: FR, body: { invalid: INVALID, harmless: IMPORT_WRONG_QUESTIONNAIRE } },
  ]),
  route("api/cycles/[cycle]/replies/[country]/import/undo/route.ts", "POST", replyAccess("write"), [
    { url: reply("2022-2024", "KZ", "/import/undo"), target: KZ, body: { invalid: INVALID, harmless: json({ importId: 999999999 }) } },
    { url: reply("2022-2024", "FR", "/import/undo"), target: FR, body: { invalid: INVALID, harmless: json({ importId: 999999999 }) } },
  ]),
  route("api/cycles/[cycle]/replies/[country]/queries/route.ts", "GET", replyAccess("read"), [
    { url: reply("2022-2024", "KZ", "/queries"), target: KZ, marker: '"queries"' },
    { url: reply("2022-2024", "FR", "/queries"), target: FR, marker: '"queries"' },
  ]),
  route("api/cycles/[cycle]/replies/[country]/queries/route.ts", "POST", replyAccess("review"), [
    { url: reply("2022-2024", "KZ", "/queries"), target: KZ, body: { invalid: INVALID, harmless: json({ question: "no-such-question", text: "probe" }) } },
  ]),
  route(
    "api/cycles/[cycle]/replies/[country]/queries/[id]/route.ts",
    "POST",
    replyAccess(["read", "review"]),
    [
      { url: reply("2022-2024", "KZ", "/queries/999999"), target: KZ, action: "read", body: { invalid: INVALID, harmless: json({ text: "probe" }) } },
      { url: reply("2022-2024", "FR", "/queries/999999"), target: FR, action: "read", body: { invalid: INVALID, harmless: json({ text: "probe" }) } },
      { url: reply("2022-2024", "KZ", "/queries/999999"), target: KZ, action: "review", body: { invalid: INVALID, harmless: json({ resolve: true }) } },
    ],
    { note: "{text} answers a thread (the reply's readers), {resolve:true} closes it (reviewers)" },
  ),
  route(
    "api/cycles/[cycle]/replies/[country]/transitions/route.ts",
    "POST",
    replyAccess(["write", "review"]),
    [
      // submit (write) on a validated reply: refused by state (409) if the policy let it through.
      { url: reply("2020-2022", "KZ", "/transitions"), target: KZ, action: "write", body: { invalid: INVALID, harmless: json({ action: "submit" }) } },
      // reopen (review) of a reply in progress: refused by state (409) if the policy let it through.
      { url: reply("2022-2024", "KZ", "/transitions"), target: KZ, action: "review", body: { invalid: INVALID, harmless: json({ action: "reopen" }) } },
      { url: reply("2022-2024", "FR", "/transitions"), target: FR, action: "review", body: { invalid: INVALID, harmless: json({ action: "reopen" }) } },
    ],
    { note: "submit: the country's correspondents; return, validate, reopen: reviewers" },
  ),
  route("api/cycles/[cycle]/status/route.ts", "GET", ADMIN, [{ url: "/api/cycles/2022-2024/status?format=json", marker: '"countries"' }]),
  route("api/health/route.ts", "GET", PUBLIC, [{ url: "/api/health", marker: '"database":"ok"' }], {
    note: "health check for the proxy and monitoring: no session there; answers only ok or the database's state",
  }),
  route("api/open-data/registered-crimes/route.ts", "GET", PUBLIC, [{ url: "/api/open-data/registered-crimes?format=json&year=2025", marker: '"metadata"' }]),
  route("api/open-data/catalog/route.ts", "GET", PUBLIC, [{ url: "/api/open-data/catalog", marker: '"dcat:Catalog"' }]),
  route("api/openapi.json/route.ts", "GET", PUBLIC, [{ url: "/api/openapi.json", marker: '"openapi":"3.1.0"' }], { note: "describes the API; holds no data" }),
  route("api/tokens/route.ts", "GET", SIGNED_IN, [{ url: "/api/tokens", marker: '"tokens"' }], { note: "the caller's own tokens" }),
  route("api/tokens/route.ts", "POST", SIGNED_IN, [{ url: "/api/tokens", body: { invalid: INVALID } }], {
    note: "creates a token of the caller's own, from a session only (a token cannot mint tokens)",
  }),
  route("api/tokens/[id]/route.ts", "DELETE", SIGNED_IN, [{ url: "/api/tokens/999999", allowStatus: [404] }], {
    note: "revokes the caller's own token; anyone else's is 404 like one that does not exist (so is this one, for every signed-in caller)",
  }),
  route("api/open-data/cepej-indicators/route.ts", "GET", PUBLIC, [{ url: "/api/open-data/cepej-indicators?format=json", marker: '"metadata"' }]),
  route("api/report-forms/[number]/deadline/route.ts", "GET", PUBLIC, [{ url: "/api/report-forms/1/deadline?period=2026-03", marker: '"due"' }]),
  route("api/reports/[id]/answers/route.ts", "GET", bodyAccess("read"), [
    { url: "/api/reports/{filing.own}/answers", target: { filing: "own" }, marker: '"answers"' },
    { url: "/api/reports/{filing.other}/answers", target: { filing: "other" }, marker: '"answers"' },
    { url: "/api/reports/99999999/answers", guessed: true },
  ]),
  route("api/reports/[id]/answers/route.ts", "PUT", bodyAccess("write"), [
    { url: "/api/reports/{filing.open}/answers", target: { filing: "open" }, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
    // Submitted: only an administrator may write, and is told 409 (the state is checked before the body).
    { url: "/api/reports/{filing.other}/answers", target: { filing: "other" }, body: { invalid: INVALID, harmless: UNKNOWN_CELL }, allowStatus: [409] },
    { url: "/api/reports/99999999/answers", guessed: true, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
  ]),
  route(
    "api/reports/[id]/transitions/route.ts",
    "POST",
    bodyAccess(["write", "review"]),
    [
      // submit (write) of a submitted report: 409 if the policy let it through.
      {
        url: "/api/reports/{filing.own}/transitions",
        target: { filing: "own" },
        action: "write",
        body: { invalid: INVALID, harmless: json({ action: "submit" }) },
      },
      {
        url: "/api/reports/{filing.other}/transitions",
        target: { filing: "other" },
        action: "write",
        body: { invalid: INVALID, harmless: json({ action: "submit" }) },
      },
      // return (review) of a report in progress: 409 if the policy let it through.
      {
        url: "/api/reports/{filing.open}/transitions",
        target: { filing: "open" },
        action: "review",
        body: { invalid: INVALID, harmless: json({ action: "return", comment: "probe" }) },
      },
    ],
    { note: "submit: the body's reporters; return: the Committee" },
  ),
  route(
    "api/survey/assign/route.ts",
    "POST",
    { rule: "roles", roles: ["admin", "supervisor"] },
    [{ url: "/api/survey/assign", body: { invalid: INVALID, harmless: json({ ids: [999999999], interviewerId: 999999999 }) } }],
    { note: "the households' regions are checked per household (assign() skips others)" },
  ),
  route("api/survey/interviews/[id]/answers/route.ts", "PUT", interviewAccess("write"), [
    { url: "/api/survey/interviews/{interview.mine}/answers", target: { interview: "mine" }, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
    // Approved: only an administrator may write, and is told 409 (the state is checked before the body).
    {
      url: "/api/survey/interviews/{interview.supervised}/answers",
      target: { interview: "supervised" },
      body: { invalid: INVALID, harmless: UNKNOWN_CELL },
      allowStatus: [409],
    },
    {
      url: "/api/survey/interviews/{interview.elsewhere}/answers",
      target: { interview: "elsewhere" },
      body: { invalid: INVALID, harmless: UNKNOWN_CELL },
      allowStatus: [409],
    },
    { url: "/api/survey/interviews/99999999/answers", guessed: true, body: { invalid: INVALID, harmless: UNKNOWN_CELL } },
  ]),
  route(
    "api/survey/interviews/[id]/transitions/route.ts",
    "POST",
    interviewAccess(["write", "review"]),
    [
      // complete (write) of an approved interview: 409 if the policy let it through.
      {
        url: "/api/survey/interviews/{interview.supervised}/transitions",
        target: { interview: "supervised" },
        action: "write",
        body: { invalid: INVALID, harmless: json({ action: "complete" }) },
      },
      {
        url: "/api/survey/interviews/{interview.elsewhere}/transitions",
        target: { interview: "elsewhere" },
        action: "write",
        body: { invalid: INVALID, harmless: json({ action: "complete" }) },
      },
      // approve (review) of an interview not completed: 409 if the policy let it through.
      {
        url: "/api/survey/interviews/{interview.mine}/transitions",
        target: { interview: "mine" },
        action: "review",
        body: { invalid: INVALID, harmless: json({ action: "approve" }) },
      },
      {
        url: "/api/survey/interviews/{interview.elsewhere}/transitions",
        target: { interview: "elsewhere" },
        action: "review",
        body: { invalid: INVALID, harmless: json({ action: "approve" }) },
      },
    ],
    { note: "complete: the assigned interviewer; approve, reject: supervisors of the region" },
  ),
  route("api/survey/interviews/[id]/comments/[commentId]/reply/route.ts", "PUT", interviewAccess("write"), [
    { url: "/api/survey/interviews/{interview.mine}/comments/1/reply", target: { interview: "mine" }, body: { invalid: INVALID } },
    {
      url: "/api/survey/interviews/{interview.supervised}/comments/1/reply",
      target: { interview: "supervised" },
      body: { invalid: INVALID },
      allowStatus: [409],
    },
    { url: "/api/survey/interviews/99999999/comments/1/reply", guessed: true, body: { invalid: INVALID } },
  ]),
  route("api/survey/interviews/[id]/language/route.ts", "PUT", interviewAccess("write"), [
    { url: "/api/survey/interviews/{interview.mine}/language", target: { interview: "mine" }, body: { invalid: INVALID } },
    {
      url: "/api/survey/interviews/{interview.supervised}/language",
      target: { interview: "supervised" },
      body: { invalid: INVALID },
      allowStatus: [409],
    },
    { url: "/api/survey/interviews/99999999/language", guessed: true, body: { invalid: INVALID } },
  ]),
  route("api/survey/device/route.ts", "GET", { rule: "roles", roles: ["admin", "interviewer"] }, [{ url: "/api/survey/device", marker: '"questionnaire"' }], {
    note: "the interviewer's own assignments only (an administrator has none)",
  }),
  route(
    "api/survey/interviews/submit/route.ts",
    "POST",
    { rule: "roles", roles: ["admin", "interviewer"] },
    [{ url: "/api/survey/interviews/submit", body: { invalid: INVALID, harmless: json({ interviews: [{ id: 99999999 }] }) } }],
    { note: "each interview of the queue is checked as the interview's own entry point (assigned interviewer)" },
  ),
  route("api/survey/waves/route.ts", "POST", ADMIN, [
    { url: "/api/survey/waves", body: { invalid: INVALID, harmless: json({ year: 2024, fieldworkStart: "2024-10-01", fieldworkEnd: "2024-11-30" }) } },
  ]),
  route("api/survey/waves/[year]/interviews/import/route.ts", "POST", ADMIN, [{ url: "/api/survey/waves/2024/interviews/import", body: { invalid: BAD_CSV } }]),
  route("api/survey/waves/[year]/microdata/route.ts", "GET", ADMIN, [
    { url: "/api/survey/waves/2026/microdata?format=codebook" },
    { url: "/api/survey/waves/1999/microdata", guessed: true },
  ]),
  route("api/survey/waves/[year]/paradata/route.ts", "GET", { rule: "roles", roles: ["admin", "supervisor"] }, [
    { url: "/api/survey/waves/2026/paradata?format=csv", marker: "duration_seconds" },
    { url: "/api/survey/waves/2026/paradata?format=codebook", marker: "duration_seconds" },
  ]),
  route("api/survey/waves/[year]/publish/route.ts", "POST", ADMIN, [
    { url: "/api/survey/waves/2025/publish", body: { invalid: INVALID, harmless: json({ published: true }) } },
  ]),
  route("api/survey/waves/[year]/results/route.ts", "GET", { rule: "publishedOrAdmin" }, [
    { url: "/api/survey/waves/2024/results", target: { wave: "published" }, marker: '"overall"' },
    { url: "/api/survey/waves/2026/results", target: { wave: "unpublished" }, marker: '"overall"' },
    { url: "/api/survey/waves/1999/results", guessed: true },
  ]),
  route("api/analysis/unrecorded-crime/route.ts", "GET", { rule: "publishedOrAdmin" }, [
    { url: "/api/analysis/unrecorded-crime?year=2024", target: { wave: "published" }, marker: '"registeredPerReported"' },
    { url: "/api/analysis/unrecorded-crime?year=2026", target: { wave: "unpublished" }, marker: '"registeredPerReported"' },
    { url: "/api/analysis/unrecorded-crime?year=1999", guessed: true },
  ]),
  route("api/survey/waves/[year]/sample/route.ts", "POST", ADMIN, [{ url: "/api/survey/waves/2026/sample", body: { invalid: BAD_CSV } }]),
  route("api/survey/waves/[year]/tables/route.ts", "GET", { rule: "publishedOrAdmin" }, [
    { url: "/api/survey/waves/2024/tables?format=csv", target: { wave: "published" }, marker: "trust_police" },
    { url: "/api/survey/waves/2026/tables?format=csv", target: { wave: "unpublished" }, marker: "trust_police" },
  ]),

  // Server actions (checked statically) ------------------------------------------------------
  action("modules/cepej/actions.ts", "createCycleAction", ADMIN),
  action("modules/cepej/actions.ts", "assignAction", ADMIN),
  action("modules/cepej/actions.ts", "extendDeadlineAction", ADMIN),
  action("modules/reporting/actions.ts", "calendarAction", ADMIN),
  action("modules/analysis/actions.ts", "offenceMappingAction", ADMIN),
  action("modules/reporting/actions.ts", "registerRequestAction", ADMIN),
  action("modules/reporting/actions.ts", "answerRequestAction", ADMIN),
  action("modules/reporting/actions.ts", "dispatchAction", ADMIN),
  action("modules/reporting/instruction-actions.ts", "holidayRuleAction", ADMIN),
  action("modules/reporting/instruction-actions.ts", "filingDaysAction", ADMIN),
  action("modules/reporting/instruction-actions.ts", "placeAction", ADMIN),
  action("modules/users/actions.ts", "createUserAction", ADMIN),
  action("modules/users/actions.ts", "updateUserAction", ADMIN),
  action("modules/users/actions.ts", "resetPasswordAction", ADMIN),
  action("modules/users/actions.ts", "setActiveAction", ADMIN),
  action("modules/reporting/actions.ts", "openFilingAction", bodyAccess("write"), "the body named in the form must be the reporter's own"),
  action("lib/auth/actions.ts", "loginAction", PUBLIC, "signing in; lockout after repeated failures"),
  action("lib/auth/actions.ts", "signOutAction", SIGNED_IN, "anonymous: only clears the cookies"),
  action("lib/auth/actions.ts", "changeLanguage", PUBLIC, "sets the language cookie; stored on the account only for the signed-in caller"),
];
