// Headcount for a plan year: approved quota against who is in post (留職停薪 still fills the post, RULES §2), counting
// plan-funded posts in plan roles and listing 自有-funded people in them apart (planStaffOn).
import { formatRoc, rocYear as rocYearOf } from '../../shared/dates/roc';
import { computeHeadcount } from '../../shared/domain/headcount';
import { FUNDED_SCOPE_LINE, ownFundedNote, planStaffOn } from '../../shared/domain/planStaff';
import { referenceDate } from '../../shared/domain/planParams';
import type { Db } from '../db/connection';
import { getQuota, paramsForYear } from '../db/queries/planYears';
import { loadPlanPostsOn } from './employmentData';
import type { HandlerTable } from './handlerTable';

/** Without a date: the year's 期末 reference date, or today while that year is still running. */
export function headcountDate(db: Db, rocYear: number, today: string): string {
  const end = referenceDate(rocYear, 2, paramsForYear(db, rocYear).params);
  return end > today && rocYearOf(today) === rocYear ? today : end;
}

export function headcountYear(db: Db, rocYear: number, date: string) {
  const data = loadPlanPostsOn(db, date);
  const { params } = paramsForYear(db, rocYear);
  const quota = getQuota(db, rocYear);
  const kind = new Map(data.roles.map((r) => [r.code, r.kind]));
  const posts = data.posts;
  const staff = planStaffOn(posts, (code) => kind.get(code), params);
  // Plan roles count their plan-funded posts (RULES §2); the county's own roles and other programmes' roles are listed
  // with every person in post, against no quota.
  const ownFundedIds = new Set(staff.ownFunded.map((p) => p.personId));
  const counted = posts.filter((p) => !ownFundedIds.has(p.personId));
  const inPost: Record<string, number> = {};
  for (const p of counted) inPost[p.roleCode] = (inPost[p.roleCode] ?? 0) + 1;
  const computed = computeHeadcount(quota ?? { approvedTotal: 0, fundedCM: 0, fundedSCM: 0, fundedSUP: 0, fundedPM: 0 }, inPost, params);
  const quotaOf = new Map(computed.rows.map((r) => [r.roleCode, r]));
  const rows = data.roles
    .filter((role) => quotaOf.has(role.code) || inPost[role.code])
    .map((role) => {
      const q = quota ? quotaOf.get(role.code) : undefined;
      const people = counted
        .filter((p) => p.roleCode === role.code)
        .map((p) => ({ personId: p.personId, name: data.nameOf(p.personId), onLeave: p.onLeave }));
      return {
        roleCode: role.code,
        roleName: role.name,
        quota: q ? q.quota : null,
        inPost: people.length,
        onLeave: people.filter((p) => p.onLeave).length,
        vacancies: q ? q.vacancies : null,
        hiringRate: q ? q.hiringRate : null,
        overQuota: q ? q.overQuota : false,
        people,
      };
    });
  const t = computed.totals;
  const ownFunded = staff.ownFunded.map((p) => ({ personId: p.personId, name: data.nameOf(p.personId), roleCode: p.roleCode }));
  const ownLine = ownFundedNote(ownFunded.map((p) => ({ name: p.name, roleName: data.roleName(p.roleCode) })));
  return {
    rocYear,
    date,
    quota,
    rows,
    totals: quota
      ? { quota: t.quota, inPost: t.inPost, vacancies: t.vacancies, hiringRate: t.hiringRate, overQuota: t.overQuota }
      : { quota: null, inPost: t.inPost, vacancies: null, hiringRate: null, overQuota: false },
    ownFunded,
    /** the same allocation the supervision figure shows on this date (planStaffOn's caps) */
    allocation: staff.caps,
    seniorCap: computed.seniorCap,
    seniorOverCap: computed.seniorOverCap,
    pmAllowance: computed.pmAllowance,
    pmOverAllowance: quota ? computed.pmOverAllowance : false,
    overApprovedTotal: quota ? computed.overApprovedTotal : false,
    interpretation: [
      `在職人數以 ${formatRoc(date)} 計；留職停薪中者仍占缺（列出但標示）。`,
      `個管、資深個管、督導、專管：${FUNDED_SCOPE_LINE}`,
      ...(ownLine ? [ownLine] : []),
      '進用率 = 進用人力 ÷ 核定人力（合計僅含本計畫補助之個管、資深個管、督導、專管）；在職多於核定時進用率超過 100%，標示「超過核定」。',
      `資深個管上限與專管可聘人數依占缺之補助個管 ${staff.filled.caseManagers.length} 人（含留職停薪）計算，與督導比頁相同。`,
      quota ? `核定員額依 ${rocYear} 年度手動登錄。` : `尚未登錄 ${rocYear} 年度核定員額，無法計算缺額與進用率。`,
    ],
  };
}

export const headcountHandlers = {
  'headcount.year': ({ rocYear, date }, { db, today }) =>
    headcountYear(db, rocYear, date ?? headcountDate(db, rocYear, today())),
} satisfies HandlerTable;
