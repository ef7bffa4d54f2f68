// The app's results path in one process, split into its steps (run with --conditions=react-server
// so that the "server-only" marker imports): reading the wave's tally rows by region (SQL sum over
// survey_tallies), keyIndicatorsFromTallies — together the results route's waveKeyIndicators —, and
// waveResults (the results page: every breakdown, each read summed in SQL, the previous wave, the top reasons). With --reference also the record-based computation the tallies
// replaced: approvedInterviews (every cell of every approved interview) + keyIndicators.
// Usage: DATABASE_PATH=… node --conditions=react-server --import tsx bench/lib/results-profile.ts WAVE [reps] [--reference]
import { getDb } from "@/db/client";
import { approvedInterviews, waveResults } from "@/modules/survey/server/results";
import { keyIndicators, keyIndicatorsFromTallies } from "@/modules/survey/estimate";
import { waveTallies, waveTalliesBy } from "@/modules/survey/server/tallies";

const wave = Number(process.argv[2]);
const reps = Number(process.argv[3] ?? 1);
const withReference = process.argv.includes("--reference");
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const read: number[] = [],
  estimate: number[] = [],
  page: number[] = [],
  reference: number[] = [];
let tallyRows = 0;
const db = getDb();

async function main() {
  for (let r = 0; r < reps; r++) {
    let t = performance.now();
    const tallies = await waveTalliesBy(db, wave, "region");
    read.push(performance.now() - t);
    tallyRows = (await waveTallies(db, wave)).length;
    t = performance.now();
    keyIndicatorsFromTallies(tallies);
    estimate.push(performance.now() - t);
    t = performance.now();
    await waveResults(db, wave, wave - 1);
    page.push(performance.now() - t);
    if (withReference) {
      t = performance.now();
      keyIndicators(await approvedInterviews(db, wave));
      reference.push(performance.now() - t);
    }
  }
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    JSON.stringify({
      tallyRows,
      readTalliesMs: r1(med(read)),
      keyIndicatorsMs: r1(med(estimate)),
      waveResultsMs: r1(med(page)),
      ...(withReference ? { referenceMs: Math.round(med(reference)) } : {}),
      rssMiB,
    }),
  );
}

void main();

function r1(x: number) {
  return Math.round(x * 10) / 10;
}
