// The PostgreSQL pass of the unit tests (`npm run test:unit:pg`, part of `npm test`): the services'
// tests again, on a throw-away PostgreSQL server with the demo (testing/demo-template.pg.setup.ts),
// each file on its own copy of the demo database (testing/demo-database.ts). The engine-specific
// statements are tested on both engines in the first pass (*.engines.test.ts).
import { defineConfig } from "vitest/config";
import base from "./vitest.config";
import { postgresBin } from "./testing/postgres";

// Without PostgreSQL's server binaries (a developer's machine without the package) the pass has
// nothing to run on: it says so and passes; CI installs them (.ci/run).
const available = postgresBin() !== null;
if (!available) console.warn("test:unit:pg: PostgreSQL's server binaries are not installed (apt-get install postgresql); skipped");

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: available ? ["modules/*/server/*.test.ts", "testing/unrecorded-crime.test.ts"] : [],
    passWithNoTests: true,
    exclude: ["**/*.engines.test.ts", "**/node_modules/**"],
    globalSetup: ["testing/demo-template.pg.setup.ts"],
    env: { TEST_ENGINE: "postgres" },
  },
});
