// The home screen: figures from the retention, supervision, headcount and caseload services turned into tiles and
// reminders (shared/domain/reminders). No figure is computed here a second time.
import { addDays, formatRoc, lastMonthEnd, rocYear } from '../../shared/dates/roc';
import { continuousChain, groupByPerson, rosterAt } from '../../shared/domain/employment';
import { nextReferenceDate } from '../../shared/domain/planParams';
import { leadAgencies } from '../../shared/domain/indicators';
import { buildReminders, coverageTone, hiringTone, retentionTone, type TileTone } from '../../shared/domain/reminders';
import { formatPercent as pct } from '../../shared/domain/rate';
import { retentionCounts } from '../../shared/domain/retention';
import type { Db } from '../db/connection';
import { caseloadAt } from './caseloads';
import { loadEmployment, loadEmploymentBetween, paramsOn } from './employmentData';
import { headcountYear } from './headcount';
import { agencyStaffAt, orgChartOf } from './orgChart';
import { monthEnds, retentionAt } from './retention';
import { supervisionAt } from './supervision';
import { yearlyTraining } from './trainingStaff';
import { volunteerYear } from './volunteers';
import { honoursAt } from './volunteerHonours';
import type { HandlerTable } from './handlerTable';

/** New hires are "new" for the clearance reminder during their first half year. */
const NEW_HIRE_DAYS = 180;
const HORIZON_DAYS = 60;

export function home(db: Db, today: string) {
  const params = paramsOn(db, today);
  const nextRef = nextReferenceDate(today, params);
  // Every reminder here is about someone employed between today and the horizon: a post or 留職停薪 (always inside a
  // post) ending in the window, or a new 個管 in post today. Their rows, with whole histories, are all the home page
  // reads; ten years of people who left long ago are not loaded. Retention reads its own narrower rows.
  const data = loadEmploymentBetween(db, today, addDays(today, HORIZON_DAYS));
  const kind = new Map(data.roles.map((r) => [r.code, r.kind]));
  // reminders name each person's own 職稱 (a 資深個管 is not called 「個管」)
  const roleName = new Map(data.roles.map((r) => [r.code, r.name]));
  const roleToday = new Map(rosterAt(today, data.periods, data.leaves).map((e) => [e.personId, roleName.get(e.period.roleCode)]));
  const retention = retentionAt(db, today);
  const supervision = supervisionAt(db, today);
  const headcount = headcountYear(db, rocYear(today), today);
  const monthEnd = lastMonthEnd(today);
  const missing = caseloadAt(db, monthEnd).filter((c) => c.cumulative == null);
  const people = new Map(data.people.map((p) => [p.id, p]));
  const periodsOf = groupByPerson(data.periods);
  const la = retention.lookAhead;
  const year = rocYear(today);
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  const training = yearlyTraining(db, year, today, today);
  const volunteers = volunteerYear(db, year, today);
  const level3 = training.level3;
  const honours = honoursAt(db, today);
  const chart = orgChartOf(db, year).chart;

  const reminders = buildReminders({
    today,
    horizonDays: HORIZON_DAYS,
    milestones: [
      ...la.reachShort.map((r) => ({ personId: r.personId, name: r.name, months: retention.monthsShort, on: r.completesShortOn })),
      ...la.reachLong.map((r) => ({ personId: r.personId, name: r.name, months: retention.monthsLong, on: r.completesLongOn })),
    ],
    periodEnds: data.periods
      .filter((p) => p.endDate && p.endReason !== '職務異動')
      .map((p) => ({ personId: p.personId, name: data.nameOf(p.personId), roleName: data.roleName(p.roleCode), endDate: p.endDate!, endReason: p.endReason })),
    leaveEnds: data.leaves.filter((l) => l.endDate).map((l) => ({ personId: l.personId, name: data.nameOf(l.personId), endDate: l.endDate! })),
    teams: supervision.teams,
    teamLimit: supervision.teamLimit,
    unassigned: supervision.unassigned.map((u) => ({ ...u, roleName: roleToday.get(u.personId) })),
    notCleared: rosterAt(today, data.periods, data.leaves)
      .filter((e) => kind.get(e.period.roleCode) === 'case_manager' && !people.get(e.personId)?.clearedOn)
      .map((e) => ({ e, start: continuousChain(periodsOf.get(e.personId) ?? [], today, (p) => kind.get(p.roleCode) === 'case_manager')[0]?.startDate ?? e.serviceStart }))
      .filter(({ start }) => start >= addDays(today, -NEW_HIRE_DAYS))
      .map(({ e, start }) => ({ personId: e.personId, name: data.nameOf(e.personId), roleName: roleName.get(e.period.roleCode), serviceStart: start })),
    caseloadMissing: { monthEnd, people: missing.map((m) => ({ personId: m.personId, name: m.name })) },
    // Level 3 is yearly: anyone not yet through it with a deadline this year is worth a reminder while there is time
    trainingShort: training.people.flatMap((p) =>
      [p.levels.L3, p.levels.SUP_L3]
        .filter((l) => l && !l.ok && l.deadline && l.deadline >= today)
        .map((l) => ({ personId: p.personId, name: p.name, what: l!.shortfall, deadline: l!.deadline! })),
    ),
    volunteersShort: volunteers.reminders.map((v) => ({ volunteerId: v.volunteerId, name: v.name, shortHours: v.shortBy, yearEnd })),
    volunteerCards: honours.expiring.map((r) => ({ volunteerId: r.volunteerId, name: r.name, expiresOn: r.card!.expiresOn })),
    volunteerHonours: [
      ...honours.eligible.map((r) => ({ volunteerId: r.volunteerId, name: r.name, what: `符合志願服務榮譽卡${r.application === 'first' ? '申請' : '換發'}資格（${r.serviceYearsText}、${r.serviceHours} 小時）` })),
      ...honours.awardEligible.map((r) => ({ volunteerId: r.volunteerId, name: r.name, what: `累計服務 ${r.awardHours.toLocaleString('en-US')} 小時，可申請績優獎勵${r.awardTier}` })),
    ],
    leadsWithoutStaff: chart.some((g) => g.lead) ? leadAgencies(chart, agencyStaffAt(db, today, data)).filter((l) => !l.staff.length) : [],
  });

  // amber says why beside 符合; an office with no 個管 has nothing to comply with (grey, not a green 達標)
  const overTeams = supervision.teams.filter((t) => t.overLimit);
  const supCaveats = [
    ...overTeams.map((t) => `督導 ${t.supervisorName} 帶領 ${t.size} 人，超過 ${supervision.teamLimit} 人`),
    ...(supervision.unassigned.length ? [`${supervision.unassigned.length} 位個管未指派督導`] : []),
  ];
  const supTone: TileTone = supervision.caseManagers.length === 0 ? 'grey' : !supervision.compliance.compliant ? 'red' : supCaveats.length ? 'amber' : 'green';
  const tiles = [
    {
      key: 'retentionShort',
      label: `${retention.monthsShort} 個月留任率`,
      value: pct(retention.rateShort),
      detail: `${retention.countShort}/${retention.denominator} 人；預估 ${formatRoc(la.nextRefDate)} ${pct(la.projectedRateShort)}`,
      tone: retentionTone(retention.rateShort, la.projectedRateShort, retention.targetShort),
      rule: `目標 ${pct(retention.targetShort)}。綠：今日已達標；黃：今日未達但預估 ${formatRoc(la.nextRefDate)} 可達標；紅：預估仍未達標。`,
      link: '/retention',
    },
    {
      key: 'retentionLong',
      label: `${retention.monthsLong} 個月留任率`,
      value: pct(retention.rateLong),
      detail: `${retention.countLong}/${retention.denominator} 人；預估 ${formatRoc(la.nextRefDate)} ${pct(la.projectedRateLong)}`,
      tone: retentionTone(retention.rateLong, la.projectedRateLong, retention.targetLong),
      rule: `目標 ${pct(retention.targetLong)}。綠：今日已達標；黃：今日未達但預估可達標；紅：預估仍未達標。`,
      link: '/retention',
    },
    {
      key: 'supervision',
      label: '督導比',
      value: supervision.ratio == null ? '—' : `${Math.round(supervision.ratio * 10) / 10} : 1`,
      detail: supTone === 'grey' ? '目前沒有在職個管' : [supervision.compliance.reason, ...(supervision.compliance.compliant ? supCaveats : [])].join('；'),
      tone: supTone,
      rule: `紅：不符 ${params.ratioFloor} : 1 規定；黃：符合但有督導帶領超過 ${supervision.teamLimit} 人或個管未指派督導；綠：皆符合。`,
      link: '/supervision',
    },
    {
      key: 'posts',
      label: '進用率（員額）',
      value: pct(headcount.totals.hiringRate),
      detail: headcount.totals.quota == null ? `尚未登錄 ${headcount.rocYear} 年度核定員額` : `在職 ${headcount.totals.inPost}／核定 ${headcount.totals.quota}`,
      tone: hiringTone(headcount.totals.hiringRate),
      rule: '進用人力 ÷ 核定人力。綠 ≥ 95%；黃 ≥ 85%；紅 < 85%；灰：未登錄核定員額。',
      link: '/headcount',
    },
    {
      key: 'level3',
      label: `${year} 年 Level 3 達成`,
      value: pct(level3.rate),
      detail: `${level3.count}/${level3.total} 人完成年度 Level 3（含個案報告）`,
      tone: coverageTone(level3.rate, 1),
      rule: '每位個管每年 ≥ 8 小時核定課程並提出 1 篇個案報告；督導每年 ≥ 6 小時。綠：全員完成；黃：差 10 個百分點內；紅：其餘。',
      link: '/training',
    },
    {
      key: 'volunteers',
      label: '志工繼續教育涵蓋率',
      value: pct(volunteers.rate),
      detail: `${volunteers.covered}/${volunteers.total} 位志工達 ${volunteers.required} 小時`,
      tone: coverageTone(volunteers.rate, volunteers.target),
      rule: `目標 ${pct(volunteers.target)}：當年度服務期間與計畫年度重疊之志工，每人繼續教育 ≥ ${volunteers.required} 小時。綠：達標；黃：差 10 個百分點內；紅：其餘。`,
      link: '/volunteers',
    },
  ];
  return { today, nextRefDate: nextRef, tiles, reminders };
}

export const dashboardHandlers = {
  'dashboard.home': ({ today }, ctx) => home(ctx.db, today ?? ctx.today()),

  'dashboard.trend': ({ end, months }, { db }) => {
    const data = loadEmployment(db);
    const counts = retentionCounts(data, monthEnds(end, months).map((date) => ({ date, params: paramsOn(db, date) })));
    return counts.map(({ date, rateShort, rateLong }) => {
      const byRole: Record<string, number> = {};
      for (const e of rosterAt(date, data.periods, data.leaves)) byRole[e.period.roleCode] = (byRole[e.period.roleCode] ?? 0) + 1;
      return { date, byRole, rateShort, rateLong };
    });
  },
} satisfies HandlerTable;
