// A plain SVG bar chart (no chart library): labels under the bars, values above.
export function BarChart({
  data,
  title,
  format,
}: {
  data: { label: string; value: number }[];
  title: string;
  /** A value as the user's language writes it (next-intl's format.number). */
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const w = 56,
    h = 180,
    gap = 10;
  return (
    <svg role="img" aria-label={title} width={data.length * (w + gap) + gap} height={h + 50} className="bar-chart">
      <title>{title}</title>
      {data.map((d, i) => {
        const bh = (d.value / max) * h;
        const x = gap + i * (w + gap);
        return (
          <g key={d.label}>
            <rect x={x} y={h - bh + 18} width={w} height={bh} fill="#1f5fa8" />
            <text x={x + w / 2} y={h - bh + 12} textAnchor="middle" fontSize="10">
              {format(d.value)}
            </text>
            <text x={x + w / 2} y={h + 34} textAnchor="middle" fontSize="11">
              {d.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
