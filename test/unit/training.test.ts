// RULES §4 (seed 004 附件二, 附件三): one named case per rule of the staff training standards.
import { describe, expect, it } from 'vitest';
import { computeTraining, level3Rate, trainingPeople, YEARLY_FIGURE_LEVELS, type AttendanceFact, type CaseReportFact, type TrainingInput } from '../../shared/domain/training';
import {
  DEFAULT_TRAINING_PARAMS as P,
  evaluationDate,
  findTopic,
  L2_TOPICS,
  mergeTrainingParams,
  parseLevel,
  SUP_L2_TOPICS,
  type TrainingLevel,
} from '../../shared/domain/trainingParams';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import type { Period } from '../../shared/domain/types';

let nextId = 1;
function period(personId: number, roleCode: string, startDate: string, endDate: string | null = null): Period {
  return { id: nextId++, personId, roleCode, funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate, endDate, endReason: endDate ? '職務異動' : null };
}
const att = (personId: number, heldOn: string, level: TrainingLevel, hours: number, topic: string | null = null, certified = level === 'L3'): AttendanceFact => ({
  personId,
  heldOn,
  level,
  topic,
  hours,
  certified,
});
const report = (personId: number, presentedOn: string): CaseReportFact => ({ personId, presentedOn });
/** Every L2 topic attended in full on one day. */
const fullL2 = (personId: number, on: string) => L2_TOPICS.map((t) => att(personId, on, 'L2', t.hours, t.name));
const fullSupL2 = (personId: number, on: string) => SUP_L2_TOPICS.map((t) => att(personId, on, 'SUP_L2', t.hours, t.name));

function run(periods: Period[], attendance: AttendanceFact[] = [], reports: CaseReportFact[] = [], asOf = '2024-12-31', today = asOf, params = P) {
  const ids = [...new Set(periods.map((p) => p.personId))];
  const input: TrainingInput = { people: ids.map((id) => ({ id, name: `P${id}` })), periods, leaves: [], roles: [...BUILTIN_ROLES], attendance, caseReports: reports };
  return computeTraining(input, 113, asOf, params, today);
}
const only = (r: ReturnType<typeof run>) => {
  expect(r.people).toHaveLength(1);
  return r.people[0];
};

describe('RULES §4 who owes which level', () => {
  it('個管 (CM, SCM) owe L1 28 h, L2 30 h, L3 8 h a year with 1 case report', () => {
    for (const role of ['CM', 'SCM']) {
      const p = only(run([period(1, role, '2020-01-01')]));
      expect(Object.keys(p.levels)).toEqual(['L1', 'L2', 'L3']);
      expect([p.levels.L1!.required, p.levels.L2!.required, p.levels.L3!.required]).toEqual([28, 30, 8]);
      expect(p.levels.L3!.caseReports).toEqual({ required: 1, done: 0 });
      expect(p.levels.L2!.topics).toHaveLength(12);
    }
  });

  it('督導 owe L1 28 h, 督導L1 12 h, 督導L2 12 h over 5 topics, 督導L3 6 h a year, and no case report', () => {
    const p = only(run([period(1, 'SUP', '2020-01-01')]));
    expect(Object.keys(p.levels)).toEqual(['L1', 'SUP_L1', 'SUP_L2', 'SUP_L3']);
    expect([p.levels.L1!.required, p.levels.SUP_L1!.required, p.levels.SUP_L2!.required, p.levels.SUP_L3!.required]).toEqual([28, 12, 12, 6]);
    expect(p.levels.SUP_L2!.topics!.map((t) => t.required)).toEqual([2, 2, 2, 4, 2]);
    expect(p.levels.SUP_L3!.caseReports).toBeNull();
  });

  it('專管, 自有專責 and people who left before the evaluation date are not listed', () => {
    const r = run([period(1, 'PM', '2020-01-01'), period(2, 'OWN', '2020-01-01'), period(3, 'CM', '2020-01-01', '2024-06-30')]);
    expect(r.people).toEqual([]);
  });

  it('a CM promoted to SUP mid-year owes 督導 training from the promotion on, and L1 carries over', () => {
    const periods = [period(1, 'CM', '2021-01-01', '2024-08-31'), period(1, 'SUP', '2024-09-01')];
    const facts = [att(1, '2021-03-01', 'L1', 28), ...fullL2(1, '2021-05-01'), att(1, '2024-03-01', 'L3', 8), att(1, '2024-10-01', 'SUP_L3', 6)];
    const before = only(run(periods, facts, [report(1, '2024-04-01')], '2024-08-31'));
    expect(Object.keys(before.levels)).toEqual(['L1', 'L2', 'L3']);
    expect(before.ok).toBe(true);
    const after = only(run(periods, facts, [report(1, '2024-04-01')], '2024-12-31'));
    expect(Object.keys(after.levels)).toEqual(['L1', 'SUP_L1', 'SUP_L2', 'SUP_L3']);
    expect(after.levels.L1!).toMatchObject({ ok: true, owedFrom: '2021-01-01' });
    expect(after.levels.SUP_L1!).toMatchObject({ ok: false, owedFrom: '2024-09-01', status: '未開始' });
    expect(after.levels.SUP_L3!.ok).toBe(true);
    expect(after.reason).toBe('督導 Level 1 尚缺 12 小時；督導 Level 2 尚缺 12 小時（社區心理衛生中心及毒品危害防制中心角色及功能 2、社區資源開發及方案設計 2、領導及管理實務 2、訪視人力資源管理及運用 4、風險管理及危機處理 2）');
  });
});

describe('RULES §4 hours', () => {
  it('once-only levels add hours across courses and years, halves included', () => {
    const p = only(run([period(1, 'CM', '2020-01-01')], [att(1, '2021-05-01', 'L1', 12.5), att(1, '2022-05-01', 'L1', 10), att(1, '2024-05-01', 'L1', 5.5)]));
    expect(p.levels.L1!).toMatchObject({ done: 28, ok: true, status: '完成' });
  });

  it('L2 is counted per topic: 30 hours with 輔導技巧 short is not complete', () => {
    const facts = fullL2(1, '2023-05-01').filter((f) => f.topic !== '藥癮個案輔導技巧');
    facts.push(att(1, '2023-06-01', 'L2', 6, '壓力調適')); // 30 hours in total, but in the wrong topic
    const p = only(run([period(1, 'CM', '2020-01-01')], facts));
    expect(facts.reduce((s, f) => s + f.hours, 0)).toBe(30);
    expect(p.levels.L2!).toMatchObject({ done: 24, missing: 6, ok: false, status: '進行中' });
    expect(p.levels.L2!.topics!.find((t) => t.name === '壓力調適')).toEqual({ name: '壓力調適', required: 2, done: 2, missing: 0 });
    expect(p.levels.L2!.reason).toBe('Level 2 尚缺 6 小時（藥癮個案輔導技巧 6）');
  });

  it('L3 counts only certified courses of the plan year up to the evaluation date', () => {
    const facts = [att(1, '2023-12-20', 'L3', 8), att(1, '2024-02-01', 'L3', 3), att(1, '2024-03-01', 'L3', 4, null, false), att(1, '2024-04-01', 'L3', 4.5)];
    const p = only(run([period(1, 'CM', '2020-01-01')], facts, [report(1, '2024-05-01')]));
    expect(p.levels.L3!).toMatchObject({ done: 7.5, missing: 0.5, ok: false });
    expect(p.levels.L3!.reason).toBe('Level 3 尚缺 0.5 小時');
  });

  it('L3 needs a case report too: 8 hours without one is not compliant', () => {
    const p = only(run([period(1, 'CM', '2020-01-01')], [att(1, '2024-02-01', 'L3', 8)], [report(1, '2023-11-01')]));
    expect(p.levels.L3!).toMatchObject({ done: 8, ok: false, caseReports: { required: 1, done: 0 }, reason: 'Level 3 尚缺個案報告 1 篇' });
  });

  it('督導L3 counts 督導L3 hours of the year, not L3', () => {
    const p = only(run([period(1, 'SUP', '2019-01-01')], [att(1, '2024-02-01', 'L3', 8), att(1, '2024-03-01', 'SUP_L3', 5.5)]));
    expect(p.levels.SUP_L3!).toMatchObject({ done: 5.5, ok: false, reason: '督導 Level 3 尚缺 0.5 小時' });
  });
});

describe('RULES §4 status: 完成 / 進行中 / 未開始 / 逾期', () => {
  it('未開始 with no hours, 進行中 with some, 完成 when met', () => {
    const p = only(run([period(1, 'CM', '2024-01-01')], [att(1, '2024-03-01', 'L1', 28), ...fullL2(1, '2024-04-01').slice(0, 3)], [], '2024-06-30'));
    expect([p.levels.L1!.status, p.levels.L2!.status, p.levels.L3!.status]).toEqual(['完成', '進行中', '未開始']);
    expect(p.status).toBe('進行中');
  });

  it('a yearly level is 逾期 once today is past its due date (12/31), not while the year runs', () => {
    const periods = [period(1, 'CM', '2020-01-01')];
    const facts = [att(1, '2020-03-01', 'L1', 28), ...fullL2(1, '2020-04-01'), att(1, '2024-03-01', 'L3', 4)];
    expect(only(run(periods, facts, [], '2024-11-30')).levels.L3!.status).toBe('進行中');
    const late = only(run(periods, facts, [], '2024-12-31', '2025-01-02'));
    expect(late.levels.L3!.status).toBe('逾期');
    expect(late.status).toBe('逾期');
    expect(late.reason).toBe('Level 3 尚缺 4 小時；Level 3 尚缺個案報告 1 篇（期限 113/12/31，已逾期）');
    // the shortfall alone, for reminders that name the deadline themselves (no regex over the reason)
    expect(late.levels.L3!.shortfall).toBe('Level 3 尚缺 4 小時；Level 3 尚缺個案報告 1 篇');
  });

  it('a once-only level is 逾期 after the months the plan year allows from the day it became owed', () => {
    const params = mergeTrainingParams({ levels: { ...P.levels, L1: { ...P.levels.L1, dueMonthsAfterStart: 3 } } });
    const periods = [period(1, 'CM', '2024-03-01')];
    expect(only(run(periods, [], [], '2024-05-31', '2024-05-31', params)).levels.L1!).toMatchObject({ deadline: '2024-05-31', status: '未開始' });
    expect(only(run(periods, [], [], '2024-06-01', '2024-06-01', params)).levels.L1!.status).toBe('逾期');
  });

  it('someone who starts owing a yearly level after its due date is not late for it that year', () => {
    const params = mergeTrainingParams({ levels: { ...P.levels, L3: { ...P.levels.L3, dueMonthDay: '06-30' } } });
    const p = only(run([period(1, 'CM', '2024-09-01')], [], [], '2024-12-31', '2025-03-01', params));
    expect(p.levels.L3!).toMatchObject({ deadline: null, status: '未開始' });
  });
});

describe('RULES §4 office figures (seed 000)', () => {
  it('Level I / II 參訓率, L3 compliance and case reports filed, over the 個管 and 督導 listed', () => {
    const periods = [period(1, 'CM', '2020-01-01'), period(2, 'CM', '2020-01-01'), period(3, 'SUP', '2019-01-01'), period(4, 'PM', '2019-01-01')];
    const facts = [
      att(1, '2020-03-01', 'L1', 28), ...fullL2(1, '2020-04-01'), att(1, '2024-02-01', 'L3', 8),
      att(2, '2020-03-01', 'L1', 28), att(2, '2024-02-01', 'L3', 8),
      att(3, '2019-03-01', 'L1', 28), ...fullSupL2(3, '2019-04-01'), att(3, '2024-02-01', 'SUP_L3', 6),
    ];
    const r = run(periods, facts, [report(1, '2024-05-01'), report(1, '2024-09-01'), report(4, '2024-05-01')]);
    expect(r.figures.population).toBe(3);
    expect(r.figures.level1).toEqual({ count: 3, total: 3, rate: 1 });
    expect(r.figures.level2).toEqual({ count: 2, total: 3, rate: 2 / 3 });
    expect(r.figures.level3).toEqual({ count: 2, total: 3, rate: 2 / 3 });
    expect(r.figures.caseReports).toEqual({ filed: 2, people: 1, owedBy: 2 });
    expect(r.figures.byLevel.find((l) => l.level === 'SUP_L1')).toMatchObject({ count: 0, total: 1 });
  });
});

describe('training parameters', () => {
  it('levels are read as written on forms and files', () => {
    expect(['L1', 'Level 2', 'level3', '督導L1', '督導 Level 2', 'SUP_L3', '其他', 'L4'].map(parseLevel)).toEqual(['L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3', 'OTHER', undefined]);
  });
  it('topics match with the seed’s parenthesised notes and spaces', () => {
    expect(findTopic(P.levels.L2, '藥癮個案輔導技巧(含實務演練及分組討論)')?.name).toBe('藥癮個案輔導技巧');
    expect(findTopic(P.levels.SUP_L2, '訪視人力資源管理及運用（含資訊系統）')?.name).toBe('訪視人力資源管理及運用');
    expect(findTopic(P.levels.L2, '團體工作')).toBeUndefined();
  });
  it('stored parameters merge over the defaults level by level; the evaluation date is clamped into the year', () => {
    const m = mergeTrainingParams({ levels: { L3: { hours: 10 } } as never });
    expect([m.levels.L3.hours, m.levels.L3.caseReports, m.levels.L1.hours, m.volunteerCeHours]).toEqual([10, 1, 28, 4]);
    expect([evaluationDate(113, '2026-01-01'), evaluationDate(113, '2024-05-05'), evaluationDate(113, '2023-01-01')]).toEqual(['2024-12-31', '2024-05-05', '2024-01-01']);
  });
});

describe('the yearly levels alone (the home page)', () => {
  it('lists the same people with the same Level 3 / 督導 Level 3 and the same Level 3 達成率 as the whole matrix', () => {
    const periods = [period(1, 'CM', '2020-01-01'), period(2, 'CM', '2024-03-01'), period(3, 'SUP', '2019-01-01'), period(4, 'CM', '2018-01-01', '2024-05-31'), period(4, 'SUP', '2024-06-01')];
    const attendance = [att(1, '2024-04-01', 'L3', 6), att(1, '2023-04-01', 'L3', 6), ...fullL2(1, '2020-02-01'), att(3, '2024-02-01', 'SUP_L3', 6), att(4, '2024-07-01', 'SUP_L3', 3)];
    const reports = [report(1, '2024-05-01'), report(2, '2024-06-01')];
    const ids = [1, 2, 3, 4];
    const input: TrainingInput = { people: ids.map((id) => ({ id, name: `P${id}` })), periods, leaves: [], roles: [...BUILTIN_ROLES], attendance, caseReports: reports };
    const whole = computeTraining(input, 113, '2024-12-31', P);
    const yearly = trainingPeople(input, 113, '2024-12-31', P, '2024-12-31', YEARLY_FIGURE_LEVELS);
    expect(yearly.map((p) => p.personId)).toEqual(whole.people.map((p) => p.personId));
    for (const [i, p] of yearly.entries()) {
      expect(Object.keys(p.levels).sort()).toEqual(YEARLY_FIGURE_LEVELS.filter((l) => whole.people[i].levels[l]).sort());
      for (const l of YEARLY_FIGURE_LEVELS) expect(p.levels[l]).toEqual(whole.people[i].levels[l]);
    }
    expect(level3Rate(yearly)).toEqual(whole.figures.level3);
    expect(whole.figures.level3.total).toBe(4);
  });
});
