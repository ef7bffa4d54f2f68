import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "testing/server-only-stub.ts") } },
  test: {
    include: ["{lib,db,app,modules,seed,testing,bench}/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    globalSetup: ["testing/demo-template.setup.ts"],
    setupFiles: ["testing/yield-between-tests.ts"],
  },
});
