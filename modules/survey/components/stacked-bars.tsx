// Horizontal stacked bars (SVG): one bar per indicator, one segment per answer code.
const COLORS = ["#1f5fa8", "#6f9fd8", "#f0b35a", "#d9534f", "#b0b7c3", "#888"];

export function StackedBars({
  rows,
  codes,
  labels,
  title,
  format,
}: {
  rows: { label: string; shares: Record<string, number> }[];
  codes: string[];
  labels: Record<string, string>;
  title: string;
  /** A share in % as the user's language writes it (66,2 in ru). */
  format: (n: number) => string;
}) {
  const width = 520,
    barH = 22,
    labelW = 260;
  return (
    <svg role="img" aria-label={title} width={labelW + width + 10} height={rows.length * (barH + 8) + 40} className="stacked-bars">
      <title>{title}</title>
      {rows.map((r, i) => {
        let x = labelW;
        return (
          <g key={r.label} transform={`translate(0, ${i * (barH + 8)})`}>
            <text x={0} y={barH - 6} fontSize="12">
              {r.label}
            </text>
            {codes.map((c, j) => {
              const w = ((r.shares[c] ?? 0) / 100) * width;
              const seg = (
                <rect key={c} x={x} y={0} width={w} height={barH} fill={COLORS[j % COLORS.length]}>
                  <title>{`${labels[c]}: ${format(r.shares[c] ?? 0)} %`}</title>
                </rect>
              );
              const text =
                w > 28 ? (
                  <text key={`${c}t`} x={x + 3} y={barH - 6} fontSize="11" fill="#fff">
                    {format(r.shares[c])}
                  </text>
                ) : null;
              x += w;
              return [seg, text];
            })}
          </g>
        );
      })}
      <g transform={`translate(${labelW}, ${rows.length * (barH + 8) + 8})`}>
        {codes.map((c, j) => (
          <g key={c} transform={`translate(${j * 100}, 0)`}>
            <rect width={10} height={10} fill={COLORS[j % COLORS.length]} />
            <text x={14} y={10} fontSize="10">
              {labels[c]}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
