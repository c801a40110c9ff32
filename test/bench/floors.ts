// The floor of each figure: the least work that could produce the same answer — one hand-written SQL statement on a
// plain better-sqlite3 connection, plus only what SQLite cannot do (the zh-Hant collation, a few counts over the rows).
// Each returns the same facts the service does, so the benchmark can check that floor and ours agree.
import type Database from 'better-sqlite3';
import { formatRoc } from '../../shared/dates/roc';
import { maskNationalId } from '../../shared/domain/nationalId';

type Db = Database.Database;
const collator = new Intl.Collator('zh-Hant-TW');

// -------------------------------------------------------------------------------------------------------- roster

export const ROSTER_SQL = `
WITH RECURSIVE cur AS (
  SELECT * FROM periods WHERE start_date <= @d AND (end_date IS NULL OR end_date >= @d)
), walk(period_id, person_id, start) AS (
  SELECT id, person_id, start_date FROM cur
  UNION ALL
  SELECT w.period_id, w.person_id, p.start_date FROM walk w
    JOIN periods p ON p.id = (SELECT q.id FROM periods q WHERE q.person_id = w.person_id AND q.start_date < w.start ORDER BY q.start_date DESC LIMIT 1)
  WHERE p.end_date = date(w.start, '-1 day')
), svc AS (
  SELECT period_id, min(start) AS service_start FROM walk GROUP BY period_id
)
SELECT pe.id AS personId, pe.name, pe.national_id AS nationalId, pe.employee_no AS employeeNo, r.code AS roleCode,
  r.name AS roleName, c.funding, c.business_group AS businessGroup, c.admin_unit AS adminUnit, c.title, c.id AS periodId,
  c.start_date AS periodStart, c.end_date AS periodEnd, s.service_start AS serviceStart,
  l.start_date AS leaveStart, l.end_date AS leaveEnd, pe.education, r.sort
FROM cur c JOIN svc s ON s.period_id = c.id JOIN people pe ON pe.id = c.person_id JOIN roles r ON r.code = c.role_code
LEFT JOIN leaves l ON l.person_id = c.person_id AND l.start_date <= @d AND (l.end_date IS NULL OR l.end_date >= @d)`;

export function rosterFloor(db: Db, d: string) {
  const rows = (db.prepare(ROSTER_SQL).all({ d }) as any[]).map((r) => ({ ...r, nationalIdMasked: maskNationalId(r.nationalId), onLeave: r.leaveStart != null }));
  rows.sort((a, b) => a.sort - b.sort || collator.compare(a.name, b.name) || a.personId - b.personId);
  const countsByRole: Record<string, number> = {};
  for (const r of rows) countsByRole[r.roleCode] = (countsByRole[r.roleCode] ?? 0) + 1;
  return { date: d, rows, countsByRole, onLeave: rows.filter((r) => r.onLeave).length };
}

// -------------------------------------------------------------------------------------------------------- retention

/** addMonths(x, n) with month-end clamping, as SQL over a date expression `x` and an integer `n`. */
export const addMonthsSql = (x: string, n: string) =>
  `date(${x}, 'start of month', '+' || (${n}) || ' months', '+' || (min(CAST(strftime('%d', ${x}) AS INT),
     CAST(strftime('%d', ${x}, 'start of month', '+' || ((${n}) + 1) || ' months', '-1 day') AS INT)) - 1) || ' days')`;

export const RETENTION_SQL = `
WITH RECURSIVE scope AS (
  SELECT p.* FROM periods p JOIN roles r ON r.code = p.role_code WHERE p.funding = '補助' AND r.kind IN ('case_manager', 'supervisor')
), covering AS (
  SELECT * FROM scope WHERE start_date <= @d AND (end_date IS NULL OR end_date >= @d)
), anchor AS (
  SELECT person_id, role_code, start_date, 1 AS in_post, @d AS as_of FROM covering
  UNION ALL
  SELECT person_id, role_code, start_date, 0, end_date FROM (
    SELECT s.*, row_number() OVER (PARTITION BY person_id ORDER BY end_date DESC) AS rn FROM scope s
    WHERE end_date >= @ys AND end_date < @d AND person_id NOT IN (SELECT person_id FROM covering)) WHERE rn = 1
), walk(person_id, start) AS (
  SELECT person_id, start_date FROM anchor
  UNION ALL
  SELECT w.person_id, p.start_date FROM walk w
    JOIN periods p ON p.id = (SELECT q.id FROM periods q JOIN roles r ON r.code = q.role_code WHERE q.person_id = w.person_id
      AND q.start_date < w.start AND q.funding = '補助' AND r.kind IN ('case_manager', 'supervisor') ORDER BY q.start_date DESC LIMIT 1)
  WHERE p.end_date = date(w.start, '-1 day')
), base AS MATERIALIZED (
  SELECT a.person_id, a.role_code, a.in_post, a.as_of, sv.service_start,
    coalesce((SELECT sum(julianday(min(coalesce(l.end_date, a.as_of), a.as_of)) - julianday(max(l.start_date, sv.service_start)) + 1)
      FROM leaves l WHERE l.person_id = a.person_id AND l.start_date <= a.as_of AND coalesce(l.end_date, a.as_of) >= sv.service_start), 0) AS leave_days,
    (SELECT l.start_date || '|' || coalesce(l.end_date, '') FROM leaves l
      WHERE l.person_id = a.person_id AND l.start_date <= @d AND (l.end_date IS NULL OR l.end_date >= @ys) ORDER BY l.start_date LIMIT 1) AS year_leave
  FROM anchor a JOIN (SELECT person_id, min(start) AS service_start FROM walk GROUP BY person_id) sv USING (person_id)
), adj AS (
  SELECT *, date(service_start, '+' || CAST(leave_days AS INT) || ' days') AS adjusted, date(as_of, '+1 day') AS nxt FROM base
), served AS MATERIALIZED (
  SELECT *, CASE WHEN adjusted > nxt THEN 0 ELSE
    ((CAST(strftime('%Y', nxt) AS INT) - CAST(strftime('%Y', adjusted) AS INT)) * 12 + CAST(strftime('%m', nxt) AS INT) - CAST(strftime('%m', adjusted) AS INT))
    - (CASE WHEN strftime('%Y-%m', nxt) > strftime('%Y-%m', adjusted)
         AND min(CAST(strftime('%d', adjusted) AS INT), CAST(strftime('%d', nxt, 'start of month', '+1 month', '-1 day') AS INT)) > CAST(strftime('%d', nxt) AS INT)
       THEN 1 ELSE 0 END) END AS months
  FROM adj
)
SELECT s.person_id AS personId, pe.name, s.role_code AS roleCode, s.service_start AS serviceStart, CAST(s.leave_days AS INT) AS leaveDaysInService,
  s.adjusted AS adjustedStart, s.months AS monthsServed, s.in_post AS inPost, s.year_leave AS yearLeave,
  (s.in_post AND s.year_leave IS NULL) AS inDenominator,
  (s.in_post AND s.year_leave IS NULL AND s.months >= @short) AS inShort,
  (s.in_post AND s.year_leave IS NULL AND s.months >= @long) AS inLong,
  date(${addMonthsSql('s.adjusted', '@short')}, '-1 day') AS completesShortOn,
  date(${addMonthsSql('s.adjusted', '@long')}, '-1 day') AS completesLongOn
FROM served s JOIN people pe ON pe.id = s.person_id
ORDER BY CASE WHEN inDenominator THEN 0 WHEN s.year_leave IS NOT NULL AND s.in_post THEN 1 ELSE 2 END, s.adjusted, s.person_id`;

export function retentionFloor(db: Db, d: string, nextRef: string, short = 12, long = 18) {
  const ys = `${d.slice(0, 4)}-01-01`;
  const rows = (db.prepare(RETENTION_SQL).all({ d, ys, short, long }) as any[]).map((r) => {
    const inDenominator = !!r.inDenominator;
    const inShort = !!r.inShort;
    const inLong = !!r.inLong;
    const since = `服務起 ${formatRoc(r.serviceStart)}${r.leaveDaysInService ? `，扣除留職停薪 ${r.leaveDaysInService} 日後起算 ${formatRoc(r.adjustedStart)}` : ''}`;
    const reason = !r.inPost
      ? '已離職/轉任他職：非在職，不列入'
      : r.yearLeave
        ? `留職停薪 ${r.yearLeave}：不列入計算`
        : inLong
          ? `已滿${long}個月（${since}）`
          : inShort
            ? `已滿${short}個月、未滿${long}個月（${since}；滿${long}個月於 ${formatRoc(r.completesLongOn)}）`
            : `未滿${short}個月（已服務 ${r.monthsServed} 個月，${since}；滿${short}個月於 ${formatRoc(r.completesShortOn)}）`;
    return { ...r, inDenominator, inShort, inLong, reason };
  });
  const counted = rows.filter((r) => r.inDenominator);
  return {
    denominator: counted.length,
    countShort: counted.filter((r) => r.inShort).length,
    countLong: counted.filter((r) => r.inLong).length,
    rows,
    reachShort: counted.filter((r) => !r.inShort && r.completesShortOn <= nextRef),
    reachLong: counted.filter((r) => !r.inLong && r.completesLongOn <= nextRef),
  };
}

// -------------------------------------------------------------------------------------------------------- supervision

export const SUPERVISION_SQL = `
SELECT c.person_id AS personId, pe.name, c.role_code AS roleCode, r.kind, c.funding, l.id IS NOT NULL AS onLeave,
  (SELECT a.supervisor_id FROM supervision_assignments a WHERE a.case_manager_id = c.person_id AND a.start_date <= @d
     AND (a.end_date IS NULL OR a.end_date >= @d) ORDER BY a.start_date DESC, a.id DESC LIMIT 1) AS supervisorId
FROM periods c JOIN roles r ON r.code = c.role_code JOIN people pe ON pe.id = c.person_id
LEFT JOIN leaves l ON l.person_id = c.person_id AND l.start_date <= @d AND (l.end_date IS NULL OR l.end_date >= @d)
WHERE c.start_date <= @d AND (c.end_date IS NULL OR c.end_date >= @d)`;

// RULES §2: the plan's figures count plan-funded (補助) posts; 自有-funded people in a plan role are listed apart
const PLAN_KINDS = new Set(['case_manager', 'supervisor', 'project_manager']);
const outOfScope = (r: { kind: string; funding: string }) => PLAN_KINDS.has(r.kind) && r.funding !== '補助';

export function supervisionFloor(db: Db, d: string) {
  const rows = (db.prepare(SUPERVISION_SQL).all({ d }) as any[]).filter((r) => !outOfScope(r));
  const working = rows.filter((r) => !r.onLeave && (r.kind === 'case_manager' || r.kind === 'supervisor'));
  const caseManagers = working.filter((r) => r.kind === 'case_manager');
  const supervisors = working.filter((r) => r.kind === 'supervisor');
  const teams = new Map<number, number[]>(supervisors.map((s) => [s.personId, []]));
  const unassigned: number[] = [];
  for (const c of caseManagers) {
    const team = teams.get(c.supervisorId);
    if (team) team.push(c.personId);
    else unassigned.push(c.personId);
  }
  return {
    caseManagers: caseManagers.length,
    supervisors: supervisors.length,
    excludedOnLeave: rows.filter((r) => r.onLeave && (r.kind === 'case_manager' || r.kind === 'supervisor')).length,
    seniorsInPost: rows.filter((r) => r.roleCode === 'SCM').length,
    pmInPost: rows.filter((r) => r.kind === 'project_manager').length,
    teams: [...teams].map(([supervisorId, members]) => ({ supervisorId, size: members.length })),
    unassigned: unassigned.length,
  };
}

// -------------------------------------------------------------------------------------------------------- headcount

export const HEADCOUNT_SQL = `
SELECT r.code AS roleCode, r.name AS roleName, r.kind, c.funding, c.person_id AS personId, pe.name, l.id IS NOT NULL AS onLeave,
  q.approved_total, q.funded_cm, q.funded_scm, q.funded_sup, q.funded_pm
FROM periods c JOIN roles r ON r.code = c.role_code JOIN people pe ON pe.id = c.person_id
LEFT JOIN leaves l ON l.person_id = c.person_id AND l.start_date <= @d AND (l.end_date IS NULL OR l.end_date >= @d)
LEFT JOIN quotas q ON q.roc_year = @y
WHERE c.start_date <= @d AND (c.end_date IS NULL OR c.end_date >= @d)
ORDER BY r.sort, r.code, c.person_id`;

export function headcountFloor(db: Db, rocYear: number, d: string) {
  const all = db.prepare(HEADCOUNT_SQL).all({ d, y: rocYear }) as any[];
  const rows = all.filter((r) => !outOfScope(r));
  const byRole = new Map<string, { roleCode: string; roleName: string; inPost: number; onLeave: number; people: { personId: number; name: string; onLeave: boolean }[] }>();
  for (const r of rows) {
    let role = byRole.get(r.roleCode);
    if (!role) byRole.set(r.roleCode, (role = { roleCode: r.roleCode, roleName: r.roleName, inPost: 0, onLeave: 0, people: [] }));
    role.inPost++;
    if (r.onLeave) role.onLeave++;
    role.people.push({ personId: r.personId, name: r.name, onLeave: !!r.onLeave });
  }
  const q = all[0];
  const quota = q?.approved_total == null ? null : { approvedTotal: q.approved_total, fundedCM: q.funded_cm, fundedSCM: q.funded_scm, fundedSUP: q.funded_sup, fundedPM: q.funded_pm };
  return { quota, rows: [...byRole.values()] };
}
