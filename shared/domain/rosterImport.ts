// The roster import template and the pure validation of its rows (RULES §1, §9). One row = one employment period;
// a person with a promotion has two rows. Nothing here touches the database: matching happens in the service.
import type { IsoDate } from '../dates/roc';
import { checkLeaves, checkPeriods } from './employment';
import { fieldsOf } from './importColumns';
import { checkHeaders as checkTemplateHeaders, rowReader, type ImportIssue, type RawRow } from './importRows';
import { acceptedWords, BUSINESS_GROUP_WORDS, END_REASON_WORDS, FUNDING_WORDS, lookupWord, ROLE_WORDS } from './importValues';

export type { ImportIssue, RawRow };
export { headerKey } from './importRows';
import { isValidNationalId, normalizeNationalId } from './nationalId';
import { findRole } from './roles';
import type { EndReason, Funding, Leave, Period, Role } from './types';

export const ROSTER_TEMPLATE_HEADERS = [
  '姓名', '身分證字號', '員工編號', '人力來源(補助/自有)', '職稱代碼(個管/資深個管/督導/專管/自有專責)', '業務組',
  '所屬行政單位', '到職日', '離職日', '離職原因', '留職停薪起', '留職停薪迄', '學歷', '科系', '證照加給證照', '職稱(文字)', '工作內容(其他)',
] as const;

/** The roster's fields: a file needs only these three columns; the others may be absent. */
export const ROSTER_FIELDS = fieldsOf('人員名冊', ROSTER_TEMPLATE_HEADERS, ['姓名', '職稱代碼', '到職日']);


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
  return checkTemplateHeaders(headers, ROSTER_FIELDS);
}

/** A role by the office's own role names and codes, then by the ministry's words (個管員, 個管督導, 專案管理人力…). */
export function roleOfText(roles: readonly Role[], text: string): Role | undefined {
  const found = findRole(roles, text);
  if (found) return found;
  const code = lookupWord(ROLE_WORDS, text);
  return code ? roles.find((r) => r.code === code) : undefined;
}

const roleWords = (roles: readonly Role[]) =>
  roles.map((r) => (ROLE_WORDS[r.code] ? `${r.name}（${ROLE_WORDS[r.code].filter((w) => w !== r.name).slice(0, 3).join('、')}）` : r.name)).join('、');

/** Matches rows of the same person inside one file: 身分證字號, else 員工編號, else 姓名 (as the service matches the database). */
export function personKey(p: { name: string; nationalId: string | null; employeeNo: string | null }): string {
  return p.nationalId ? `id:${p.nationalId}` : p.employeeNo ? `no:${p.employeeNo}` : `name:${p.name}`;
}

export function parseRosterRows(rows: RawRow[], roles: readonly Role[]): { people: ImportedPerson[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const byKey = new Map<string, ImportedPerson>();

  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const { row, text: cell, optional: opt, fail: err, date } = r;
    const before = issues.length;

    const name = cell('姓名');
    if (!name) err('姓名', '不可空白');
    let nationalId: string | null = r.optionalCode('身分證字號');
    if (nationalId) {
      nationalId = normalizeNationalId(nationalId);
      if (!isValidNationalId(nationalId)) err('身分證字號', `「${r.shown('身分證字號')}」格式或檢查碼錯誤`);
    }
    const fundingText = r.code('人力來源');
    const fundingWord = fundingText ? lookupWord(FUNDING_WORDS, fundingText) : undefined;
    const roleText = r.code('職稱代碼');
    let role = roleText ? roleOfText(roles, roleText) : undefined;
    let title = opt('職稱');
    // 機關自有專責人力 carry the county's own titles (科員, 約僱人員) in the 職稱 column: the role is 自有專責, the title printed
    if (roleText && !role && fundingWord === '自有') {
      role = roles.find((x) => x.kind === 'own');
      title ??= cell('職稱代碼');
    }
    if (!roleText) err('職稱代碼', '不可空白');
    else if (!role) err('職稱代碼', `「${r.shown('職稱代碼')}」不是已設定的職稱，可填：${roleWords(roles)}`);
    const funding: Funding | undefined = fundingText ? fundingWord : role?.kind === 'own' ? '自有' : undefined;
    if (!funding) err('人力來源', fundingText ? `「${r.shown('人力來源')}」不是人力來源，可填：${acceptedWords(FUNDING_WORDS)}` : '不可空白（補助 或 自有）');
    const startDate = date('到職日');
    if (startDate === null) err('到職日', '不可空白');
    const endDate = date('離職日');
    const endReasonText = r.code('離職原因');
    const endReason = endReasonText ? lookupWord(END_REASON_WORDS, endReasonText) : undefined;
    if (endReasonText && !endReason) err('離職原因', `「${r.shown('離職原因')}」不是離職原因，可填：${acceptedWords(END_REASON_WORDS)}`);
    if (endReasonText && !r.code('離職日')) err('離職原因', '有離職原因但沒有離職日');
    const leaveStart = date('留職停薪起');
    const leaveEnd = date('留職停薪迄');
    if (leaveEnd && !r.code('留職停薪起')) err('留職停薪起', '有留職停薪迄日但沒有起日');
    const groupText = opt('業務組');
    const businessGroup = groupText ? (lookupWord(BUSINESS_GROUP_WORDS, groupText) ?? groupText) : null;
    const employeeNo = r.optionalCode('員工編號');
    for (const f of ['所屬行政單位', '學歷', '科系', '證照加給證照']) opt(f); // length and character limits

    if (issues.length > before) continue;
    const key = personKey({ name, nationalId, employeeNo });
    let person = byKey.get(key);
    if (!person) {
      person = { name, nationalId, employeeNo, education: null, department: null, certificate: null, rows: [], periods: [], leaves: [] };
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
      funding: funding!,
      businessGroup,
      adminUnit: opt('所屬行政單位'),
      title,
      duties: opt('工作內容'),
      startDate: startDate!,
      endDate: endDate ?? null,
      endReason: (endReason ?? null) as EndReason | null,
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
