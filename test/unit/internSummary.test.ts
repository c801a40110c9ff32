// RULES §5: the yearly intern summary the 期中/期末 report asks for (seed 004 參 四(三)2).
import { describe, expect, it } from 'vitest';
import { computeInternYear, type InternFacts } from '../../shared/domain/interns';

let nextId = 1;
const schools = [
  { id: 1, name: '示範大學', department: '社會工作學系', cooperation: '暑期實習' },
  { id: 2, name: '範例大學', department: '', cooperation: null },
];
function intern(schoolId: number, name: string, kind: '實習' | '見習', startDate: string, hours: number, supervisorName: string | null = '督導甲'): InternFacts {
  return { id: nextId++, schoolId, name, kind, startDate, endDate: startDate, hours, supervisorId: supervisorName ? 1 : null, supervisorName, content: supervisorName ? '訪視陪同' : null };
}

describe('RULES §5 interns: 合作單位, 合作方式, 實際實(見)習人數, 時數', () => {
  it('summarises each partner unit; 合作方式 falls back to the kinds of internship', () => {
    const y = computeInternYear(schools, [intern(1, '甲', '實習', '2024-07-01', 320), intern(1, '乙', '實習', '2024-07-01', 300.5), intern(2, '丙', '見習', '2024-10-01', 40), intern(2, '丁', '實習', '2024-10-01', 80)], 113);
    expect(y.totals).toEqual({ schools: 2, interns: 4, hours: 740.5 });
    expect(y.schools[0].text).toBe('合作單位：示範大學 社會工作學系；合作方式：暑期實習；實際實習人數 2 人，時數共 620.5 小時。');
    expect(y.schools[1]).toMatchObject({ cooperation: '實習、見習', interns: 2, hours: 120 });
    expect(y.schools[1].text).toContain('實際實(見)習人數 2 人（實習 1 人、見習 1 人）');
  });

  it('an intern counts in the year the internship starts, never in two years', () => {
    const list = [intern(1, '跨年', '實習', '2024-12-01', 100), intern(1, '明年', '實習', '2025-01-02', 50)];
    expect(computeInternYear(schools, list, 113).interns.map((i) => i.name)).toEqual(['跨年']);
    expect(computeInternYear(schools, list, 114).totals.hours).toBe(50);
  });

  it('an intern without a supervising staff member or content is not ready for the report', () => {
    const y = computeInternYear(schools, [intern(1, '甲', '見習', '2024-07-01', 8, null)], 113);
    expect(y.interns[0]).toMatchObject({ ok: false, reason: '未指定督導人員、未填實習內容' });
    expect(computeInternYear(schools, [], 113).paragraph).toBe('113 年尚無實(見)習紀錄。');
  });
});
