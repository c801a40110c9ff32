// Issue 14 "one rule, one place, one answer", through the dispatcher on a real database: over-hiring is a finding, a cap
// has one value on a date, the plan's figures count plan-funded (補助) posts and list 自有-funded people apart, a
// reference day that does not exist is refused at the contract, and the CLI says what the page says.
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_PARAMS } from '../../shared/domain/planParams';
import type { Funding } from '../../shared/domain/types';
import { fails, ok, tempBackend, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => {
  t = tempBackend('2024-12-31');
});
afterEach(() => t.cleanup());

async function hire(name: string, roleCode: string, funding: Funding = '補助', startDate = '2022-01-03') {
  const d = await ok(t.backend, 'people.create', {
    person: { name, nationalId: null, employeeNo: null, education: null, department: null, certificate: null, contact: null },
    period: { roleCode, funding, businessGroup: null, adminUnit: null, title: null, startDate, endDate: null, endReason: null },
  });
  return d.person.id;
}

const QUOTA = { approvedTotal: 3, fundedCM: 2, fundedSCM: 0, fundedSUP: 1, fundedPM: 0 };

describe('進用率 above 100 % is a finding, not an error (#14.1)', () => {
  it('three 個管 in post against a quota of two: headcount answers 150 %, flagged, and the CLI prints it', async () => {
    await ok(t.backend, 'planYears.save', { rocYear: 113, params: DEFAULT_PLAN_PARAMS, quota: QUOTA });
    for (const n of ['甲', '乙', '丙']) await hire(n, 'CM');
    await hire('丁', 'SUP');
    const h = await ok(t.backend, 'headcount.year', { rocYear: 113, date: '2024-12-31' });
    const cm = h.rows.find((r) => r.roleCode === 'CM')!;
    expect([cm.quota, cm.inPost, cm.vacancies, cm.hiringRate, cm.overQuota]).toEqual([2, 3, 0, 1.5, true]);
    expect(h.totals).toMatchObject({ quota: 3, inPost: 4, hiringRate: 4 / 3, overQuota: true });
    expect(h.overApprovedTotal).toBe(true);
    const out = execFileSync('npx', ['tsx', 'electron/cli.ts', 'headcount', '--year', '113', '--at', '113/12/31', '--db', t.dbPath], { encoding: 'utf8' });
    expect(out).toMatch(/個管\t核定 2\t在職 3\t缺額 0\t進用率 150\.0%（超過核定）/);
    expect(out).not.toMatch(/ZodError|too_big/);
  });
});

describe('one cap on a date (#14.2)', () => {
  it('a 個管 on 留職停薪 fills the post: supervision and headcount give the same 資深個管 cap, from posts filled', async () => {
    // 13 個管 posts (11 CM + 2 SCM): cap round(13 / 5) = 3. One CM on leave: 12 working, and round(12 / 5) would be 2.
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) ids.push(await hire(`個管${i}`, 'CM'));
    await hire('資深甲', 'SCM');
    await hire('資深乙', 'SCM');
    await hire('督導甲', 'SUP');
    await ok(t.backend, 'leaves.add', { personId: ids[0], startDate: '2024-11-01', endDate: null, note: null });

    const s = await ok(t.backend, 'supervision.at', { date: '2024-12-31' });
    const h = await ok(t.backend, 'headcount.year', { rocYear: 113, date: '2024-12-31' });
    expect(s.caseManagers).toHaveLength(12); // the ratio leaves the leave out
    expect(s.caseManagerPostsFilled).toBe(13); // the caps do not
    expect(s.allocation.seniorCap).toBe(3);
    expect(h.seniorCap).toBe(3);
    expect(h.allocation).toEqual(s.allocation);
    // seniors in post and their cap count the same people
    expect([s.seniorsInPost, h.rows.find((r) => r.roleCode === 'SCM')!.inPost]).toEqual([2, 2]);
    expect(s.interpretation.join('')).toContain('依規定之配置以占缺人數計（含留職停薪，個管 13 人）');
  });
});

describe('funding scope: 補助 counted, 自有 listed apart (#14.3)', () => {
  it('a 個管 paid by the county is in no plan figure, and every plan figure names them', async () => {
    await ok(t.backend, 'planYears.save', { rocYear: 113, params: DEFAULT_PLAN_PARAMS, quota: QUOTA });
    await hire('補助甲', 'CM', '補助', '2020-01-02');
    await hire('補助乙', 'CM', '補助', '2020-01-02');
    await hire('督導甲', 'SUP', '補助', '2020-01-02');
    const own = await hire('自有甲', 'CM', '自有', '2020-01-02');
    const note = '另有自有經費個管 1 人（自有甲），不列入本計畫之計算。';

    const s = await ok(t.backend, 'supervision.at', { date: '2024-12-31' });
    expect(s.caseManagers.map((c) => c.name)).toEqual(['補助甲', '補助乙']);
    expect(s.ownFunded).toEqual([{ personId: own, name: '自有甲', roleCode: 'CM' }]);
    expect(s.interpretation).toContain(note);

    const h = await ok(t.backend, 'headcount.year', { rocYear: 113, date: '2024-12-31' });
    const cm = h.rows.find((r) => r.roleCode === 'CM')!;
    expect([cm.inPost, cm.hiringRate, cm.people.map((p) => p.name)]).toEqual([2, 1, ['補助甲', '補助乙']]);
    expect(h.ownFunded.map((p) => p.name)).toEqual(['自有甲']);
    expect(h.interpretation).toContain(note);

    const r = await ok(t.backend, 'retention.at', { date: '2024-12-31' });
    expect(r.denominator).toBe(3);
    expect(r.rows.map((x) => x.name)).not.toContain('自有甲');
    expect(r.ownFunded.map((p) => p.name)).toEqual(['自有甲']);
    expect(r.interpretation).toContain(note);

    const out = execFileSync('npx', ['tsx', 'electron/cli.ts', 'supervision', '--at', '113/12/31', '--db', t.dbPath], { encoding: 'utf8' });
    expect(out).toContain(`註：${note}`);
  });
});

describe('a reference day that does not exist is refused at the contract (#14.5)', () => {
  it('02-30 and 02-29 are refused naming the field; the year keeps computing', async () => {
    for (const md of ['02-30', '02-29', '13-01', '6/30']) {
      const e = await fails(t.backend, 'planYears.save', { rocYear: 113, params: { ...DEFAULT_PLAN_PARAMS, midRefMonthDay: md }, quota: null });
      expect([e.code, e.field]).toEqual(['VALIDATION', 'params.midRefMonthDay']);
      expect(e.message).toContain('每年皆有的月/日');
    }
    await ok(t.backend, 'planYears.save', { rocYear: 113, params: { ...DEFAULT_PLAN_PARAMS, midRefMonthDay: '02-28' }, quota: null });
    expect((await t.backend.dispatch('retention.at', { date: '2024-12-31' })).ok).toBe(true);
  });

  it('a training due day that does not exist is refused the same way', async () => {
    const { params } = await ok(t.backend, 'training.params.get', { rocYear: 113 });
    const bad = { ...params, levels: { ...params.levels, L3: { ...params.levels.L3, dueMonthDay: '02-30' } } };
    const e = await fails(t.backend, 'training.params.save', { rocYear: 113, params: bad });
    expect([e.code, e.field]).toEqual(['VALIDATION', 'params.levels.L3.dueMonthDay']);
  });
});

describe('the team limit has one source (#14.4)', () => {
  it('a plan year with a ratio of 5 flags a team of 6 and the CLI says 超過 5 人', async () => {
    await ok(t.backend, 'planYears.save', { rocYear: 113, params: { ...DEFAULT_PLAN_PARAMS, ratio: 5 }, quota: null });
    const sup = await hire('督導甲', 'SUP');
    for (let i = 0; i < 6; i++) {
      const cm = await hire(`個管${i}`, 'CM');
      await ok(t.backend, 'supervision.assign', { caseManagerId: cm, supervisorId: sup, startDate: '2024-01-02' });
    }
    const s = await ok(t.backend, 'supervision.at', { date: '2024-12-31' });
    expect([s.teamLimit, s.teams[0].size, s.teams[0].overLimit]).toEqual([5, 6, true]);
    const out = execFileSync('npx', ['tsx', 'electron/cli.ts', 'supervision', '--at', '113/12/31', '--db', t.dbPath], { encoding: 'utf8' });
    expect(out).toContain('督導 督導甲：6 人（超過 5 人）');
  });
});
