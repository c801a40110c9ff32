// The floors of the training matrix (training.year) and of 志工繼續教育涵蓋率 (volunteers.year), in the style of
// floors.ts: one hand-written SQL statement on a plain better-sqlite3 connection, plus only what SQLite cannot do (the
// zh-Hant collation, a few counts over the rows). Each returns the same facts the service does — per person and level
// the hours that count, what is missing, the deadline, the status and the reason; per volunteer the hours and whether
// they are short — so the benchmark can check that floor and ours agree.
import type Database from 'better-sqlite3';
import { formatRoc } from '../../shared/dates/roc';
import { DEFAULT_TRAINING_PARAMS, LEVEL_LABELS, LEVELS_BY_KIND, type RequiredLevel, type TrainingParams } from '../../shared/domain/trainingParams';
import type { RoleKind } from '../../shared/domain/types';
import { addMonthsSql } from './floors';

type Db = Database.Database;
const collator = new Intl.Collator('zh-Hant-TW');

// -------------------------------------------------------------------------------------------------------- training

/**
 * One row per person in a 個管/督導 post on @d and level that post owes, with every fact of the level. The year's
 * rules come in as JSON (@levels, @owes), so the statement reads the same parameters the service does:
 * - `cur`: the post each person holds on @d (the covering index periods_current) in a role owing levels, with the
 *   person's name, 留職停薪 on @d and 個案報告 counts (case_reports' (person_id, presented_on) index);
 * - `walk`: continuous service in roles owing the level, one consecutive period back at a time (owedFrom);
 * - `hours`: course by course (training_courses_date, then the course's attendees) — so earlier years' Level 3 is never
 *   read — the hours of those people per level and topic, in the level's window, certified where the level asks;
 * - `topics`: topic levels capped topic by topic, as the list the answer carries; `done`: the hours that count.
 * CROSS JOIN fixes the join order where the planner, without statistics, would probe every course for every person.
 * The status is SQL too; the JS below only words the reasons (as retentionFloor does), groups levels into people,
 * sorts by name and counts.
 */
export const TRAINING_SQL = `
WITH RECURSIVE rule AS MATERIALIZED (
  SELECT key AS level, value ->> '$.hours' AS hours, value ->> '$.yearly' AS yearly,
    coalesce(value ->> '$.certifiedOnly', 0) AS certified_only, coalesce(value ->> '$.caseReports', 0) AS case_reports,
    value ->> '$.dueMonthDay' AS due_md, value ->> '$.dueMonthsAfterStart' AS due_months, value -> '$.topics' IS NOT NULL AS has_topics
  FROM json_each(@levels)
), topic_rule AS MATERIALIZED (
  SELECT u.key AS level, t.key AS ord, t.value ->> '$.name' AS name, t.value ->> '$.hours' AS required
  FROM json_each(@levels) u, json_each(u.value, '$.topics') t
), owes AS MATERIALIZED (
  SELECT k.key AS kind, l.value AS level, l.key AS ord FROM json_each(@owes) k, json_each(k.value) l
), cur AS MATERIALIZED (
  SELECT p.person_id, p.role_code, p.start_date, r.kind, r.name AS role_name, pe.name,
    EXISTS (SELECT 1 FROM leaves l WHERE l.person_id = p.person_id AND l.start_date <= @d AND (l.end_date IS NULL OR l.end_date >= @d)) AS on_leave,
    (SELECT count(*) FROM case_reports cr WHERE cr.person_id = p.person_id AND cr.presented_on <= @d) AS reports_ever,
    (SELECT count(*) FROM case_reports cr WHERE cr.person_id = p.person_id AND cr.presented_on BETWEEN @ys AND @d) AS reports_year
  FROM periods p JOIN roles r ON r.code = p.role_code JOIN people pe ON pe.id = p.person_id
  WHERE p.start_date <= @d AND (p.end_date IS NULL OR p.end_date >= @d) AND r.kind IN (SELECT kind FROM owes)
), walk(person_id, level, start) AS (
  SELECT c.person_id, o.level, c.start_date FROM cur c JOIN owes o ON o.kind = c.kind
  UNION ALL
  SELECT w.person_id, w.level, p.start_date FROM walk w
    JOIN periods p INDEXED BY periods_person ON p.person_id = w.person_id AND p.start_date < w.start AND p.end_date = date(w.start, '-1 day')
    JOIN roles r ON r.code = p.role_code JOIN owes o ON o.kind = r.kind AND o.level = w.level
), hours AS MATERIALIZED (
  SELECT c.person_id, k.level, k.topic, sum(a.hours) AS hours
  FROM training_courses k CROSS JOIN rule u ON u.level = k.level CROSS JOIN training_attendance a ON a.course_id = k.id
    CROSS JOIN cur c ON c.person_id = a.person_id JOIN owes o ON o.kind = c.kind AND o.level = k.level
  WHERE k.held_on <= @d AND (NOT u.yearly OR k.held_on >= @ys) AND (NOT u.certified_only OR coalesce(k.approval_doc, '') <> '')
  GROUP BY c.person_id, k.level, k.topic
), topics AS MATERIALIZED (
  SELECT c.person_id, t.level, json_group_array(json_object('name', t.name, 'required', t.required, 'done', min(coalesce(h.hours, 0), t.required),
    'missing', t.required - min(coalesce(h.hours, 0), t.required)) ORDER BY t.ord) AS list
  FROM cur c JOIN owes o ON o.kind = c.kind JOIN topic_rule t ON t.level = o.level
  LEFT JOIN hours h ON h.person_id = c.person_id AND h.level = t.level AND h.topic = t.name
  GROUP BY c.person_id, t.level
), since AS (
  SELECT person_id, level, min(start) AS owed_from FROM walk GROUP BY person_id, level
), done AS (
  SELECT h.person_id, h.level, sum(CASE WHEN u.has_topics THEN coalesce(min(h.hours, t.required), 0) ELSE h.hours END) AS done
  FROM hours h JOIN rule u ON u.level = h.level LEFT JOIN topic_rule t ON t.level = h.level AND t.name = h.topic
  GROUP BY h.person_id, h.level
), lv AS MATERIALIZED (
  SELECT s.person_id, s.level, u.yearly, u.hours AS required, u.case_reports, s.owed_from, coalesce(d.done, 0) AS done, tp.list AS topics,
    CASE WHEN u.yearly THEN c.reports_year ELSE c.reports_ever END AS reports_done,
    CASE WHEN u.yearly AND u.due_md IS NOT NULL THEN CASE WHEN s.owed_from <= substr(@ys, 1, 5) || u.due_md THEN substr(@ys, 1, 5) || u.due_md END
      WHEN NOT u.yearly AND u.due_months IS NOT NULL THEN date(${addMonthsSql('s.owed_from', 'u.due_months')}, '-1 day') END AS deadline,
    c.name, c.role_code, c.role_name, c.kind, c.on_leave, c.reports_year
  FROM since s JOIN cur c ON c.person_id = s.person_id JOIN rule u ON u.level = s.level
  LEFT JOIN done d ON d.person_id = s.person_id AND d.level = s.level LEFT JOIN topics tp ON tp.person_id = s.person_id AND tp.level = s.level
), ev AS (
  SELECT *, max(0, required - done) AS missing, CASE WHEN case_reports THEN max(0, case_reports - reports_done) ELSE 0 END AS reports_missing FROM lv
)
SELECT person_id AS personId, name, role_code AS roleCode, role_name AS roleName, kind, on_leave AS onLeave, reports_year AS reportsYear,
  level, yearly, required, done, missing, topics, case_reports AS caseReportsRequired, reports_done AS caseReportsDone, reports_missing AS reportsMissing,
  owed_from AS owedFrom, deadline, missing = 0 AND reports_missing = 0 AS ok,
  CASE WHEN missing = 0 AND reports_missing = 0 THEN '完成' WHEN deadline IS NOT NULL AND @today > deadline THEN '逾期'
    WHEN done > 0 OR (case_reports AND reports_done > 0) THEN '進行中' ELSE '未開始' END AS status
FROM ev`;

const rate = (count: number, total: number) => ({ count, total, rate: total ? count / total : null });

export function trainingFloor(db: Db, rocYear: number, d: string, today: string, params: TrainingParams = DEFAULT_TRAINING_PARAMS) {
  const gy = rocYear + 1911;
  const rows = db.prepare(TRAINING_SQL).all({ d, ys: `${gy}-01-01`, today, levels: JSON.stringify(params.levels), owes: JSON.stringify(LEVELS_BY_KIND) }) as any[];
  const byPerson = new Map<number, any>();
  for (const r of rows) {
    let p = byPerson.get(r.personId);
    if (!p) byPerson.set(r.personId, (p = { personId: r.personId, name: r.name, roleCode: r.roleCode, roleName: r.roleName, kind: r.kind, onLeave: !!r.onLeave, reportsYear: r.reportsYear, levels: {} }));
    const label = LEVEL_LABELS[r.level as RequiredLevel];
    const topics = r.topics == null ? null : (JSON.parse(r.topics) as { name: string; missing: number }[]);
    const short = topics?.filter((t) => t.missing > 0).map((t) => `${t.name} ${t.missing}`).join('、');
    const parts = [
      r.missing > 0 ? `${label} 尚缺 ${r.missing} 小時${short ? `（${short}）` : ''}` : null,
      r.reportsMissing > 0 ? `${label} 尚缺個案報告 ${r.reportsMissing} 篇` : null,
    ].filter(Boolean);
    p.levels[r.level] = {
      level: r.level,
      label,
      yearly: !!r.yearly,
      required: r.required,
      done: r.done,
      missing: r.missing,
      topics,
      caseReports: r.caseReportsRequired ? { required: r.caseReportsRequired, done: r.caseReportsDone } : null,
      owedFrom: r.owedFrom,
      deadline: r.deadline,
      status: r.status,
      ok: !!r.ok,
      reason: (r.ok ? `${label} 已完成` : parts.join('；')) + (r.status === '逾期' ? `（期限 ${formatRoc(r.deadline)}，已逾期）` : ''),
    };
  }
  const people = [...byPerson.values()];
  for (const p of people) {
    const list = (LEVELS_BY_KIND[p.kind as RoleKind] ?? []).map((l) => p.levels[l]) as { ok: boolean; status: string; reason: string }[];
    p.ok = list.every((l) => l.ok);
    p.status = p.ok ? '完成' : list.some((l) => l.status === '逾期') ? '逾期' : list.every((l) => l.status === '未開始') ? '未開始' : '進行中';
    p.reason = p.ok ? '已完成所有訓練要求' : list.filter((l) => !l.ok).map((l) => l.reason).join('；');
  }
  people.sort((a, b) => collator.compare(a.name, b.name) || a.personId - b.personId);
  const n = people.length;
  const okAt = (p: any, lv: string[]) => lv.some((l) => p.levels[l]?.ok);
  const filers = people.filter((p) => p.reportsYear > 0);
  return {
    rocYear,
    asOf: d,
    people,
    figures: {
      population: n,
      level1: rate(people.filter((p) => okAt(p, ['L1'])).length, n),
      level2: rate(people.filter((p) => okAt(p, ['L2', 'SUP_L2'])).length, n),
      level3: rate(people.filter((p) => okAt(p, ['L3', 'SUP_L3'])).length, n),
      caseReports: { filed: filers.reduce((s, p) => s + p.reportsYear, 0), people: filers.length, owedBy: people.filter((p) => p.levels.L3).length },
      byLevel: (['L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3'] as const)
        .map((level) => {
          const owing = people.filter((p) => p.levels[level]);
          return { ...rate(owing.filter((p) => p.levels[level].ok).length, owing.length), level, label: LEVEL_LABELS[level] };
        })
        .filter((r) => r.total > 0),
    },
  };
}

/**
 * Not a floor but a lower bound, printed beside the training row: the statement above is slower than ours (the rules
 * are too much for one statement to do fast), so this shows how far ours is from merely reading the hours that count —
 * the attended hours of the people in post on @d, per level and topic, Level 3 only from @ys.
 */
export const TRAINING_HOURS_SQL = `
SELECT a.person_id, k.level, k.topic, sum(a.hours) FROM training_courses k CROSS JOIN training_attendance a ON a.course_id = k.id
WHERE k.held_on <= @d AND (k.held_on >= @ys OR k.level NOT IN ('L3', 'SUP_L3'))
  AND +a.person_id IN (SELECT person_id FROM periods WHERE start_date <= @d AND (end_date IS NULL OR end_date >= @d))
GROUP BY a.person_id, k.level, k.topic`;

export function trainingHoursRead(db: Db, d: string): unknown[] {
  return db.prepare(TRAINING_HOURS_SQL).raw(true).all({ d, ys: `${d.slice(0, 4)}-01-01` });
}

// -------------------------------------------------------------------------------------------------------- volunteers

/**
 * One row per volunteer of the year (a service period overlapping it), with the latest such period, the year's hours
 * by kind, how far short of @required, 考核 and whether the volunteer still serves after @d; then, in the same
 * statement, twelve rows of monthly hours (all volunteers) with running totals. The year's hours are read once through
 * volunteer_hours_year (migration 014, which covers the columns read) and summed both ways from that one materialised scan. The JS below words the reasons, sorts by
 * name and counts.
 */
export const VOLUNTEERS_SQL = `
WITH hrs AS MATERIALIZED (
  SELECT volunteer_id, kind, hours, CAST(substr(worked_on, 6, 2) AS INT) AS month FROM volunteer_hours WHERE worked_on BETWEEN @ys AND @ye
), per AS (
  SELECT volunteer_id, sum(hours) FILTER (WHERE kind = '繼續教育') AS ce, sum(hours) FILTER (WHERE kind = '服務') AS service FROM hrs GROUP BY volunteer_id
), vp AS (
  SELECT volunteer_id, role, start_date, end_date, row_number() OVER (PARTITION BY volunteer_id ORDER BY start_date DESC) AS rn
  FROM volunteer_periods WHERE start_date <= @ye AND coalesce(end_date, '9999-12-31') >= @ys
), yv AS (
  SELECT v.id, v.name, p.role, p.start_date, p.end_date, coalesce(h.ce, 0) AS ce, coalesce(h.service, 0) AS service, e.result AS evaluation,
    max(0, @required - coalesce(h.ce, 0)) AS short_by,
    EXISTS (SELECT 1 FROM volunteer_periods q WHERE q.volunteer_id = v.id AND coalesce(q.end_date, '9999-12-31') > @d AND q.start_date <= @ye) AS still
  FROM vp p JOIN volunteers v ON v.id = p.volunteer_id LEFT JOIN per h ON h.volunteer_id = v.id
  LEFT JOIN volunteer_evaluations e ON e.volunteer_id = v.id AND e.roc_year = @y
  WHERE p.rn = 1
), months(month) AS (
  SELECT value FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12]')
)
SELECT id AS volunteerId, name, role, start_date AS serviceStart, end_date AS serviceEnd, ce AS ceHours, service AS serviceHours,
  short_by AS shortBy, (short_by > 0 AND @d < @ye AND still) AS canRemind, evaluation, short_by = 0 AS ok,
  NULL AS month, NULL AS cumCe, NULL AS cumService
FROM yv
UNION ALL
SELECT NULL, NULL, NULL, NULL, NULL, ce, service, NULL, NULL, NULL, NULL, month,
  sum(ce) OVER (ORDER BY month), sum(service) OVER (ORDER BY month)
FROM (SELECT m.month, coalesce(sum(h.hours) FILTER (WHERE h.kind = '繼續教育'), 0) AS ce, coalesce(sum(h.hours) FILTER (WHERE h.kind = '服務'), 0) AS service
  FROM months m LEFT JOIN hrs h ON h.month = m.month GROUP BY m.month)`;

export function volunteersFloor(db: Db, rocYear: number, d: string, required = 4, target = 1) {
  const gy = rocYear + 1911;
  const ys = `${gy}-01-01`;
  const ye = `${gy}-12-31`;
  const all = db.prepare(VOLUNTEERS_SQL).all({ y: rocYear, d, ys, ye, required }) as any[];
  const rows: any[] = [];
  const monthly: any[] = [];
  for (const r of all) {
    if (r.month != null) monthly.push({ month: r.month, ce: r.ceHours, service: r.serviceHours, ceCumulative: r.cumCe, serviceCumulative: r.cumService });
    else {
      r.canRemind = !!r.canRemind;
      r.ok = !!r.ok;
      r.reason = r.ok ? `繼續教育 ${r.ceHours} 小時，已達 ${required} 小時` : `繼續教育尚缺 ${r.shortBy} 小時（已有 ${r.ceHours} 小時）`;
      rows.push(r); // (its month columns belong to the monthly rows and stay null here)
    }
  }
  rows.sort((a, b) => collator.compare(a.name, b.name) || a.volunteerId - b.volunteerId);
  const total = rows.length;
  const covered = rows.filter((r) => r.ok).length;
  const short = rows.filter((r) => !r.ok).sort((a, b) => b.shortBy - a.shortBy || collator.compare(a.name, b.name) || a.volunteerId - b.volunteerId);
  const running = d < ye;
  return {
    rocYear,
    asOf: d,
    required,
    target,
    total,
    covered,
    rate: total ? covered / total : null,
    met: total ? covered >= target * total - 1e-9 : null,
    rows,
    short,
    reminders: short.filter((r) => r.canRemind),
    daysLeft: running ? (Date.parse(ye) - Date.parse(d)) / 86_400_000 : 0,
    monthly,
  };
}
