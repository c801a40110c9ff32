// Rates and how they read: one rounding for the screen, the CLI, the exports and the home tiles.

/** count / total, or null when nobody is counted (a rate of nothing is not 0 %). */
export function rate(count: number, total: number): number | null {
  return total ? count / total : null;
}

/** 0.6875 → "68.8%", 1.0625 → "106.3%" (over-hiring reads as it is); null → "—". */
export function formatPercent(r: number | null | undefined): string {
  return r == null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}

/** count / total as formatPercent reads it; "—" when total is 0. */
export function percentText(count: number, total: number): string {
  return formatPercent(rate(count, total));
}

/** A target as people write it: 0.8 → "80%", 0.725 → "72.5%". */
export function formatTarget(t: number): string {
  return `${Math.round(t * 1000) / 10}%`;
}
