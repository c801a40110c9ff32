// The roster import template and the pure validation of its rows (RULES §1, §9). One row = one employment period;
// a person with a promotion has two rows. Nothing here touches the database: matching happens in the service.
import type { IsoDate } from '../dates/roc';
import { checkLeaves, checkPeriods } from './employment';
import { checkHeaders as checkTemplateHeaders, rowReader, type ImportIssue, type RawRow } from './importRows';

export type { ImportIssue, RawRow };
export { headerKey } from './importRows';
import { isValidNationalId, normalizeNationalId } from './nationalId';
import { findRole } from './roles';
import { END_REASONS, FUNDING_SOURCES, type EndReason, type Funding, type Leave, type Period, type Role } from './types';

export const ROSTER_TEMPLATE_HEADERS = [
  '姓名', '身分證字號', '員工編號', '人力來源(補助/自有)', '職稱代碼(個管/資深個管/督導/專管/自有專責)', '業務組',
  '所屬行政單位', '到職日', '離職日', '離職原因', '留職停薪起', '留職停薪迄', '學歷', '科系', '證照加給證照',
] as const;


/** A period or leave as read from the file: the stored shape plus the row it came from. */
export type ImportedPeriod = Omit<Period, 'id' | 'personId'> & { row: number };
export type ImportedLeave = Omit<Leave, 'id' | 'personId'> & { row: number };

export interface ImportedPerson {
  name: string;
  nationalId: string | null;
  employeeNo: string | null;
  education: string | null;
  department: string | null;
  certificate: string | null;
  rows: number[];
  periods: ImportedPeriod[];
  leaves: ImportedLeave[];
}

export function checkHeaders(headers: string[]): ImportIssue[] {
  return checkTemplateHeaders(headers, ROSTER_TEMPLATE_HEADERS);
}

/** Matches rows of the same person inside one file: 身分證字號, else 員工編號, else 姓名 (as the service matches the database). */
export function personKey(p: { name: string; nationalId: string | null; employeeNo: string | null }): string {
  return p.nationalId ? `id:${p.nationalId}` : p.employeeNo ? `no:${p.employeeNo}` : `name:${p.name}`;
}

export function parseRosterRows(rows: RawRow[], roles: readonly Role[]): { people: ImportedPerson[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const byKey = new Map<string, ImportedPerson>();

  for (const raw of rows) {
    const { row, text: cell, optional: opt, fail: err, date } = rowReader(raw, issues);
    const before = issues.length;

    const name = cell('姓名');
    if (!name) err('姓名', '不可空白');
    let nationalId: string | null = opt('身分證字號');
    if (nationalId) {
      nationalId = normalizeNationalId(nationalId);
      if (!isValidNationalId(nationalId)) err('身分證字號', `「${nationalId}」格式或檢查碼錯誤`);
    }
    const roleText = cell('職稱代碼');
    const role = roleText ? findRole(roles, roleText) : undefined;
    if (!roleText) err('職稱代碼', '不可空白');
    else if (!role) err('職稱代碼', `「${roleText}」不是已設定的職稱（${roles.map((r) => r.name).join('、')}）`);
    const fundingText = cell('人力來源') || (role?.kind === 'own' ? '自有' : '');
    if (!(FUNDING_SOURCES as readonly string[]).includes(fundingText)) err('人力來源', `應填「補助」或「自有」${fundingText ? `，不是「${fundingText}」` : ''}`);
    const startDate = date('到職日');
    if (startDate === null) err('到職日', '不可空白');
    const endDate = date('離職日');
    const endReasonText = cell('離職原因');
    if (endReasonText && !(END_REASONS as readonly string[]).includes(endReasonText)) err('離職原因', `應為 ${END_REASONS.join('、')} 之一`);
    if (endReasonText && !cell('離職日')) err('離職原因', '有離職原因但沒有離職日');
    const leaveStart = date('留職停薪起');
    const leaveEnd = date('留職停薪迄');
    if (leaveEnd && !cell('留職停薪起')) err('留職停薪起', '有留職停薪迄日但沒有起日');

    if (issues.length > before) continue;
    const key = personKey({ name, nationalId, employeeNo: opt('員工編號') });
    let person = byKey.get(key);
    if (!person) {
      person = { name, nationalId, employeeNo: opt('員工編號'), education: null, department: null, certificate: null, rows: [], periods: [], leaves: [] };
      byKey.set(key, person);
    } else if (person.name !== name) {
      err('姓名', `與同一身分證字號/員工編號的第 ${person.rows[0]} 列姓名「${person.name}」不同`);
      continue;
    }
    person.rows.push(row);
    person.education ??= opt('學歷');
    person.department ??= opt('科系');
    person.certificate ??= opt('證照加給證照');
    person.periods.push({
      row,
      roleCode: role!.code,
      funding: fundingText as Funding,
      businessGroup: opt('業務組'),
      adminUnit: opt('所屬行政單位'),
      title: null,
      startDate: startDate!,
      endDate: endDate ?? null,
      endReason: (endReasonText || null) as EndReason | null,
    });
    if (leaveStart) person.leaves.push({ row, startDate: leaveStart, endDate: leaveEnd ?? null, note: null });
  }

  for (const p of byKey.values()) issues.push(...timelineIssues(p.name, p.periods, p.leaves));
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { people: [...byKey.values()], issues };
}

/** RULES §1 checks on one person's periods and leaves; each problem names the row that caused it. */
export function timelineIssues(
  name: string,
  periods: { row?: number; startDate: IsoDate; endDate: IsoDate | null }[],
  leaves: { row?: number; startDate: IsoDate; endDate: IsoDate | null }[],
): ImportIssue[] {
  const at = (row?: number) => (row ? `第 ${row} 列` : '既有資料');
  return [
    ...checkPeriods(periods).map((p) => ({ row: periods[p.index].row, field: '到職日', message: `${at(periods[p.index].row)}：${name} 的${p.message}` })),
    ...checkLeaves(leaves, periods).map((p) => ({ row: leaves[p.index].row, field: '留職停薪起', message: `${at(leaves[p.index].row)}：${name} 的${p.message}` })),
  ];
}
