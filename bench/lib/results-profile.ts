// The app's results path in one process, split into its steps (run with --conditions=react-server
// so that the "server-only" marker imports): the SQL read of approvedInterviews alone (same query,
// rows iterated and dropped), approvedInterviews (read + interview records), keyIndicators.
// Usage: DATABASE_PATH=… node --conditions=react-server --import tsx bench/lib/results-profile.ts WAVE [reps]
import { getDb } from "@/db/client";
import { approvedInterviews } from "@/lib/survey/server/results";
import { keyIndicators } from "@/lib/survey/estimate";

const wave = Number(process.argv[2]);
const reps = Number(process.argv[3] ?? 1);
const sql = `select h.id, h.household_id, h.region, h.settlement, h.weight, a.cell, a.num, a.text
       from survey_households h join answers a on a.response_id = h.response_id
      where h.wave = ? and h.status = 'approved' order by h.id`;
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const readOnly: number[] = [], read: number[] = [], estimate: number[] = [];
let rows = 0, interviews = 0;
getDb();
for (let r = 0; r < reps; r++) {
  let t = performance.now();
  rows = 0;
  for (const _ of getDb().$client.prepare(sql).raw().iterate(wave)) rows++;
  readOnly.push(performance.now() - t);
  t = performance.now();
  const its = approvedInterviews(wave);
  read.push(performance.now() - t);
  interviews = its.length;
  t = performance.now();
  keyIndicators(its);
  estimate.push(performance.now() - t);
}
const heapMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
console.log(JSON.stringify({ rows, interviews, sqlIterateMs: Math.round(med(readOnly)), approvedInterviewsMs: Math.round(med(read)), keyIndicatorsMs: Math.round(med(estimate)), rssMiB: heapMiB }));
