// One breakdown of the results (region, settlement, sex or age group): for each key indicator a chart
// of its first code with 95 % error bars, and the table behind it with every answer code: the share,
// its interval, its change from the previous wave (marked when not significant at 95 %) and n.
import type { WithChange } from "@/modules/survey/server/results";
import { IntervalChart } from "./interval-chart";

export type BreakdownTexts = {
  indicator: (v: string) => string;
  codeLabels: (v: string) => Record<string, string>;
  chartTitle: (indicator: string, code: string) => string;
  interval: (ci: [number, number]) => string;
  lowBase: string;
  lowBaseTitle: string;
  notSignificant: string;
  notSignificantTitle: string;
  changeTitle: string;
  format: (n: number) => string;
  /** A count (n) in the reader's grouping. */
  count: (n: number) => string;
  signed: (n: number) => string;
};

export function Breakdown({
  by,
  names,
  indicators,
  data,
  hasPrevious,
  texts,
}: {
  by: string;
  names: Record<string, string>;
  indicators: readonly string[];
  /** By indicator, then group. */
  data: Record<string, Record<string, WithChange>>;
  hasPrevious: boolean;
  texts: BreakdownTexts;
}) {
  const groups = Object.keys(names);
  return (
    <>
      {indicators.map((v, vi) => {
        const labels = texts.codeLabels(v);
        const codes = Object.keys(labels);
        const first = codes[0];
        return (
          <details key={v} open={vi === 0} className="breakdown" data-indicator={v}>
            <summary>{texts.indicator(v)}</summary>
            <IntervalChart
              title={texts.chartTitle(texts.indicator(v), labels[first])}
              format={texts.format}
              rows={groups.map((g) => {
                const d = data[v][g];
                return { key: g, label: names[g], value: d?.n ? d.shares[first] : null, ci: d?.n ? (d.ci95[first] ?? null) : null, lowBase: !!d?.lowBase };
              })}
            />
            <div className="table-scroll">
              <table className="list results breakdown-table" data-by={by} data-indicator={v}>
                <thead>
                  <tr>
                    <th />
                    {codes.map((c) => (
                      <th key={c} scope="col">
                        {c} {labels[c]}
                      </th>
                    ))}
                    <th scope="col">n</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => {
                    const d = data[v][g];
                    const empty = !d || !d.n;
                    return (
                      <tr key={g} data-group={g}>
                        <th scope="row">{names[g]}</th>
                        {codes.map((c) => (
                          <td key={c} data-code={c} className={d?.lowBase ? "low-base" : ""} title={d?.lowBase ? texts.lowBaseTitle : undefined}>
                            {empty ? "—" : texts.format(d.shares[c] ?? 0)}{" "}
                            {!empty && d.ci95[c] ? <span className="ci">({texts.interval(d.ci95[c])})</span> : null}
                            {hasPrevious && !empty && d.change ? (
                              <>
                                {" "}
                                <span className={d.significant?.[c] ? "change" : "change not-significant"} title={texts.changeTitle}>
                                  {texts.signed(d.change[c] ?? 0)}
                                  {d.significant?.[c] ? null : (
                                    <abbr className="ns" title={texts.notSignificantTitle}>
                                      {" "}
                                      {texts.notSignificant}
                                    </abbr>
                                  )}
                                </span>
                              </>
                            ) : null}
                          </td>
                        ))}
                        <td className={d?.lowBase ? "low-base" : ""}>
                          {texts.count(d?.n ?? 0)}
                          {d?.lowBase ? <span className="low-base-mark"> {texts.lowBase}</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        );
      })}
    </>
  );
}
