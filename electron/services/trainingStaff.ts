// Staff training: courses with their ticked attendees, 個案報告, each year's training parameters, and the per-person
// and office figures computed by shared/domain/training.
import type { Output, ParsedInput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { formatRoc, rocYear } from '../../shared/dates/roc';
import { computeTraining, level3Rate, trainingPeople, YEARLY_FIGURE_LEVELS } from '../../shared/domain/training';
import { evaluationDate, findTopic, LEVEL_LABELS, mergeTrainingParams, yearSpan, type RequiredLevel, type TrainingParams } from '../../shared/domain/trainingParams';
import type { Db } from '../db/connection';
import * as peopleQ from '../db/queries/people';
import * as trainingQ from '../db/queries/training';
import { loadEmploymentOn } from './employmentData';
import { compareNames } from '../../shared/domain/collation';
import type { HandlerTable } from './handlerTable';

/** The year's training parameters: its own, else the latest earlier year's, else the 113年 standards. */
export function trainingParamsFor(db: Db, rocYear: number): { params: TrainingParams; sourceYear: number | null } {
  const row = trainingQ.trainingParamsRow(db, rocYear);
  return { params: mergeTrainingParams(row?.params), sourceYear: row?.sourceYear ?? null };
}

/**
 * What the year's training figures read on `asOf`, and nothing more: the people in post then with their whole histories
 * (continuous service walks back), their 個案報告 and their attendances up to `asOf` — for yearly levels only this
 * year's, the only ones evaluateLevel counts; `levels`: only those levels' courses.
 */
function trainingInputOn(db: Db, rocYear: number, asOf: string, levels?: readonly RequiredLevel[]) {
  const data = loadEmploymentOn(db, asOf);
  const { params } = trainingParamsFor(db, rocYear);
  const yearly = (Object.keys(params.levels) as RequiredLevel[]).filter((l) => params.levels[l].yearly);
  const attendance = trainingQ.attendanceFactsOn(db, asOf, yearSpan(rocYear).start, yearly, levels);
  return { data, params, input: { ...data, attendance, caseReports: trainingQ.caseReportFactsOn(db, asOf) } };
}

/** The year's matrix on `asOf`. */
export function trainingYear(db: Db, rocYear: number, asOf: string, today: string = asOf): Output<'training.year'> {
  const { data, params, input } = trainingInputOn(db, rocYear, asOf);
  const result = computeTraining(input, rocYear, asOf, params, today);
  return { ...result, people: result.people.map((p) => ({ ...p, roleName: data.roleName(p.roleCode) })) };
}

/**
 * Only the yearly figure of the year on `asOf`: Level 3 達成率 and each listed person's Level 3 / 督導 Level 3 — what
 * the home page shows and reminds of. The same people and rules as trainingYear, reading only those levels' courses
 * (this year's, when yearly) instead of every one-time level's whole history.
 */
export function yearlyTraining(db: Db, rocYear: number, asOf: string, today: string = asOf) {
  const { params, input } = trainingInputOn(db, rocYear, asOf, YEARLY_FIGURE_LEVELS);
  const people = trainingPeople(input, rocYear, asOf, params, today, YEARLY_FIGURE_LEVELS);
  return { people, level3: level3Rate(people) };
}

function reportRow(db: Db, r: trainingQ.CaseReport) {
  return { ...r, name: peopleQ.getPerson(db, r.personId)?.name ?? `#${r.personId}` };
}

function courseDetail(db: Db, id: number): Output<'training.courses.get'> {
  const course = trainingQ.getCourse(db, id);
  if (!course) throw new AppError('NOT_FOUND', '找不到這門課程');
  const attendees = trainingQ
    .attendanceOfCourse(db, id)
    .map((a) => ({ personId: a.personId, hours: a.hours, certificateNo: a.certificateNo, name: peopleQ.getPerson(db, a.personId)?.name ?? `#${a.personId}` }))
    .sort((a, b) => compareNames(a.name, b.name));
  return { course, attendees };
}

/** The rules a course must meet before anyone's hours can count: L2 topics by name, L3 certified. */
function checkCourse(db: Db, c: ParsedInput<'training.courses.save'>['course']): string | null {
  if (c.level === 'OTHER') return c.topic;
  const rule = trainingParamsFor(db, rocYear(c.heldOn)).params.levels[c.level];
  if (rule.certifiedOnly && !c.approvalDoc) throw new AppError('VALIDATION', `${LEVEL_LABELS[c.level]} 課程須填衛福部核定公文日期及文號`, 'approvalDoc');
  if (!rule.topics) return c.topic;
  const topic = c.topic ? findTopic(rule, c.topic) : undefined;
  if (!topic) throw new AppError('VALIDATION', `${LEVEL_LABELS[c.level]} 課程須選擇主題（${rule.topics.map((t) => t.name).join('、')}）`, 'topic');
  return topic.name;
}

/** A UNIQUE constraint hit becomes the clerk's CONFLICT message instead of a system error. */
export function uniqueGuard<T>(fn: () => T, message: string): T {
  try {
    return fn();
  } catch (e) {
    if ((e as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('CONFLICT', message);
    throw e;
  }
}

export const staffTrainingHandlers = {
  'training.params.get': ({ rocYear }, { db }) => ({ rocYear, ...trainingParamsFor(db, rocYear) }),

  'training.params.save': ({ rocYear, params }, { db }) => {
    trainingQ.saveTrainingParams(db, rocYear, mergeTrainingParams(params));
    return { saved: true as const };
  },

  'training.year': ({ rocYear, date }, { db, today }) =>
    trainingYear(db, rocYear, evaluationDate(rocYear, date ?? today()), today()),

  'training.person': ({ personId, rocYear }, { db, today }) => {
    const person = peopleQ.getPerson(db, personId);
    if (!person) throw new AppError('NOT_FOUND', '找不到人員');
    const asOf = evaluationDate(rocYear, today());
    const year = trainingYear(db, rocYear, asOf, today()).people.find((p) => p.personId === personId) ?? null;
    const attendance = trainingQ.attendanceFacts(db, '9999-12-31', personId).map(({ personId: _p, ...a }) => a);
    const reports = trainingQ.caseReports(db, '0000-01-01', '9999-12-31', personId).map((r) => reportRow(db, r));
    return { personId, name: person.name, year, attendance, caseReports: reports };
  },

  'training.courses.list': ({ rocYear }, { db }) => {
    const { start, end } = yearSpan(rocYear);
    return trainingQ.coursesBetween(db, start, end);
  },

  'training.courses.get': ({ id }, { db }) => courseDetail(db, id),

  'training.courses.save': ({ id, course, attendees }, { db }) => {
    if (id && !trainingQ.getCourse(db, id)) throw new AppError('NOT_FOUND', '找不到這門課程');
    const fields = { ...course, topic: checkCourse(db, course) };
    const seen = new Set<number>();
    for (const a of attendees) {
      const who = peopleQ.getPerson(db, a.personId);
      if (!who) throw new AppError('NOT_FOUND', `找不到人員 #${a.personId}`);
      if (seen.has(a.personId)) throw new AppError('VALIDATION', `${who.name} 重複列出`, 'attendees');
      if (a.hours > course.hours) throw new AppError('VALIDATION', `${who.name} 的時數 ${a.hours} 超過課程時數 ${course.hours}`, 'attendees');
      seen.add(a.personId);
    }
    const courseId = uniqueGuard(
      () =>
        db.transaction(() => {
          const cid = id ?? trainingQ.insertCourse(db, fields);
          if (id) trainingQ.updateCourse(db, id, fields);
          trainingQ.deleteAttendanceExcept(db, cid, [...seen]);
          attendees.forEach((a) => trainingQ.upsertAttendance(db, { ...a, courseId: cid }));
          return cid;
        })(),
      `已有同名課程於 ${formatRoc(course.heldOn)} 由「${course.provider || '（未填訓練機關）'}」辦理；同一課程請直接勾選出席者`,
    );
    return courseDetail(db, courseId);
  },

  'training.courses.delete': ({ id }, { db }) => {
    if (!trainingQ.deleteCourse(db, id)) throw new AppError('NOT_FOUND', '找不到這門課程');
    return { deleted: true as const };
  },

  'caseReports.list': ({ rocYear }, { db }) => {
    const { start, end } = yearSpan(rocYear);
    return trainingQ.caseReports(db, start, end).map((r) => reportRow(db, r));
  },

  'caseReports.save': ({ id, report }, { db }) => {
    if (!peopleQ.getPerson(db, report.personId)) throw new AppError('NOT_FOUND', '找不到人員');
    if (id && !trainingQ.getCaseReport(db, id)) throw new AppError('NOT_FOUND', '找不到這篇個案報告');
    const saved = uniqueGuard(() => trainingQ.saveCaseReport(db, id, report), '同一人同一天已有同題目的個案報告');
    return reportRow(db, trainingQ.getCaseReport(db, saved)!);
  },

  'caseReports.delete': ({ id }, { db }) => {
    if (!trainingQ.deleteCaseReport(db, id)) throw new AppError('NOT_FOUND', '找不到這篇個案報告');
    return { deleted: true as const };
  },
} satisfies HandlerTable;
