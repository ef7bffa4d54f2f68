// Checks the SurveyJS conversion (bench/form/convert.ts) on chapter 4: Kazakhstan's data loaded, typing into
// Q091 updates the Σ expression of the total row and raises the sum and case-flow validators; writes
// a screenshot to /tmp/bench-surveyjs-q091.png. Needs bench/.build/surveyjs.js (npm run bench:form builds it).
// Usage: node bench/form/check-surveyjs.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { benchDir, copyDb, signedInContext, root, startServer, templateDb } from "../lib/common.mjs";
const db = copyDb(templateDb());
const server = await startServer({ db: db.file, port: 3371 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const base = server.base;
  const context = await signedInContext(browser, base, "correspondent.kz@example.org", { viewport: { width: 1400, height: 1000 } });
  const api = async (p) => (await context.request.get(`${base}${p}`)).json();
  const data = {
    part: "4",
    questionnaire: await api("/api/cycles/2022-2024/questionnaire"),
    answers: (await api("/api/cycles/2022-2024/replies/KZ/answers")).answers,
    previous: {},
    previousCycle: "2020-2022",
    saveUrl: "",
    api: "",
  };
  await context.route(`${base}/__bench/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(9);
    if (name === "surveyjs.js") return route.fulfill({ body: readFileSync(path.join(benchDir, ".build", "surveyjs.js")), contentType: "text/javascript" });
    if (name === "survey.css")
      return route.fulfill({ body: readFileSync(path.join(root, "node_modules/survey-core/survey-core.min.css")), contentType: "text/css" });
    return route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html><head><link rel="stylesheet" href="/__bench/survey.css"></head><body><div id="root"></div><script>window.__BENCH__=${JSON.stringify(data).replace(/</g, "\\u003c")}</script><script type="module" src="/__bench/surveyjs.js"></script></body></html>`,
    });
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  await page.goto(`${base}/__bench/surveyjs.html?part=4`);
  await page.waitForFunction(() => document.body.dataset.formReady === "1");
  const before = await page.evaluate(() => ({
    sum: window.__survey.getQuestionByName("q091_sum_total_incoming")?.value,
    r1: window.__survey.getValue("q091")?.r1,
  }));
  const el = await page.evaluateHandle(() => window.__cellInput("091", "r1", "incoming"));
  await el.evaluate((e) => {
    e.scrollIntoView({ block: "center" });
    e.focus();
  });
  await page.keyboard.press("Control+A");
  await page.keyboard.type("5");
  const after = await page.evaluate(() => ({
    sum: window.__survey.getQuestionByName("q091_sum_total_incoming")?.value,
    errors: window.__survey
      .getQuestionByName("q091")
      .errors.map((e) => e.text)
      .slice(0, 3),
  }));
  console.log(JSON.stringify({ before, after }));
  await page.screenshot({ path: "/tmp/bench-surveyjs-q091.png" });
} finally {
  await browser.close();
  await server.stop();
  db.remove();
}
