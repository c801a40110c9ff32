// The caseload import template: 累計個管案量 and 在案案量 per person at a month end (issue: caseload).
import { addDays, type IsoDate } from '../dates/roc';
import { parseTemplateRows, type ImportIssue, type RawRow } from './importRows';
import { isValidNationalId, normalizeNationalId } from './nationalId';

export const CASELOAD_TEMPLATE_HEADERS = ['姓名', '身分證字號', '月底日期', '累計個管案量', '在案案量'] as const;

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

export function parseCaseloadRows(headers: string[], rows: RawRow[]): { lines: CaseloadLine[]; issues: ImportIssue[] } {
  return parseTemplateRows(headers, rows, CASELOAD_TEMPLATE_HEADERS, (r) => {
    const name = r.text('姓名');
    if (!name) r.fail('姓名', '不可空白');
    let nationalId = r.optional('身分證字號');
    if (nationalId) {
      nationalId = normalizeNationalId(nationalId);
      if (!isValidNationalId(nationalId)) r.fail('身分證字號', `「${nationalId}」格式或檢查碼錯誤`);
    }
    const monthEnd = r.date('月底日期');
    if (monthEnd === null) r.fail('月底日期', '不可空白');
    else if (monthEnd && !isMonthEnd(monthEnd)) r.fail('月底日期', '應為該月最後一天（如 113/06/30）');
    const cumulative = r.count('累計個管案量');
    const active = r.count('在案案量');
    return {
      line: { row: r.row, name, nationalId, monthEnd: monthEnd!, cumulative: cumulative!, active: active! },
      unique: { key: `${nationalId ?? name}|${monthEnd}`, field: '月底日期', clash: (first) => `與第 ${first} 列為同一人同一月份` },
    };
  });
}
