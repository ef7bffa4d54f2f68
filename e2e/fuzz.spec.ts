// Input fuzzing of the endpoints that take user input: answer saves (CEPEJ reply, report, interview),
// transitions (submit …), imports (reply JSON, survey interviews CSV) and exports (query and path
// parameters). Thousands of generated payloads — seeded, so every run sends the same ones
// (FUZZ_SEED overrides) — of wrong types, huge and tiny numbers (1e309 as JSON text, -0, "NaN"),
// strings of 100 000 characters, deeply nested JSON, invalid UTF-8, bodies over the size limit,
// wrong content types, bad percent-encodings. Each payload carries at least one defect that must
// refuse it, next to valid-looking values for real cells.
// Every one must get a 4xx with a JSON {"error"}; none a 5xx; and the stored data must not change
// (answers, states, survey results compared before and after). A summary line is printed.
import { mulberry32 } from "../lib/random";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";

test.describe.configure({ mode: "serial" });

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const PASSWORD = "demo-password";
const CONCURRENCY = 8;
/** The report of reporter@'s body this spec (and e2e/authorization.spec.ts) opens and never submits. */
const OPEN_PERIOD = (() => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.toISOString().slice(0, 7);
})();

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

let random = mulberry32(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)];
const chance = (p: number) => random() < p;
function shuffle<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Values.

/** A number written as raw JSON text (JSON.stringify cannot write 1e309). */
const RAW = (text: string) => `\u0000RAW:${text}\u0000`;
const toJson = (value: unknown) => JSON.stringify(value).replace(/"\\u0000RAW:([^"\\]*)\\u0000"/g, "$1");

const RAW_NUMBERS = [
  "1e309",
  "-1e309",
  "-0",
  "0e0",
  "5e-324",
  "1e-400",
  "1.7976931348623157e308",
  "9007199254740993",
  "-9007199254740993",
  "123456789012345678901234567890",
  "0.30000000000000004",
  "1E2",
  "-0.0",
];
const NUMBERS = [0, -1, 1.5, -0.5, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE, 100, 88100652];
const LONG = "x".repeat(100_000);
const STRINGS = [
  "",
  " ",
  "1e309",
  "-0",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "1,5",
  "1 000",
  "١٢٣",
  "null",
  "[]",
  "{}",
  "true",
  "\u0000",
  "\ud800",
  "\udfff\ud800",
  "\u202e",
  "🙂".repeat(500),
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "'; drop table answers; --",
  "../../etc/passwd",
  "%00",
  "\\",
  "\n\r\t",
  LONG,
  "x".repeat(100_001),
  "é".repeat(60_000),
];
const SCALARS: unknown[] = [null, true, false, [], {}, [1], { num: 1 }, "", 0, RAW("1e309"), RAW("-0"), "NaN"];
const anyNumber = () => (chance(0.5) ? RAW(pick(RAW_NUMBERS)) : pick(NUMBERS));
const anyString = () => pick(STRINGS);
const anyScalar = (): unknown => (chance(0.3) ? anyNumber() : chance(0.5) ? anyString() : pick(SCALARS));

function deep(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** An answer value that may or may not be valid for a given cell. */
function anyValue(): unknown {
  switch (int(9)) {
    case 0:
      return { num: anyNumber(), text: null, status: null };
    case 1:
      return { num: null, text: anyString(), status: null };
    case 2:
      return { num: null, text: null, status: pick(["NA", "NAP", "na", "N/A", "", null, 1]) };
    case 3:
      return { num: anyNumber(), text: anyString(), status: null };
    case 4:
      return { num: anyScalar(), text: anyScalar(), status: anyScalar() };
    case 5:
      return { num: anyNumber() };
    case 6:
      return anyScalar();
    case 7:
      return null;
    default:
      return { num: 1, text: null, status: null, extra: anyScalar() };
  }
}

/** A change with a defect that refuses the whole request, whatever the other changes are. */
function badChange(n: number): unknown {
  const value = { num: 1, text: null, status: null };
  switch (int(13)) {
    case 0:
      return { cell: `zz-fuzz-${n}`, value: anyValue(), baseVersion: 0 }; // unknown cell (if the shape passes)
    case 1:
      return { cell: `zz-fuzz-${n}`, value, baseVersion: 0 };
    case 2:
      return { cell: anyScalar() === "" ? "" : pick([1, null, "", [], {}, RAW("1e309")]), value, baseVersion: 0 };
    case 3:
      return { cell: "x".repeat(201), value, baseVersion: 0 };
    case 4:
      return { cell: `zz-fuzz-${n}`, value, baseVersion: pick([-1, 1.5, "0", null, RAW("1e309"), RAW("-1e309"), [], true]) };
    case 5:
      return { cell: `zz-fuzz-${n}`, value: { num: pick(["1e309", "NaN", "1", RAW("1e309"), RAW("-1e309")]), text: null, status: null }, baseVersion: 0 };
    case 6:
      return { cell: `zz-fuzz-${n}`, value: { num: 1, text: "1", status: null }, baseVersion: 0 };
    case 7:
      return { cell: `zz-fuzz-${n}`, value: { num: null, text: "x".repeat(100_001), status: null }, baseVersion: 0 };
    case 8:
      return { cell: `zz-fuzz-${n}`, value, baseVersion: 0, extra: anyScalar() };
    case 9:
      return { cell: `zz-fuzz-${n}`, value };
    case 10:
      return { cell: `zz-fuzz-${n}`, value: { num: null, text: null, status: "N/A" }, baseVersion: 0 };
    case 11:
      return { cell: `zz-fuzz-${n}`, value: pick(["1", 1, [], true, RAW("1e309")]), baseVersion: 0 };
    default:
      return pick([null, 1, "change", [], RAW("-0")]);
  }
}

// ---------------------------------------------------------------------------------------------
// Payloads.

type Payload = {
  endpoint: string;
  method: string;
  url: string;
  as: string;
  type?: string | null;
  body?: Uint8Array | string;
  /** Sent with chunked transfer encoding (no content-length). */
  chunked?: boolean;
  label: string;
  /** A queue endpoint: a 200 whose every item was refused with a reason counts as refused. */
  itemised?: boolean;
  /** A page or next-auth's route: it may ignore what it cannot use (any answer below 500 is safe),
   *  but a redirect must stay on this site. */
  lenient?: boolean;
};

const enc = new TextEncoder();
const INVALID_UTF8: number[][] = [
  [0xff],
  [0xc3, 0x28],
  [0xa0, 0xa1],
  [0xe2, 0x28, 0xa1],
  [0xf0, 0x28, 0x8c, 0xbc],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe, 0xfe, 0xff, 0xff],
];
const WRONG_TYPES = [
  null,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "json",
  "application/jso",
  "text/json",
  "application/javascript",
  "*/*",
];

/** Bytes with invalid UTF-8 spliced into a JSON string of the text. */
function withInvalidUtf8(text: string): Uint8Array {
  const at = Math.max(1, text.indexOf('"', text.indexOf('"') + 1));
  const bytes = enc.encode(text);
  const bad = pick(INVALID_UTF8);
  const out = new Uint8Array(bytes.length + bad.length);
  out.set(bytes.subarray(0, at));
  out.set(bad, at);
  out.set(bytes.subarray(at), at + bad.length);
  return out;
}

/** A transport-level defect applied to a (refusable) JSON text. */
function transport(base: string): { type?: string | null; body: Uint8Array | string; chunked?: boolean; label: string } | null {
  switch (int(14)) {
    case 0:
      return { type: pick(WRONG_TYPES), body: base, label: "wrong content type" };
    case 1:
      return { body: withInvalidUtf8(base), label: "invalid UTF-8" };
    case 2:
      return { body: base.slice(0, int(base.length)), label: "truncated JSON" };
    case 3:
      return {
        body: pick([
          "",
          " ",
          "{",
          "}",
          "[",
          "nul",
          "NaN",
          "Infinity",
          "{'changes': []}",
          '{"changes": [],}',
          "/* */ {}",
          "\u0000",
          '{"a":1}{"b":2}',
          '"unterminated',
          "--",
          "0x10",
        ]),
        label: "invalid JSON",
      };
    case 4:
      return { body: "\ufeff" + base, label: "BOM before JSON" };
    case 5:
      return { body: deep(pick([1_000, 10_000, 100_000]), pick(["array", "object"])), label: "deeply nested JSON" };
    case 6:
      return { body: `{"changes":${deep(pick([1_000, 50_000]), "array")}}`, label: "deeply nested changes" };
    case 7:
      return { body: pick(["null", "1", '"changes"', "[]", "true", "1e309", '[{"changes":[]}]']), label: "not an object" };
    case 8:
      return { type: "application/json; charset=utf-16", body: base, label: "other charset" };
    case 9:
      return { type: "APPLICATION/JSON", body: "{" + base, label: "JSON content type in capitals, broken body" };
    default:
      return null;
  }
}

function oversized(limit: number, chunked: boolean): { body: Uint8Array; chunked: boolean; label: string } {
  const bytes = new Uint8Array(limit + 1 + int(1000)).fill(0x20);
  bytes.set(enc.encode('{"changes":['), 0);
  return { body: bytes, chunked, label: `over the size limit${chunked ? " (chunked)" : ""}` };
}

/** A save request ({changes:[…]}) that must be refused, with valid-looking changes to real cells. */
function savePayload(n: number, decoys: { cell: string; value: unknown }[]): string {
  const good = () => {
    const d = pick(decoys);
    return { cell: d.cell, value: chance(0.5) ? d.value : anyValue(), baseVersion: chance(0.7) ? 0 : pick([1, 2, 1000, RAW("-0")]) };
  };
  switch (int(10)) {
    case 0:
      return toJson({ changes: [] });
    case 1:
      return toJson({ changes: anyScalar() });
    case 2:
      return toJson({});
    case 3:
      return toJson({ changes: Array.from({ length: 5001 }, (_, i) => ({ cell: decoys[i % decoys.length].cell, value: null, baseVersion: 0 })) });
    case 4: {
      // Twice the same cell: refused as a whole.
      const d = good();
      return toJson({ changes: [d, { ...d }] });
    }
    case 5:
      return toJson({ changes: [good(), badChange(n)], [pick(["extra", "__proto__", "constructor", "prototype"])]: anyScalar() });
    default:
      return toJson({ changes: shuffle([...Array.from({ length: int(5) }, good), badChange(n)]) });
  }
}

// ---------------------------------------------------------------------------------------------
// The run.

type Stats = {
  sent: number;
  refused: number;
  serverErrors: number;
  accepted: number;
  noReason: number;
  ignored?: number;
  ms?: number;
  statuses?: Record<number, number>;
};
const totals: Stats = { sent: 0, refused: 0, serverErrors: 0, accepted: 0, noReason: 0, ignored: 0 };
const byEndpoint = new Map<string, Stats>();
const failures: string[] = [];
const started = Date.now();

type Session = { cookie: string; ctx: APIRequestContext };
const sessions = new Map<string, Session>();
let baseURL = "";
const ids: Record<string, string> = {};

async function signIn(email: string): Promise<Session> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  expect((await ctx.get("/api/cycles/1999-2000/questionnaire")).status(), `sign-in of ${email}`).toBe(404);
  const cookie = (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { cookie, ctx };
}

async function send(p: Payload) {
  const headers: Record<string, string> = {};
  const cookie = sessions.get(p.as)?.cookie;
  if (cookie) headers.cookie = cookie;
  if (p.type) headers["content-type"] = p.type;
  let body: BodyInit | undefined;
  const init: RequestInit & { duplex?: "half" } = { method: p.method, headers, redirect: "manual" };
  if (p.body !== undefined) {
    const bytes = typeof p.body === "string" ? enc.encode(p.body) : p.body;
    if (p.chunked) {
      body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
          controller.close();
        },
      });
      init.duplex = "half";
    } else body = bytes as Uint8Array<ArrayBuffer>;
  }
  init.body = body;
  let status = 0;
  let text = "";
  let type = "";
  let location = "";
  const t0 = Date.now();
  try {
    const res = await fetch(baseURL + p.url, init);
    status = res.status;
    type = res.headers.get("content-type") ?? "";
    location = res.headers.get("location") ?? "";
    text = await res.text();
  } catch (e) {
    text = String(e);
  }
  const stats = byEndpoint.get(p.endpoint) ?? { sent: 0, refused: 0, serverErrors: 0, accepted: 0, noReason: 0 };
  byEndpoint.set(p.endpoint, stats);
  for (const s of [stats, totals]) s.sent++;
  stats.ms = (stats.ms ?? 0) + Date.now() - t0;
  stats.statuses = { ...stats.statuses, [status]: (stats.statuses?.[status] ?? 0) + 1 };
  const describe = () =>
    `${p.endpoint}: ${p.method} ${p.url.slice(0, 120)} [${p.label}] as ${p.as} → ${status} ${location.slice(0, 100)} ${text.slice(0, 200)}`;
  if (p.lenient && status > 0 && status < 500) {
    if (status >= 300 && status < 400 && !sameSite(location)) failures.push(`redirect to another site: ${describe()}`);
    else for (const s of [stats, totals]) s.ignored = (s.ignored ?? 0) + 1;
  } else if (status >= 400 && status < 500) {
    let reason = false;
    try {
      reason = type.includes("application/json") && typeof JSON.parse(text).error === "string";
    } catch {}
    if (reason) for (const s of [stats, totals]) s.refused++;
    else {
      for (const s of [stats, totals]) s.noReason++;
      failures.push(`4xx without a JSON reason: ${describe()}`);
    }
  } else if (p.itemised && status === 200 && everyItemRefused(text)) {
    for (const s of [stats, totals]) s.refused++;
  } else if (status >= 500 || status === 0) {
    for (const s of [stats, totals]) s.serverErrors++;
    failures.push(`server error: ${describe()}`);
  } else {
    for (const s of [stats, totals]) s.accepted++;
    failures.push(`accepted: ${describe()}`);
  }
}

/** A Location of this site: a path, or an absolute address of the host the tests reach it by
 *  (next-auth also names it localhost), and nothing a header cannot carry. */
function sameSite(location: string): boolean {
  if (!location || /[\r\n]/.test(location)) return false;
  try {
    const url = new URL(location, baseURL);
    const own = new URL(baseURL);
    return ["127.0.0.1", "localhost"].includes(url.hostname) && url.port === own.port;
  } catch {
    return false;
  }
}

function everyItemRefused(text: string): boolean {
  try {
    const results = JSON.parse(text).results as { ok: boolean; error: unknown }[];
    return Array.isArray(results) && results.length > 0 && results.every((r) => r.ok === false && typeof r.error === "string");
  } catch {
    return false;
  }
}

async function run(payloads: Payload[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < payloads.length) await send(payloads[next++]);
    }),
  );
}

function expectAllRefused(endpoints: string[]) {
  const mine = failures.filter((f) => endpoints.some((e) => f.includes(`${e}: `)));
  const sent = endpoints.reduce((n, e) => n + (byEndpoint.get(e)?.sent ?? 0), 0);
  expect(sent).toBeGreaterThan(0);
  expect(mine.slice(0, 15), `${mine.length} of ${sent} payloads not refused with a 4xx and a JSON reason`).toEqual([]);
}

/** Percent-encoding of the UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
const pct = (text: string) =>
  Array.from(enc.encode(text), (b) =>
    /[A-Za-z0-9\-_~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");

/** A page's HTML without what changes on every response (the CSP nonce), so two reads compare. */
const html = async (ctx: APIRequestContext, url: string) =>
  (await (await ctx.get(url)).text())
    .replaceAll("<!-- -->", "")
    .replace(/ nonce="[^"]*"/g, "")
    .replace(/(\\*"nonce\\*":\\*")[^"\\]*/g, "$1");

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  baseURL = testInfo.project.use.baseURL!;
  for (const [name, email] of [
    ["admin", "admin@example.org"],
    ["correspondent.kz", "correspondent.kz@example.org"],
    ["reporter", "reporter@example.org"],
    ["interviewer", "interviewer@example.org"],
  ]) {
    sessions.set(name, await signIn(email));
  }
  const interviewer = sessions.get("interviewer")!.ctx;
  const mine = [
    ...(await html(interviewer, "/survey")).matchAll(
      /<tr[^>]*><td>2026<\/td><td><a href="\/survey\/interviews\/(\d+)">[^<]*<\/a><\/td><td>Astana city<\/td><td[^>]*>[^<]*<\/td><td>assigned<\/td><\/tr>/g,
    ),
  ];
  expect(mine.length, "an interview assigned to the interviewer").toBeGreaterThan(0);
  ids.interview = mine.at(-1)![1];
  ids.filing = await openFiling(browser);
});

async function openFiling(browser: Browser): Promise<string> {
  const context = await browser.newContext({ baseURL, storageState: await sessions.get("reporter")!.ctx.storageState() });
  const page = await context.newPage();
  await page.goto("/reports");
  await page.getByLabel("Period").fill(OPEN_PERIOD);
  await page.getByRole("button", { name: "Open another period" }).click();
  await page.waitForURL(/\/reports\/\d+$/);
  const id = page.url().split("/").pop()!;
  await context.close();
  return id;
}

test.afterAll(() => {
  if (process.env.FUZZ_DEBUG) for (const f of failures) console.log(f);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const [endpoint, s] of byEndpoint)
    console.log(
      `fuzz ${endpoint}: ${s.sent} sent, ${s.refused} refused, ${s.ignored ?? 0} ignored safely, ${s.serverErrors} 5xx, ${s.accepted} accepted, ${s.noReason} 4xx without reason, ${((s.ms ?? 0) / 1000).toFixed(1)} s of requests; by status ${JSON.stringify(s.statuses)}`,
    );
  console.log(
    `fuzz summary (seed ${SEED}, ${seconds} s): ${totals.sent} payloads sent, ${totals.refused} refused with a 4xx and a JSON reason (a queue: every item refused with one), ` +
      `${totals.ignored} ignored safely (pages and sign-in routes: no 5xx, no redirect elsewhere), ${totals.serverErrors} 500s, ${totals.accepted} accepted, ${totals.noReason} 4xx without a JSON reason`,
  );
});

// ---------------------------------------------------------------------------------------------

const KZ_ANSWERS = "/api/cycles/2022-2024/replies/KZ/answers";

type Stored = Record<string, { answer: unknown; version: number }>;

/** Answer saves of the three kinds of form, and their transitions. */
test("answer saves and transitions: every payload refused, nothing stored", async () => {
  test.setTimeout(180_000);
  random = mulberry32(SEED);
  const kz = sessions.get("correspondent.kz")!.ctx;
  const reporter = sessions.get("reporter")!.ctx;

  // Real cells of each form, with values they could hold.
  const old: Stored = (await (await kz.get("/api/cycles/2020-2022/replies/KZ/answers")).json()).answers;
  const kzDecoys = Object.entries(old)
    .filter(([cell]) => /^(1[0-9]{2}|0[5-9][0-9])/.test(cell) && !cell.startsWith("091"))
    .slice(0, 40)
    .map(([cell, s]) => ({ cell, value: s.answer }));
  const seeded: Stored = (await (await reporter.get(`/api/reports/${await ownSubmittedFiling(reporter)}/answers`)).json()).answers;
  const reportDecoys = Object.entries(seeded)
    .slice(0, 40)
    .map(([cell, s]) => ({ cell, value: s.answer }));
  const interviewDecoys = [
    { cell: "age", value: { num: 29, text: null, status: null } },
    { cell: "sex", value: { num: null, text: "2", status: null } },
    { cell: "result", value: { num: null, text: "1", status: null } },
    { cell: "education", value: { num: null, text: "4", status: null } },
    { cell: "trust_police", value: { num: null, text: "2", status: null } },
    { cell: "interview_date", value: { num: null, text: new Date().toISOString().slice(0, 10), status: null } },
  ];
  expect(kzDecoys.length).toBeGreaterThan(10);
  expect(reportDecoys.length).toBeGreaterThan(10);

  const before = await snapshot();
  const targets = [
    { endpoint: "PUT reply answers", url: KZ_ANSWERS, as: "correspondent.kz", decoys: kzDecoys, n: 600 },
    { endpoint: "PUT report answers", url: `/api/reports/${ids.filing}/answers`, as: "reporter", decoys: reportDecoys, n: 500 },
    { endpoint: "PUT interview answers", url: `/api/survey/interviews/${ids.interview}/answers`, as: "interviewer", decoys: interviewDecoys, n: 500 },
  ];
  const payloads: Payload[] = [];
  // A tablet's queue: the same hostile changes inside {interviews:[{id, …}]}, the queue's own shape
  // broken now and then. Refused whole (4xx) or item by item (200, every item refused).
  const SUBMIT = "POST interview queue";
  for (let i = 0; i < 300; i++) {
    const item = savePayload(i, interviewDecoys)
      .replace(/^\{/, `{"id":${ids.interview}${chance(0.1) ? ',"id2":1' : ""},`)
      .replace(/,\}$/, "}");
    const json = chance(0.15)
      ? pick([`{"interviews":${item}}`, `{"interviews":[]}`, `{"interviews":[${item}],"x":1}`, `[${item}]`])
      : `{"interviews":[${item}${chance(0.2) ? `,${item}` : ""}]}`;
    const wrapped = chance(0.3) ? transport(json) : null;
    payloads.push({
      endpoint: SUBMIT,
      method: "POST",
      url: "/api/survey/interviews/submit",
      as: "interviewer",
      type: "application/json",
      body: json,
      label: "queue",
      itemised: true,
      ...(wrapped ?? {}),
    });
  }
  for (const t of targets) {
    for (let i = 0; i < t.n; i++) {
      const json = savePayload(i, t.decoys);
      const wrapped = chance(0.35) ? transport(json) : null;
      payloads.push({ endpoint: t.endpoint, method: "PUT", url: t.url, as: t.as, type: "application/json", body: json, label: "save", ...(wrapped ?? {}) });
    }
    for (const chunked of [false, true])
      payloads.push({ endpoint: t.endpoint, method: "PUT", url: t.url, as: t.as, type: "application/json", ...oversized(2 * 1024 * 1024, chunked) });
  }

  // Transitions: never a valid action; defects in the other fields.
  const transitions = [
    {
      endpoint: "POST reply transitions",
      url: "/api/cycles/2022-2024/replies/KZ/transitions",
      as: "correspondent.kz",
      valid: ["submit", "return", "validate", "reopen"],
      extra: () => ({ action: "submit", note: pick([1, [], {}, "x".repeat(5001), RAW("1e309")]) }),
    },
    {
      endpoint: "POST report transitions",
      url: `/api/reports/${ids.filing}/transitions`,
      as: "reporter",
      valid: ["submit", "return"],
      extra: () =>
        pick([{ action: "return" }, { action: "return", comment: pick(["", "   ", "x".repeat(5001), 1, null]) }, { action: "submit", comment: "x" }]),
    },
    {
      endpoint: "POST interview transitions",
      url: `/api/survey/interviews/${ids.interview}/transitions`,
      as: "interviewer",
      valid: ["complete", "approve", "reject"],
      extra: () =>
        pick([
          { action: "reject", comments: [] },
          { action: "reject", comments: [{ question: "", text: "x" }] },
          { action: "reject", comments: "x" },
          { action: "complete", x: 1 },
          { action: "approve", comments: [{ question: "age", text: "x" }] },
        ]),
    },
  ];
  for (const t of transitions) {
    for (let i = 0; i < 120; i++) {
      let action: unknown;
      do
        action = chance(0.5)
          ? pick([
              ...t.valid.map((a) => a.toUpperCase()),
              ...t.valid.map((a) => `${a} `),
              ...t.valid.map((a) => ` ${a}`),
              ...t.valid.map((a) => `${a}\u0000`),
              ...t.valid.map((a) => [a]),
            ])
          : anyScalar();
      while (typeof action === "string" && t.valid.includes(action));
      const value = chance(0.3) ? t.extra() : { action, ...(chance(0.3) ? { [pick(["note", "comment", "comments", "__proto__", "x"])]: anyScalar() } : {}) };
      const json = toJson(value);
      const wrapped = chance(0.3) ? transport(json) : null;
      payloads.push({
        endpoint: t.endpoint,
        method: "POST",
        url: t.url,
        as: t.as,
        type: "application/json",
        body: json,
        label: "transition",
        ...(wrapped ?? {}),
      });
    }
    payloads.push({ endpoint: t.endpoint, method: "POST", url: t.url, as: t.as, type: "application/json", ...oversized(2 * 1024 * 1024, false) });
  }

  await run(payloads);
  const after = await snapshot();
  expectAllRefused([...targets.map((t) => t.endpoint), ...transitions.map((t) => t.endpoint), SUBMIT]);

  // Nothing stored: the cells the payloads named, the states; no cell removed or set back.
  expect(after.kz.status).toBe(before.kz.status);
  for (const { cell } of kzDecoys) expect(after.kz.answers[cell], `KZ ${cell}`).toEqual(before.kz.answers[cell]);
  for (const [cell, s] of Object.entries(before.kz.answers)) expect(after.kz.answers[cell]?.version ?? -1, `KZ ${cell}`).toBeGreaterThanOrEqual(s.version);
  expect(Object.keys(after.kz.answers).filter((c) => c.startsWith("zz-fuzz"))).toEqual([]);
  expect(after.report).toEqual(before.report);
  expect(after.interview).toEqual(before.interview);
});

async function ownSubmittedFiling(reporter: APIRequestContext) {
  return [...(await html(reporter, "/reports")).matchAll(/href="\/reports\/(\d+)">1-M 2025-\d\d</g)][0][1];
}

async function snapshot() {
  const kz = sessions.get("correspondent.kz")!.ctx;
  const reporter = sessions.get("reporter")!.ctx;
  const interviewer = sessions.get("interviewer")!.ctx;
  const reply = await (await kz.get(KZ_ANSWERS)).json();
  const report = await (await reporter.get(`/api/reports/${ids.filing}/answers`)).json();
  // No read API for an interview's answers: its page, which renders them and its state (and is
  // the same from one request to the next).
  const page = await html(interviewer, `/survey/interviews/${ids.interview}`);
  return {
    kz: { status: reply.status as string, answers: reply.answers as Stored },
    report: { status: report.filing.status, answers: report.answers },
    interview: { status: /data-testid="interview-status">([^<]*)</.exec(page)?.[1], page },
  };
}

test("imports: reply JSON and survey interviews CSV refused as a whole, nothing imported", async () => {
  test.setTimeout(180_000);
  random = mulberry32(SEED + 1);
  const kz = sessions.get("correspondent.kz")!.ctx;
  const admin = sessions.get("admin")!.ctx;
  const exported = JSON.parse(await (await kz.get("/api/cycles/2020-2022/replies/KZ/export?format=json")).text());
  const questionnaire = exported.questionnaire as { id: string; version: string };
  const cells = Object.keys(exported.answers).slice(200, 260);
  const header = (await (await admin.get("/api/survey/waves/2026/microdata?format=csv")).text())
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)[0]
    .split(",");
  expect(header.length).toBeGreaterThan(10);

  const before = {
    kz: (await (await kz.get(KZ_ANSWERS)).json()) as { status: string; answers: Stored },
    results: await (await admin.get("/api/survey/waves/2024/results")).json(),
  };
  const payloads: Payload[] = [];

  // Reply JSON: always an unknown cell among the answers (if answers is an object at all).
  const IMPORT = "/api/cycles/2022-2024/replies/KZ/import";
  for (let i = 0; i < 400; i++) {
    const answers: Record<string, unknown> = {};
    for (let k = int(6); k > 0; k--) {
      const cell = pick(cells);
      answers[cell] = chance(0.6) ? exported.answers[cell] : anyValue();
    }
    answers[pick([`zz-fuzz-${i}`, "x".repeat(201), "", "__proto__", "constructor", "001:nope"])] = chance(0.7)
      ? { num: 1, text: null, status: null }
      : anyValue();
    answers[`zz-fuzz-${i}`] = { num: 1, text: null, status: null };
    const file: Record<string, unknown> = {
      format: "cepej-reply",
      formatVersion: 1,
      cycle: "2022-2024",
      country: "KZ",
      questionnaire,
      status: "in_progress",
      answers,
    };
    switch (int(8)) {
      case 0:
        file.format = pick(["cepej", "CEPEJ-REPLY", 1, null]);
        break;
      case 1:
        file.formatVersion = pick([2, "1", RAW("1e309"), RAW("-0"), 1.0000001]);
        break;
      case 2:
        file.questionnaire = pick([{ id: "other", version: questionnaire.version }, { id: questionnaire.id }, null, "x", { ...questionnaire, extra: 1 }]);
        break;
      case 3:
        file.country = pick(["KAZ", "", "K", 1, null]);
        break;
      case 4:
        file.answers = anyScalar();
        break;
      case 5:
        file[pick(["extra", "__proto__", "answer"])] = anyScalar();
        break;
      case 6:
        file.answers = { ...answers, [`zz-deep-${i}`]: JSON.parse(deep(500, "object")) };
        break;
      default:
        break;
    }
    const json = toJson(file);
    const wrapped = chance(0.3) ? transport(json) : null;
    payloads.push({
      endpoint: "POST reply import",
      method: "POST",
      url: IMPORT,
      as: "correspondent.kz",
      type: "application/json",
      body: json,
      label: "import",
      ...(wrapped ?? {}),
    });
  }
  payloads.push({
    endpoint: "POST reply import",
    method: "POST",
    url: IMPORT,
    as: "correspondent.kz",
    type: "application/json",
    ...oversized(20 * 1024 * 1024, false),
  });

  // Survey CSV: always one row of the wrong width, next to rows of odd values.
  const SURVEY = "/api/survey/waves/2024/interviews/import";
  const cellText = (v: unknown) => {
    const s = typeof v === "string" ? v : toJson(v).replace(/\u0000RAW:|\u0000/g, "");
    return chance(0.5) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  for (let i = 0; i < 300; i++) {
    const head = chance(0.8) ? header : chance(0.5) ? shuffle([...header]) : header.slice(0, int(header.length));
    const rows = Array.from({ length: int(4) }, () =>
      head.map((name) => (name === "region" ? pick(["ZZZ", "", "ast", "1"]) : cellText(anyScalar()))).join(","),
    );
    rows.splice(int(rows.length + 1), 0, Array.from({ length: head.length + pick([-3, -1, 1, 5]) }, () => cellText(anyScalar())).join(","));
    let text = [head.join(","), ...rows].join(pick(["\n", "\r\n", "\r"]));
    if (chance(0.1)) text = text.replace(",", ',"unbalanced');
    const body: Payload = { endpoint: "POST survey import", method: "POST", url: SURVEY, as: "admin", type: "text/csv", body: text, label: "csv" };
    switch (int(10)) {
      case 0:
        body.type = pick(["application/json", "text/plain", null, "text/csvx", "application/csv"]);
        body.label = "wrong content type";
        break;
      case 1:
        body.body = withInvalidUtf8(text);
        body.label = "invalid UTF-8";
        break;
      case 2:
        body.body = "\ufeff" + text;
        body.label = "BOM";
        break;
      case 3:
        body.body = pick(["", "\n", ",,,,", "\u0000", "x".repeat(1_000_000)]);
        body.label = "empty or junk";
        break;
      default:
        break;
    }
    payloads.push(body);
  }
  payloads.push({
    endpoint: "POST survey import",
    method: "POST",
    url: SURVEY,
    as: "admin",
    type: "text/csv",
    body: new Uint8Array(50 * 1024 * 1024 + 1).fill(0x2c),
    label: "over the size limit",
  });

  await run(payloads);
  expectAllRefused(["POST reply import", "POST survey import"]);
  const after = {
    kz: (await (await kz.get(KZ_ANSWERS)).json()) as { status: string; answers: Stored },
    results: await (await admin.get("/api/survey/waves/2024/results")).json(),
  };
  expect(after.kz.status).toBe(before.kz.status);
  for (const cell of cells) expect(after.kz.answers[cell], `KZ ${cell}`).toEqual(before.kz.answers[cell]);
  for (const [cell, s] of Object.entries(before.kz.answers)) expect(after.kz.answers[cell]?.version ?? -1, `KZ ${cell}`).toBeGreaterThanOrEqual(s.version);
  expect(after.results).toEqual(before.results);
});

test("exports and other reads: odd query and path parameters refused", async () => {
  test.setTimeout(120_000);
  random = mulberry32(SEED + 2);
  const odd = (): string => {
    return chance(0.7) ? anyString() : String(anyScalar());
  };
  /** A path segment: encoded oddities, and raw bad percent-encodings. */
  // Encoded oddities (kept under Node's 16 KB header limit: a longer URL is refused by Node with 431).
  const capped = (text: string) => (pct(text).length > 6000 ? pct(text.slice(0, 1000)) : pct(text));
  const segment = () => (chance(0.1) ? pick(["%00", "%2F", "%5C", "%2500", "%20", "%C3%A9"]) : capped(odd()) || "%20");
  const query = capped;
  const payloads: Payload[] = [];
  const add = (endpoint: string, as: string, url: string) => payloads.push({ endpoint, method: "GET", url, as, label: "read" });
  const notIn = (valid: string[]) => {
    let v: string;
    do v = odd();
    while (valid.includes(v));
    return v;
  };
  for (let i = 0; i < 100; i++) {
    add("GET reply export", "correspondent.kz", `/api/cycles/2022-2024/replies/KZ/export?format=${query(notIn(["csv", "xlsx", "json"]))}`);
    add("GET reply export", "correspondent.kz", `/api/cycles/${segment()}/replies/${segment()}/export?format=csv`);
    add("GET reply answers", "correspondent.kz", `/api/cycles/${chance(0.5) ? "2022-2024" : segment()}/replies/${segment()}/answers`);
    add("GET cycle export", "admin", chance(0.5) ? `/api/cycles/${segment()}/export` : `/api/cycles/2022-2024/export?format=${query(notIn(["csv"]))}`);
    add("GET cycle status", "admin", `/api/cycles/2022-2024/status?format=${query(notIn(["csv", "json"]))}`);
    add(
      "GET microdata",
      "admin",
      chance(0.5) ? `/api/survey/waves/${segment()}/microdata` : `/api/survey/waves/2026/microdata?format=${query(notIn(["csv", "codebook", "sps"]))}`,
    );
    add(
      "GET survey tables",
      "anonymous",
      chance(0.5) ? `/api/survey/waves/${segment()}/tables` : `/api/survey/waves/2024/tables?format=${query(notIn(["csv", "xlsx"]))}`,
    );
    add(
      "GET open data",
      "anonymous",
      chance(0.5)
        ? `/api/open-data/registered-crimes?format=${query(notIn(["csv", "json"]))}`
        : `/api/open-data/registered-crimes?year=${query(odd().replace(/^\d{4}$/, "x"))}`,
    );
    add(
      "GET compliance",
      "admin",
      `/api/admin/compliance?from=${query(odd())}&to=${query(pick(["2025-02-30", "2025-13-01", "2025-1-1", "99999-01-01", odd()]))}`,
    );
    add("GET form deadline", "anonymous", `/api/report-forms/${segment()}/deadline?period=${query(odd())}`);
  }
  await run(payloads);
  expectAllRefused([
    "GET reply export",
    "GET reply answers",
    "GET cycle export",
    "GET cycle status",
    "GET microdata",
    "GET survey tables",
    "GET open data",
    "GET compliance",
    "GET form deadline",
  ]);
});

test("malformed percent-escapes in API paths are refused with a JSON reason", async () => {
  const bad = ["%", "%zz", "%ff", "%c3%28", "%E0%A4%A"];
  const payloads: Payload[] = bad.flatMap((b) => [
    { endpoint: "GET bad escapes", method: "GET", url: `/api/cycles/${b}/replies/KZ/answers`, as: "correspondent.kz", label: "bad escape" },
    { endpoint: "GET bad escapes", method: "GET", url: `/api/report-forms/${b}/deadline?period=2026-03`, as: "anonymous", label: "bad escape" },
    {
      endpoint: "PUT bad escapes",
      method: "PUT",
      url: `/api/reports/${b}/answers`,
      as: "reporter",
      type: "application/json",
      body: '{"changes":[]}',
      label: "bad escape",
    },
  ]);
  await run(payloads);
  expectAllRefused(["GET bad escapes", "PUT bad escapes"]);
});

test("a body under the route's own limit reaches the route whole", async () => {
  const kz = sessions.get("correspondent.kz")!;
  // 12 MB of valid JSON (whitespace), refused for its content: a questionnaire that does not exist.
  const file = toJson({
    format: "cepej-reply",
    formatVersion: 1,
    cycle: "2022-2024",
    country: "KZ",
    questionnaire: { id: "no-such-questionnaire", version: "0" },
    answers: {},
  });
  const body = file.slice(0, -1) + " ".repeat(12 * 1024 * 1024) + "}";
  const res = await fetch(`${baseURL}/api/cycles/2022-2024/replies/KZ/import`, {
    method: "POST",
    headers: { cookie: kz.cookie, "content-type": "application/json" },
    body,
  });
  const json = await res.json();
  expect(res.status).toBe(400);
  expect(json.error).toContain("no-such-questionnaire");
});

test("a refused export is not recorded in the log-journal as an export", async () => {
  const kz = sessions.get("correspondent.kz")!.ctx;
  const admin = sessions.get("admin")!.ctx;
  const marker = `fuzz${SEED}`;
  expect((await kz.get(`/api/cycles/2022-2024/replies/KZ/export?format=${marker}`)).status()).toBe(400);
  await new Promise((r) => setTimeout(r, 500)); // the journal is written after the response
  const csv = await (await admin.get(`/api/admin/audit?action=export.${marker}`)).text();
  expect(csv.trim().split(/\r?\n/).length, csv.slice(0, 300)).toBe(1);
});

// ---------------------------------------------------------------------------------------------
// Query parameters given twice, limits and dates that are not, callbackUrl variants, over-long
// imported texts. The API refuses each with a 4xx and a reason; a page or next-auth's route may
// ignore it (any answer below 500, a redirect only to this site).

/** Values for a number, a date or a choice that are none (and a few that are). */
const BAD_NUMBERS = [
  "abc",
  "-1",
  "0",
  "-0",
  "1e99",
  "1e3",
  "1.5",
  "0x10",
  "",
  " ",
  " 7",
  "NaN",
  "Infinity",
  "100001",
  "9".repeat(40),
  "２０２５",
  "2025\u0000",
];

test("repeated parameters, bad limits and dates: the API refuses with a reason, pages ignore them", async () => {
  test.setTimeout(120_000);
  random = mulberry32(SEED + 3);
  const payloads: Payload[] = [];
  const add = (endpoint: string, as: string, url: string, lenient = false) =>
    payloads.push({ endpoint, method: "GET", url, as, label: lenient ? "page" : "query", lenient });
  const q = (text: string) => pct(text.length > 1000 ? text.slice(0, 1000) : text);
  const value = () => (chance(0.5) ? anyString() : pick(["AST", "ALA", "csv", "json", "2025", "2026-03", "2025-01-01", "late", "login", "001"]));
  const twice = (name: string) => `${name}=${q(value())}&${name}=${q(value())}`;
  /** Each API read with the parameters it reads. */
  const apis: [string, string, string, string[]][] = [
    ["GET audit CSV", "admin", "/api/admin/audit", ["q", "action", "from", "to", "limit"]],
    ["GET compliance", "admin", "/api/admin/compliance", ["from", "to", "region", "state"]],
    ["GET open data", "anonymous", "/api/open-data/registered-crimes", ["format", "year"]],
    ["GET open indicators", "anonymous", "/api/open-data/cepej-indicators", ["format"]],
    ["GET form deadline", "anonymous", "/api/report-forms/1/deadline", ["period"]],
    ["GET reply export", "correspondent.kz", "/api/cycles/2022-2024/replies/KZ/export", ["format"]],
    ["GET reply history", "admin", "/api/cycles/2022-2024/replies/KZ/history", ["cell"]],
    ["GET cycle export", "admin", "/api/cycles/2022-2024/export", ["format"]],
    ["GET cycle status", "admin", "/api/cycles/2022-2024/status", ["format"]],
    ["GET survey tables", "anonymous", "/api/survey/waves/2024/tables", ["format"]],
    ["GET microdata", "admin", "/api/survey/waves/2026/microdata", ["format"]],
  ];
  for (let i = 0; i < 20; i++)
    for (const [endpoint, as, path, names] of apis) {
      const name = pick(names);
      add(`${endpoint} (repeated)`, as, `${path}?${twice(name)}${chance(0.3) ? `&${twice(pick(names))}` : ""}`);
    }
  for (let i = 0; i < 60; i++) {
    add(
      "GET audit CSV (bad limit or date)",
      "admin",
      `/api/admin/audit?${chance(0.6) ? `limit=${q(pick(BAD_NUMBERS))}` : `${pick(["from", "to"])}=${q(pick([...BAD_NUMBERS, "2025-02-30", "2025-1-1"]))}`}`,
    );
    add("GET open data (bad year)", "anonymous", `/api/open-data/registered-crimes?year=${q(pick([...BAD_NUMBERS, "0000", "1899", "3000", "99999"]))}`);
    add("GET compliance (bad range)", "admin", `/api/admin/compliance?from=2025-0${1 + int(9)}-01&to=20${10 + int(14)}-01-01`);
  }
  // Pages: the same defects in their filters, ignored.
  const pages: [string, string, string, string[]][] = [
    ["GET survey page", "admin", "/survey", ["wave", "region", "settlement", "status"]],
    ["GET survey page", "interviewer", "/survey", ["wave", "region"]],
    ["GET audit page", "admin", "/admin/audit", ["q", "action", "from", "to", "limit"]],
    ["GET compliance page", "admin", "/admin/reports", ["from", "to", "region", "state"]],
    ["GET cycle page", "admin", "/admin/cycles/2022-2024", ["status", "q"]],
    ["GET results page", "anonymous", "/survey/waves/2024/results", ["x", "region"]],
    ["GET open data page", "anonymous", "/open-data", ["year", "format"]],
  ];
  for (let i = 0; i < 20; i++)
    for (const [endpoint, as, path, names] of pages) {
      const params = Array.from({ length: 1 + int(3) }, () => {
        const name = pick(names);
        return chance(0.5) ? twice(name) : `${name}=${q(chance(0.5) ? pick(BAD_NUMBERS) : anyString())}`;
      });
      add(endpoint, as, `${path}?${params.join("&")}`, true);
    }
  await run(payloads);
  expectAllRefused([
    ...apis.map(([e]) => `${e} (repeated)`),
    "GET audit CSV (bad limit or date)",
    "GET open data (bad year)",
    "GET compliance (bad range)",
    ...new Set(pages.map(([e]) => e)),
  ]);
});

/** callbackUrl values: line breaks, other scripts, other sites, schemes, very long, malformed. */
const CALLBACK_VALUES = [
  "\r\n",
  "/x\r\nSet-Cookie: a=b",
  "/x\nLocation: https://evil.example",
  "%0d%0a",
  "/%0d%0aSet-Cookie:%20a=b",
  "/reports?x=Қазақша",
  "/отчеты",
  "/🙂",
  "/\u202eexe.txt",
  "/\u0000",
  "/\ud800",
  "https://evil.example/",
  "http://evil.example:3000/x",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "https:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "b",
  "",
  " ",
  "?x=1",
  "#x",
  "/%",
  "/%zz",
  `/${"a".repeat(2001)}`,
  `/${"Қ".repeat(900)}`,
];

test("callbackUrl variants on the login page and next-auth's routes: never a 5xx, never another site", async () => {
  test.setTimeout(120_000);
  random = mulberry32(SEED + 4);
  // An anonymous visitor with next-auth's CSRF cookie, so that some posts get past the CSRF check.
  const anon = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await anon.get("/api/auth/csrf")).json();
  sessions.set("anonymous-csrf", { cookie: (await anon.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; "), ctx: anon });
  const payloads: Payload[] = [];
  const cb = () => (chance(0.15) ? anyString() : pick(CALLBACK_VALUES));
  const q = (text: string) => pct(text.length > 3000 ? text.slice(0, 3000) : text);
  const callbackQuery = () => (chance(0.2) ? `callbackUrl=${q(cb())}&callbackUrl=${q(cb())}` : `callbackUrl=${q(cb())}`);
  for (let i = 0; i < 60; i++) {
    for (const as of ["anonymous", "admin"]) {
      payloads.push({ endpoint: "GET login page", method: "GET", url: `/login?${callbackQuery()}`, as, label: "callbackUrl", lenient: true });
      for (const route of ["signin", "signin/credentials", "signout", "csrf", "session", "providers", "callback/credentials"])
        payloads.push({ endpoint: "GET next-auth", method: "GET", url: `/api/auth/${route}?${callbackQuery()}`, as, label: "callbackUrl", lenient: true });
    }
    payloads.push({
      endpoint: "GET next-auth",
      method: "GET",
      url: `/api/auth/error?error=${q(chance(0.5) ? cb() : pick(["Configuration", "AccessDenied", "Verification", "x".repeat(200)]))}`,
      as: "anonymous",
      label: "error code",
      lenient: true,
    });
    // Posts: the form (with and without the CSRF token), JSON, and odd types. No email and password:
    // a password checked here would count against the guessing limits of the tests' address.
    for (const route of ["signout", "callback/credentials", "signin/credentials", "session"]) {
      const form = new URLSearchParams({ csrfToken: chance(0.7) ? csrfToken : "nope" });
      form.append("callbackUrl", cb());
      if (chance(0.2)) form.append("callbackUrl", cb());
      const body = pick([
        { type: "application/x-www-form-urlencoded", body: form.toString() },
        { type: "application/json", body: toJson({ csrfToken, callbackUrl: chance(0.7) ? cb() : anyScalar() }) },
        { type: "application/json", body: pick(["{", "[]", "null", '"x"']) },
        { type: pick(["text/plain", "multipart/form-data; boundary=x", null]), body: form.toString() },
      ]);
      payloads.push({
        endpoint: "POST next-auth",
        method: "POST",
        url: `/api/auth/${route}`,
        as: "anonymous-csrf",
        label: "callbackUrl",
        lenient: true,
        ...body,
      });
    }
  }
  // The callback cookie next-auth keeps, tampered.
  for (const value of CALLBACK_VALUES)
    for (const route of ["session", "csrf", "signin"])
      payloads.push({
        endpoint: "GET next-auth (cookie)",
        method: "GET",
        url: `/api/auth/${route}`,
        as: `cookie:${pct(value)}`,
        label: "callback cookie",
        lenient: true,
      });
  for (const value of CALLBACK_VALUES) sessions.set(`cookie:${pct(value)}`, { cookie: `authjs.callback-url=${pct(value)}`, ctx: anon });
  await run(payloads);
  expectAllRefused(["GET login page", "GET next-auth", "POST next-auth", "GET next-auth (cookie)"]);
  // The admin's session survives a sign-out post of someone else's (no CSRF cookie of theirs).
  expect((await sessions.get("admin")!.ctx.get("/api/cycles/1999-2000/questionnaire")).status()).toBe(404);
});

test("over-long imported texts: refused with where they are, nothing stored", async () => {
  test.setTimeout(120_000);
  random = mulberry32(SEED + 5);
  const admin = sessions.get("admin")!.ctx;
  const kz = sessions.get("correspondent.kz")!.ctx;
  const households = async () => Number(/(\d+) households/.exec(await html(admin, "/survey?wave=2024"))?.[1]);
  const before = {
    households: await households(),
    results: await (await admin.get("/api/survey/waves/2024/results")).json(),
    kz: (await (await kz.get(KZ_ANSWERS)).json()) as { status: string; answers: Stored },
  };
  expect(before.households).toBeGreaterThan(0);
  const payloads: Payload[] = [];
  const long = (min: number) => pick(["x", "é", "Қ", "🙂", "a, b"]).repeat(min + int(min));

  // Sample frames whose only defect is a text over its limit (500 for an address, 64 for an id).
  for (let i = 0; i < 40; i++) {
    const rows = Array.from({ length: 1 + int(4) }, (_, k) => `FUZZ-${i}-${k},AST,1,10,Street ${k}`);
    const bad = chance(0.5) ? `FUZZ-${i}-long,AST,2,12.5,"${long(501).replaceAll('"', '""')}"` : `${"H".repeat(65 + int(1000))},ALA,1,3,Street`;
    rows.splice(int(rows.length + 1), 0, bad);
    payloads.push({
      endpoint: "POST sample frame (long text)",
      method: "POST",
      url: "/api/survey/waves/2024/sample",
      as: "admin",
      type: "text/csv",
      body: `household_id,region,settlement,weight,address\n${rows.join("\n")}\n`,
      label: "long text",
    });
  }
  // Interviews whose household id or "other" text is over its limit.
  const [header, first] = (await (await admin.get("/api/survey/waves/2024/microdata?format=csv")).text()).replace(/^\ufeff/, "").split(/\r\n/);
  for (let i = 0; i < 20; i++)
    payloads.push({
      endpoint: "POST interviews import (long text)",
      method: "POST",
      url: "/api/survey/waves/2024/interviews/import",
      as: "admin",
      type: "text/csv",
      body: `${header}\r\n${"H".repeat(65 + int(5000))}${first.slice(first.indexOf(","))}\r\n`,
      label: "long household id",
    });
  // Reply imports: a comment over its limit, or the file's own fields over theirs.
  const exported = JSON.parse(await (await kz.get("/api/cycles/2020-2022/replies/KZ/export?format=json")).text());
  const comment = Object.keys(exported.answers).find((k) => k.endsWith("#comment")) ?? "001#comment";
  for (let i = 0; i < 30; i++) {
    const file = { ...exported, cycle: "2022-2024" };
    if (chance(0.5)) file.answers = { ...exported.answers, [comment]: { num: null, text: long(10_001), status: null } };
    else file[pick(["cycle", "status"])] = long(65);
    if (!chance(0.5)) file.questionnaire = { ...exported.questionnaire, [pick(["id", "version"])]: long(65) };
    payloads.push({
      endpoint: "POST reply import (long text)",
      method: "POST",
      url: "/api/cycles/2022-2024/replies/KZ/import",
      as: "correspondent.kz",
      type: "application/json",
      body: toJson(file),
      label: "long text",
    });
  }
  // Queries, flags and review comments over 5000 characters.
  for (let i = 0; i < 20; i++) {
    payloads.push({
      endpoint: "POST query (long text)",
      method: "POST",
      url: "/api/cycles/2022-2024/replies/KZ/queries",
      as: "admin",
      type: "application/json",
      body: toJson({ question: "001", text: long(5001) }),
      label: "long text",
    });
    payloads.push({
      endpoint: "PUT flag (long text)",
      method: "PUT",
      url: "/api/cycles/2022-2024/replies/KZ/flags",
      as: "admin",
      type: "application/json",
      body: toJson({ cell: "006:r1:approved", reason: long(5001) }),
      label: "long text",
    });
  }
  await run(payloads);
  expectAllRefused([
    "POST sample frame (long text)",
    "POST interviews import (long text)",
    "POST reply import (long text)",
    "POST query (long text)",
    "PUT flag (long text)",
  ]);
  // Each refusal names where: the row and column, or the field.
  const sample = await admin.post("/api/survey/waves/2024/sample", {
    headers: { "content-type": "text/csv" },
    data: `household_id,region,settlement,weight,address\nH1,AST,1,10,"${"A".repeat(501)}"\n`,
  });
  expect((await sample.json()).errors).toEqual([{ row: 2, column: "address", reason: "address is longer than 500 characters" }]);
  expect(await households()).toBe(before.households);
  expect(await (await admin.get("/api/survey/waves/2024/results")).json()).toEqual(before.results);
  const after = (await (await kz.get(KZ_ANSWERS)).json()) as { status: string; answers: Stored };
  expect(after.status).toBe(before.kz.status);
  for (const [cell, s] of Object.entries(before.kz.answers)) expect(after.answers[cell]?.version ?? -1, `KZ ${cell}`).toBeGreaterThanOrEqual(s.version);
});
