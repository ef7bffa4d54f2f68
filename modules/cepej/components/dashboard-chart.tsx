// A dashboard chart: one group of horizontal bars per country, one bar per cycle (SVG with
// presentation attributes and classes only: the CSP allows no inline styles). A missing figure is
// written where its bar would start (NA, NAP …). The table under each chart holds the same figures.
export type ChartRow = { key: string; label: string; bars: { cycle: string; value: number | null; text: string }[] };

const FILLS = ["#b0b7c3", "#6f9fd8", "#1f5fa8", "#0b3a70"];

/** `labelledBy`: the id of the element that names the chart (the table's caption, whose CEPEJ
 *  indicator name is marked English inside the reader's language; an SVG title could not mark it). */
export function DashboardChart({ rows, cycles, labelledBy }: { rows: ChartRow[]; cycles: { slug: string; label: string }[]; labelledBy: string }) {
  const labelW = 170,
    width = 420,
    barH = 12,
    gap = 10;
  const max = Math.max(0, ...rows.flatMap((r) => r.bars.map((b) => b.value ?? 0)));
  const scale = (v: number) => (max > 0 ? (Math.max(v, 0) / max) * width : 0);
  const groupH = cycles.length * barH + gap;
  // the legend: one line per cycle (cycle names are long in some languages: side by side they overlapped)
  const height = rows.length * groupH + 10 + cycles.length * 14;
  // the last cycle is the one the page is about: the darkest fill
  const fill = (i: number) => FILLS[FILLS.length - cycles.length + i] ?? FILLS[FILLS.length - 1];
  return (
    <svg
      role="img"
      aria-labelledby={labelledBy}
      className="dashboard-chart"
      width={labelW + width + 90}
      height={height}
      viewBox={`0 0 ${labelW + width + 90} ${height}`}
    >
      {rows.map((r, ri) => {
        const y0 = ri * groupH;
        return (
          <g key={r.key} data-country={r.key}>
            <text x={labelW - 6} y={y0 + (cycles.length * barH) / 2 + 4} fontSize="11" textAnchor="end" fill="#222">
              {r.label}
            </text>
            {r.bars.map((b, bi) => {
              const y = y0 + bi * barH;
              const w = b.value === null ? 0 : scale(b.value);
              return (
                <g key={b.cycle} data-cycle={b.cycle}>
                  {b.value !== null && (
                    <rect x={labelW} y={y + 1} width={w} height={barH - 2} fill={fill(cycles.findIndex((c) => c.slug === b.cycle))}>
                      <title>{`${r.label}, ${cycles.find((c) => c.slug === b.cycle)?.label ?? b.cycle}: ${b.text}`}</title>
                    </rect>
                  )}
                  <text x={labelW + w + 4} y={y + barH - 2} fontSize="10" fill={b.value === null ? "#8a5a00" : "#222"}>
                    {b.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <g transform={`translate(${labelW}, ${rows.length * groupH + 8})`}>
        {cycles.map((c, i) => (
          <g key={c.slug} transform={`translate(0, ${i * 14})`}>
            <rect width={10} height={10} fill={fill(i)} />
            <text x={14} y={9} fontSize="10" fill="#222">
              {c.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
