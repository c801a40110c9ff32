// The four import templates of the training area: row parsing with row-numbered Chinese errors (pure, no database).
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../shared/domain/importRows';
import { ATTENDANCE_TEMPLATE_HEADERS, CASE_REPORT_TEMPLATE_HEADERS, parseAttendanceRows, parseCaseReportRows } from '../../shared/domain/trainingImport';
import { DEFAULT_TRAINING_PARAMS } from '../../shared/domain/trainingParams';
import { parseVolunteerHourRows, parseVolunteerRows, VOLUNTEER_HOURS_TEMPLATE_HEADERS, VOLUNTEER_TEMPLATE_HEADERS } from '../../shared/domain/volunteerImport';

const rows = (list: Record<string, string>[]): RawRow[] => list.map((cells, i) => ({ row: i + 2, cells }));
const params = () => DEFAULT_TRAINING_PARAMS;
const line = (o: Partial<Record<string, string>>) => ({
  姓名: '王小明', 身分證字號: '', 課程名稱: '113年 Level 1', 訓練層級: 'L1', 課程主題: '', 日期: '113/03/01', 時數: '28', 訓練機關: '衛生福利部', 核定文號: '',
  ...o,
}) as Record<string, string>;
const attendance = (list: Partial<Record<string, string>>[]) => parseAttendanceRows([...ATTENDANCE_TEMPLATE_HEADERS], rows(list.map(line)), params);

describe('attendance import', () => {
  it('rows with the same 課程名稱 + 日期 + 訓練機關 are one course; hours may have halves', () => {
    const { courses, issues } = attendance([{}, { 姓名: '李小華', 時數: '27.5' }, { 訓練機關: '衛生局' }]);
    expect(issues).toEqual([]);
    expect(courses).toHaveLength(2);
    expect(courses[0]).toMatchObject({ heldOn: '2024-03-01', level: 'L1', hours: 28, rows: [2, 3] });
    expect(courses[0].attendees.map((a) => [a.name, a.hours])).toEqual([['王小明', 28], ['李小華', 27.5]]);
  });

  it('L2 rows must name one of the 12 topics (matched without the seed’s notes); L3 rows must carry 核定文號', () => {
    const { courses, issues } = attendance([
      { 訓練層級: 'L2', 課程主題: '藥癮個案輔導技巧(含實務演練及分組討論)', 時數: '6' },
      { 課程名稱: 'x', 訓練層級: 'Level 2', 課程主題: '團體工作', 時數: '2' },
      { 課程名稱: 'y', 訓練層級: 'L3', 時數: '3' },
    ]);
    expect(courses[0].topic).toBe('藥癮個案輔導技巧');
    expect(issues.map((i) => [i.row, i.field])).toEqual([[3, '課程主題'], [4, '核定文號']]);
    expect(issues[0].message).toMatch(/^第 3 列「課程主題」：Level 2 課程須填其主題之一：毒品防制政策/);
  });

  it('rejects bad levels, hours not in halves, unreal dates, a person twice in one course, and disagreeing course rows', () => {
    const { issues } = attendance([
      { 訓練層級: 'L4' },
      { 時數: '1.25' },
      { 日期: '113/02/30' },
      { 身分證字號: 'A123456788' },
      {},
      {},
      { 姓名: '李小華', 訓練層級: '其他' },
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      '第 2 列「訓練層級」：「L4」不是 L1、L2、L3、督導L1、督導L2、督導L3 或 其他',
      '第 3 列「時數」：「1.25」不是有效時數（以 0.5 小時為單位，如 1.5）',
      '第 4 列「日期」：「113/02/30」不是有效日期（可寫 113/01/15、113年1月15日、1130115 或 2024-01-15）',
      '第 5 列「身分證字號」：「A123456788」格式或檢查碼錯誤',
      '第 7 列「姓名」：與第 6 列為同一人同一課程',
      '第 8 列「訓練層級」：與第 6 列為同一課程，訓練層級應相同',
    ]);
  });

  it('a file without the template’s headers is one error on row 1', () => {
    const { issues } = parseAttendanceRows(['姓名', '日期'], [], params);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 1 });
    expect(issues[0].message).toContain('課程名稱');
  });
});

describe('case report import', () => {
  it('needs date, title and the external supervision meeting; duplicates are flagged', () => {
    const base = { 姓名: '王小明', 身分證字號: '', 日期: '113/05/01', 題目: '案例一', 外部督導會議: '113年第2次外部督導會議' };
    const { lines, issues } = parseCaseReportRows([...CASE_REPORT_TEMPLATE_HEADERS], rows([base, { ...base, 外部督導會議: '' }, base]));
    expect(lines).toEqual([{ row: 2, name: '王小明', nationalId: null, presentedOn: '2024-05-01', title: '案例一', meeting: '113年第2次外部督導會議' }]);
    expect(issues.map((i) => i.message)).toEqual(['第 3 列「外部督導會議」：不可空白（個案報告須提報至外部督導會議）', '第 4 列「題目」：與第 2 列重複']);
  });
});

describe('volunteer imports', () => {
  it('one row per service period, grouped by volunteer; 服務迄 blank = still serving', () => {
    const r = (o: Record<string, string>) => ({ 姓名: '柯美玲', 身分證字號: '', 服務起: '112/01/01', 服務迄: '', 志工角色: '陪伴型志工', 基礎訓練完成日: '', 特殊訓練完成日: '', ...o });
    const { volunteers, issues } = parseVolunteerRows([...VOLUNTEER_TEMPLATE_HEADERS], rows([r({ 服務迄: '112/06/30' }), r({ 服務起: '113/01/01', 基礎訓練完成日: '111/12/01' }), r({ 姓名: '宋家齊', 服務迄: '111/01/01' }), r({ 志工角色: '' })]));
    expect(volunteers).toHaveLength(1);
    expect(volunteers[0]).toMatchObject({ basicTrainingOn: '2022-12-01', periods: [{ startDate: '2023-01-01', endDate: '2023-06-30' }, { startDate: '2024-01-01', endDate: null }] });
    expect(issues.map((i) => [i.row, i.field])).toEqual([[4, '服務迄'], [5, '志工角色']]);
  });

  it('hours: 類別 is 繼續教育 or 服務, hours in halves, one row per volunteer, day and kind', () => {
    const r = (o: Record<string, string>) => ({ 姓名: '柯美玲', 身分證字號: '', 日期: '113/03/15', 類別: '繼續教育', 時數: '1.5', 說明: '', ...o });
    const { lines, issues } = parseVolunteerHourRows([...VOLUNTEER_HOURS_TEMPLATE_HEADERS], rows([r({}), r({ 類別: '訓練' }), r({ 時數: '0' }), r({})]));
    expect(lines).toEqual([{ row: 2, name: '柯美玲', nationalId: null, workedOn: '2024-03-15', kind: '繼續教育', hours: 1.5, note: null }]);
    expect(issues.map((i) => i.message)).toEqual([
      '第 3 列「類別」：「訓練」應為 繼續教育（在職教育、教育訓練）或 服務（服務時數、值勤）',
      '第 4 列「時數」：「0」不是有效時數（以 0.5 小時為單位，如 1.5）',
      '第 5 列「日期」：與第 2 列為同一人同日同類別，請合併時數',
    ]);
  });
});
