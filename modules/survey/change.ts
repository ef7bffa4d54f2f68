// The change of a share from the previous wave and whether it is significant at 95 %.
// The two waves are independent samples, so the difference d = p₁ − p₀ has variance SE₁² + SE₀²
// and the change is significant when |d| ≥ 1.96 · √(SE₁² + SE₀²) (a two-sided z test). The test is
// made on the published figures (shares to one decimal, SEs to two, percentage points), so anyone
// can redo it from the tables or the API.
import type { Shares } from "./estimate";

/** The normal quantile of a two-sided 95 % test (R: qnorm(0.975)). */
const Z95 = 1.959963984540054;

/** A wave's estimate of one variable in one group: shares, their SEs and the interviews behind them. */
export type WaveEstimate = { n: number; shares: Shares; se: Shares };
export type Change = { change: Shares; significant: Record<string, boolean> };

const round1 = (x: number) => Math.round(x * 10 + (x >= 0 ? 1e-9 : -1e-9)) / 10 || 0;

/**
 * Code by code (the codes of the current wave): the change in percentage points (one decimal) and
 * whether it is significant at 95 %. Null when either wave has no interviews in the group: its
 * shares are no figures. A change with both SEs 0 (a census of one answer) is significant when it
 * is not 0.
 */
export function changeOf(previous: WaveEstimate | undefined | null, current: WaveEstimate | undefined | null): Change | null {
  if (!previous || !current || previous.n === 0 || current.n === 0) return null;
  const change: Shares = {};
  const significant: Record<string, boolean> = {};
  for (const code of Object.keys(current.shares)) {
    const d = (current.shares[code] ?? 0) - (previous.shares[code] ?? 0);
    const se = Math.sqrt((current.se[code] ?? 0) ** 2 + (previous.se[code] ?? 0) ** 2);
    change[code] = round1(d);
    significant[code] = se > 0 ? Math.abs(d) >= Z95 * se : Math.abs(d) > 1e-9;
  }
  return { change, significant };
}
