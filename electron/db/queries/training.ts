// SQL of staff training: courses, who attended them, 個案報告, and each year's training parameters.
import type { IsoDate } from '../../../shared/domain/types';
import type { AttendanceFact, CaseReportFact } from '../../../shared/domain/training';
import type { TrainingLevel, TrainingParams } from '../../../shared/domain/trainingParams';
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface CourseFields {
  name: string;
  heldOn: IsoDate;
  provider: string;
  level: TrainingLevel;
  topic: string | null;
  hours: number;
  approvalDoc: string | null;
  note: string | null;
}
export interface Course extends CourseFields {
  id: number;
  attendees: number;
}
export interface Attendance {
  courseId: number;
  personId: number;
  hours: number;
  certificateNo: string | null;
}
export interface CaseReport {
  id: number;
  personId: number;
  presentedOn: IsoDate;
  title: string;
  meeting: string;
}

const COURSE_SELECT = `SELECT c.id, c.name, c.held_on, c.provider, c.level, c.topic, c.hours, c.approval_doc, c.note,
  (SELECT count(*) FROM training_attendance a WHERE a.course_id = c.id) AS attendees FROM training_courses c`;

const toCourse = (r: any): Course => ({
  id: r.id,
  name: r.name,
  heldOn: r.held_on,
  provider: r.provider,
  level: r.level,
  topic: r.topic,
  hours: r.hours,
  approvalDoc: r.approval_doc,
  note: r.note,
  attendees: r.attendees,
});

export function coursesBetween(db: Db, from: IsoDate, to: IsoDate): Course[] {
  return prepared(db, `${COURSE_SELECT} WHERE c.held_on BETWEEN ? AND ? ORDER BY c.held_on, c.name`).all(from, to).map(toCourse);
}

export function getCourse(db: Db, id: number): Course | undefined {
  const r = prepared(db, `${COURSE_SELECT} WHERE c.id = ?`).get(id);
  return r ? toCourse(r) : undefined;
}

/** One session is 課程名稱 + 日期 + 訓練機關 + 課程主題 (the import's rule and the table's unique key, migration 011). */
export function findCourse(db: Db, name: string, heldOn: IsoDate, provider: string, topic: string | null): Course | undefined {
  const r = prepared(db, `${COURSE_SELECT} WHERE c.name = ? AND c.held_on = ? AND c.provider = ? AND ifnull(c.topic, '') = ?`).get(name, heldOn, provider, topic ?? '');
  return r ? toCourse(r) : undefined;
}

export function insertCourse(db: Db, c: CourseFields): number {
  return Number(
    prepared(db,
        `INSERT INTO training_courses (name, held_on, provider, level, topic, hours, approval_doc, note)
         VALUES (@name, @heldOn, @provider, @level, @topic, @hours, @approvalDoc, @note)`,
      )
      .run(c).lastInsertRowid,
  );
}

export function updateCourse(db: Db, id: number, c: CourseFields): void {
  prepared(db,
    `UPDATE training_courses SET name = @name, held_on = @heldOn, provider = @provider, level = @level, topic = @topic,
       hours = @hours, approval_doc = @approvalDoc, note = @note WHERE id = @id`,
  ).run({ ...c, id });
}

export function deleteCourse(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM training_courses WHERE id = ?').run(id).changes > 0;
}

export function attendanceOfCourse(db: Db, courseId: number): Attendance[] {
  return prepared(db, 'SELECT course_id, person_id, hours, certificate_no FROM training_attendance WHERE course_id = ? ORDER BY id')
    .all(courseId)
    .map((r: any) => ({ courseId: r.course_id, personId: r.person_id, hours: r.hours, certificateNo: r.certificate_no }));
}

export function upsertAttendance(db: Db, a: Attendance): void {
  prepared(db,
    `INSERT INTO training_attendance (course_id, person_id, hours, certificate_no) VALUES (@courseId, @personId, @hours, @certificateNo)
     ON CONFLICT (course_id, person_id) DO UPDATE SET hours = excluded.hours, certificate_no = excluded.certificate_no`,
  ).run(a);
}

export function deleteAttendanceExcept(db: Db, courseId: number, keep: number[]): void {
  const rows = attendanceOfCourse(db, courseId).filter((a) => !keep.includes(a.personId));
  const del = prepared(db, 'DELETE FROM training_attendance WHERE course_id = ? AND person_id = ?');
  for (const a of rows) del.run(courseId, a.personId);
}

/** Every attendance up to a date, joined to its course: what the training rules compute on. */
export function attendanceFacts(db: Db, upTo: IsoDate, personId?: number) {
  return prepared(db,
      `SELECT a.course_id, a.person_id, a.hours, a.certificate_no, c.name, c.held_on, c.provider, c.level, c.topic, c.approval_doc
       FROM training_attendance a JOIN training_courses c ON c.id = a.course_id
       WHERE c.held_on <= ? AND (? IS NULL OR a.person_id = ?) ORDER BY c.held_on, c.name`,
    )
    .all(upTo, personId ?? null, personId ?? null)
    .map((r: any) => ({
      courseId: r.course_id as number,
      personId: r.person_id as number,
      hours: r.hours as number,
      certificateNo: r.certificate_no as string | null,
      name: r.name as string,
      heldOn: r.held_on as IsoDate,
      provider: r.provider as string,
      level: r.level as TrainingLevel,
      topic: r.topic as string | null,
      approvalDoc: r.approval_doc as string | null,
    }));
}

/** The people holding a post on @asOf: whose training the year's figure reads (no one else is listed). */
const IN_POST_ON = 'SELECT person_id FROM periods WHERE start_date <= @asOf AND (end_date IS NULL OR end_date >= @asOf)';

/**
 * What the year's training figure can count, and nothing more: the attendances of the people in post on `asOf` at courses
 * held by then, without the hours of `yearlyLevels` from before `yearStart` (a yearly level counts only its own year).
 * Read course by course (training_courses_date, then each course's attendees), so earlier years' Level 3 is never
 * touched; the courses come once and the attendances as bare numbers, so 30,000 facts share a few thousand strings.
 */
export function attendanceFactsOn(
  db: Db,
  asOf: IsoDate,
  yearStart: IsoDate,
  yearlyLevels: readonly TrainingLevel[],
  /** only courses of these levels (all when absent) */
  levels?: readonly TrainingLevel[],
): AttendanceFact[] {
  const params = { asOf, yearStart, yearly: JSON.stringify(yearlyLevels), levels: levels ? JSON.stringify(levels) : null };
  const held = `k.held_on <= @asOf AND (k.held_on >= @yearStart OR k.level NOT IN (SELECT value FROM json_each(@yearly)))
    AND (@levels IS NULL OR k.level IN (SELECT value FROM json_each(@levels)))`;
  const courses = new Map<number, Omit<AttendanceFact, 'personId' | 'hours'>>();
  for (const c of prepared(db, `SELECT k.id, k.held_on, k.level, k.topic, k.approval_doc FROM training_courses k WHERE ${held}`).all(params) as any[]) {
    courses.set(c.id, { heldOn: c.held_on, level: c.level, topic: c.topic, certified: !!c.approval_doc });
  }
  const rows = prepared(db,
      `SELECT a.person_id, a.course_id, a.hours FROM training_courses k CROSS JOIN training_attendance a ON a.course_id = k.id
       WHERE ${held} AND +a.person_id IN (${IN_POST_ON})`, // '+': filter each course's attendees; don't probe every course for every person
    )
    .raw(true)
    .all(params) as [number, number, number][];
  return rows.map(([personId, courseId, hours]) => {
    const c = courses.get(courseId)!;
    return { personId, heldOn: c.heldOn, level: c.level, topic: c.topic, hours, certified: c.certified };
  });
}

/** The 個案報告 of the people in post on `asOf`, presented by then: who and when. */
export function caseReportFactsOn(db: Db, asOf: IsoDate): CaseReportFact[] {
  return prepared(db, `SELECT person_id AS personId, presented_on AS presentedOn FROM case_reports WHERE presented_on <= @asOf AND person_id IN (${IN_POST_ON})`)
    .all({ asOf }) as CaseReportFact[];
}

const toReport = (r: any): CaseReport => ({ id: r.id, personId: r.person_id, presentedOn: r.presented_on, title: r.title, meeting: r.meeting });

export function caseReports(db: Db, from: IsoDate, to: IsoDate, personId?: number): CaseReport[] {
  return prepared(db,
      `SELECT id, person_id, presented_on, title, meeting FROM case_reports
       WHERE presented_on BETWEEN ? AND ? AND (? IS NULL OR person_id = ?) ORDER BY presented_on, id`,
    )
    .all(from, to, personId ?? null, personId ?? null)
    .map(toReport);
}

export function getCaseReport(db: Db, id: number): CaseReport | undefined {
  const r = prepared(db, 'SELECT id, person_id, presented_on, title, meeting FROM case_reports WHERE id = ?').get(id);
  return r ? toReport(r) : undefined;
}

export function findCaseReport(db: Db, personId: number, presentedOn: IsoDate, title: string): CaseReport | undefined {
  const r = prepared(db, 'SELECT id, person_id, presented_on, title, meeting FROM case_reports WHERE person_id = ? AND presented_on = ? AND title = ?')
    .get(personId, presentedOn, title);
  return r ? toReport(r) : undefined;
}

export function saveCaseReport(db: Db, id: number | null, r: Omit<CaseReport, 'id'>): number {
  if (id) {
    prepared(db, 'UPDATE case_reports SET person_id = @personId, presented_on = @presentedOn, title = @title, meeting = @meeting WHERE id = @id').run({ ...r, id });
    return id;
  }
  return Number(
    prepared(db, 'INSERT INTO case_reports (person_id, presented_on, title, meeting) VALUES (@personId, @presentedOn, @title, @meeting)').run(r).lastInsertRowid,
  );
}

export function deleteCaseReport(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM case_reports WHERE id = ?').run(id).changes > 0;
}

/** The stored training parameters in force for a year: its own row, else the latest earlier year's. */
export function trainingParamsRow(db: Db, rocYear: number): { params: Partial<TrainingParams>; sourceYear: number } | null {
  const r = prepared(db, 'SELECT roc_year, params_json FROM training_params WHERE roc_year <= ? ORDER BY roc_year DESC LIMIT 1').get(rocYear) as
    | { roc_year: number; params_json: string }
    | undefined;
  return r ? { params: JSON.parse(r.params_json), sourceYear: r.roc_year } : null;
}

export function saveTrainingParams(db: Db, rocYear: number, params: TrainingParams): void {
  prepared(db, 'INSERT INTO training_params (roc_year, params_json) VALUES (?, ?) ON CONFLICT (roc_year) DO UPDATE SET params_json = excluded.params_json').run(
    rocYear,
    JSON.stringify(params),
  );
}
