// The sample frame of a survey wave: one row per sampled household, with its stratum (region ×
// settlement type), its design weight and its address for the interviewer. Imported as a CSV
// `household_id,region,settlement,weight,address`; all or nothing, every error listed by row.
import { TEXT_MAX } from "@/lib/text-limits";
import { readCsv, shown, unguardCell } from "./csv-read";
import { REGION_CODES, SETTLEMENT } from "./codes";

/** The sampled household an interview belongs to (from the sample frame, never typed). */
export type Household = { household_id: string; region: string; settlement: string; weight: number };
export type SampleFrameHousehold = Household & { address: string };

export type SampleFrameError = { row: number; column: string; reason: string };
export type SampleFrameResult = { ok: true; households: SampleFrameHousehold[] } | { ok: false; errors: SampleFrameError[] };

const SAMPLE_FRAME_HEADER = ["household_id", "region", "settlement", "weight", "address"] as const;

const POSITIVE_NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks the household fields of a record (sample frame or microdata): household_id present, a
 * region code of codes.ts, settlement 1 or 2, weight a positive number.
 */
export function checkHousehold(record: Record<string, string | undefined>): { household: Household | null; errors: { column: string; reason: string }[] } {
  const errors: { column: string; reason: string }[] = [];
  const household_id = unguardCell(record.household_id ?? "");
  if (household_id.trim() === "") errors.push({ column: "household_id", reason: "household_id is missing" });
  else if (household_id.length > TEXT_MAX.code) errors.push({ column: "household_id", reason: `household_id is longer than ${TEXT_MAX.code} characters` });
  const region = record.region ?? "";
  if (!REGION_CODES.includes(region)) errors.push({ column: "region", reason: `${shown(region)} is not a region code (${REGION_CODES.join(", ")})` });
  const settlement = record.settlement ?? "";
  if (!Object.hasOwn(SETTLEMENT, settlement)) {
    errors.push({
      column: "settlement",
      reason: `${shown(settlement)} is not a settlement type (${Object.entries(SETTLEMENT)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")})`,
    });
  }
  const weightText = record.weight ?? "";
  const weight = POSITIVE_NUMBER.test(weightText) ? Number(weightText) : NaN;
  if (!(Number.isFinite(weight) && weight > 0)) errors.push({ column: "weight", reason: `${shown(weightText)} is not a positive number` });
  return { household: errors.length ? null : { household_id, region, settlement, weight }, errors };
}

/**
 * Parses a sample frame CSV. The header must hold exactly the five columns (in any order). Rows
 * are numbered as lines of the file (header = 1). Nothing is accepted if any row is invalid.
 */
export function parseSampleFrame(csv: string): SampleFrameResult {
  const read = readCsv(csv);
  if (!read.ok) return { ok: false, errors: [{ row: read.error.row, column: "", reason: read.error.reason }] };
  const [head, ...rows] = read.records;
  if (!head) return { ok: false, errors: [{ row: 1, column: "", reason: `empty file: header ${SAMPLE_FRAME_HEADER.join(",")} expected` }] };

  const errors: SampleFrameError[] = [];
  const header = head.fields.map((f) => f.trim());
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (seen.has(name)) errors.push({ row: head.row, column: name, reason: `duplicate column (position ${i + 1})` });
    else if (!(SAMPLE_FRAME_HEADER as readonly string[]).includes(name))
      errors.push({ row: head.row, column: name, reason: `unknown column (position ${i + 1})` });
    seen.add(name);
  });
  for (const name of SAMPLE_FRAME_HEADER) if (!seen.has(name)) errors.push({ row: head.row, column: name, reason: "missing column" });
  if (errors.length) return { ok: false, errors };
  if (!rows.length) return { ok: false, errors: [{ row: 2, column: "", reason: "no households: the file has only a header" }] };

  const households: SampleFrameHousehold[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length !== header.length) {
      errors.push({ row: r.row, column: "", reason: `expected ${header.length} fields, found ${r.fields.length}` });
      continue;
    }
    const record = Object.fromEntries(header.map((name, i) => [name, r.fields[i]]));
    const { household, errors: rowErrors } = checkHousehold(record);
    for (const e of rowErrors) errors.push({ row: r.row, ...e });
    const address = unguardCell(record.address).trim();
    if (!address) errors.push({ row: r.row, column: "address", reason: "address is missing" });
    else if (address.length > TEXT_MAX.address) errors.push({ row: r.row, column: "address", reason: `address is longer than ${TEXT_MAX.address} characters` });

    const id = unguardCell(record.household_id);
    if (id.trim() !== "") {
      const first = firstRowOf.get(id);
      if (first !== undefined) errors.push({ row: r.row, column: "household_id", reason: `duplicate household_id ${shown(id)} (first on row ${first})` });
      else firstRowOf.set(id, r.row);
    }
    if (household && address && address.length <= TEXT_MAX.address) households.push({ ...household, address });
  }
  return errors.length ? { ok: false, errors } : { ok: true, households };
}
