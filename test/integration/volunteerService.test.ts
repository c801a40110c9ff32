// Volunteers and interns through the dispatcher on a real SQLite file, the two volunteer imports, and the three
// year commands' JSON from the CLI on the demo office (the same numbers the dispatcher gives the UI).
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { VOLUNTEER_HOURS_TEMPLATE_HEADERS, VOLUNTEER_TEMPLATE_HEADERS } from '../../shared/domain/volunteerImport';
import { fails, ok, tempBackend, upload, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => {
  t = tempBackend('2024-10-01');
});
afterEach(() => t.cleanup());

const register = (lines: string[]) => upload('v.csv', `${VOLUNTEER_TEMPLATE_HEADERS.join(',')}\n${lines.join('\n')}\n`);
const hours = (lines: string[]) => upload('h.csv', `${VOLUNTEER_HOURS_TEMPLATE_HEADERS.join(',')}\n${lines.join('\n')}\n`);

describe('volunteer imports and 繼續教育涵蓋率', () => {
  it('imports the register and hours; coverage counts volunteers overlapping the year, including a December joiner', async () => {
    const r = await ok(t.backend, 'import.volunteers.commit', register(['柯美玲,,112/01/01,,陪伴型志工,111/12/01,', '宋家齊,,113/12/10,,陪伴型志工,,', '羅淑惠,,110/01/01,113/03/31,行政志工,,', '沈博文,,110/01/01,112/12/31,行政志工,,']));
    expect(r.summary).toBe('志工 4 人（新增 4、更新 0），服務期間 4 段');
    await ok(t.backend, 'import.volunteerHours.commit', hours(['柯美玲,,113/03/15,繼續教育,2.5,', '柯美玲,,113/09/15,繼續教育,1.5,課程', '柯美玲,,113/09/20,服務,12,', '羅淑惠,,113/02/01,繼續教育,1,']));
    const y = await ok(t.backend, 'volunteers.year', { rocYear: 113 });
    expect([y.total, y.covered, y.rate]).toEqual([3, 1, 1 / 3]);
    expect(y.short.map((s: { name: string; shortBy: number }) => [s.name, s.shortBy])).toEqual([['宋家齊', 4], ['羅淑惠', 3]]);
    expect(y.reminders.map((s: { name: string }) => s.name)).toEqual(['宋家齊']); // 羅淑惠 left in March
    expect(y.monthly[8]).toMatchObject({ ce: 1.5, service: 12, ceCumulative: 5 });
    // the same register again updates, it does not duplicate
    expect((await ok(t.backend, 'import.volunteers.commit', register(['柯美玲,,112/01/01,,陪伴型志工,111/12/01,']))).records[0].action).toBe('update');
    expect(await ok(t.backend, 'volunteers.list', {})).toHaveLength(4);
  });

  it('refuses hours outside the service period, unknown volunteers and overlapping periods — writing nothing', async () => {
    await ok(t.backend, 'import.volunteers.commit', register(['柯美玲,,113/01/01,113/06/30,陪伴型志工,,']));
    const e = await fails(t.backend, 'import.volunteerHours.commit', hours(['柯美玲,,113/03/15,繼續教育,2,', '柯美玲,,113/07/01,繼續教育,2,', '無此人,,113/03/15,服務,2,']));
    expect(e.issues!.map((i) => i.message)).toEqual(['第 3 列「日期」：113/07/01 不在 柯美玲 的服務期間內', '第 4 列：找不到志工「無此人」，請先匯入志工名冊']);
    const v = (await ok(t.backend, 'volunteers.list', {}))[0];
    expect((await ok(t.backend, 'volunteers.get', { id: v.id })).hours).toEqual([]);
    const o = await fails(t.backend, 'import.volunteers.commit', register(['柯美玲,,113/06/01,,陪伴型志工,,']));
    expect(o.issues![0].message).toContain('重疊');
  });

  it('the register by hand: periods, hours (one per day and kind) and 考核', async () => {
    const d = await ok(t.backend, 'volunteers.save', { id: null, volunteer: { name: '柯美玲', nationalId: null, contact: null, basicTrainingOn: null, specialTrainingOn: null } });
    await ok(t.backend, 'volunteers.periods.save', { id: null, volunteerId: d.id, role: '陪伴型志工', startDate: '2024-01-01', endDate: null });
    await ok(t.backend, 'volunteers.hours.save', { id: null, volunteerId: d.id, workedOn: '2024-05-01', kind: '繼續教育', hours: 4, note: null });
    expect((await fails(t.backend, 'volunteers.hours.save', { id: null, volunteerId: d.id, workedOn: '2024-05-01', kind: '繼續教育', hours: 1, note: null })).code).toBe('CONFLICT');
    const after = await ok(t.backend, 'volunteers.evaluations.save', { volunteerId: d.id, rocYear: 113, result: '優良', note: null });
    expect(after.evaluations).toEqual([{ rocYear: 113, result: '優良', note: null }]);
    expect((await ok(t.backend, 'volunteers.year', { rocYear: 113 })).rows[0]).toMatchObject({ ok: true, evaluation: '優良', ceHours: 4 });
  });

  it('only the plan year\'s hours count, per volunteer and per month; only its volunteers are listed', async () => {
    const v = await ok(t.backend, 'volunteers.save', { id: null, volunteer: { name: '柯美玲', nationalId: null, contact: null, basicTrainingOn: null, specialTrainingOn: null } });
    await ok(t.backend, 'volunteers.periods.save', { id: null, volunteerId: v.id, role: '陪伴型志工', startDate: '2020-01-01', endDate: null });
    const gone = await ok(t.backend, 'volunteers.save', { id: null, volunteer: { name: '沈博文', nationalId: null, contact: null, basicTrainingOn: null, specialTrainingOn: null } });
    await ok(t.backend, 'volunteers.periods.save', { id: null, volunteerId: gone.id, role: '行政志工', startDate: '2020-01-01', endDate: '2023-12-31' });
    const hour = (workedOn: string, kind: '繼續教育' | '服務', hours: number) => ok(t.backend, 'volunteers.hours.save', { id: null, volunteerId: v.id, workedOn, kind, hours, note: null });
    for (const [on, kind, h] of [['2023-12-31', '繼續教育', 4], ['2024-01-01', '繼續教育', 1.5], ['2024-06-01', '服務', 40], ['2024-06-02', '繼續教育', 1], ['2024-12-31', '服務', 2], ['2025-01-01', '繼續教育', 4]] as const) await hour(on, kind, h);
    const y = await ok(t.backend, 'volunteers.year', { rocYear: 113 });
    expect(y.rows.map((r: { name: string }) => r.name)).toEqual(['柯美玲']);
    expect(y.rows[0]).toMatchObject({ ceHours: 2.5, serviceHours: 42, shortBy: 1.5 });
    expect([y.monthly[0].ce, y.monthly[5].ce, y.monthly[5].service, y.monthly[11].service]).toEqual([1.5, 1, 40, 2]);
    expect([y.monthly[11].ceCumulative, y.monthly[11].serviceCumulative]).toEqual([2.5, 42]);
  });

  it('deleting an hour or a period answers with the volunteer without it; a row already gone is 找不到', async () => {
    const v = await ok(t.backend, 'volunteers.save', { id: null, volunteer: { name: '宋家齊', nationalId: null, contact: null, basicTrainingOn: null, specialTrainingOn: null } });
    const p = await ok(t.backend, 'volunteers.periods.save', { id: null, volunteerId: v.id, role: '行政志工', startDate: '2024-01-01', endDate: null });
    const h = await ok(t.backend, 'volunteers.hours.save', { id: null, volunteerId: v.id, workedOn: '2024-03-01', kind: '服務', hours: 3, note: null });
    const hourId = h.hours[0].id;
    const afterHour = await ok(t.backend, 'volunteers.hours.delete', { id: hourId });
    expect([afterHour.id, afterHour.hours]).toEqual([v.id, []]);
    expect(await fails(t.backend, 'volunteers.hours.delete', { id: hourId })).toMatchObject({ code: 'NOT_FOUND', message: '找不到這筆時數' });
    const afterPeriod = await ok(t.backend, 'volunteers.periods.delete', { id: p.periods[0].id });
    expect([afterPeriod.id, afterPeriod.periods]).toEqual([v.id, []]);
    expect(await fails(t.backend, 'volunteers.periods.delete', { id: p.periods[0].id })).toMatchObject({ code: 'NOT_FOUND', message: '找不到這段服務期間' });
  });
});

describe('interns', () => {
  it('partner schools, interns with a supervising staff member, and the yearly summary', async () => {
    const s = await ok(t.backend, 'interns.schools.save', { id: null, school: { name: '示範大學', department: '社會工作學系', cooperation: '暑期實習' } });
    const intern = (name: string, hours: number) => ({ schoolId: s.id, name, kind: '實習' as const, startDate: '2024-07-01', endDate: '2024-08-23', hours, supervisorId: null, content: '訪視陪同' });
    await ok(t.backend, 'interns.save', { id: null, intern: intern('甲', 320) });
    const b = await ok(t.backend, 'interns.save', { id: null, intern: intern('乙', 300.5) });
    expect(b).toMatchObject({ ok: false, reason: '未指定督導人員', unit: '示範大學 社會工作學系' });
    const y = await ok(t.backend, 'interns.year', { rocYear: 113 });
    expect(y.totals).toEqual({ schools: 1, interns: 2, hours: 620.5 });
    expect(y.schools[0].text).toBe('合作單位：示範大學 社會工作學系；合作方式：暑期實習；實際實習人數 2 人，時數共 620.5 小時。');
    expect((await fails(t.backend, 'interns.schools.delete', { id: s.id })).code).toBe('CONFLICT');
    expect((await fails(t.backend, 'interns.save', { id: null, intern: { ...intern('丙', 1), endDate: '2024-06-01' } })).field).toBe('endDate');
  });
});

describe('CLI on the demo office', () => {
  it('training, volunteers and interns --json print what the dispatcher computes', async () => {
    createDemoOffice(t.backend.db);
    const cli = (...args: string[]) => JSON.parse(execFileSync('npx', ['tsx', 'electron/cli.ts', ...args, '--json', '--db', t.dbPath], { encoding: 'utf8' }));
    const training = cli('training', '--year', '113');
    const direct = await ok(t.backend, 'training.year', { rocYear: 113, date: '2024-12-31' });
    expect(training.figures).toEqual(direct.figures);
    for (const p of training.people) {
      expect(p).toEqual(expect.objectContaining({ name: expect.any(String), ok: expect.any(Boolean), reason: expect.any(String) }));
      for (const l of Object.values(p.levels) as { required: number; done: number; ok: boolean; reason: string }[]) expect(Object.keys(l)).toEqual(expect.arrayContaining(['required', 'done', 'ok', 'reason']));
    }
    expect(training.people.find((p: { name: string }) => p.name === '鄭宇軒').reason).toContain('Level 2 尚缺 8 小時（藥癮個案輔導技巧 6、壓力調適 2）');
    const vols = cli('volunteers', '--year', '113');
    expect([vols.total, vols.covered]).toEqual([11, 8]);
    expect(vols.rows.every((r: { name: string; ok: boolean; reason: string }) => r.name && typeof r.ok === 'boolean' && r.reason)).toBe(true);
    const interns = cli('interns', '--year', '114');
    expect(interns.totals).toEqual({ schools: 2, interns: 4, hours: 712.5 });
    expect(interns.interns.find((i: { name: string }) => i.name === '見習生丙')).toMatchObject({ ok: false, reason: '未指定督導人員' });
  }, 60_000);
});
