// The roster template's pure validation (RULES §1, §9): one row = one employment period; errors name the row and field.
import { describe, it, expect } from 'vitest';
import {
  checkHeaders,
  headerKey,
  parseRosterRows,
  personKey,
  ROSTER_TEMPLATE_HEADERS,
  type RawRow,
} from '../../shared/domain/rosterImport';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import type { Role } from '../../shared/domain/types';

type Fields = Partial<Record<'姓名' | '身分證字號' | '員工編號' | '人力來源' | '職稱代碼' | '業務組' | '所屬行政單位' | '到職日' | '離職日' | '離職原因' | '留職停薪起' | '留職停薪迄' | '學歷' | '科系' | '證照加給證照', string>>;

/** A data row as readTable produces it; `row` is the spreadsheet row (header = 1). */
function raw(row: number, f: Fields): RawRow {
  const cells: Record<string, string> = {};
  for (const h of ROSTER_TEMPLATE_HEADERS) cells[headerKey(h)] = '';
  Object.assign(cells, { 人力來源: '補助', 業務組: '綜合規劃組', 所屬行政單位: '衛生局' }, f);
  return { row, cells };
}
const roles: readonly Role[] = BUILTIN_ROLES;

describe('headers', () => {
  it('the template headers pass, in any order', () => {
    expect(checkHeaders([...ROSTER_TEMPLATE_HEADERS])).toEqual([]);
    expect(checkHeaders([...ROSTER_TEMPLATE_HEADERS].reverse())).toEqual([]);
  });
  it('short headers (text before the parenthesis) and full-width parentheses match', () => {
    expect(checkHeaders(ROSTER_TEMPLATE_HEADERS.map(headerKey))).toEqual([]);
    expect(headerKey('人力來源（補助/自有）')).toBe('人力來源');
    expect(headerKey(' 到 職 日 ')).toBe('到職日');
  });
  it('a missing column is named on row 1', () => {
    const issues = checkHeaders(ROSTER_TEMPLATE_HEADERS.filter((h) => h !== '到職日'));
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(1);
    expect(issues[0].message).toBe('標題列缺少欄位：到職日。請下載範本，依範本欄位填寫。');
  });
  it('optional columns may be absent; two missing required columns are both named', () => {
    expect(checkHeaders(['姓名', '職稱代碼', '到職日'])).toEqual([]);
    const issues = checkHeaders(ROSTER_TEMPLATE_HEADERS.filter((h) => !h.startsWith('姓名') && !h.startsWith('職稱代碼')));
    expect(issues[0].message).toContain('姓名、職稱代碼');
  });
  it('a completely foreign header row names the required columns only', () => {
    const issues = checkHeaders(['name', 'id', 'start']);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('標題列缺少欄位：姓名、職稱代碼、到職日。請下載範本，依範本欄位填寫。');
  });
});

describe('parseRosterRows: valid rows', () => {
  it('a person with a promotion on two rows is one person with two periods', () => {
    const { people, issues } = parseRosterRows(
      [
        raw(2, { 姓名: '範例三', 身分證字號: 'C130000039', 職稱代碼: '個管', 到職日: '109/02/01', 離職日: '112/01/31', 離職原因: '職務異動', 學歷: '大學' }),
        raw(3, { 姓名: '範例三', 身分證字號: 'C130000039', 職稱代碼: '督導', 到職日: '2023-02-01' }),
      ],
      roles,
    );
    expect(issues).toEqual([]);
    expect(people).toHaveLength(1);
    const p = people[0];
    expect(p.name).toBe('範例三');
    expect(p.nationalId).toBe('C130000039');
    expect(p.education).toBe('大學');
    expect(p.rows).toEqual([2, 3]);
    expect(p.periods.map((x) => [x.roleCode, x.startDate, x.endDate, x.endReason])).toEqual([
      ['CM', '2020-02-01', '2023-01-31', '職務異動'],
      ['SUP', '2023-02-01', null, null],
    ]);
  });

  it('compact dates 1130115 and leave dates are parsed', () => {
    const { people, issues } = parseRosterRows(
      [raw(2, { 姓名: '甲', 職稱代碼: 'CM', 到職日: '1130115', 留職停薪起: '1130601', 留職停薪迄: '113年8月31日' })],
      roles,
    );
    expect(issues).toEqual([]);
    expect(people[0].periods[0].startDate).toBe('2024-01-15');
    expect(people[0].leaves).toEqual([{ row: 2, startDate: '2024-06-01', endDate: '2024-08-31', note: null }]);
  });

  it('role codes, names and aliases are all accepted; 自有專責 defaults funding to 自有', () => {
    const { people, issues } = parseRosterRows(
      [
        raw(2, { 姓名: 'a', 職稱代碼: 'SCM', 到職日: '113/01/01' }),
        raw(3, { 姓名: 'b', 職稱代碼: '一般個管', 到職日: '113/01/01' }),
        raw(4, { 姓名: 'c', 職稱代碼: '專管', 到職日: '113/01/01' }),
        raw(5, { 姓名: 'd', 職稱代碼: '自有專責', 人力來源: '', 到職日: '113/01/01' }),
      ],
      roles,
    );
    expect(issues).toEqual([]);
    expect(people.map((p) => [p.name, p.periods[0].roleCode, p.periods[0].funding])).toEqual([
      ['a', 'SCM', '補助'],
      ['b', 'CM', '補助'],
      ['c', 'PM', '補助'],
      ['d', 'OWN', '自有'],
    ]);
  });

  it('a custom role (added in 職稱設定) is accepted by name', () => {
    const withCustom: Role[] = [...roles, { code: 'MHSW', name: '心衛社工', kind: 'other', builtin: false, sort: 60 }];
    const { people, issues } = parseRosterRows([raw(2, { 姓名: 'x', 職稱代碼: '心衛社工', 到職日: '113/01/01' })], withCustom);
    expect(issues).toEqual([]);
    expect(people[0].periods[0].roleCode).toBe('MHSW');
  });

  it('a lower-case ID is normalised and groups with the upper-case row', () => {
    const { people, issues } = parseRosterRows(
      [
        raw(2, { 姓名: '乙', 身分證字號: 'a123456789', 職稱代碼: '個管', 到職日: '110/01/01', 離職日: '112/12/31', 離職原因: '職務異動' }),
        raw(3, { 姓名: '乙', 身分證字號: 'A123456789', 職稱代碼: '資深個管', 到職日: '113/01/01' }),
      ],
      roles,
    );
    expect(issues).toEqual([]);
    expect(people).toHaveLength(1);
    expect(people[0].nationalId).toBe('A123456789');
  });

  it('personKey: ID, else employee number, else name', () => {
    expect(personKey({ name: 'a', nationalId: 'A123456789', employeeNo: 'E1' })).toBe('id:A123456789');
    expect(personKey({ name: 'a', nationalId: null, employeeNo: 'E1' })).toBe('no:E1');
    expect(personKey({ name: 'a', nationalId: null, employeeNo: null })).toBe('name:a');
  });
});

describe('parseRosterRows: errors name the row (第 N 列) and the field', () => {
  it('a wrong role', () => {
    const { people, issues } = parseRosterRows([raw(2, { 姓名: '甲', 職稱代碼: '主任', 到職日: '113/01/01' })], roles);
    expect(people).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, field: '職稱代碼' });
    expect(issues[0].message).toContain('第 2 列');
    expect(issues[0].message).toContain('「職稱代碼」');
    expect(issues[0].message).toContain('「主任」不是已設定的職稱');
  });

  it('a blank role', () => {
    const { issues } = parseRosterRows([raw(4, { 姓名: '甲', 職稱代碼: '', 到職日: '113/01/01' })], roles);
    expect(issues).toEqual([{ row: 4, field: '職稱代碼', message: '第 4 列「職稱代碼」：不可空白' }]);
  });

  it('a bad ID checksum', () => {
    const { issues } = parseRosterRows([raw(3, { 姓名: '甲', 身分證字號: 'A130000018', 職稱代碼: '個管', 到職日: '113/01/01' })], roles);
    expect(issues).toEqual([{ row: 3, field: '身分證字號', message: '第 3 列「身分證字號」：「A130000018」格式或檢查碼錯誤' }]);
  });

  it('an impossible date 113/02/30', () => {
    const { people, issues } = parseRosterRows([raw(5, { 姓名: '甲', 職稱代碼: '個管', 到職日: '113/02/30' })], roles);
    expect(people).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(5);
    expect(issues[0].field).toBe('到職日');
    expect(issues[0].message).toContain('第 5 列');
    expect(issues[0].message).toContain('到職日');
    expect(issues[0].message).toContain('113/02/30');
  });

  it('an impossible end date and leave date name their own fields', () => {
    const { issues } = parseRosterRows(
      [
        raw(2, { 姓名: '甲', 職稱代碼: '個管', 到職日: '113/01/01', 離職日: '113/13/01', 離職原因: '離職' }),
        raw(3, { 姓名: '乙', 職稱代碼: '個管', 到職日: '113/01/01', 留職停薪起: '2023-02-29' }),
      ],
      roles,
    );
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [2, '離職日'],
      [3, '留職停薪起'],
    ]);
    expect(issues[0].message).toMatch(/^第 2 列「離職日」/);
    expect(issues[1].message).toMatch(/^第 3 列「留職停薪起」/);
  });

  it('a missing start date, a missing name, bad funding and an unknown end reason', () => {
    const { issues } = parseRosterRows(
      [
        raw(2, { 姓名: '甲', 職稱代碼: '個管', 到職日: '' }),
        raw(3, { 姓名: '', 職稱代碼: '個管', 到職日: '113/01/01' }),
        raw(4, { 姓名: '丙', 職稱代碼: '個管', 人力來源: '外包', 到職日: '113/01/01' }),
        raw(5, { 姓名: '丁', 職稱代碼: '個管', 到職日: '113/01/01', 離職日: '113/05/01', 離職原因: '開除' }),
        raw(6, { 姓名: '戊', 職稱代碼: '個管', 到職日: '113/01/01', 離職原因: '離職' }),
      ],
      roles,
    );
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [2, '到職日'],
      [3, '姓名'],
      [4, '人力來源'],
      [5, '離職原因'],
      [6, '離職原因'],
    ]);
    expect(issues[2].message).toContain('「外包」');
    expect(issues[4].message).toContain('沒有離職日');
  });

  it('overlapping periods in the file are reported with the later row', () => {
    const { issues } = parseRosterRows(
      [
        raw(2, { 姓名: '範例三', 身分證字號: 'C130000039', 職稱代碼: '個管', 到職日: '109/02/01' }),
        raw(3, { 姓名: '範例三', 身分證字號: 'C130000039', 職稱代碼: '督導', 到職日: '112/02/01' }),
      ],
      roles,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(3);
    expect(issues[0].message).toMatch(/^第 3 列：範例三 的任職期間 112\/02\/01–迄今 與 109\/02\/01–迄今 重疊/);
    expect(issues[0].message).toContain('升遷請在前一段填上新職前一日');
  });

  it('rows given out of date order still report the row of the later period', () => {
    const { issues } = parseRosterRows(
      [
        raw(2, { 姓名: '甲', 員工編號: 'E7', 職稱代碼: '督導', 到職日: '112/02/01' }),
        raw(3, { 姓名: '甲', 員工編號: 'E7', 職稱代碼: '個管', 到職日: '109/02/01', 離職日: '112/02/01', 離職原因: '職務異動' }),
      ],
      roles,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(2);
  });

  it('a leave outside employment is reported on its row', () => {
    const { issues } = parseRosterRows(
      [raw(7, { 姓名: '甲', 職稱代碼: '個管', 到職日: '113/01/01', 離職日: '113/06/30', 離職原因: '離職', 留職停薪起: '113/06/01', 留職停薪迄: '113/07/31' })],
      roles,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(7);
    expect(issues[0].message).toContain('第 7 列');
    expect(issues[0].message).toContain('不在任何任職期間內');
  });

  it('the same ID with two different names is an error on the second row', () => {
    const { issues } = parseRosterRows(
      [
        raw(2, { 姓名: '甲', 身分證字號: 'A123456789', 職稱代碼: '個管', 到職日: '110/01/01', 離職日: '112/12/31', 離職原因: '職務異動' }),
        raw(3, { 姓名: '乙', 身分證字號: 'A123456789', 職稱代碼: '督導', 到職日: '113/01/01' }),
      ],
      roles,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 3, field: '姓名' });
    expect(issues[0].message).toContain('第 2 列姓名「甲」');
  });

  it('issues come back sorted by row, and good rows still parse', () => {
    const { people, issues } = parseRosterRows(
      [
        raw(2, { 姓名: '好', 職稱代碼: '個管', 到職日: '113/01/01' }),
        raw(3, { 姓名: '壞一', 職稱代碼: '個管', 到職日: '113/02/30' }),
        raw(4, { 姓名: '壞二', 身分證字號: 'Z999999999', 職稱代碼: '個管', 到職日: '113/01/01' }),
      ],
      roles,
    );
    expect(issues.map((i) => i.row)).toEqual([3, 4]);
    expect(people.map((p) => p.name)).toEqual(['好']);
  });
});
