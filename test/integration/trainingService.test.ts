// Staff training through the dispatcher on a real SQLite file: courses with ticked attendees, the per-person matrix,
// a promotion mid-year, case reports, the attendance and case-report imports (preview, row errors, all-or-nothing).
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../electron/demo/demoOffice';
import { ATTENDANCE_TEMPLATE_HEADERS, CASE_REPORT_TEMPLATE_HEADERS } from '../../shared/domain/trainingImport';
import type { Input, Output } from '../../shared/api/contract';
import { fails, ok, readXlsxFirstRow, tempBackend, upload, xlsxOf, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => {
  t = tempBackend('2025-03-01');
});
afterEach(() => t.cleanup());

const ID = [syntheticNationalId(1, false), syntheticNationalId(2, true), syntheticNationalId(3, false)];
async function hire(name: string, roleCode = 'CM', startDate = '2020-01-01', nationalId: string | null = null) {
  const d = await ok(t.backend, 'people.create', {
    person: { name, nationalId, employeeNo: null, education: null, department: null, certificate: null, contact: null },
    period: { roleCode, funding: '補助' as const, businessGroup: null, adminUnit: null, title: null, startDate, endDate: null, endReason: null },
  });
  return d.person.id as number;
}
type CourseInput = Input<'training.courses.save'>['course'];
const course = (o: Partial<CourseInput>): CourseInput => ({ name: '進階動機式晤談', heldOn: '2024-03-20', provider: '示範醫院', level: 'L3', topic: null, hours: 3, approvalDoc: '113年衛部心字第1號', note: null, ...o });
const year = (rocYear = 113) => ok(t.backend, 'training.year', { rocYear });
type PersonTraining = Output<'training.year'>['people'][number];
/** The person's row; the levels the test reads are those the person owes, so a missing one fails the test here. */
const personOf = async (name: string, rocYear = 113) => {
  const p = (await year(rocYear)).people.find((x) => x.name === name);
  if (!p) throw new Error(`${name} is not in the training figure`);
  const level = (k: keyof PersonTraining['levels']) => {
    const l = p.levels[k];
    if (!l) throw new Error(`${name} owes no ${k}`);
    return l;
  };
  return { ...p, levels: { get L1() { return level('L1'); }, get L2() { return level('L2'); }, get L3() { return level('L3'); }, get SUP_L1() { return level('SUP_L1'); } }, owed: Object.keys(p.levels) };
};
/** Every row of the training tables, to prove a refused import wrote nothing. */
const trainingHash = () =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify(['training_courses', 'training_attendance', 'case_reports'].map((x) => t.backend.db.prepare(`SELECT * FROM ${x} ORDER BY rowid`).all())))
    .digest('hex');

describe('courses and the training matrix', () => {
  it('one course held once, three people ticked: each gets the hours, and re-saving replaces the ticks', async () => {
    const [a, b, c] = [await hire('甲'), await hire('乙'), await hire('丙')];
    const saved = await ok(t.backend, 'training.courses.save', { id: null, course: course({}), attendees: [a, b, c].map((personId) => ({ personId, hours: 3, certificateNo: null })) });
    expect(saved.course).toMatchObject({ attendees: 3, level: 'L3', hours: 3 });
    expect((await personOf('甲')).levels.L3).toMatchObject({ required: 8, done: 3, missing: 5, status: '逾期' });
    await ok(t.backend, 'training.courses.save', { id: saved.course.id, course: course({ hours: 3.5 }), attendees: [{ personId: a, hours: 3.5, certificateNo: 'C-1' }] });
    expect((await personOf('甲')).levels.L3.done).toBe(3.5);
    expect((await personOf('乙')).levels.L3.done).toBe(0);
    expect((await ok(t.backend, 'training.courses.list', { rocYear: 113 }))[0]).toMatchObject({ attendees: 1, hours: 3.5 });
  });

  it('refuses an L3 course without 核定文號, an L2 course without a topic, and attendee hours above the course’s', async () => {
    const a = await hire('甲');
    expect((await fails(t.backend, 'training.courses.save', { id: null, course: course({ approvalDoc: null }), attendees: [] })).field).toBe('approvalDoc');
    expect((await fails(t.backend, 'training.courses.save', { id: null, course: course({ level: 'L2' }), attendees: [] })).field).toBe('topic');
    const e = await fails(t.backend, 'training.courses.save', { id: null, course: course({}), attendees: [{ personId: a, hours: 4, certificateNo: null }] });
    expect(e.message).toBe('甲 的時數 4 超過課程時數 3');
    expect((await fails(t.backend, 'training.courses.save', { id: null, course: course({ hours: 1.25 }), attendees: [] })).message).toContain('0.5 小時');
  });

  it('a CM promoted to 督導 mid-year owes supervisor levels from the promotion on', async () => {
    const a = await hire('甲', 'CM', '2021-01-01');
    const d = await ok(t.backend, 'people.get', { id: a });
    await ok(t.backend, 'periods.promote', { periodId: d.periods[0].id, date: '2024-09-01', roleCode: 'SUP', title: null });
    const p = await personOf('甲');
    expect(p.owed).toEqual(['L1', 'SUP_L1', 'SUP_L2', 'SUP_L3']);
    expect(p.levels.SUP_L1.owedFrom).toBe('2024-09-01');
    expect(p.levels.L1.owedFrom).toBe('2021-01-01');
    expect(p.roleName).toBe('督導');
  });

  it('case reports count for L3 in their year; the person view lists every course and report', async () => {
    const a = await hire('甲');
    await ok(t.backend, 'training.courses.save', { id: null, course: course({ hours: 8 }), attendees: [{ personId: a, hours: 8, certificateNo: null }] });
    const r = await ok(t.backend, 'caseReports.save', { id: null, report: { personId: a, presentedOn: '2024-06-01', title: '案例', meeting: '外督會議' } });
    expect((await personOf('甲')).levels.L3).toMatchObject({ ok: true, caseReports: { required: 1, done: 1 } });
    expect((await fails(t.backend, 'caseReports.save', { id: null, report: { personId: a, presentedOn: '2024-06-01', title: '案例', meeting: 'x' } })).code).toBe('CONFLICT');
    const view = await ok(t.backend, 'training.person', { personId: a, rocYear: 113 });
    expect([view.attendance.length, view.caseReports.length, view.year?.ok]).toEqual([1, 1, false]);
    await ok(t.backend, 'caseReports.delete', { id: r.id });
    expect((await personOf('甲')).levels.L3.reason).toBe('Level 3 尚缺個案報告 1 篇（期限 113/12/31，已逾期）');
  });

  it('a deadline saved in the year’s training parameters makes an unfinished L1 逾期', async () => {
    await hire('甲', 'CM', '2024-01-01');
    expect((await personOf('甲')).levels.L1.status).toBe('未開始');
    const { params } = await ok(t.backend, 'training.params.get', { rocYear: 113 });
    await ok(t.backend, 'training.params.save', { rocYear: 113, params: { ...params, levels: { ...params.levels, L1: { ...params.levels.L1, dueMonthsAfterStart: 6 } } } });
    expect((await personOf('甲')).levels.L1).toMatchObject({ status: '逾期', deadline: '2024-06-30' });
    expect((await ok(t.backend, 'training.params.get', { rocYear: 114 })).sourceYear).toBe(113);
  });
});

describe('attendance import', () => {
  const row = (name: string, id: string | null, o: Partial<Record<string, string | number>> = {}) => {
    const r = { 姓名: name, 身分證字號: id ?? '', 課程名稱: '113年 Level 2：藥癮個案輔導技巧', 訓練層級: 'L2', 課程主題: '藥癮個案輔導技巧', 日期: '113/11/04', 時數: 6, 訓練機關: '衛生福利部', 核定文號: '', ...o };
    return ATTENDANCE_TEMPLATE_HEADERS.map((h) => r[h]);
  };

  it('previews, then imports one course for everyone; re-importing updates instead of doubling; .csv with halves works', async () => {
    await hire('甲', 'CM', '2020-01-01', ID[0]);
    await hire('乙', 'CM', '2020-01-01', ID[1]);
    const file = upload('出席.xlsx', await xlsxOf(ATTENDANCE_TEMPLATE_HEADERS, [row('甲', ID[0]), row('乙', null)]));
    const preview = await ok(t.backend, 'import.training.preview', file);
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toBe('課程 1 門（新增 1、既有 0），出席 2 人次（新增 2、更新 0）');
    expect((await ok(t.backend, 'training.courses.list', { rocYear: 113 })).length).toBe(0);
    await ok(t.backend, 'import.training.commit', file);
    await ok(t.backend, 'import.training.commit', file);
    expect((await ok(t.backend, 'training.courses.list', { rocYear: 113 }))[0]).toMatchObject({ attendees: 2, topic: '藥癮個案輔導技巧' });
    expect((await personOf('乙')).levels.L2.topics?.find((x) => x.name === '藥癮個案輔導技巧')?.done).toBe(6);
    const csv = `${ATTENDANCE_TEMPLATE_HEADERS.join(',')}\r\n甲,,研習,L3,,113/05/01,1.5,示範醫院,113年衛部心字第9號\r\n`;
    expect((await ok(t.backend, 'import.training.commit', upload('l3.csv', csv))).records[0].detail).toContain('1.5 小時');
    expect((await personOf('甲')).levels.L3.done).toBe(1.5);
  });

  it('any bad row: row-numbered Chinese errors, and nothing is written', async () => {
    await hire('甲');
    const before = trainingHash();
    const file = upload('bad.xlsx', await xlsxOf(ATTENDANCE_TEMPLATE_HEADERS, [row('甲', null), row('無此人', null), row('甲', null, { 課程名稱: 'x', 訓練層級: 'L3', 時數: 2 })]));
    const e = await fails(t.backend, 'import.training.commit', file);
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toBe('檔案有 2 個錯誤，未匯入任何資料');
    expect(e.issues!.map((i) => i.message)).toEqual(['第 3 列：找不到人員「無此人」，請先匯入名冊', '第 4 列「核定文號」：Level 3 課程須有衛福部核定公文日期及文號']);
    expect(trainingHash()).toBe(before);
  });

  it('the downloadable templates carry the issue’s columns and an explanation sheet', async () => {
    for (const [kind, header] of [['training', ATTENDANCE_TEMPLATE_HEADERS], ['caseReports', CASE_REPORT_TEMPLATE_HEADERS]] as const) {
      const f = await ok(t.backend, `import.${kind}.template`, {});
      const { sheets, firstRow } = await readXlsxFirstRow(Buffer.from(f.contentBase64, 'base64'));
      expect(firstRow.slice(0, header.length)).toEqual([...header]);
      expect(sheets).toContain('填寫說明');
    }
  });
});

describe('case report import', () => {
  it('imports reports matched by 身分證字號 else 姓名; an unknown person refuses the whole file', async () => {
    await hire('甲', 'CM', '2020-01-01', ID[0]);
    const good = `${CASE_REPORT_TEMPLATE_HEADERS.join(',')}\n甲,${ID[0]},113/06/01,案例一,113年第2次外部督導會議\n甲,,1131001,案例二,113年第4次外部督導會議\n`;
    expect((await ok(t.backend, 'import.caseReports.commit', upload('r.csv', good))).summary).toBe('個案報告 2 篇（新增 2、更新 0）');
    expect(await ok(t.backend, 'caseReports.list', { rocYear: 113 })).toHaveLength(2);
    const bad = `${CASE_REPORT_TEMPLATE_HEADERS.join(',')}\n甲,,113/06/02,案例三,會議\n乙,,113/06/01,案例,會議\n`;
    expect((await fails(t.backend, 'import.caseReports.commit', upload('r.csv', bad))).issues).toHaveLength(1);
    expect(await ok(t.backend, 'caseReports.list', { rocYear: 113 })).toHaveLength(2);
  });
});
