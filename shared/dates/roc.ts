// ROC (民國) calendar: parse what clerks type, format what forms print.
// Dates are stored and sent as ISO 'YYYY-MM-DD' strings; only people see ROC.
// one module per function: the package root would load all of date-fns (~18 MB in Node) for these three
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { addMonths as fnsAddMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

export type IsoDate = string;

const ROC_OFFSET = 1911;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1–12) of year `y` — arithmetic, not a Date: every date in every API answer is checked with it. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function iso(y: number, m: number, d: number): IsoDate | null {
  if (!isValidYmd(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parse a date as a clerk writes it: ISO `2024-06-30`, ROC `113/06/30`, `113-6-30`, `113.06.30`,
 * `113年6月30日`, compact ROC `1130630`, or compact Gregorian `20240630`.
 * Returns null for anything that is not a real calendar day (e.g. 113/02/30).
 */
export function parseDate(input: string | null | undefined): IsoDate | null {
  const p = readDateParts(input);
  return p && iso(...p);
}

/** The year, month and day a clerk's text has the shape of (Gregorian year), whether or not that day exists. */
function readDateParts(input: string | null | undefined): [number, number, number] | null {
  if (input == null) return null;
  const s = String(input).trim().replace(/\s+/g, '').replace(/^民國/, '');
  if (!s) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (m) return [+m[1], +m[2], +m[3]];
  m = /^(\d{1,3})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{1,3})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (m) return [+m[1] + ROC_OFFSET, +m[2], +m[3]];
  if (/^\d{8}$/.test(s)) return [+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8)];
  m = /^(\d{2,3})(\d{2})(\d{2})$/.exec(s);
  if (m) return [+m[1] + ROC_OFFSET, +m[2], +m[3]];
  return null;
}

/**
 * Why a clerk's text is not a date, in words: 「6月沒有31日（113年6月只有30天）」 for a day the month lacks,
 * 「月份應為 1 到 12」 for a month that does not exist; otherwise the accepted forms. Null when the text is a date.
 */
export function explainBadDate(input: string): string | null {
  const p = readDateParts(input);
  if (p && iso(...p)) return null;
  if (!p) return `「${input.trim()}」不是日期，請填如 113/06/30、113年6月30日 或 1130630`;
  const [y, m, d] = p;
  if (m < 1 || m > 12) return `月份應為 1 到 12（填的是 ${m} 月）`;
  if (d < 1) return '日應從 1 日起';
  if (y < 1900 || y > 2200) return `年份不合理（民國 ${y - ROC_OFFSET} 年）`;
  return `${m}月沒有${d}日（${y - ROC_OFFSET}年${m}月只有${daysInMonth(y, m)}天）`;
}

/** A JS Date from a spreadsheet cell (Excel stores dates as UTC midnight) as an ISO date. */
export function isoFromUtcDate(d: Date): IsoDate | null {
  if (Number.isNaN(d.getTime())) return null;
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isValidYmd(+m[1], +m[2], +m[3]);
}

function parts(d: IsoDate): [number, number, number] {
  // the stored form, read by position; anything looser (2024-6-3) by splitting
  if (d.length === 10 && d[4] === '-' && d[7] === '-') return [+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)];
  const [y, m, day] = d.split('-').map(Number);
  return [y, m, day];
}

export function rocYear(d: IsoDate): number {
  return parts(d)[0] - ROC_OFFSET;
}

/** `113/06/30` */
export function formatRoc(d: IsoDate | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = parts(d);
  return `${y - ROC_OFFSET}/${String(m).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** `113年6月30日` */
export function formatRocLong(d: IsoDate | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = parts(d);
  return `${y - ROC_OFFSET}年${m}月${day}日`;
}

/** `113年3月` — the register's 任、離職時間 granularity */
export function formatRocMonth(d: IsoDate | null | undefined): string {
  if (!d) return '';
  const [y, m] = parts(d);
  return `${y - ROC_OFFSET}年${m}月`;
}

export function isoFromRocYear(rocY: number, month: number, day: number): IsoDate {
  const r = iso(rocY + ROC_OFFSET, month, day);
  if (!r) throw new RangeError(`invalid ROC date ${rocY}/${month}/${day}`);
  return r;
}

// date-fns works on local-time Dates; building them from y/m/d and reading y/m/d back keeps us timezone-free.
function toLocal(d: IsoDate): Date {
  const [y, m, day] = parts(d);
  return new Date(y, m - 1, day);
}
function fromLocal(d: Date): IsoDate {
  return iso(d.getFullYear(), d.getMonth() + 1, d.getDate())!;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromLocal(fnsAddDays(toLocal(d), n));
}

/** Adds months, clamping to the month's end (2023-08-31 + 12 months = 2024-08-31; 2024-01-31 + 1 = 2024-02-29). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  return fromLocal(fnsAddMonths(toLocal(d), n));
}

/** Days from a to b (b − a), calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toLocal(b), toLocal(a));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Today in local time, as ISO. */
export function todayIso(now: Date = new Date()): IsoDate {
  return fromLocal(now);
}

/** The last day of the month before `today`'s (the month-end whose caseloads are due). */
export function lastMonthEnd(today: IsoDate): IsoDate {
  return addDays(`${today.slice(0, 7)}-01`, -1);
}

// Month-days: the plan's yearly reference dates and due dates. One rule for the contract and the pages: a day that
// exists in every year (so 02-29 is refused as well as 02-30: the date must exist in the years it is applied to).

/** 'MM-DD' naming a day of every year. */
export function isMonthDay(md: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(md);
  return !!m && +m[1] >= 1 && +m[1] <= 12 && +m[2] >= 1 && +m[2] <= MONTH_DAYS[+m[1] - 1];
}

/** What a clerk types for a month-day — '6/30', '06-30', '6月30日', '12.31' — as 'MM-DD', or null. */
export function parseMonthDay(text: string): string | null {
  const m = /^(\d{1,2})\s*[/\-月.]\s*(\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const md = `${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return isMonthDay(md) ? md : null;
}

/** 'MM-DD' → '6/30' */
export function formatMonthDay(md: string): string {
  return md.split('-').map(Number).join('/');
}
