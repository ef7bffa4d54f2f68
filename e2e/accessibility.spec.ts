// Accessibility of every page of the route registry (testing/route-registry.ts), each opened as a
// demo user it is meant for: no serious or critical axe violation, a title of its own, a skip link.
// The same visit checks the page under the Content-Security-Policy (e2e/csp-checks.ts): every
// script carries its response's nonce, nothing is refused, no uncaught error.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PRINCIPALS, REGISTRY, expected, type PrincipalName, type Probe, type RegistryEntry } from "../testing/route-registry";
import { expectScriptsNonced, watch } from "./csp-checks";
import { login } from "./helpers";

/** Who opens a page: the first principal allowed, people of the page's own audience before admins. */
const ORDER: PrincipalName[] = ["anonymous", "correspondent.kz", "correspondent.fr", "reporter", "interviewer", "supervisor", "admin"];

function visitorOf(entry: RegistryEntry, probe: Probe): PrincipalName | null {
  const order = entry.access.rule === "public" ? ORDER : ORDER.filter((p) => p !== "anonymous");
  return order.find((p) => expected(p, entry, probe) === "allow") ?? null;
}

// One address per page: a page's other probes (another country's reply, another report) are the
// same template with other data, there for the authorization matrix; the questionnaire-sized ones
// (print, quality, the whole questionnaire) take axe up to two minutes each.
const pages = REGISTRY.filter((e) => e.kind === "page").flatMap((entry) => {
  const withVisitor = entry.probes.filter((p) => !p.guessed).map((probe) => ({ entry, probe, visitor: visitorOf(entry, probe) }));
  return withVisitor.filter((p) => p.visitor).slice(0, 1);
});

const sessions = new Map<PrincipalName, Page>();
const cspProblems = new Map<Page, string[]>();
async function pageAs(browser: Browser, who: PrincipalName): Promise<Page> {
  let page = sessions.get(who);
  if (!page) {
    page = await (await browser.newContext()).newPage();
    cspProblems.set(page, watch(page));
    if (PRINCIPALS[who].email) {
      await login(page, PRINCIPALS[who].email!);
      await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 30_000 });
    }
    sessions.set(who, page);
  }
  return page;
}

/** The ids the registry's placeholders stand for, found the way a user would (lists). */
const ids: Record<string, string> = {};
async function resolve(browser: Browser, url: string): Promise<string> {
  const find = async (who: PrincipalName, list: string, re: RegExp, last = false) => {
    const page = await pageAs(browser, who);
    const html = (await (await page.request.get(list)).text()).replaceAll("<!-- -->", "");
    const all = [...html.matchAll(re)];
    if (!all.length) throw new Error(`nothing in ${list} matches ${re}`);
    return (last ? all.at(-1)! : all[0])[1];
  };
  const lookups: Record<string, () => Promise<string>> = {
    "user.kz": () => find("admin", "/admin/users", /href="\/admin\/users\/(\d+)">correspondent\.kz@example\.org</g),
    "filing.own": () => find("reporter", "/reports", /href="\/reports\/(\d+)">1-M 2025-\d\d</g),
    "filing.other": () => find("admin", "/admin/reports?from=2025-01-01&to=2025-12-31&region=ALA", /href="\/reports\/(\d+)"/g),
    "interview.supervised": () => find("admin", "/survey?wave=2025&region=AST&status=approved", /href="\/survey\/interviews\/(\d+)"/g),
    "interview.elsewhere": () => find("admin", "/survey?wave=2025&region=KAR&status=approved", /href="\/survey\/interviews\/(\d+)"/g),
    "interview.mine": () =>
      find(
        "interviewer",
        "/survey",
        /<tr[^>]*><td>2026<\/td><td><a href="\/survey\/interviews\/(\d+)">[^<]*<\/a><\/td><td>Astana city<\/td><td[^>]*>[^<]*<\/td><td>assigned<\/td><\/tr>/g,
        true,
      ),
  };
  for (const key of url.match(/\{([^}]+)\}/g) ?? []) {
    const name = key.slice(1, -1);
    ids[name] ??= await lookups[name]();
    url = url.replace(key, ids[name]);
  }
  return url;
}

test.afterAll(async () => {
  for (const page of sessions.values()) await page.context().close();
});

for (const { entry, probe, visitor } of pages) {
  test(`${probe.url} as ${visitor}: no serious or critical axe violation, its own title, a skip link`, async ({ browser }) => {
    test.skip(!visitor, "no demo user may open it");
    test.setTimeout(240_000); // axe walks the whole DOM: the print view holds every cell of the questionnaire
    const page = await pageAs(browser, visitor!);
    const url = await resolve(browser, probe.url);
    const problems = cspProblems.get(page)!;
    problems.length = 0;
    const response = await page.goto(url);
    expect(response?.status(), `${url} (${entry.file})`).toBeLessThan(400);
    await expectScriptsNonced(response, url);
    await page.waitForLoadState("networkidle");
    // A questionnaire's controls are disabled until its form is hydrated (reply-form.tsx), which on a
    // loaded machine can come after the network is idle: axe would then see grids that scroll
    // without a control to reach them. The page is judged as it is once usable.
    if (await page.getByTestId("form-controls").count()) await page.locator("body[data-form-ready]").waitFor({ state: "attached", timeout: 60_000 });

    // Violations only: axe then details one node per passing rule instead of every node, which is
    // most of its time on the pages that hold the whole questionnaire.
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .options({ resultTypes: ["violations"] })
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} × ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ")}`,
      );
    expect(serious, url).toEqual([]);

    const title = await page.title();
    expect(title, url).toMatch(/ — /);
    expect(title, url).not.toMatch(/^Justice Statistics/);
    await expect(page.locator("a.skip-link")).toHaveAttribute("href", "#main");
    expect(problems, `${url}: under the Content-Security-Policy`).toEqual([]);
  });
}

test("the skip link is the first stop of the keyboard, visible when focused, and leads to the content", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/open-data");
  await page.keyboard.press("Tab");
  const skip = page.locator("a.skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.context().close();
});
