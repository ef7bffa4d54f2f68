// The registry of entry points is complete and true to the code:
//  - every page, every HTTP method of every route handler and every server action found on disk has
//    exactly one entry, and every entry points at something that exists;
//  - every probe URL matches its file's route, and every rule names what the probes need;
//  - the registry's rules agree with the policy (lib/auth/policy.ts) on the demo principals;
//  - statically: each server action asks the policy before doing anything; each protected page and
//    route handler asks it at all, about the resource its rule names, and before reading the body.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { decide, type Action, type Principal, type Resource } from "../lib/auth/policy";
import {
  HTTP_METHODS,
  INTERVIEW_TARGETS,
  PRINCIPALS,
  PRINCIPAL_NAMES,
  REGISTRY,
  actionOf,
  allows,
  describeEntry,
  type Access,
  type RegistryEntry,
  type Target,
} from "./route-registry";

const ROOT = path.resolve(__dirname, "..");
const rel = (abs: string) => path.relative(ROOT, abs).split(path.sep).join("/");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else if (/\.(tsx?|jsx?|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(abs);
  }
  return out;
}

const sources = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = sources.get(file);
  if (!sf) {
    sf = ts.createSourceFile(
      file,
      readFileSync(path.join(ROOT, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
      file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    sources.set(file, sf);
  }
  return sf;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) => !!(ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === kind));
const isUseServer = (s: ts.Statement | undefined) =>
  !!s && ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && s.expression.text === "use server";

/** Wrappers whose last argument is the handler (lib/http/route.ts, lib/auth/admin-action.ts). */
const WRAPPERS = new Set(["route", "page", "adminAction"]);
type Exported = { fn?: ts.FunctionLikeDeclaration; async: boolean; wrapper?: string };

/** `route(handler)`, `page(handler)`, `adminAction(schema, handler, options)`: the handler. */
function wrapped(init: ts.Expression | undefined): Exported | undefined {
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || !WRAPPERS.has(init.expression.text)) return undefined;
  const fn = init.arguments.find((a): a is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
  return { fn, async: true, wrapper: init.expression.text };
}

/** Exported names of a module with their function node when declared in the file; for
 *  `export const POST = route(async (…) => …)` the node is the wrapped handler. */
function exportsOf(sf: ts.SourceFile): Map<string, Exported> {
  const out = new Map<string, Exported>();
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.name && hasModifier(s, ts.SyntaxKind.ExportKeyword)) {
      out.set(hasModifier(s, ts.SyntaxKind.DefaultKeyword) ? "default" : s.name.text, { fn: s, async: hasModifier(s, ts.SyntaxKind.AsyncKeyword) });
    } else if (ts.isFunctionDeclaration(s) && !s.name && hasModifier(s, ts.SyntaxKind.DefaultKeyword)) {
      out.set("default", { fn: s, async: hasModifier(s, ts.SyntaxKind.AsyncKeyword) });
    } else if (ts.isVariableStatement(s) && hasModifier(s, ts.SyntaxKind.ExportKeyword)) {
      for (const d of s.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const init = d.initializer;
        const w = wrapped(init);
        if (w) {
          out.set(d.name.text, w);
          continue;
        }
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
        out.set(d.name.text, { fn, async: !!fn && hasModifier(fn, ts.SyntaxKind.AsyncKeyword) });
      }
    } else if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) if (!e.isTypeOnly) out.set(e.name.text, { async: true });
    } else if (ts.isExportAssignment(s)) {
      out.set("default", wrapped(s.expression) ?? { async: false });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What is on disk.

type Found = { kind: "page" | "route" | "action"; file: string; method?: string; name?: string };
const key = (f: { kind: string; file: string; method?: string; name?: string }) => `${f.kind} ${f.file} ${f.method ?? f.name ?? ""}`.trim();

function discover(): { found: Found[]; inline: string[] } {
  const found: Found[] = [];
  const inline: string[] = [];
  for (const abs of walk(path.join(ROOT, "app"))) {
    const file = rel(abs);
    const base = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) found.push({ kind: "page", file });
    if (/^route\.(ts|js|tsx|jsx)$/.test(base)) {
      const names = exportsOf(parse(file));
      for (const m of HTTP_METHODS) if (names.has(m)) found.push({ kind: "route", file, method: m });
    }
  }
  for (const dir of ["app", "lib", "modules"]) {
    for (const abs of walk(path.join(ROOT, dir))) {
      const file = rel(abs);
      const sf = parse(file);
      if (isUseServer(sf.statements[0])) {
        for (const [name, e] of exportsOf(sf)) if (e.fn || e.async) found.push({ kind: "action", file, name });
      }
      // A "use server" directive inside a function defines an action the registry cannot name.
      const visit = (node: ts.Node) => {
        if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent) && isUseServer(node.statements[0])) {
          inline.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return { found, inline };
}

const { found, inline } = discover();

describe("route registry: complete", () => {
  it("finds the entry points (sanity)", () => {
    expect(found.filter((f) => f.kind === "page").length).toBeGreaterThan(10);
    expect(found.filter((f) => f.kind === "route").length).toBeGreaterThan(10);
    expect(found.filter((f) => f.kind === "action").length).toBeGreaterThan(5);
  });

  it("has an entry for every page, route method and server action on disk", () => {
    const registered = new Set(REGISTRY.map((e) => key({ kind: e.kind, file: e.file, method: e.method, name: e.name })));
    const missing = found.filter((f) => !registered.has(key(f))).map(key);
    expect(missing, "add these to testing/route-registry.ts with their access rule and probes").toEqual([]);
  });

  it("has no entry pointing at nothing, and none twice", () => {
    const onDisk = new Set(found.map(key));
    const dangling = REGISTRY.filter((e) => !onDisk.has(key(e))).map(describeEntry);
    expect(dangling, "these registry entries name a file, method or action that does not exist").toEqual([]);
    const seen = new Map<string, number>();
    for (const e of REGISTRY) seen.set(key(e), (seen.get(key(e)) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  });

  it('has no inline server actions (they must live in a "use server" file to be registered)', () => {
    expect(inline).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Probes are well formed.

/** /cepej/[cycle]/[country]/page.tsx → a regex of the paths it serves. */
function routePattern(file: string): RegExp {
  const segments = file
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s));
  const parts = segments.map((s) => (/^\[\[?\.\.\./.test(s) ? ".+" : /^\[.*\]$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^/${parts.join("/")}$`);
}
const PLACEHOLDERS = new Set(["filing.own", "filing.open", "filing.other", "interview.mine", "interview.supervised", "interview.elsewhere", "user.kz"]);

describe("route registry: probes", () => {
  for (const entry of REGISTRY) {
    it(`${describeEntry(entry)}`, () => {
      if (entry.kind === "action") {
        expect(entry.probes).toEqual([]);
        return;
      }
      expect(entry.probes.length, "pages and routes need at least one probe").toBeGreaterThan(0);
      // A DELETE names what it removes in its address and sends no body.
      const write = entry.kind === "route" && entry.method !== "GET" && entry.method !== "HEAD" && entry.method !== "DELETE";
      const pattern = routePattern(entry.file);
      for (const probe of entry.probes) {
        const pathname = probe.url.split("?")[0];
        expect(pathname, `${probe.url} is not served by ${entry.file}`).toMatch(pattern);
        for (const [, name] of probe.url.matchAll(/\{([^}]+)\}/g)) expect(PLACEHOLDERS.has(name), `unknown placeholder {${name}}`).toBe(true);
        if (write) expect(probe.body, `${probe.url}: a write probe needs a body`).toBeDefined();
        else expect(probe.body).toBeUndefined();
        if (entry.access.rule === "scope" && !probe.guessed) {
          expect(probe.target, `${probe.url}: a scope rule needs the probe's target`).toBeDefined();
          const action = actionOf(entry, probe);
          if (Array.isArray(entry.access.action)) expect(entry.access.action).toContain(action);
        }
        if (entry.access.rule === "publishedOrAdmin" && !probe.guessed) expect(probe.target && ("wave" in probe.target || "cycle" in probe.target)).toBe(true);
      }
      // Every probe set shows both sides of the rule where there are two.
      if (entry.access.rule !== "public") {
        const outcomes = new Set(
          entry.probes.flatMap((p) =>
            PRINCIPAL_NAMES.map((n) => (p.guessed ? "g" : allows(PRINCIPALS[n], entry.access, p.target, actionOf(entry, p)) ? "a" : "d")),
          ),
        );
        expect(outcomes.has("a") && outcomes.has("d"), "the probes never allow or never deny anyone").toBe(true);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The registry's rules and the policy agree.

const IDS: Record<string, number> = { admin: 1, "correspondent.kz": 2, "correspondent.fr": 3, supervisor: 4, interviewer: 5, reporter: 6 };
const OWN_BODY = 18;
const OTHER_BODY = 19;

function asPrincipal(name: keyof typeof PRINCIPALS): Principal | null {
  const p = PRINCIPALS[name];
  if (!p.role) return null;
  return {
    id: IDS[name],
    role: p.role,
    countries: p.countries,
    regions: p.regions,
    bodyId: p.ownBody ? OWN_BODY : null,
    supervisorId: p.isInterviewer ? IDS.supervisor : null,
  };
}

function resourceOf(access: Access & { rule: "scope" }, target: Target): Resource {
  switch (access.scope) {
    case "country":
      return { kind: "cepejReply", country: (target as { country: string }).country };
    case "region":
      return { kind: "surveyRegion", region: INTERVIEW_TARGETS[(target as { interview: keyof typeof INTERVIEW_TARGETS }).interview].region };
    case "interview": {
      const t = INTERVIEW_TARGETS[(target as { interview: keyof typeof INTERVIEW_TARGETS }).interview];
      return { kind: "interview", region: t.region, interviewerId: t.assignedToInterviewer ? IDS.interviewer : null };
    }
    case "body":
      return { kind: "reportingBody", bodyId: (target as { filing: string }).filing === "other" ? OTHER_BODY : OWN_BODY };
  }
}

describe("route registry: agrees with the policy", () => {
  const targets: Record<string, Target[]> = {
    country: [{ country: "KZ" }, { country: "FR" }],
    region: [{ interview: "mine" }, { interview: "elsewhere" }],
    interview: [{ interview: "mine" }, { interview: "supervised" }, { interview: "elsewhere" }],
    body: [{ filing: "own" }, { filing: "open" }, { filing: "other" }],
  };
  for (const scope of ["country", "region", "interview", "body"] as const) {
    it(`scope ${scope}: every principal, action and target`, () => {
      for (const action of ["read", "write", "review"] as Action[]) {
        const access = { rule: "scope" as const, scope, action };
        for (const target of targets[scope]) {
          for (const name of PRINCIPAL_NAMES) {
            const mine = allows(PRINCIPALS[name], access, target, action);
            const policy = decide(asPrincipal(name), action, resourceOf(access, target)).allowed;
            expect(mine, `${name} ${action} ${JSON.stringify(target)}`).toBe(policy);
          }
        }
      }
    });
  }
  it("admin rule: only administrators", () => {
    for (const name of PRINCIPAL_NAMES) {
      expect(allows(PRINCIPALS[name], { rule: "admin" }, undefined, "read")).toBe(decide(asPrincipal(name), "read", { kind: "administration" }).allowed);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Static checks of the code.

const POLICY_MODULES = /^(@\/lib\/auth\/(session|policy)|\.\/(session|policy))$/;
const POLICY_CALLS = new Set(["checkApiAccess", "requireAccess", "decide", "currentUser", "requireUser"]);
const DECIDING_CALLS = new Set(["checkApiAccess", "requireAccess", "decide"]);
/** Helpers of lib/ that ask the policy for a resource named in the URL. */
const AUTH_HELPERS: Record<string, string> = {
  replyForRequest: "cepejReply",
  loadReplyPage: "cepejReply",
  filingForRequest: "reportingBody",
  interviewForRequest: "interview",
  canSeeResults: "results",
  mayReadComparison: "results",
};
const BODY_READS = new Set(["readJson", "readCsvBody"]);
const REQUEST_BODY_METHODS = new Set(["json", "text", "arrayBuffer", "formData", "blob"]);

function importsOf(sf: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const from = s.moduleSpecifier.text;
    const c = s.importClause;
    if (!c || c.isTypeOnly) continue;
    if (c.name) out.set(c.name.text, from);
    if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const e of c.namedBindings.elements) if (!e.isTypeOnly) out.set(e.name.text, from);
    if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) out.set(c.namedBindings.name.text, from);
  }
  return out;
}

function localFunctions(sf: ts.SourceFile): Map<string, ts.FunctionLikeDeclaration> {
  const out = new Map<string, ts.FunctionLikeDeclaration>();
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) out.set(s.name.text, s);
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
          out.set(d.name.text, d.initializer);
      }
    }
  }
  return out;
}

/** The identifier a call starts from: getDb().update(x).run() → getDb; request.json() → request. */
function rootOf(expr: ts.Expression): ts.Identifier | undefined {
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isIdentifier(e)) return e;
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    else return undefined;
  }
}

type CallKind = "policy" | "deciding" | "helper" | "effect" | "bodyRead" | "other";
type Call = { pos: number; kind: CallKind; name: string; resource?: string };

/** The calls of a function in source order, classified; a call of a local helper counts as what
 *  the helper does first (policy or effect). */
function callsOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile, seen = new Set<ts.Node>()): Call[] {
  const imports = importsOf(sf);
  const locals = localFunctions(sf);
  const calls: Call[] = [];
  const params = new Set(fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : "")));
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const root = rootOf(callee);
      const name = root?.text ?? "";
      const direct = ts.isIdentifier(callee);
      const from = imports.get(name);
      const pos = node.getStart(sf);
      if (direct && from && POLICY_MODULES.test(from) && POLICY_CALLS.has(name)) {
        calls.push({ pos, kind: DECIDING_CALLS.has(name) ? "deciding" : "policy", name, resource: node.arguments.map((a) => a.getText(sf)).join(", ") });
      } else if (direct && from && AUTH_HELPERS[name]) {
        calls.push({ pos, kind: "helper", name, resource: AUTH_HELPERS[name] });
      } else if (direct && from && BODY_READS.has(name)) {
        calls.push({ pos, kind: "bodyRead", name });
      } else if (
        !direct &&
        params.has(name) &&
        ts.isPropertyAccessExpression(callee) &&
        REQUEST_BODY_METHODS.has(callee.name.text) &&
        /request|req/i.test(name)
      ) {
        calls.push({ pos, kind: "bodyRead", name: `${name}.${callee.name.text}` });
      } else if (direct && locals.has(name) && !seen.has(locals.get(name)!)) {
        const inner = callsOf(locals.get(name)!, sf, new Set([...seen, fn]));
        const first = inner.find((c) => c.kind !== "other");
        calls.push(first ? { ...first, pos, name: `${name}→${first.name}` } : { pos, kind: "other", name });
      } else if (from && from !== "zod") {
        calls.push({ pos, kind: "effect", name });
      } else {
        calls.push({ pos, kind: "other", name });
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return calls.sort((a, b) => a.pos - b.pos);
}

function functionOf(entry: RegistryEntry): { fn: ts.FunctionLikeDeclaration; sf: ts.SourceFile; wrapper?: string } | undefined {
  const sf = parse(entry.file);
  const name = entry.kind === "page" ? "default" : entry.kind === "route" ? entry.method! : entry.name!;
  const exported = exportsOf(sf).get(name);
  return exported?.fn ? { fn: exported.fn, sf, wrapper: exported.wrapper } : undefined;
}

/** The resource the rule is about, as the code names it. */
function expectedResource(access: Access): string | null {
  if (access.rule === "admin") return "administration";
  if (access.rule === "scope") return { country: "cepejReply", region: "surveyRegion", interview: "interview", body: "reportingBody" }[access.scope];
  return null;
}

function checkAction(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile, access: Access, wrapper?: string): string[] {
  const problems: string[] = [];
  const calls = callsOf(fn, sf);
  // adminAction asks the policy about administration before it calls the handler.
  if (wrapper === "adminAction") calls.unshift({ pos: -1, kind: "deciding", name: "adminAction", resource: `{ kind: "administration" }` });
  const needed: CallKind[] = access.rule === "signedIn" ? ["policy", "deciding"] : ["deciding"];
  const firstAuth = calls.findIndex((c) => needed.includes(c.kind));
  const firstEffect = calls.findIndex((c) => c.kind === "effect" || c.kind === "bodyRead");
  if (firstAuth < 0) problems.push(`no ${needed.join("/")} call (checkApiAccess, requireAccess, decide${access.rule === "signedIn" ? ", currentUser" : ""})`);
  else if (firstEffect >= 0 && firstEffect < firstAuth) problems.push(`${calls[firstEffect].name}() is called before the policy is asked`);
  const resource = expectedResource(access);
  if (resource && firstAuth >= 0) {
    const asked = calls.filter((c) => c.kind === "deciding").map((c) => c.resource ?? "");
    if (!asked.some((r) => r.includes(`"${resource}"`))) problems.push(`the policy is not asked about ${resource}: ${asked.join(" | ")}`);
  }
  return problems;
}

describe("the static check itself", () => {
  const check = (code: string, access: Access) => {
    const sf = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    return checkAction(exportsOf(sf).get("act")!.fn!, sf, access);
  };
  const head = `"use server";\nimport { checkApiAccess, currentUser } from "@/lib/auth/session";\nimport { save } from "@/lib/things";\nimport { z } from "zod";\n`;
  it("passes an action that asks first", () => {
    expect(
      check(
        `${head}export async function act(f: FormData) { const a = await checkApiAccess("write", { kind: "administration" }); if (!a.ok) return; z.string().parse(f.get("x")); save(); }`,
        { rule: "admin" },
      ),
    ).toEqual([]);
  });
  it("passes an action that asks through a local helper", () => {
    expect(
      check(
        `${head}async function admin() { return checkApiAccess("write", { kind: "administration" }); }\nexport async function act() { const a = await admin(); if (!a.ok) return; save(); }`,
        { rule: "admin" },
      ),
    ).toEqual([]);
  });
  it("passes an adminAction for an admin rule, and only for it", () => {
    const code = `${head}import { adminAction } from "@/lib/auth/admin-action";\nexport const act = adminAction(z.object({}), async ({ db }) => { save(); });`;
    const sf = ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const e = exportsOf(sf).get("act")!;
    expect(e.wrapper).toBe("adminAction");
    expect(checkAction(e.fn!, sf, { rule: "admin" }, e.wrapper)).toEqual([]);
    expect(checkAction(e.fn!, sf, { rule: "scope", scope: "country", action: "write" }, e.wrapper)[0]).toMatch(/not asked about cepejReply/);
  });
  it("fails an action that writes before asking, never asks, or asks about something else", () => {
    expect(check(`${head}export async function act() { save(); await checkApiAccess("write", { kind: "administration" }); }`, { rule: "admin" })).toEqual([
      "save() is called before the policy is asked",
    ]);
    expect(check(`${head}export async function act() { save(); }`, { rule: "admin" })[0]).toMatch(/^no deciding call/);
    expect(check(`${head}export async function act() { await currentUser(); save(); }`, { rule: "admin" })[0]).toMatch(/^no deciding call/);
    expect(
      check(`${head}export async function act() { await checkApiAccess("write", { kind: "cepejReply", country: "KZ" }); save(); }`, { rule: "admin" })[0],
    ).toMatch(/not asked about administration/);
  });
});

describe("server actions ask the policy before doing anything", () => {
  for (const entry of REGISTRY.filter((e) => e.kind === "action")) {
    it(`${entry.file} ${entry.name} (${entry.access.rule})`, () => {
      const found = functionOf(entry);
      expect(found, "an exported async function").toBeDefined();
      if (entry.access.rule === "public") {
        expect(entry.note, "a public server action says why in the registry").toBeTruthy();
        return;
      }
      expect(checkAction(found!.fn, found!.sf, entry.access, found!.wrapper)).toEqual([]);
    });
  }
});

describe("pages and route handlers ask the policy (about the right resource, before reading the body)", () => {
  for (const entry of REGISTRY.filter((e) => e.kind !== "action")) {
    it(describeEntry(entry), () => {
      const found = functionOf(entry);
      if (!found) {
        // Re-exported handlers (next-auth's): nothing to read here; they must be public.
        expect(entry.access.rule).toBe("public");
        return;
      }
      const calls = callsOf(found.fn, found.sf);
      if (entry.access.rule === "public") return;
      const auth = calls.filter((c) => c.kind === "policy" || c.kind === "deciding" || c.kind === "helper");
      expect(
        auth.length,
        "no call of the policy (checkApiAccess, requireAccess, requireUser, currentUser, decide) or of a helper that asks it",
      ).toBeGreaterThan(0);
      const resource = expectedResource(entry.access);
      if (resource) {
        const asked = auth.map((c) => (c.kind === "helper" ? `"${c.resource}"` : (c.resource ?? "")));
        expect(
          asked.some((r) => r.includes(`"${resource}"`)),
          `the policy is not asked about ${resource}: ${asked.join(" | ")}`,
        ).toBe(true);
      }
      const firstAuth = calls.findIndex((c) => c.kind === "policy" || c.kind === "deciding" || c.kind === "helper");
      const firstRead = calls.findIndex((c) => c.kind === "bodyRead");
      const bodyFirst = firstRead >= 0 && firstRead < firstAuth;
      const known = entry.knownIssues?.includes("bodyBeforeAuth") ?? false;
      if (bodyFirst && !known) expect.fail(`${calls[firstRead].name}() reads the body before the policy is asked`);
      if (!bodyFirst && known) expect.fail("the body is no longer read before the policy is asked: remove the bodyBeforeAuth known issue from the registry");
    });
  }
});
