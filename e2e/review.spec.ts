// A whole campaign, both sides: the secretariat opens a cycle; the Kazakhstan correspondent answers
// with the 2020 figures beside every cell, explains a large change, submits; the reviewer queries
// and returns; the correspondent answers, corrects, resubmits; the reviewer validates; it is locked.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { loggedInPage } from "./helpers";

const CYCLE = "2024-2026";
const API = `/api/cycles/${CYCLE}/replies/KZ`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
type Answer = { num: number | null; text: string | null; status: string | null };

/** Answers every cell through the API as the 2020 reply did (NA, NAP, 0 or the first option where it
 *  has nothing), except the cells we type in the browser. */
async function fillLike2020(request: APIRequestContext, except: string[]) {
  const def = await (await request.get(`/api/cycles/${CYCLE}/questionnaire`)).json();
  const prev: Record<string, { answer: Answer }> = (await (await request.get("/api/cycles/2020-2022/replies/KZ/answers")).json()).answers;
  const values = new Map<string, Answer>(Object.entries(prev).map(([k, v]) => [k, v.answer]));
  const fallback = (spec: any): Answer | null =>
    spec.kind === "number"
      ? spec.number.allowNA
        ? { num: null, text: null, status: "NA" }
        : spec.number.allowNAP
          ? { num: null, text: null, status: "NAP" }
          : { num: 0, text: null, status: null }
      : spec.kind === "choice"
        ? { num: null, text: spec.options[0].id, status: null }
        : null;
  const visit = (part: any) => {
    for (const q of part.questions) {
      const cells: [string, any][] =
        q.type === "grid"
          ? q.rows.flatMap((r: any) => q.columns.filter((c: any) => !r.emptyColumns?.includes(c.id)).map((c: any) => [`${q.id}:${r.id}:${c.id}`, c.cell]))
          : [
              [
                q.id,
                q.type === "number" ? { kind: "number", number: q.number } : q.type === "choice" ? { kind: "choice", options: q.options } : { kind: "other" },
              ],
            ];
      for (const [key, spec] of cells)
        if (!values.has(key)) {
          const v = fallback(spec);
          if (v) values.set(key, v);
        }
    }
    part.parts.forEach(visit);
  };
  def.parts.forEach(visit);
  for (const key of except) values.delete(key);
  const changes = [...values].map(([cell, value]) => ({ cell, value, baseVersion: 0 }));
  const response = await request.put(`${API}/answers`, { data: { changes } });
  expect(response.status(), await response.text()).toBe(200);
}

async function explainWarnings(request: APIRequestContext, keep: string[]) {
  const attempt = await request.post(`${API}/transitions`, { data: { action: "submit" } });
  expect(attempt.status()).toBe(422);
  const details: { question: string; severity: string; code: string; cell: string }[] = (await attempt.json()).details;
  const warnings = details.filter((d) => d.severity === "warning" && !keep.includes(d.question));
  const questions = [...new Set(warnings.map((d) => d.question))];
  const stored = (await (await request.get(`${API}/answers`)).json()).answers;
  // Each warning is explained by the comment and confirmed on its own (the "#explains" list).
  const changes = questions.flatMap((q) => [
    {
      cell: `${q}#comment`,
      value: { num: null, text: `Figures as published by the national authority (${q}).`, status: null },
      baseVersion: stored[`${q}#comment`]?.version ?? 0,
    },
    {
      cell: `${q}#explains`,
      value: {
        num: null,
        text: JSON.stringify(
          warnings
            .filter((d) => d.question === q)
            .map((d) => `${d.code}@${d.cell}`)
            .sort(),
        ),
        status: null,
      },
      baseVersion: stored[`${q}#explains`]?.version ?? 0,
    },
  ]);
  if (changes.length) expect((await request.put(`${API}/answers`, { data: { changes } })).status()).toBe(200);
}

const numberInput = (page: Page, key: string) => page.locator(`[data-cell="${key}"] input[type=text]`);
const saved = (page: Page) => expect(page.getByTestId("save-state")).toHaveText("All changes saved", { timeout: 15_000 });

test("a campaign from opening the cycle to a validated, locked reply", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await loggedInPage(browser, "admin@example.org");
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");

  // The secretariat opens the cycle; an invalid uploaded definition is refused with paths.
  await admin.goto("/admin/cycles");
  const form = admin.getByTestId("new-cycle");
  await form.getByLabel("Slug").fill("2026-2028");
  await form.getByLabel("Name").fill("Broken");
  await form.getByLabel("Reference year").fill("2026");
  await form.getByLabel("Campaign opens on").fill(day(0));
  await form.getByLabel("Campaign closes on").fill(day(30));
  await form.getByLabel("Upload a JSON definition").check();
  await form.getByLabel("Definition JSON").fill(
    JSON.stringify({
      id: "x",
      version: "1",
      title: { en: "x" },
      parts: [
        {
          id: "1",
          title: { en: "One" },
          questions: [
            {
              id: "q1",
              type: "grid",
              label: { en: "G" },
              rows: [{ id: "total", label: { en: "T" }, sumOf: ["r9"] }],
              columns: [{ id: "c", label: { en: "C" }, cell: { kind: "number" } }],
            },
          ],
        },
      ],
    }),
  );
  await form.getByRole("button", { name: "Create the cycle" }).click();
  await expect(admin.getByTestId("definition-errors")).toContainText('parts[0].questions[0].rows[0].sumOf: unknown row "r9"');

  await admin.goto("/admin/cycles");
  await form.getByLabel("Slug").fill(CYCLE);
  await form.getByLabel("Name").fill("Evaluation cycle 2024–2026");
  await form.getByLabel("Reference year").fill("2024");
  await form.getByLabel("Campaign opens on").fill(day(-1));
  await form.getByLabel("Campaign closes on").fill(day(60));
  await form.getByLabel("Compared with cycle").selectOption("2020-2022");
  await form.getByRole("button", { name: "Create the cycle" }).click();
  await expect(admin.getByRole("status")).toHaveText("Cycle created.");
  await admin.getByRole("link", { name: "Evaluation cycle 2024–2026" }).click();
  await admin.getByLabel("Country to assign").selectOption("KZ");
  await admin.getByLabel("Correspondent").selectOption({ label: "Kazakhstan Correspondent (correspondent.kz@example.org)" });
  await admin.getByRole("button", { name: "Assign" }).click();
  await expect(admin.locator('tr[data-country="KZ"]')).toContainText("Kazakhstan Correspondent");

  // The correspondent answers: most cells as in 2020 (through the API), Q001 in the browser.
  await fillLike2020(kz.request, ["001", "001#comment"]);
  await explainWarnings(kz.request, ["001"]);
  await kz.goto(`/cepej/${CYCLE}/KZ/1`);
  await expect(kz.getByTestId("previous-006:total:approved")).toContainText("2020-2022: 110 346 857");
  await expect(kz.getByTestId("previous-001")).toContainText("2020-2022: 18 879 552");
  await numberInput(kz, "001").fill("30000000");
  await expect(kz.getByTestId("previous-001")).toContainText("+58.9 %");
  await expect(kz.getByTestId("issues-001")).toContainText("Changed by 58.9 % since the previous cycle");
  // The previous cycle's comment can be reused in one click.
  await kz.getByTestId("previous-comment-004").getByRole("button", { name: "Reuse this comment" }).click();
  await expect(kz.getByLabel("004 Comments")).toHaveValue(/452 € per month/);
  await saved(kz);

  // Submitting is refused while the variation is unexplained; the list links to the question.
  await kz.goto(`/cepej/${CYCLE}/KZ`);
  await kz.getByRole("button", { name: "Submit the reply" }).click();
  const blockers = kz.getByTestId("blockers");
  await expect(blockers).toContainText("Changed by 58.9 % since the previous cycle (18,879,552)");
  await expect(blockers.locator("li")).toHaveCount(1);
  await blockers.getByRole("link", { name: "001" }).click();
  await expect(kz).toHaveURL(new RegExp(`/cepej/${CYCLE}/KZ/1#q-001$`));
  await kz.getByLabel("001 Comments").fill("New census of 2024.");
  await kz.getByTestId("explains-variation@001").check();
  await expect(kz.getByTestId("issues-001")).toContainText("Explained");
  await saved(kz);
  await kz.goto(`/cepej/${CYCLE}/KZ`);
  await kz.getByRole("button", { name: "Submit the reply" }).click();
  await expect(kz.getByTestId("reply-status")).toHaveText("Submitted");
  const locked = await kz.request.put(`${API}/answers`, { data: { changes: [{ cell: "003", value: { num: 1, text: null, status: null }, baseVersion: 1 }] } });
  expect(locked.status()).toBe(409);
  expect((await locked.json()).error).toContain("submitted");

  // The reviewer queries two answers, flags one value, and returns the reply.
  await admin.goto("/");
  // Only CEPEJ replies count here (not legal-statistics filings, whose answer sheets are "submitted" too).
  await expect(admin.getByTestId("waiting")).toHaveText("1 reply to review");
  await admin.goto(`/cepej/${CYCLE}/KZ/1`);
  for (const [q, text] of [
    ["001", "Please confirm the population figure."],
    ["003", "Is GDP per capita in current prices?"],
  ]) {
    const tools = admin.getByTestId(`review-${q}`);
    await tools.locator("summary").click();
    await tools.getByLabel("Query to the correspondent").fill(text);
    await tools.getByRole("button", { name: "Raise a query" }).click();
    await expect(admin.getByTestId(`query-${q}`)).toContainText(text);
  }
  const tools006 = admin.getByTestId("review-006");
  // A page refresh (after the queries above) may re-render the panel closed: open it until it stays.
  await expect(async () => {
    if (!(await tools006.evaluate((d) => (d as HTMLDetailsElement).open))) await tools006.locator("summary").click();
    await expect(tools006.getByLabel("Value to mark")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(tools006.locator("table.series")).toContainText("2020-2022");
  await tools006.getByLabel("Value to mark").selectOption("006:r7:approved");
  await tools006.getByLabel("Reason it is not retained").fill("Other costs not comparable");
  await tools006.getByRole("button", { name: "Not retained for publication" }).click();
  await expect(admin.getByTestId("previous-006:r7:approved")).toContainText("Not retained for publication: Other costs not comparable");
  await admin.goto(`/cepej/${CYCLE}/KZ`);
  await expect(admin.getByTestId("open-queries")).toContainText("2 open queries");
  await admin.getByLabel("Note (required to reopen; sent with a return)").fill("Please answer the two queries.");
  await admin.getByRole("button", { name: "Return to the correspondent" }).click();
  await expect(admin.getByTestId("reply-status")).toHaveText("Returned");

  // The correspondent sees the queries first, answers, corrects, resubmits.
  await kz.goto("/");
  await expect(kz.getByTestId("waiting")).toContainText("2 queries to answer");
  await kz.goto(`/cepej/${CYCLE}/KZ`);
  await expect(kz.getByTestId("open-queries")).toContainText("Please confirm the population figure.");
  await kz.goto(`/cepej/${CYCLE}/KZ/1`);
  const thread = kz.getByTestId("query-001");
  await thread.getByLabel("Your answer to the query").fill("Corrected: 19 000 000 on 1 January 2025.");
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(thread).toContainText("Corrected: 19 000 000");
  await numberInput(kz, "001").fill("19000000");
  await expect(kz.getByTestId("previous-001")).toContainText("+0.6 %");
  await saved(kz);
  await kz.goto(`/cepej/${CYCLE}/KZ`);
  await kz.getByRole("button", { name: "Submit the reply" }).click();
  await expect(kz.getByTestId("reply-status")).toHaveText("Submitted");

  // Validation waits for the queries to be resolved; then the reply is locked.
  await admin.goto(`/cepej/${CYCLE}/KZ`);
  await admin.getByRole("button", { name: "Validate" }).click();
  await expect(admin.getByTestId("workflow-error")).toHaveText("2 queries are still open: resolve them before validating.");
  await admin.goto(`/cepej/${CYCLE}/KZ/1`);
  for (const q of ["001", "003"]) {
    await admin.getByTestId(`query-${q}`).getByRole("button", { name: "Resolve" }).click();
    await expect(admin.getByTestId(`query-${q}`)).toContainText("Resolved query");
  }
  await admin.goto(`/cepej/${CYCLE}/KZ`);
  await admin.getByRole("button", { name: "Validate" }).click();
  await expect(admin.getByTestId("reply-status")).toHaveText("Validated");
  await expect(admin.getByTestId("history")).toContainText("Submitted → Returned — Please answer the two queries.");
  await expect(admin.getByTestId("history")).toContainText("Submitted → Validated");

  await kz.goto(`/cepej/${CYCLE}/KZ/1`);
  await expect(kz.getByTestId("read-only-reason")).toHaveText("The reply has been validated and is locked.");
  await expect(numberInput(kz, "001")).toBeDisabled();
  const refused = await kz.request.put(`${API}/answers`, { data: { changes: [{ cell: "001", value: { num: 1, text: null, status: null }, baseVersion: 3 }] } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toBe("The reply has been validated and is locked.");
});

test("correspondents read but cannot change a reply outside its campaign", async ({ browser }) => {
  const kz = await loggedInPage(browser, "correspondent.kz@example.org");
  await kz.goto("/cepej/2020-2022/KZ/4");
  await expect(kz.getByTestId("read-only-reason")).toHaveText("The reply has been validated and is locked.");
  // Kazakhstan's published 2020 figures are there (Q091 civil litigious cases, pending 1 Jan).
  await expect(kz.locator('[data-cell="091:r1:pending_start"] input[type=text]')).toHaveValue("51\u00a0366");
  const put = await kz.request.put("/api/cycles/2020-2022/replies/KZ/answers", {
    data: { changes: [{ cell: "001", value: { num: 1, text: null, status: null }, baseVersion: 1 }] },
  });
  expect(put.status()).toBe(409);
});
