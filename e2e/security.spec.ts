// Cross-site writes, security headers, and a cell's history with restore.
import { expect, test } from "@playwright/test";
import { loggedInPage } from "./helpers";

test("state-changing API requests from another site are refused; security headers are set", async ({ browser }) => {
  const page = await loggedInPage(browser, "correspondent.kz@example.org");
  const url = "/api/cycles/2022-2024/replies/KZ/answers";
  const body = { changes: [{ cell: "008-2", value: { num: 31, text: null, status: null }, baseVersion: 0 }] };
  const cross = await page.request.put(url, { data: body, headers: { origin: "https://evil.example" } });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).error).toBe("Cross-site request refused.");
  const home = await page.request.get("/");
  const h = home.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["permissions-policy"]).toContain("camera=()");
  // Plain HTTP, no trusted proxy: no HSTS, whatever the client claims.
  expect(h["strict-transport-security"]).toBeUndefined();
  const claimed = await page.request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
  // Answers are never cached; open data may be.
  const answers = await page.request.get(url);
  expect(answers.status()).toBe(200);
  expect(answers.headers()["cache-control"]).toBe("no-store");
  const open = await page.request.get("/api/open-data/registered-crimes?format=json");
  expect(open.headers()["cache-control"] ?? "").not.toContain("no-store");
});

test("a reviewer sees a cell's history and restores an earlier value, which is recorded too", async ({ browser }) => {
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  const admin = await loggedInPage(browser, "admin@example.org");
  const api = "/api/cycles/2022-2024/replies/KZ";
  const put = async (num: number) => {
    const stored = (await (await kz.request.get(`${api}/answers`)).json()).answers["015-1:total:approved"];
    const r = await kz.request.put(`${api}/answers`, {
      data: { changes: [{ cell: "015-1:total:approved", value: { num, text: null, status: null }, baseVersion: stored?.version ?? 0 }] },
    });
    expect(r.status()).toBe(200);
  };
  await put(289010486);
  await put(289010487);
  const history = (await (await admin.request.get(`${api}/history?cell=015-1:total:approved`)).json()).history;
  expect(history[0]).toMatchObject({ old: { num: 289010486 }, new: { num: 289010487 }, by: "Kazakhstan Correspondent" });
  const restore = await admin.request.post(`${api}/history`, { data: { cell: "015-1:total:approved", historyId: history[0].id, which: "before" } });
  expect(restore.status()).toBe(200);
  const after = (await (await admin.request.get(`${api}/answers`)).json()).answers["015-1:total:approved"];
  expect(after.answer.num).toBe(289010486);
  const again = (await (await admin.request.get(`${api}/history?cell=015-1:total:approved`)).json()).history;
  expect(again).toHaveLength(3);
  expect(again[0]).toMatchObject({ old: { num: 289010487 }, new: { num: 289010486 }, by: "Secretariat Administrator" });
  expect((await kz.request.get(`${api}/history?cell=015-1:total:approved`)).status()).toBe(403);
});
