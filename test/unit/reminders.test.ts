// Reminder rules with a fixed "today" (issue: home dashboard), one named case per rule, table-driven.
import { describe, expect, it } from 'vitest';
import { buildReminders, coverageTone, hiringTone, retentionTone, type ReminderInput } from '../../shared/domain/reminders';

const base: ReminderInput = {
  today: '2024-06-01',
  horizonDays: 60,
  milestones: [],
  periodEnds: [],
  leaveEnds: [],
  teams: [],
  teamLimit: 7,
  unassigned: [],
  notCleared: [],
  caseloadMissing: null,
};

describe('buildReminders', () => {
  const cases: [string, Partial<ReminderInput>, { kind: string; due: string; tone: string; title: RegExp; link: string }[]][] = [
    ['someone completes 12 months before the reference date (good news, to protect)', { milestones: [{ personId: 1, name: '甲', months: 12, on: '2024-06-20' }] }, [{ kind: 'retention-milestone', due: '2024-06-20', tone: 'good', title: /甲 將於 113\/06\/20 滿 12 個月/, link: '/retention' }]],
    ['a contract ending within the horizon', { periodEnds: [{ personId: 2, name: '乙', roleName: '個管', endDate: '2024-07-15', endReason: '期滿' }] }, [{ kind: 'period-ends', due: '2024-07-15', tone: 'warning', title: /乙（個管）任職至 113\/07\/15（期滿）/, link: '/people/2' }]],
    ['a contract ending after the horizon is not yet a reminder', { periodEnds: [{ personId: 2, name: '乙', roleName: '個管', endDate: '2024-09-30', endReason: null }] }, []],
    ['an end date already past is not a reminder', { periodEnds: [{ personId: 2, name: '乙', roleName: '個管', endDate: '2024-05-31', endReason: null }] }, []],
    ['a leave ending soon', { leaveEnds: [{ personId: 3, name: '丙', endDate: '2024-06-30' }] }, [{ kind: 'leave-ends', due: '2024-06-30', tone: 'warning', title: /丙 留職停薪至 113\/06\/30/, link: '/people/3' }]],
    ['a supervisor’s team above 7', { teams: [{ supervisorId: 4, supervisorName: '丁', size: 8, overLimit: true }, { supervisorId: 5, supervisorName: '戊', size: 7, overLimit: false }] }, [{ kind: 'team-over-limit', due: '2024-06-01', tone: 'danger', title: /督導 丁 帶領 8 位個管，超過 7 人/, link: '/supervision' }]],
    ['a 個管 without a supervisor', { unassigned: [{ personId: 6, name: '己' }] }, [{ kind: 'unassigned', due: '2024-06-01', tone: 'danger', title: /個管 己 尚未指派督導/, link: '/supervision' }]],
    ['a new 個管 not yet cleared for independent work (附件九)', { notCleared: [{ personId: 7, name: '庚', serviceStart: '2024-05-01' }] }, [{ kind: 'not-cleared', due: '2024-06-01', tone: 'warning', title: /新進個管 庚（113\/05\/01 到職）尚未登錄/, link: '/people/7' }]],
    ['missing caseload records for the last month-end', { caseloadMissing: { monthEnd: '2024-05-31', people: [{ personId: 8, name: '辛' }, { personId: 9, name: '壬' }] } }, [{ kind: 'caseload-missing', due: '2024-06-01', tone: 'warning', title: /113\/05\/31 月底案量尚缺 2 人：辛、壬/, link: '/caseload' }]],
    ['no missing caseloads, no reminder', { caseloadMissing: { monthEnd: '2024-05-31', people: [] } }, []],
    ['a person short of Level 3 with a deadline', { trainingShort: [{ personId: 10, name: '癸', what: 'Level 3 尚缺 4 小時', deadline: '2024-12-31' }] }, [{ kind: 'training-short', due: '2024-12-31', tone: 'warning', title: /癸 Level 3 尚缺 4 小時（期限 113\/12\/31）/, link: '/people/10' }]],
    ['a volunteer short of 4 hours', { volunteersShort: [{ volunteerId: 1, name: '志工甲', shortHours: 2.5, yearEnd: '2024-12-31' }] }, [{ kind: 'volunteer-short', due: '2024-12-31', tone: 'warning', title: /志工 志工甲 繼續教育尚缺 2.5 小時/, link: '/volunteers' }]],
  ];
  for (const [name, patch, expected] of cases) {
    it(name, () => {
      const got = buildReminders({ ...base, ...patch }).map((r) => ({ kind: r.kind, due: r.due, tone: r.tone, title: r.title, link: r.link }));
      expect(got).toHaveLength(expected.length);
      got.forEach((g, i) => expect(g).toMatchObject({ ...expected[i], title: expect.stringMatching(expected[i].title) }));
    });
  }

  it('soonest first; on the same day the urgent before the good news', () => {
    const list = buildReminders({
      ...base,
      milestones: [{ personId: 1, name: '甲', months: 18, on: '2024-06-01' }],
      unassigned: [{ personId: 6, name: '己' }],
      periodEnds: [{ personId: 2, name: '乙', roleName: '個管', endDate: '2024-06-10', endReason: null }],
    });
    expect(list.map((r) => r.kind)).toEqual(['unassigned', 'retention-milestone', 'period-ends']);
  });
});

describe('tile colours', () => {
  it.each([
    [0.85, 0.9, 0.8, 'green'],
    [0.75, 0.82, 0.8, 'amber'],
    [0.75, 0.78, 0.8, 'red'],
    [null, null, 0.8, 'grey'],
  ] as const)('retention %s (projected %s) against %s is %s', (rate, projected, target, tone) => {
    expect(retentionTone(rate, projected, target)).toBe(tone);
  });
  it.each([
    [1, 'green'],
    [0.95, 'green'],
    [0.9, 'amber'],
    [0.8, 'red'],
    [null, 'grey'],
  ] as const)('posts filled %s is %s', (rate, tone) => expect(hiringTone(rate)).toBe(tone));
  it.each([
    [1, 1, 'green'],
    [0.95, 1, 'amber'],
    [0.85, 1, 'red'],
  ] as const)('coverage %s against %s is %s', (rate, target, tone) => expect(coverageTone(rate, target)).toBe(tone));
});

describe('reminders name the person’s own 職稱 (issue #15 item 6)', () => {
  it('a 資深個管 without a supervisor is not called 個管', () => {
    const r = buildReminders({ today: '2024-12-01', horizonDays: 60, milestones: [], periodEnds: [], leaveEnds: [], teams: [], teamLimit: 7, unassigned: [{ personId: 1, name: '甲', roleName: '資深個管' }], notCleared: [{ personId: 2, name: '乙', roleName: '資深個管', serviceStart: '2024-10-01' }], caseloadMissing: null });
    expect(r.map((x) => x.title)).toEqual(['資深個管 甲 尚未指派督導', '新進資深個管 乙（113/10/01 到職）尚未登錄督導評估通過獨立作業日']);
  });
});
