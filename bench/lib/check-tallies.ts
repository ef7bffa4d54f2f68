// Checks a database's survey tallies: the stored rows of a wave against a fresh SQL rebuild (in a
// transaction rolled back: the file is not changed) and, with --reference, the results route's
// key indicators from the tallies against the record-based computation (approvedInterviews +
// keyIndicators; minutes and GBs for 1 000 000 interviews).
// Usage: DATABASE_PATH=… node --conditions=react-server --max-old-space-size=8192 --import tsx bench/lib/check-tallies.ts WAVE [--reference]
import { isDeepStrictEqual } from "node:util";
import { getDb } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { approvedInterviews, waveKeyIndicators } from "@/modules/survey/server/results";
import { keyIndicators } from "@/modules/survey/estimate";
import { rebuildTallies, waveTallies, type Tally } from "@/modules/survey/server/tallies";

const wave = Number(process.argv[2]);
const db = getDb();
const key = (t: Tally) => [t.variable, t.code, t.region, t.settlement, t.sex, t.ageGroup].join("|");

async function main() {
  const stored = new Map((await waveTallies(db, wave)).map((t) => [key(t), t]));
  let rebuilt: Map<string, Tally> = new Map();
  const t0 = performance.now();
  try {
    await inTransaction(db, async (tx) => {
      await rebuildTallies(tx, wave);
      rebuilt = new Map((await waveTallies(tx, wave)).map((t) => [key(t), t]));
      throw new Error("rollback");
    });
  } catch (e) {
    if ((e as Error).message !== "rollback") throw e;
  }
  const rebuildMs = Math.round(performance.now() - t0);
  const differ = [...new Set([...stored.keys(), ...rebuilt.keys()])].filter((k) => {
    const a = stored.get(k),
      b = rebuilt.get(k);
    return !a || !b || a.n !== b.n || Math.abs(a.weight - b.weight) > 1e-9 * Math.max(1, Math.abs(b.weight));
  });
  const out: Record<string, unknown> = { wave, rows: stored.size, rebuiltRows: rebuilt.size, differ: differ.length, sample: differ.slice(0, 3), rebuildMs };
  if (process.argv.includes("--reference")) {
    const interviews = await approvedInterviews(db, wave);
    const reference = { interviews: interviews.filter((i) => i.result === "1").length, ...keyIndicators(interviews) };
    out.routeEqualsReference = isDeepStrictEqual(JSON.parse(JSON.stringify(await waveKeyIndicators(db, wave))), JSON.parse(JSON.stringify(reference)));
  }
  console.log(JSON.stringify(out));
  if (differ.length || out.routeEqualsReference === false) process.exitCode = 1;
}

void main();
