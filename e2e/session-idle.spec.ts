// Sessions expire after the configured idle time (SESSION_IDLE_MINUTES), on a server of its own.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// E2E_IDLE_PORT lets runs that share a machine keep to their own ports.
const PORT = Number(process.env.E2E_IDLE_PORT ?? 3440);
const BASE = `http://127.0.0.1:${PORT}`;

test("an idle session expires and the user is sent back to the login page", async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "idle-"));
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_PATH: path.join(dir, "idle.db"),
      AUTH_SECRET: "idle-test-secret-0123456789",
      SESSION_IDLE_MINUTES: "0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_DATA: "1",
    },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 480; i++) {
      // the first start seeds the demo: up to two minutes under load
      try {
        if ((await fetch(`${BASE}/login`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    const page = await (await browser.newContext({ baseURL: BASE })).newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill("correspondent.kz@example.org");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("home-correspondent")).toBeVisible();
    await page.waitForTimeout(8_000); // idle longer than 0.1 minute
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    server.kill("SIGKILL");
  }
});
