// The caseload import template: 累計個管案量 and 在案案量 per person at a month end (issue: caseload).
import { addDays, type IsoDate } from '../dates/roc';
import { fieldsOf } from './importColumns';
import { readLines, readWho, requiredDate, whoKey, type ImportIssue, type RawRow } from './importRows';

export const CASELOAD_TEMPLATE_HEADERS = ['姓名', '身分證字號', '月底日期', '累計個管案量', '在案案量'] as const;
export const CASELOAD_FIELDS = fieldsOf('月底案量', CASELOAD_TEMPLATE_HEADERS, ['姓名', '月底日期', '累計個管案量', '在案案量']);

export interface CaseloadLine {
  row: number;
  name: string;
  nationalId: string | null;
  monthEnd: IsoDate;
  cumulative: number;
  active: number;
}

export function isMonthEnd(d: IsoDate): boolean {
  return addDays(d, 1).endsWith('-01');
}

/**
 * 在案案量 counts the cases still open at the month end, each of which is among the year's 累計個管案量: an active
 * count above the cumulative one is a typing slip (the columns swapped), said at the 在案案量 field.
 */
export function activeAboveCumulative(cumulative: number, active: number): string | null {
  return active > cumulative ? `在案案量（${active}）不可大於累計個管案量（${cumulative}）；兩欄是否填反？` : null;
}

export function parseCaseloadRows(headers: string[], rows: RawRow[]): { lines: CaseloadLine[]; issues: ImportIssue[] } {
  const duplicate = { field: '月底日期', message: (first: number) => `與第 ${first} 列為同一人同一月份` };
  return readLines(headers, rows, CASELOAD_FIELDS, duplicate, (r, clean) => {
    const who = readWho(r);
    const monthEnd = requiredDate(r, '月底日期');
    if (monthEnd && !isMonthEnd(monthEnd)) r.fail('月底日期', '應為該月最後一天（如 113/06/30）');
    const cumulative = r.count('累計個管案量');
    const active = r.count('在案案量');
    if (clean()) {
      const swapped = activeAboveCumulative(cumulative!, active!);
      if (swapped) r.fail('在案案量', swapped);
    }
    return { key: `${whoKey(who)}|${monthEnd}`, line: { row: r.row, ...who, monthEnd: monthEnd!, cumulative: cumulative!, active: active! } };
  });
}
