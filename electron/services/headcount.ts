// Headcount for a plan year: approved quota against who is in post (留職停薪 still fills the post, RULES §2).
import type { ParsedInput } from '../../shared/api/contract';
import { formatRoc, rocYear as rocYearOf } from '../../shared/dates/roc';
import { postsAt } from '../../shared/domain/employment';
import { computeHeadcount } from '../../shared/domain/headcount';
import { referenceDate } from '../../shared/domain/planParams';
import type { Db } from '../db/connection';
import { getQuota, paramsForYear } from '../db/queries/planYears';
import type { ServiceContext } from './context';
import { loadPostsOn } from './employmentData';

/** Without a date: the year's 期末 reference date, or today while that year is still running. */
export function headcountDate(db: Db, rocYear: number, today: string): string {
  const end = referenceDate(rocYear, 2, paramsForYear(db, rocYear).params);
  return end > today && rocYearOf(today) === rocYear ? today : end;
}

export function headcountYear(db: Db, rocYear: number, date: string) {
  const data = loadPostsOn(db, date);
  const { params } = paramsForYear(db, rocYear);
  const quota = getQuota(db, rocYear);
  const entries = postsAt(date, data.periods, data.leaves);
  const inPost: Record<string, number> = {};
  for (const e of entries) inPost[e.period.roleCode] = (inPost[e.period.roleCode] ?? 0) + 1;
  const computed = computeHeadcount(quota ?? { approvedTotal: 0, fundedCM: 0, fundedSCM: 0, fundedSUP: 0, fundedPM: 0 }, inPost, params);
  const quotaOf = new Map(computed.rows.map((r) => [r.roleCode, r]));
  const rows = data.roles
    .filter((role) => quotaOf.has(role.code) || inPost[role.code])
    .map((role) => {
      const q = quota ? quotaOf.get(role.code) : undefined;
      const people = entries
        .filter((e) => e.period.roleCode === role.code)
        .map((e) => ({ personId: e.personId, name: data.nameOf(e.personId), onLeave: e.leave != null }));
      return {
        roleCode: role.code,
        roleName: role.name,
        quota: q ? q.quota : null,
        inPost: people.length,
        onLeave: people.filter((p) => p.onLeave).length,
        vacancies: q ? q.vacancies : null,
        hiringRate: q ? q.hiringRate : null,
        people,
      };
    });
  const t = computed.totals;
  return {
    rocYear,
    date,
    quota,
    rows,
    totals: quota ? { quota: t.quota, inPost: t.inPost, vacancies: t.vacancies, hiringRate: t.hiringRate } : { quota: null, inPost: t.inPost, vacancies: null, hiringRate: null },
    seniorCap: computed.seniorCap,
    seniorOverCap: computed.seniorOverCap,
    pmAllowance: computed.pmAllowance,
    pmOverAllowance: quota ? computed.pmOverAllowance : false,
    overApprovedTotal: quota ? computed.overApprovedTotal : false,
    interpretation: [
      `在職人數以 ${formatRoc(date)} 計；留職停薪中者仍占缺（列出但標示）。`,
      '進用率 = 進用人力 ÷ 核定人力（合計僅含本計畫補助之個管、資深個管、督導、專管）。',
      quota ? `核定員額依 ${rocYear} 年度手動登錄。` : `尚未登錄 ${rocYear} 年度核定員額，無法計算缺額與進用率。`,
    ],
  };
}

export const headcountHandlers = {
  'headcount.year': ({ rocYear, date }: ParsedInput<'headcount.year'>, { db, today }: ServiceContext) =>
    headcountYear(db, rocYear, date ?? headcountDate(db, rocYear, today())),
};
