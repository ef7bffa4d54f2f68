// Appends to the log-journal: who did what, to which object, from where. Append-only by design:
// the app has no code path that updates or deletes audit rows.
import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";

type Actor = { id: number; role: string } | null;

/** Records an action; the client address is read from the request the call is made in. */
export function audit(entry: { action: string; object?: string; user: Actor }) {
  void requestIp().then((ip) =>
    getDb()
      .insert(auditLog)
      .values({ action: entry.action, object: entry.object ?? null, userId: entry.user?.id ?? null, role: entry.user?.role ?? null, ip })
      .run(),
  );
}

/** The client address: the connection's, or a trusted proxy's report of it (see middleware.ts). */
export async function requestIp(): Promise<string | null> {
  try {
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null;
  } catch {
    return null; // outside a request (scripts)
  }
}
