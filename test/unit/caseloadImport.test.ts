// The caseload template's rows (pure, no database): a month end only, 在案 never above 累計, one row per person and
// month — each refusal row-numbered at its column, as the other one-line-per-row templates say it.
import { describe, expect, it } from 'vitest';
import { CASELOAD_TEMPLATE_HEADERS, parseCaseloadRows } from '../../shared/domain/caseloadImport';
import type { RawRow } from '../../shared/domain/importRows';

const rows = (list: Record<string, string>[]): RawRow[] => list.map((cells, i) => ({ row: i + 2, cells }));
const r = (o: Record<string, string>) => ({ 姓名: '王小明', 身分證字號: '', 月底日期: '113/06/30', 累計個管案量: '40', 在案案量: '25', ...o });
const parse = (list: Record<string, string>[]) => parseCaseloadRows([...CASELOAD_TEMPLATE_HEADERS], rows(list));

describe('caseload import', () => {
  it('reads month-end counts; the same name in another month, or another person that month, is a new line', () => {
    const { lines, issues } = parse([r({}), r({ 月底日期: '113/07/31', 在案案量: '30' }), r({ 姓名: '李小華' })]);
    expect(issues).toEqual([]);
    expect(lines).toEqual([
      { row: 2, name: '王小明', nationalId: null, monthEnd: '2024-06-30', cumulative: 40, active: 25 },
      { row: 3, name: '王小明', nationalId: null, monthEnd: '2024-07-31', cumulative: 40, active: 30 },
      { row: 4, name: '李小華', nationalId: null, monthEnd: '2024-06-30', cumulative: 40, active: 25 },
    ]);
  });

  it('refuses a day that is not a month end, 在案 above 累計 (only when both read), a repeated person-month and a blank name', () => {
    const { lines, issues } = parse([r({}), r({ 月底日期: '113/06/15' }), r({ 在案案量: '41' }), r({ 在案案量: '41', 累計個管案量: 'x' }), r({}), r({ 姓名: '' })]);
    expect(lines.map((l) => l.row)).toEqual([2]);
    expect(issues.map((i) => i.message)).toEqual([
      '第 3 列「月底日期」：應為該月最後一天（如 113/06/30）',
      '第 4 列「在案案量」：在案案量（41）不可大於累計個管案量（40）；兩欄是否填反？',
      '第 5 列「累計個管案量」：「x」不是 0 以上的整數',
      '第 6 列「月底日期」：與第 2 列為同一人同一月份',
      '第 7 列「姓名」：不可空白',
    ]);
  });

  it('a file without a required column is refused before any row', () => {
    const { lines, issues } = parseCaseloadRows(['姓名', '月底日期', '累計個管案量'], rows([r({})]));
    expect(lines).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('在案案量');
  });
});
