// Runs once when the server starts: create, migrate and fill the database before the first
// request, so a misconfigured database fails at start rather than on a user's click.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { initDb } = await import("./db/init");
    const { bootstrapDatabase } = await import("./seed/bootstrap");
    bootstrapDatabase(initDb());
  }
}
