// Demo mode: DEMO_DATA=1 loads the demo accounts (one known password) and data into a new
// database and shows a banner on every page. Anything else — unset included — is production:
// reference data only. `npm start` turns it on unless DEMO_DATA is set (scripts/start.mjs).
// Read from the environment at call time (server side only), so one build serves both modes.
export function demoDataEnabled(): boolean {
  return process.env.DEMO_DATA === "1";
}
