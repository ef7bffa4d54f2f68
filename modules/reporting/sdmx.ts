// SDMX-CSV (version 1.0) of the registered-crimes dataset: one observation per line, the dataflow
// named in the first column, the observation status "P" (provisional) or "A" (normal) from SDMX's
// code list CL_OBS_STATUS, so statistical software (the SDMX readers of R, Python, .Stat) loads it.
import { csvLine } from "@/lib/csv/csv";

export const SDMX_CSV_TYPE = "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8";
export const CRIMES_DATAFLOW = "KZ_LSSRPGO:DF_REGISTERED_CRIMES(1.0)";

export type SdmxCrimeRow = { region: string; period: string; registered: number; provisional: boolean };

/** Yearly figures (FREQ A) or monthly ones (FREQ M: periods 2025-03). Without the byte-order mark
 *  of the other CSVs (for Excel): SDMX readers would take it as part of the first column's name. */
export function crimesSdmxCsv(rows: SdmxCrimeRow[], freq: "A" | "M"): string {
  const header = ["DATAFLOW", "FREQ", "REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "UNIT_MEASURE"];
  const lines = rows.map((r) => [CRIMES_DATAFLOW, freq, r.region, "CRIMES_REGISTERED", r.period, r.registered, r.provisional ? "P" : "A", "NUMBER"]);
  return csvLine(header) + lines.map(csvLine).join("");
}
