// A synthetic demo office (no real person's name or ID): about 30 people over 2019–2025 with promotions,
// resignations, a rehire, 留職停薪, a role of another programme, quotas, supervision teams and caseloads.
// Hand-written, not random, so tests can hand-count it.
import { assertTimeline } from '../services/roster';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import * as rolesQ from '../db/queries/roles';
import * as caseQ from '../db/queries/caseloads';
import * as orgQ from '../db/queries/orgChart';
import * as planQ from '../db/queries/planYears';
import * as supQ from '../db/queries/supervision';
import { seedTraining } from './demoTraining';
import { rosterAt } from '../../shared/domain/employment';
import { DEFAULT_PLAN_PARAMS } from '../../shared/domain/planParams';
import type { EndReason, Funding } from '../../shared/domain/types';

type P = [role: string, start: string, end?: string, reason?: EndReason];
interface Spec {
  name: string;
  periods: P[];
  group?: string;
  /** 所屬行政單位(局處); 衛生局 unless said */
  unit?: string;
  leave?: [string, string | null];
  edu?: [string, string];
}

const G = '綜合規劃組';
export const DEMO_PEOPLE: Spec[] = [
  { name: '陳雅婷', periods: [['CM', '2019-03-01', '2022-06-30', '職務異動'], ['SCM', '2022-07-01']] },
  { name: '林志豪', periods: [['CM', '2020-08-01']] },
  { name: '黃淑芬', periods: [['CM', '2021-02-01', '2023-08-31', '職務異動'], ['SUP', '2023-09-01']], edu: ['碩士', '社會工作研究所'] },
  { name: '張家豪', periods: [['CM', '2021-06-15', '2024-03-31', '離職']] },
  { name: '李佩珊', periods: [['CM', '2022-01-03']], leave: ['2024-04-01', '2024-09-30'] },
  { name: '王俊傑', periods: [['CM', '2022-05-01']] },
  { name: '吳宜蓁', periods: [['CM', '2022-09-01', '2024-08-31', '離職']] },
  { name: '劉冠宇', periods: [['CM', '2023-01-09']] },
  { name: '蔡欣怡', periods: [['CM', '2023-03-01', '2025-01-31', '轉任他職']] },
  { name: '楊承翰', periods: [['CM', '2023-07-01']] },
  { name: '許雅雯', periods: [['CM', '2023-08-31']] },
  { name: '鄭宇軒', periods: [['CM', '2024-01-02']] },
  { name: '謝佳穎', periods: [['CM', '2024-02-29']] },
  { name: '郭建宏', periods: [['CM', '2024-06-30']] },
  { name: '洪詩涵', periods: [['CM', '2024-10-01']] },
  { name: '曾柏翰', periods: [['CM', '2019-09-01', '2022-12-31', '期滿'], ['CM', '2023-06-01']] },
  { name: '周怡安', periods: [['SCM', '2020-01-06']], leave: ['2025-03-01', null] },
  { name: '江孟儒', periods: [['SUP', '2018-04-01']], edu: ['碩士', '心理學系'] },
  { name: '蘇冠廷', periods: [['CM', '2025-02-03']] },
  { name: '賴怡萱', periods: [['CM', '2025-07-01']] },
  { name: '葉書豪', periods: [['CM', '2022-03-01', '2023-05-31', '離職']] },
  { name: '魏志明', periods: [['CM', '2024-11-01', '2025-04-30', '離職']] },
  { name: '呂佳蓉', periods: [['PM', '2022-01-01']] },
  { name: '潘俊宏', periods: [['OWN', '2020-01-01']], group: '預防宣導組', unit: '教育處' },
  { name: '方雅琪', periods: [['OWN', '2021-07-01']], group: '保護扶助組', unit: '社會處' },
  { name: '石家瑋', periods: [['OWN', '2019-05-01', '2024-05-31', '轉任他職']], group: '醫療服務組' },
  { name: '戴欣妤', periods: [['OWN', '2022-02-01']], group: '綜合規劃組' },
  { name: '彭子晴', periods: [['OWN', '2024-06-01']], group: '醫療服務組' },
  { name: '簡明哲', periods: [['MHSW', '2022-08-01']] },
  { name: '范雅惠', periods: [['MHSW', '2023-04-01']] },
];

/** A checksum-valid synthetic 身分證字號 (letter Z, serial from the index) so demo data exercises masking and matching. */
export function syntheticNationalId(i: number, female: boolean): string {
  const body = `${female ? 2 : 1}${String(9000000 + i).slice(-7)}`;
  const digits = [3, 3, ...body.split('').map(Number)]; // Z = 33
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  const sum = digits.reduce((a, d, k) => a + d * weights[k], 0);
  return `Z${body}${(10 - (sum % 10)) % 10}`;
}

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n === 0;
}

/** Quotas for 113 and 114, supervision teams over time, and month-end caseloads for the report months. */
function seedFigures(db: Db): void {
  for (const year of [113, 114]) {
    planQ.savePlanYear(db, year, { ...DEFAULT_PLAN_PARAMS });
    planQ.saveQuota(db, year, { approvedTotal: 18, fundedCM: 14, fundedSCM: 2, fundedSUP: 2, fundedPM: 1 });
  }
  // 衡量指標 四(一): 衛生局 leads two groups; 114 reads 113's chart (copied forward). Meetings and money per year.
  orgQ.replaceChart(db, 113, [
    { group: '預防宣導組', lead: '教育處', assist: ['警察局'] },
    { group: '保護扶助組', lead: '社會處', assist: ['勞工處'] },
    { group: '醫療服務組', lead: '衛生局', assist: [] },
    { group: '綜合規劃組', lead: '衛生局', assist: ['警察局', '教育處', '社會處'] },
  ]);
  orgQ.saveInputs(db, 113, { meetingsHeld: 4, meetingsChaired: 3, centralSubsidy: 12_000_000, selfFunded: 3_300_000, minSelfRatio: 20 });
  orgQ.saveInputs(db, 114, { meetingsHeld: 2, meetingsChaired: 1, centralSubsidy: 12_500_000, selfFunded: 3_000_000, minSelfRatio: 20 });
  const people = peopleQ.listPeople(db);
  const idOf = (name: string) => people.find((p) => p.name === name)!.id;
  const [senior, junior] = [idOf('江孟儒'), idOf('黃淑芬')];
  const periods = periodsQ.listPeriods(db);
  const caseManagers = [...new Set(periods.filter((p) => p.roleCode === 'CM' || p.roleCode === 'SCM').map((p) => p.personId))];
  caseManagers.forEach((cm, i) => {
    const start = periods.filter((p) => p.personId === cm).map((p) => p.startDate).sort()[0];
    const first = start < '2021-01-01' ? '2021-01-01' : start;
    // From 112/09/01 黃淑芬 is a 督導 too and takes every other 個管 already in post.
    if (i % 2 === 1 && first < '2023-09-01') {
      supQ.insertAssignment(db, { caseManagerId: cm, supervisorId: senior, startDate: first, endDate: '2023-08-31' });
      supQ.insertAssignment(db, { caseManagerId: cm, supervisorId: junior, startDate: '2023-09-01', endDate: null });
    } else {
      supQ.insertAssignment(db, { caseManagerId: cm, supervisorId: i % 2 === 1 ? junior : senior, startDate: first, endDate: null });
    }
  });
  // 附件九: supervisors cleared each 個管 for independent work about three months after they started, except the
  // two newest (洪詩涵, 魏志明 are still being assessed in the demo's 113年 story).
  db.prepare(
    `UPDATE people SET cleared_on = date((SELECT min(start_date) FROM periods WHERE person_id = people.id), '+90 days')
     WHERE id IN (SELECT person_id FROM periods WHERE role_code IN ('CM', 'SCM')) AND name NOT IN ('洪詩涵', '魏志明', '賴怡萱')`,
  ).run();
  const leaves = leavesQ.listLeaves(db);
  for (const monthEnd of ['2024-06-30', '2024-12-31', '2025-06-30']) {
    rosterAt(monthEnd, periods, leaves)
      .filter((e) => ['CM', 'SCM', 'SUP'].includes(e.period.roleCode) && e.period.startDate < monthEnd)
      .forEach((e, i) => {
        const sup = e.period.roleCode === 'SUP';
        caseQ.upsertCaseload(db, { personId: e.personId, monthEnd, cumulative: (sup ? 8 : 24) + ((i * 7) % 19), active: (sup ? 5 : 16) + ((i * 5) % 17) });
      });
  }
}

export function createDemoOffice(db: Db): { people: number } {
  db.transaction(() => {
    if (!rolesQ.listRoles(db).some((r) => r.code === 'MHSW')) rolesQ.insertRole(db, { code: 'MHSW', name: '心衛社工', kind: 'other', sort: 60 });
    DEMO_PEOPLE.forEach((s, i) => {
      const periods = s.periods.map(([roleCode, startDate, endDate, endReason]) => ({
        roleCode,
        funding: (roleCode === 'OWN' ? '自有' : '補助') as Funding,
        businessGroup: s.group ?? G,
        adminUnit: s.unit ?? '衛生局',
        title: null,
        startDate,
        endDate: endDate ?? null,
        endReason: endReason ?? null,
      }));
      const leaves = s.leave ? [{ startDate: s.leave[0], endDate: s.leave[1], note: null }] : [];
      assertTimeline(periods.map((p) => ({ ...p, personId: 0 })), leaves.map((l) => ({ ...l, personId: 0 })));
      const personId = peopleQ.insertPerson(db, {
        name: s.name,
        nationalId: syntheticNationalId(i, i % 2 === 0),
        employeeNo: `D${String(i + 1).padStart(3, '0')}`,
        education: s.edu?.[0] ?? '大學',
        department: s.edu?.[1] ?? '社會工作學系',
        certificate: i % 4 === 0 ? '社會工作師' : null,
        contact: null,
      });
      periods.forEach((p) => periodsQ.insertPeriod(db, { ...p, personId }));
      leaves.forEach((l) => leavesQ.insertLeave(db, { ...l, personId }));
    });
    seedFigures(db);
    seedTraining(db);
  })();
  return { people: DEMO_PEOPLE.length };
}
