// Runs once when the server starts: open, migrate and fill the database, and check that it takes a
// write, before the first request. A database that cannot be used (read-only, not a database,
// failing migrations, a wrong ADMIN_* setting) stops the server with one line and exit code 1:
// Next.js would otherwise log the error and go on serving 500s.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { databasePath, startFailureMessage } = await import("./db/open");
    const { openEngine, engineName } = await import("./db/init");
    const { bootstrapDatabase } = await import("./seed/bootstrap");
    const { checkDatabase } = await import("./lib/health");
    try {
      // Several instances on one PostgreSQL must sign sessions with one secret: a secret generated
      // by each would sign users out whenever the proxy sends them to another instance.
      if (engineName() === "postgres" && !process.env.AUTH_SECRET) throw new Error("AUTH_SECRET must be set when DATABASE_URL is (the same on every instance)");
      const db = await openEngine();
      await bootstrapDatabase(db);
      const health = await checkDatabase(db);
      if (!health.ok) throw new Error(health.reason);
    } catch (error) {
      console.error(startFailureMessage(engineName() === "postgres" ? "(DATABASE_URL)" : databasePath(), error));
      process.exit(1);
    }
  }
}
