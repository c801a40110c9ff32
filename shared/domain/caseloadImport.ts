// The caseload import template: 累計個管案量 and 在案案量 per person at a month end (issue: caseload).
import { addDays, type IsoDate } from '../dates/roc';
import { fieldsOf } from './importColumns';
import { checkHeaders, rowReader, type ImportIssue, type RawRow } from './importRows';
import { isValidNationalId, normalizeNationalId } from './nationalId';

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
  const issues: ImportIssue[] = checkHeaders(headers, CASELOAD_FIELDS);
  if (issues.length) return { lines: [], issues };
  const lines: CaseloadLine[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const before = issues.length;
    const name = r.text('姓名');
    if (!name) r.fail('姓名', '不可空白');
    let nationalId = r.optionalCode('身分證字號');
    if (nationalId) {
      nationalId = normalizeNationalId(nationalId);
      if (!isValidNationalId(nationalId)) r.fail('身分證字號', `「${r.shown('身分證字號')}」格式或檢查碼錯誤`);
    }
    const monthEnd = r.date('月底日期');
    if (monthEnd === null) r.fail('月底日期', '不可空白');
    else if (monthEnd && !isMonthEnd(monthEnd)) r.fail('月底日期', '應為該月最後一天（如 113/06/30）');
    const cumulative = r.count('累計個管案量');
    const active = r.count('在案案量');
    if (issues.length === before) {
      const swapped = activeAboveCumulative(cumulative!, active!);
      if (swapped) r.fail('在案案量', swapped);
    }
    if (issues.length > before) continue;
    const key = `${nationalId ?? name}|${monthEnd}`;
    if (seen.has(key)) {
      r.fail('月底日期', `與第 ${seen.get(key)} 列為同一人同一月份`);
      continue;
    }
    seen.set(key, r.row);
    lines.push({ row: r.row, name, nationalId, monthEnd: monthEnd!, cumulative: cumulative!, active: active! });
  }
  return { lines, issues };
}
