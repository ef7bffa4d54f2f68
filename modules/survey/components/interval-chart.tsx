// Horizontal bars with 95 % interval whiskers (SVG, presentation attributes only: the CSP allows no
// inline styles). One bar per group; a group without interviews has no bar. The table beside it
// holds the same figures for screen readers and copying.
export type IntervalRow = { key: string; label: string; value: number | null; ci: [number, number] | null; lowBase: boolean };

export function IntervalChart({ rows, title, format }: { rows: IntervalRow[]; title: string; format: (n: number) => string }) {
  const labelW = 200,
    width = 420,
    barH = 16,
    gap = 6;
  const x = (pct: number) => labelW + (Math.max(0, Math.min(100, pct)) / 100) * width;
  const height = rows.length * (barH + gap) + 24;
  return (
    <svg role="img" aria-label={title} width={labelW + width + 60} height={height} className="interval-chart" viewBox={`0 0 ${labelW + width + 60} ${height}`}>
      <title>{title}</title>
      {[0, 25, 50, 75, 100].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={0} y2={height - 16} stroke="#d0d5dd" strokeWidth={1} />
          <text x={x(t)} y={height - 4} fontSize="10" textAnchor="middle" fill="#555">
            {format(t)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = i * (barH + gap);
        return (
          <g key={r.key} data-group={r.key}>
            <text x={labelW - 6} y={y + barH - 4} fontSize="11" textAnchor="end" fill="#222">
              {r.label}
            </text>
            {r.value !== null && (
              <>
                <rect x={labelW} y={y} width={x(r.value) - labelW} height={barH} fill={r.lowBase ? "#b0b7c3" : "#1f5fa8"}>
                  <title>{`${r.label}: ${format(r.value)} %${r.ci ? ` (${format(r.ci[0])}–${format(r.ci[1])})` : ""}`}</title>
                </rect>
                {r.ci && (
                  <g className="error-bar" stroke="#222" strokeWidth={1.5}>
                    <line x1={x(r.ci[0])} x2={x(r.ci[1])} y1={y + barH / 2} y2={y + barH / 2} />
                    <line x1={x(r.ci[0])} x2={x(r.ci[0])} y1={y + 3} y2={y + barH - 3} />
                    <line x1={x(r.ci[1])} x2={x(r.ci[1])} y1={y + 3} y2={y + barH - 3} />
                  </g>
                )}
                <text x={x(r.ci ? r.ci[1] : r.value) + 4} y={y + barH - 4} fontSize="10" fill="#222">
                  {format(r.value)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
