// Consolidation of a period's accepted reports into the placed report: by region, and for the
// country (area "KZ"), each cell the sum over the reports.
export const COUNTRY_AREA = "KZ";

export type ConsolidationRow = { region: string; cell: string; total: number; reports: number };
export type ConsolidatedArea = { area: string; reports: number; figures: Record<string, number> };

/** Regions in code order, then the country. */
export function consolidate(rows: readonly ConsolidationRow[]): ConsolidatedArea[] {
  const areas = new Map<string, ConsolidatedArea>();
  const country: ConsolidatedArea = { area: COUNTRY_AREA, reports: 0, figures: {} };
  for (const r of rows) {
    let area = areas.get(r.region);
    if (!area) {
      areas.set(r.region, (area = { area: r.region, reports: r.reports, figures: {} }));
      country.reports += r.reports;
    }
    area.figures[r.cell] = (area.figures[r.cell] ?? 0) + r.total;
    country.figures[r.cell] = (country.figures[r.cell] ?? 0) + r.total;
  }
  return [...[...areas.values()].sort((a, b) => a.area.localeCompare(b.area)), country];
}
