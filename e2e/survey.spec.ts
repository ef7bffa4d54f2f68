// The survey team's loop: a supervisor assigns; the interviewer enters at the door with the
// keyboard; the supervisor rejects with a comment on a question, the interviewer fixes it, the
// supervisor approves; the results update. And the published results match the 2025 release.
import { expect, test, type Page } from "@playwright/test";
import { gotoForm, loggedInPage, ownRows } from "./helpers";

const radio = (page: Page, q: string, value: string) => page.locator(`[data-cell="${q}"] input[type=radio][value="${value}"]`);

test("assign → enter with the keyboard → reject with a comment → fix → approve; results update", async ({ browser }) => {
  test.setTimeout(120_000);
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey?wave=2026&status=unassigned");
  const regions = await supervisor.getByTestId("households").locator("tbody tr td:nth-child(3)").allTextContents();
  expect(regions.length).toBeGreaterThan(0);
  expect(new Set(regions)).toEqual(new Set(["ALA", "AST"].filter((r) => regions.includes(r))));
  const [first, second] = await ownRows(supervisor.getByTestId("households"));
  const householdId = (await first.getAttribute("data-household"))!;
  await first.getByRole("checkbox").check();
  await second.getByRole("checkbox").check();
  await supervisor.getByLabel("Interviewer").selectOption({ label: "Survey Interviewer" });
  await supervisor.getByRole("button", { name: "Assign 2 selected" }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText("2 households assigned.");

  const admin = await loggedInPage(browser, "admin@example.org");
  const before = await (await admin.request.get("/api/survey/waves/2026/results")).json();

  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  await interviewer.goto("/survey");
  await interviewer.getByTestId("my-assignments").getByRole("link", { name: householdId }).click();
  await expect(interviewer.getByTestId("interview-status")).toHaveText("assigned");
  // Keyboard first: a digit picks the code, Enter moves on.
  await radio(interviewer, "result", "2").focus();
  await interviewer.keyboard.press("1");
  await expect(radio(interviewer, "result", "1")).toBeChecked();
  await interviewer.keyboard.press("Enter");
  await expect(interviewer.locator('[data-cell="interview_date"] input')).toBeFocused();
  const today = new Date().toISOString().slice(0, 10);
  await interviewer.locator('[data-cell="interview_date"] input').fill(today);
  await radio(interviewer, "sex", "1").focus();
  await interviewer.keyboard.press("2");
  await expect(radio(interviewer, "sex", "2")).toBeChecked();
  const age = interviewer.locator('[data-cell="age"] input[type=text]');
  await age.fill("14");
  await expect(interviewer.getByTestId("error-age")).toHaveText("The value cannot be below 15.");
  await age.fill("19");
  // The other answers, as a tablet would send them.
  const id = interviewer.url().split("/").pop();
  const choices: Record<string, string> = {
    education: "4",
    employment: "1",
    safe_day: "1",
    safe_night: "2",
    crime_trend: "2",
    trust_prosecutor: "1",
    trust_police: "2",
    trust_anticorruption: "1",
    trust_econ_investigation: "8",
    trust_courts: "1",
    trust_fire: "1",
  };
  for (const k of ["theft", "fraud", "robbery", "assault", "vehicle", "burglary", "road"]) choices[`victim_${k}`] = "2";
  await expect(interviewer.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });
  const put = await interviewer.request.put(`/api/survey/interviews/${id}/answers`, {
    data: { changes: Object.entries(choices).map(([cell, code]) => ({ cell, value: { num: null, text: code, status: null }, baseVersion: 0 })) },
  });
  expect(put.status(), await put.text()).toBe(200);
  await interviewer.reload();
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(interviewer.getByTestId("interview-status")).toHaveText("completed");

  // The supervisor rejects with a comment on the age question.
  await supervisor.goto(`/survey/interviews/${id}`);
  await supervisor.getByLabel("Question 1").selectOption("age");
  await supervisor.getByLabel("Comment 1").fill("The respondent looked older than 19: check the ID card.");
  await supervisor.getByRole("button", { name: "Reject" }).click();
  await expect(supervisor.getByTestId("interview-status")).toHaveText("rejected");

  // The interviewer sees the comment at the question, fixes the age, completes again.
  await interviewer.goto(`/survey/interviews/${id}`);
  await expect(interviewer.getByTestId("notes-age")).toContainText("check the ID card");
  // Complete at once after typing, without waiting for the autosave: the last figure goes in first.
  await interviewer.locator('[data-cell="age"] input[type=text]').fill("29");
  await interviewer.getByRole("button", { name: "Complete the interview" }).click();
  await expect(interviewer.getByTestId("interview-status")).toHaveText("completed");
  await interviewer.reload();
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("29");

  await supervisor.goto(`/survey/interviews/${id}`);
  await supervisor.getByRole("button", { name: "Approve" }).click();
  await expect(supervisor.getByTestId("interview-status")).toHaveText("approved");

  const after = await (await admin.request.get("/api/survey/waves/2026/results")).json();
  expect(after.interviews).toBe(before.interviews + 1);
  // wave 2026 is in fieldwork: provisional; every share with its standard error and 95 % interval
  expect(after.provisional).toBe(true);
  for (const [v, d] of Object.entries(after.overall as Record<string, Record<string, unknown> & { se: object; ci95: Record<string, [number, number]> }>)) {
    expect(Object.keys(d.ci95), v).toEqual(Object.keys(d.se));
    for (const [code, [low, high]] of Object.entries(d.ci95)) expect(low <= (d[code] as number) && (d[code] as number) <= high, `${v} ${code}`).toBe(true);
  }
  expect(after.byRegion.AST.trust_police).toHaveProperty("ci95");
  await admin.goto("/survey/waves/2026/results");
  await expect(admin.getByTestId("key-indicators")).toBeVisible();
  await expect(admin.getByTestId("provisional")).toContainText("Provisional");
  await expect(admin.getByTestId("key-indicators").locator("td.ci", { hasText: /\d–\d/ }).first()).toHaveText(/^\d+\.\d–\d+\.\d$/);
  await expect(admin.getByTestId("key-indicators").getByText("low base").first()).toBeVisible();

  // Only the interviewer's own interviews: another's gives 403.
  const others = await interviewer.request.put(`/api/survey/interviews/1/answers`, {
    data: { changes: [{ cell: "sex", value: { num: null, text: "1", status: null }, baseVersion: 0 }] },
  });
  expect(others.status()).toBe(403);
});

test("the published 2025 results reproduce the release, for everyone", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const r = await (await page.request.get("/api/survey/waves/2025/results")).json();
  expect(r.interviews).toBeGreaterThan(17000);
  expect(r.overall.trust_prosecutor).toMatchObject({ "1": 66.2, "2": 26.4, "3": 2.4, "4": 1.8 });
  expect(r.overall.trust_police["1"]).toBe(65.3);
  expect(r.overall.trust_fire["1"]).toBe(81.8);
  expect(r.overall.safe_day).toMatchObject({ "1": 64.9, "2": 27.6, "3": 5.7, "4": 1.1, "9": 0.7 });
  expect(Object.keys(r.byRegion)).toHaveLength(20);
  // the precision of the shares (stratified design, Taylor linearisation): about ±0.7 pp on 17 000 interviews
  expect(r.provisional).toBe(false);
  const prosecutor = r.overall.trust_prosecutor;
  expect(prosecutor.se["1"]).toBeGreaterThan(0.2);
  expect(prosecutor.se["1"]).toBeLessThan(1.5);
  expect(prosecutor.ci95["1"][0]).toBeLessThan(66.2);
  expect(prosecutor.ci95["1"][1]).toBeGreaterThan(66.2);
  expect(prosecutor.ci95["1"][1] - prosecutor.ci95["1"][0]).toBeCloseTo(2 * 1.96 * prosecutor.se["1"], 1);
  expect(prosecutor.deff["1"]).toBeGreaterThan(0.5);
  expect(r.byRegion.AST.trust_prosecutor.se["1"]).toBeGreaterThan(prosecutor.se["1"]);
  await page.goto("/survey/waves/2025/results");
  await expect(page.getByTestId("key-indicators").locator('tr[data-indicator="trust_prosecutor"][data-code="1"]')).toContainText("66.2");
  await expect(page.getByTestId("key-indicators").locator('tr[data-indicator="trust_prosecutor"][data-code="1"] td.ci')).toHaveText(
    `${prosecutor.ci95["1"][0].toFixed(1)}–${prosecutor.ci95["1"][1].toFixed(1)}`,
  );
  await expect(page.getByTestId("by-region").locator("span.ci").first()).toHaveText(/^\(\d+\.\d–\d+\.\d\)$/);
  await expect(page.getByTestId("provisional")).toHaveCount(0);
  await expect(page.getByRole("img", { name: "Trust in the six bodies" })).toBeVisible();
  expect((await page.request.get("/api/survey/waves/2026/results")).status()).toBe(401);
});

test("waves and microdata through the API: create, refuse a bad file, import a good one", async ({ browser }) => {
  const admin = await loggedInPage(browser, "admin@example.org");
  const create = await admin.request.post("/api/survey/waves", { data: { year: 2031, fieldworkStart: "2025-10-01", fieldworkEnd: "2025-11-30" } });
  expect(create.status()).toBe(201);
  expect((await admin.request.post("/api/survey/waves", { data: { year: 2031, fieldworkStart: "2025-10-01", fieldworkEnd: "2025-11-30" } })).status()).toBe(
    409,
  );
  const microdata = await (await admin.request.get("/api/survey/waves/2025/microdata?format=csv")).text();
  const lines = microdata.replace(/^\ufeff/, "").split("\r\n");
  const sample = [lines[0], ...lines.slice(1, 6)].join("\r\n") + "\r\n";
  const broken = sample.replace(/,(AST|ALA|KAR|ALM|SHY|TUR|ZHA|ABA|AKM|AKT|ATY|ZKO|ZHE|KOS|KZO|MAN|PAV|SKO|ULY|VKO),/, ",XXX,");
  const bad = await admin.request.post("/api/survey/waves/2031/interviews/import", { headers: { "content-type": "text/csv" }, data: broken });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors[0]).toMatchObject({ row: 2, column: "region" });
  // households that are not in the sample: refused, one row each, unless the administrator allows adding them
  const notInSample = await admin.request.post("/api/survey/waves/2031/interviews/import", { headers: { "content-type": "text/csv" }, data: sample });
  expect(notInSample.status()).toBe(400);
  expect(((await notInSample.json()).errors as { row: number; column: string }[]).map((e) => [e.row, e.column])).toEqual(
    [2, 3, 4, 5, 6].map((row) => [row, "household_id"]),
  );
  const good = await admin.request.post("/api/survey/waves/2031/interviews/import?addHouseholds=1", {
    headers: { "content-type": "text/csv" },
    data: sample,
  });
  expect(good.status(), await good.text()).toBe(200);
  expect(await good.json()).toEqual({ imported: 5 });
  const codebook = await admin.request.get("/api/survey/waves/2031/microdata?format=sps");
  expect(await codebook.text()).toContain("VALUE LABELS");
});

/** A complete interview valid under the UDN rules, as a tablet sends it. */
function fullInterview(date: string) {
  const v = (text: string) => ({ num: null, text, status: null });
  const answers: Record<string, { num: number | null; text: string | null; status: null }> = {
    result: v("1"),
    interview_date: v(date),
    sex: v("2"),
    age: { num: 37, text: null, status: null },
    education: v("4"),
    employment: v("1"),
    safe_day: v("2"),
    safe_night: v("3"),
    unsafe_reasons: v('["1","4"]'),
    crime_trend: v("2"),
    trust_prosecutor: v("1"),
    trust_police: v("2"),
    trust_anticorruption: v("3"),
    trust_econ_investigation: v("2"),
    trust_courts: v("1"),
    trust_fire: v("1"),
    distrust_reasons: v('["1","4"]'),
    victim_theft: v("1"),
    reported_theft: v("2"),
    victim_fraud: v("2"),
    victim_robbery: v("2"),
    victim_assault: v("2"),
    victim_vehicle: v("2"),
    victim_burglary: v("2"),
    victim_road: v("2"),
    not_reported_reason: v('["1"]'),
  };
  return Object.entries(answers).map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
}

test("a tablet's queue: interviews saved and completed in one request, each accepted or refused on its own", async ({ browser }) => {
  test.setTimeout(90_000);
  // The supervisor assigns three AST households (the first three of this worker's, ownRows).
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey?wave=2026&status=unassigned&region=AST");
  const rows = await ownRows(supervisor.getByTestId("households"));
  const picked: string[] = [];
  for (let i = 0; i < 3; i++) {
    picked.push((await rows[i].getAttribute("data-household"))!);
    await rows[i].getByRole("checkbox").check();
  }
  await supervisor.getByLabel("Interviewer").selectOption({ label: "Survey Interviewer" });
  await supervisor.getByRole("button", { name: "Assign 3 selected" }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText("3 households assigned.");

  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  await interviewer.goto("/survey");
  const idOf = async (household: string) =>
    (await interviewer.getByTestId("my-assignments").getByRole("link", { name: household }).getAttribute("href"))!.split("/").pop()!;
  const [a, b, c] = await Promise.all(picked.map(idOf)).then((ids) => ids.map(Number));
  const today = new Date().toISOString().slice(0, 10);
  const full = fullInterview(today);

  const res = await interviewer.request.post("/api/survey/interviews/submit", {
    data: {
      interviews: [
        { id: a, changes: full },
        { id: b, changes: full.filter((x) => x.cell === "result" || x.cell === "sex") }, // not finished
        { id: 1, changes: full }, // a 2024 interview, not the interviewer's
        { id: c, changes: [{ cell: "age", value: { num: 7, text: null, status: null }, baseVersion: 0 }] }, // breaks a rule
        { id: a }, // already completed above
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  expect(body.completed).toBe(1);
  expect(body.results.map((r: { id: number; ok: boolean; status: unknown }) => [r.id, r.ok, r.status])).toEqual([
    [a, true, "completed"],
    [b, false, 422],
    [1, false, 403],
    [c, false, 400],
    [a, false, 409],
  ]);
  expect(body.results[1].errors.length).toBeGreaterThan(0);
  expect(body.results[3].rejected[0]).toMatchObject({ cell: "age" });

  // The refused but valid changes of b were kept: its answer sheet holds them, and the interview is in progress.
  await interviewer.goto(`/survey/interviews/${b}`);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("in progress");
  await expect(interviewer.locator('[data-cell="sex"] input[type=radio][value="2"]')).toBeChecked();
  await interviewer.goto(`/survey/interviews/${a}`);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("completed");
  await interviewer.goto(`/survey/interviews/${c}`);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("assigned");

  // One interview in one request: the rest of b's answers and its completion.
  const one = await interviewer.request.post(`/api/survey/interviews/${b}/transitions`, {
    data: { action: "complete", changes: full.filter((x) => x.cell !== "result" && x.cell !== "sex") },
  });
  expect(one.status(), await one.text()).toBe(200);
  expect(await one.json()).toMatchObject({ status: "completed", saved: full.length - 2 });

  // Supervisors and others cannot submit; the log-journal has both completions.
  expect((await supervisor.request.post("/api/survey/interviews/submit", { data: { interviews: [{ id: c }] } })).status()).toBe(403);
  const admin = await loggedInPage(browser, "admin@example.org");
  const log = await (await admin.request.get("/api/admin/audit?action=interview.complete")).text();
  for (const h of picked.slice(0, 2)) expect(log).toContain(`2026/${h}`);
});

test("keyboard entry: Enter skips the questions skip logic turned off, and each digit answers the question in front of the interviewer", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // The last unassigned ALA household of 2026 (the other tests take the first ALA ones and AST's).
  const supervisor = await loggedInPage(browser, "supervisor@example.org");
  await supervisor.goto("/survey?wave=2026&status=unassigned&region=ALA");
  const row = (await ownRows(supervisor.getByTestId("households"))).at(-1)!;
  const householdId = (await row.getAttribute("data-household"))!;
  await row.getByRole("checkbox").check();
  await supervisor.getByLabel("Interviewer").selectOption({ label: "Survey Interviewer" });
  await supervisor.getByRole("button", { name: "Assign 1 selected" }).click();
  await expect(supervisor.getByTestId("assign-bar").getByRole("status")).toHaveText(/^1 households? assigned\.$/);

  const interviewer = await loggedInPage(browser, "interviewer@example.org");
  await interviewer.goto("/survey");
  const href = (await interviewer.getByTestId("my-assignments").getByRole("link", { name: householdId }).getAttribute("href"))!;
  await gotoForm(interviewer, href);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("assigned");

  // What the interviewer keys in, question by question ("" = Enter only). The questions skip
  // logic turns off on the way (reported_theft after victim_theft = no, reported_robbery after
  // victim_robbery = no, unsafe_reasons, distrust_reasons) are never stopped at.
  const keyed: [string, string][] = [
    ["result", "1"],
    ["interview_date", ""],
    ["sex", "2"],
    ["age", "34"],
    ["education", "3"],
    ["employment", "2"],
    ["safe_day", "1"],
    ["safe_night", "2"],
    ["crime_trend", "2"],
    ["trust_prosecutor", "1"],
    ["trust_police", "2"],
    ["trust_anticorruption", "1"],
    ["trust_econ_investigation", "8"],
    ["trust_courts", "2"],
    ["trust_fire", "1"],
    ["victim_theft", "2"],
    ["victim_fraud", "1"],
    ["reported_fraud", "1"],
    ["victim_robbery", "2"],
    ["victim_assault", "1"],
    ["reported_assault", "2"],
    ["victim_vehicle", "2"],
    ["victim_burglary", "2"],
    ["victim_road", "2"],
  ];
  await radio(interviewer, "result", "1").focus();
  for (const [i, [, keys]] of keyed.entries()) {
    if (i > 0) await interviewer.keyboard.press("Enter");
    for (const key of keys) await interviewer.keyboard.press(key);
  }
  // Still on the last question keyed, in view.
  const last = radio(interviewer, "victim_road", "2");
  await expect.soft(last).toBeFocused();
  await expect.soft(last).toBeInViewport();
  await expect(interviewer.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });

  // Stored: exactly what was keyed, nothing else.
  await gotoForm(interviewer, href);
  await expect(interviewer.getByTestId("interview-status")).toHaveText("in progress");
  const choices = await interviewer.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>("[data-cell]")]
        .filter((c) => c.querySelector("input[type=radio]"))
        .map((c) => [c.dataset.cell!, c.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? null]),
    ),
  );
  const expected = Object.fromEntries(Object.keys(choices).map((q) => [q, null as string | null]));
  for (const [q, keys] of keyed) if (q !== "age" && keys) expected[q] = keys;
  expect(choices).toEqual(expected);
  expect(choices).toMatchObject({ victim_robbery: "2", reported_robbery: null, victim_assault: "1", reported_assault: "2" });
  await expect(interviewer.locator('[data-cell="age"] input[type=text]')).toHaveValue("34");
  await expect(interviewer.locator('[data-cell="interview_date"] input')).toHaveValue("");
});
