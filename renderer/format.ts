// How figures read on screen: the same rounding the CLI prints, so a clerk can compare the two.
import { addDays, addMonths, type IsoDate } from '../shared/dates/roc';

/** 0.6875 → "68.8%"; null → "—": the one rounding the CLI and the exports use too. */
export { formatPercent as pct } from '../shared/domain/rate';

/** 7.5 → "7.5 : 1"; null → "—" */
export function ratio(r: number | null | undefined): string {
  return r == null ? '—' : `${Math.round(r * 100) / 100} : 1`;
}

/** The last day of the month `d` falls in. */
export function monthEndOf(d: IsoDate): IsoDate {
  return addDays(addMonths(`${d.slice(0, 7)}-01`, 1), -1);
}


/** The message of anything thrown, for an alert. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A UTC timestamp from the back end (ISO, or SQLite's `YYYY-MM-DD HH:MM:SS` in UTC) in the clerk's local time and
 * the ROC calendar: `114/12/02 07:19`. */
export function rocDateTime(at: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2} \d/.test(at) ? `${at.replace(' ', 'T')}Z` : at);
  if (Number.isNaN(d.getTime())) return at;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear() - 1911}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
