// Checks of the Content-Security-Policy shared by e2e/csp.spec.ts and e2e/accessibility.spec.ts
// (which opens every page of the registry once and checks it under the policy as well).
import { expect, type Page, type Response } from "@playwright/test";

export const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...v]) => [name, v]),
  );

export function nonceOf(response: Response | null | { headers(): Record<string, string> }): string {
  const csp = response?.headers()["content-security-policy"] ?? "";
  const match = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(directives(csp).get("script-src")?.join(" ") ?? "");
  expect(match, `a nonce in script-src: ${csp}`).not.toBeNull();
  return match![1];
}

/** Collects the CSP refusals and uncaught errors of a page (Chromium reports each on the console). */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

/** Every <script> of the page's HTML carries this response's nonce. */
export async function expectScriptsNonced(response: Response | null, url: string) {
  expect(response, url).not.toBeNull();
  const nonce = nonceOf(response);
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${url}: scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${url}: the nonce of its response`).toContain(` nonce="${nonce}"`);
}
