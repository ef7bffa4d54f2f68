// Survey estimates beside registered counts, one group of bars per region: households victimised
// and households that reported (bars with their 95 % interval as a whisker), offences registered.
// Plain SVG: colours come from classes (the CSP allows no inline style); the table under the chart
// carries the same figures for screen readers and copying.
export type ChartRow = {
  label: string;
  victimised: { estimate: number; ci95: [number, number] };
  reported: { estimate: number; ci95: [number, number] };
  registered: number | null;
};

export function ComparisonChart({
  rows,
  title,
  legend,
  format,
  testId,
}: {
  rows: ChartRow[];
  title: string;
  legend: { victimised: string; reported: string; registered: string };
  format: (n: number) => string;
  testId?: string;
}) {
  const labelW = 170;
  const plotW = 520;
  const bar = 7;
  const groupH = 3 * bar + 10;
  const top = 34;
  const height = top + rows.length * groupH + 10;
  const max = Math.max(1, ...rows.flatMap((r) => [r.victimised.ci95[1], r.reported.ci95[1], r.registered ?? 0]));
  const x = (v: number) => labelW + (Math.min(v, max) / max) * plotW;
  const series = [
    { key: "victimised", cls: "uc-victimised", label: legend.victimised },
    { key: "reported", cls: "uc-reported", label: legend.reported },
    { key: "registered", cls: "uc-registered", label: legend.registered },
  ] as const;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${labelW + plotW + 90} ${height}`} className="uc-chart" data-testid={testId}>
      <title>{title}</title>
      {series.map((s, i) => (
        <g key={s.key}>
          <rect x={labelW + i * 190} y={8} width={12} height={12} className={s.cls} />
          <text x={labelW + i * 190 + 16} y={18} fontSize="11">
            {s.label}
          </text>
        </g>
      ))}
      {rows.map((r, gi) => {
        const y0 = top + gi * groupH;
        return (
          <g key={r.label}>
            <text x={labelW - 6} y={y0 + 1.5 * bar + 4} textAnchor="end" fontSize="11">
              {r.label}
            </text>
            {series.map((s, i) => {
              const y = y0 + i * bar;
              if (s.key === "registered") {
                if (r.registered === null) return null;
                return (
                  <g key={s.key}>
                    <rect x={labelW} y={y} width={x(r.registered) - labelW} height={bar - 1} className={s.cls} />
                    <text x={x(r.registered) + 4} y={y + bar - 1} fontSize="9">
                      {format(r.registered)}
                    </text>
                  </g>
                );
              }
              const e = r[s.key];
              return (
                <g key={s.key}>
                  <rect x={labelW} y={y} width={x(e.estimate) - labelW} height={bar - 1} className={s.cls} />
                  <line x1={x(e.ci95[0])} x2={x(e.ci95[1])} y1={y + bar / 2} y2={y + bar / 2} className="uc-whisker" />
                </g>
              );
            })}
          </g>
        );
      })}
      <line x1={labelW} x2={labelW} y1={top - 4} y2={height - 6} className="uc-axis" />
    </svg>
  );
}
