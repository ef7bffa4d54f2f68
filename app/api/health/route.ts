// GET /api/health — for the reverse proxy, the load balancer and monitoring: 200 {"status":"ok",
// "database":"ok"} when the database answers and can be written, else 503 with the reason. Public
// (no login: probes have no session), and it reveals nothing but that state. Never cached.
import { route } from "@/lib/http/route";
import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = route(async ({ db }) => {
  const database = await checkDatabase(db);
  return database.ok
    ? Response.json({ status: "ok", database: "ok" }, { headers: NO_STORE })
    : Response.json({ status: "error", database: database.reason }, { status: 503, headers: NO_STORE });
});
