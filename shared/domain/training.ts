// Staff training requirements per person and plan year, and the office's 參訓率 (RULES §4; seed 004 附件二, 附件三).
import { formatRoc, isoFromRocYear, type IsoDate } from '../dates/roc';
import { continuousChain, groupByPerson, plusDays, plusMonths, rosterAt } from './employment';
import {
  LEVEL_LABELS,
  LEVELS_BY_KIND,
  roundHours,
  yearSpan,
  type LevelRule,
  type RequiredLevel,
  type TrainingLevel,
  type TrainingParams,
} from './trainingParams';
import type { Leave, Period, Role, RoleKind } from './types';
import { compareNames } from './collation';

export type TrainingStatus = '完成' | '進行中' | '未開始' | '逾期';

export interface AttendanceFact {
  personId: number;
  heldOn: IsoDate;
  level: TrainingLevel;
  topic: string | null;
  hours: number;
  /** the course carries the ministry's 核定公文日期及文號 */
  certified: boolean;
}

export interface CaseReportFact {
  personId: number;
  presentedOn: IsoDate;
}

export interface TrainingInput {
  people: { id: number; name: string }[];
  periods: Period[];
  leaves: Leave[];
  roles: Role[];
  attendance: AttendanceFact[];
  caseReports: CaseReportFact[];
}

export interface TopicResult {
  name: string;
  required: number;
  done: number;
  missing: number;
}

export interface LevelResult {
  level: RequiredLevel;
  label: string;
  yearly: boolean;
  required: number;
  /** hours that count: for topic levels, each topic's hours capped at what that topic requires */
  done: number;
  missing: number;
  topics: TopicResult[] | null;
  caseReports: { required: number; done: number } | null;
  /** first day of the continuous service in roles that owe this level */
  owedFrom: IsoDate;
  deadline: IsoDate | null;
  status: TrainingStatus;
  ok: boolean;
  /** what is still missing, without the deadline ('' when done): for reminders that name the deadline themselves */
  shortfall: string;
  /** shortfall (or 已完成) and, when late, the deadline: for people to read */
  reason: string;
}

export interface PersonTraining {
  personId: number;
  name: string;
  roleCode: string;
  kind: RoleKind;
  onLeave: boolean;
  levels: Partial<Record<RequiredLevel, LevelResult>>;
  status: TrainingStatus;
  ok: boolean;
  reason: string;
}

export interface Rate {
  count: number;
  total: number;
  rate: number | null;
}

export interface TrainingYear {
  rocYear: number;
  asOf: IsoDate;
  people: PersonTraining[];
  figures: {
    population: number;
    level1: Rate;
    level2: Rate;
    level3: Rate;
    caseReports: { filed: number; people: number; owedBy: number };
    byLevel: (Rate & { level: RequiredLevel; label: string })[];
  };
  interpretation: string[];
}

const rate = (count: number, total: number): Rate => ({ count, total, rate: total ? count / total : null });

/** Does a role of this kind owe this level? (L1 is owed by 個管 and 督導 alike, so a promotion does not restart it.) */
export function owes(kind: RoleKind | undefined, level: RequiredLevel): boolean {
  return !!kind && (LEVELS_BY_KIND[kind] ?? []).includes(level);
}

/** Topic levels: hours per topic, each capped at its requirement (RULES §4: "30 hours over 12 topics"). */
function topicResults(rule: LevelRule, byTopic: ReadonlyMap<string, number>): TopicResult[] {
  return (rule.topics ?? []).map((t) => {
    const done = Math.min(roundHours(byTopic.get(t.name) ?? 0), t.hours);
    return { name: t.name, required: t.hours, done, missing: roundHours(t.hours - done) };
  });
}

/** 逾期 is judged against the real today: a closed year read on its 12/31 is late once that day has passed. */
export function levelStatus(ok: boolean, started: boolean, deadline: IsoDate | null, today: IsoDate): TrainingStatus {
  if (ok) return '完成';
  if (deadline && today > deadline) return '逾期';
  return started ? '進行中' : '未開始';
}

interface LevelContext {
  rocYear: number;
  asOf: IsoDate;
  today: IsoDate;
  owedFrom: IsoDate;
  facts: readonly AttendanceFact[];
  reports: readonly CaseReportFact[];
  /** the plan year's first day, when the caller has it already (else derived from rocYear) */
  yearStart?: IsoDate;
}

/** A yearly level's due date in a plan year; the same few dates are asked for by every person, so they are kept. */
const dueDates = new Map<string, IsoDate>();
function yearlyDue(rocYear: number, monthDay: string): IsoDate {
  const key = `${rocYear}|${monthDay}`;
  let due = dueDates.get(key);
  if (due === undefined) {
    const [m, d] = monthDay.split('-').map(Number);
    dueDates.set(key, (due = isoFromRocYear(rocYear, m, d)));
  }
  return due;
}

/** One level for one person: what counts, what is missing, and the status on `asOf`. */
export function evaluateLevel(level: RequiredLevel, rule: LevelRule, c: LevelContext): LevelResult {
  const start = c.yearStart ?? yearSpan(c.rocYear).start;
  const { asOf } = c;
  // one pass over the person's facts: what counts is this level's, in its window, certified where the level asks
  const byTopic = rule.topics ? new Map<string, number>() : null;
  let hours = 0;
  for (const f of c.facts) {
    if (f.level !== level || f.heldOn > asOf || (rule.yearly && f.heldOn < start) || (rule.certifiedOnly && !f.certified)) continue;
    if (!byTopic) hours += f.hours;
    else if (f.topic != null) byTopic.set(f.topic, (byTopic.get(f.topic) ?? 0) + f.hours);
  }
  const topics = byTopic ? topicResults(rule, byTopic) : null;
  let done = hours;
  if (topics) {
    done = 0;
    for (const t of topics) done += t.done;
  }
  done = roundHours(done);
  const missing = roundHours(Math.max(0, rule.hours - done));
  let reportsDone = 0;
  for (const r of c.reports) if (r.presentedOn <= asOf && (!rule.yearly || r.presentedOn >= start)) reportsDone++;
  const caseReports = rule.caseReports ? { required: rule.caseReports, done: reportsDone } : null;
  const reportsMissing = caseReports ? Math.max(0, caseReports.required - reportsDone) : 0;

  let deadline: IsoDate | null = null;
  if (rule.yearly && rule.dueMonthDay) {
    deadline = yearlyDue(c.rocYear, rule.dueMonthDay);
    // someone who starts owing the level after this year's due date cannot be late for it this year
    if (c.owedFrom > deadline) deadline = null;
  } else if (!rule.yearly && rule.dueMonthsAfterStart != null) {
    deadline = plusDays(plusMonths(c.owedFrom, rule.dueMonthsAfterStart), -1);
  }

  const label = LEVEL_LABELS[level];
  const ok = missing === 0 && reportsMissing === 0;
  const status = levelStatus(ok, done > 0 || (!!caseReports && reportsDone > 0), deadline, c.today);
  const parts: string[] = [];
  if (missing > 0) {
    const short = topics?.filter((t) => t.missing > 0).map((t) => `${t.name} ${t.missing}`);
    parts.push(`${label} 尚缺 ${missing} 小時${short?.length ? `（${short.join('、')}）` : ''}`);
  }
  if (reportsMissing > 0) parts.push(`${label} 尚缺個案報告 ${reportsMissing} 篇`);
  const shortfall = parts.join('；');
  let reason = ok ? `${label} 已完成` : shortfall;
  if (status === '逾期') reason += `（期限 ${formatRoc(deadline)}，已逾期）`;
  return { level, label, yearly: rule.yearly, required: rule.hours, done, missing, topics, caseReports, owedFrom: c.owedFrom, deadline, status, ok, shortfall, reason };
}

function overallStatus(levels: LevelResult[]): TrainingStatus {
  if (levels.every((l) => l.ok)) return '完成';
  if (levels.some((l) => l.status === '逾期')) return '逾期';
  if (levels.every((l) => l.status === '未開始')) return '未開始';
  return '進行中';
}

/**
 * Everyone in a 個管 or 督導 role on `asOf` (the year's end once it is over) owes the levels of the role they hold
 * then; a promotion mid-year changes what is owed from the promotion on (RULES §4).
 */
export function computeTraining(input: TrainingInput, rocYear: number, asOf: IsoDate, params: TrainingParams, today: IsoDate = asOf): TrainingYear {
  const people = trainingPeople(input, rocYear, asOf, params, today);
  return { rocYear, asOf, people, figures: officeFigures(people, input.caseReports, rocYear, asOf), interpretation: interpretation(asOf) };
}

/** The levels of each person's own role that are yearly figures: Level 3 達成率 counts these (個管 Level 3, 督導 督導 Level 3). */
export const YEARLY_FIGURE_LEVELS: readonly RequiredLevel[] = ['L3', 'SUP_L3'];

/**
 * The people computeTraining lists, in name order, each with the levels they owe. `only`: evaluate just these levels
 * (everyone owing any level is still listed; their status and reason then speak of those levels alone) — what the
 * home page needs of the year, without the one-time levels' whole histories.
 */
export function trainingPeople(input: TrainingInput, rocYear: number, asOf: IsoDate, params: TrainingParams, today: IsoDate = asOf, only?: readonly RequiredLevel[]): PersonTraining[] {
  const kindOf = new Map(input.roles.map((r) => [r.code, r.kind]));
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const periodsBy = groupByPerson(input.periods);
  const factsBy = groupByPerson(input.attendance);
  const reportsBy = groupByPerson(input.caseReports);
  const yearStart = yearSpan(rocYear).start;
  // per level, which periods count towards owing it (built once, not per person)
  const inScope = new Map<RequiredLevel, (p: Period) => boolean>();
  const scopeOf = (level: RequiredLevel) => {
    let f = inScope.get(level);
    if (!f) inScope.set(level, (f = (p: Period) => owes(kindOf.get(p.roleCode), level)));
    return f;
  };
  const none: never[] = [];
  const people: PersonTraining[] = [];

  for (const entry of rosterAt(asOf, input.periods, input.leaves)) {
    const kind = kindOf.get(entry.period.roleCode);
    const owed = kind ? LEVELS_BY_KIND[kind] : undefined;
    if (!kind || !owed) continue;
    const mine = periodsBy.get(entry.personId) ?? none;
    const facts = factsBy.get(entry.personId) ?? none;
    const reports = reportsBy.get(entry.personId) ?? none;
    const levels: Partial<Record<RequiredLevel, LevelResult>> = {};
    const list: LevelResult[] = [];
    for (const level of owed) {
      if (only && !only.includes(level)) continue;
      const chain = continuousChain(mine, asOf, scopeOf(level));
      const result = evaluateLevel(level, params.levels[level], {
        rocYear,
        asOf,
        today,
        owedFrom: chain[0]?.startDate ?? entry.period.startDate,
        facts,
        reports,
        yearStart,
      });
      levels[level] = result;
      list.push(result);
    }
    const ok = list.every((l) => l.ok);
    people.push({
      personId: entry.personId,
      name: names.get(entry.personId) ?? `#${entry.personId}`,
      roleCode: entry.period.roleCode,
      kind,
      onLeave: !!entry.leave,
      levels,
      status: overallStatus(list),
      ok,
      reason: ok ? '已完成所有訓練要求' : list.filter((l) => !l.ok).map((l) => l.reason).join('；'),
    });
  }
  people.sort((a, b) => compareNames(a.name, b.name));
  return people;
}

/** Level 3 達成率 over everyone listed: through the yearly level of their role (Level 3 with its 個案報告, 督導 Level 3). */
export function level3Rate(people: readonly PersonTraining[]): Rate {
  return rate(people.filter((p) => YEARLY_FIGURE_LEVELS.some((l) => p.levels[l]?.ok)).length, people.length);
}

/** Level I/II 參訓率 and L3 compliance over everyone listed; Level II and III mean the level of each person's role. */
export function officeFigures(people: PersonTraining[], reports: readonly CaseReportFact[], rocYear: number, asOf: IsoDate): TrainingYear['figures'] {
  const n = people.length;
  const okAt = (p: PersonTraining, lv: RequiredLevel[]) => lv.some((l) => p.levels[l]?.ok);
  const { start } = yearSpan(rocYear);
  const listed = new Set(people.map((p) => p.personId));
  const filed = reports.filter((r) => listed.has(r.personId) && r.presentedOn >= start && r.presentedOn <= asOf);
  const levels: RequiredLevel[] = ['L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3'];
  return {
    population: n,
    level1: rate(people.filter((p) => okAt(p, ['L1'])).length, n),
    level2: rate(people.filter((p) => okAt(p, ['L2', 'SUP_L2'])).length, n),
    level3: level3Rate(people),
    caseReports: { filed: filed.length, people: new Set(filed.map((r) => r.personId)).size, owedBy: people.filter((p) => p.levels.L3).length },
    byLevel: levels
      .map((level) => {
        const owing = people.filter((p) => p.levels[level]);
        return { level, label: LEVEL_LABELS[level], ...rate(owing.filter((p) => p.levels[level]!.ok).length, owing.length) };
      })
      .filter((r) => r.total > 0),
  };
}

function interpretation(asOf: IsoDate): string[] {
  return [
    `名單為計算日 ${formatRoc(asOf)} 在職之個管、資深個管與督導（年度進行中以今天、年度結束後以 12/31 計）；留職停薪者照列並標示，不免除要求。`,
    '個管應完成 Level 1、Level 2，每年 Level 3；督導應完成 Level 1、督導 Level 1、督導 Level 2，每年督導 Level 3（附件二、附件三）。年度中升任督導者，自升任日起改依督導標準。',
    'Level 1、Level 2、督導 Level 1、督導 Level 2 為一次性，計入歷年時數；Level 3、督導 Level 3 僅計當年度時數，Level 3 只計有核定公文日期及文號之課程。',
    'Level 2、督導 Level 2 依主題分別計算，單一主題超過的時數不補其他主題。',
    'Level 2 參訓率以各人職務之第二級（個管 Level 2、督導 督導 Level 2）計；Level 3 達成率同理（個管 Level 3 含個案報告、督導 督導 Level 3）。',
  ];
}
