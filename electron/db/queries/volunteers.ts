// SQL of the volunteer register: volunteers, service periods, hours and yearly 考核.
import type { IsoDate } from '../../../shared/domain/types';
import type { VolunteerHourKind } from '../../../shared/domain/volunteers';
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface VolunteerFields {
  name: string;
  nationalId: string | null;
  contact: string | null;
  basicTrainingOn: IsoDate | null;
  specialTrainingOn: IsoDate | null;
}
export interface Volunteer extends VolunteerFields {
  id: number;
}
export interface VolunteerPeriod {
  id: number;
  volunteerId: number;
  role: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}
export interface VolunteerHour {
  id: number;
  volunteerId: number;
  workedOn: IsoDate;
  kind: VolunteerHourKind;
  hours: number;
  note: string | null;
}
export interface Evaluation {
  volunteerId: number;
  rocYear: number;
  result: string;
  note: string | null;
}

const V_COLS = 'id, name, national_id, contact, basic_training_on, special_training_on';
const toVolunteer = (r: any): Volunteer => ({
  id: r.id,
  name: r.name,
  nationalId: r.national_id,
  contact: r.contact,
  basicTrainingOn: r.basic_training_on,
  specialTrainingOn: r.special_training_on,
});

export function listVolunteers(db: Db): Volunteer[] {
  return prepared(db, `SELECT ${V_COLS} FROM volunteers ORDER BY name, id`).all().map(toVolunteer);
}
/** A volunteer period overlapping [@from, @to]: the year's volunteers are those with one (RULES §5). */
const SERVING_BETWEEN = 'start_date <= @to AND (end_date IS NULL OR end_date >= @from)';

/** Id and name of the volunteers with a service period overlapping [from, to], by id (the figure sorts by name itself). */
export function listVolunteerNamesServingBetween(db: Db, from: IsoDate, to: IsoDate): { id: number; name: string }[] {
  return prepared(db, `SELECT id, name FROM volunteers WHERE id IN (SELECT volunteer_id FROM volunteer_periods WHERE ${SERVING_BETWEEN}) ORDER BY id`).all({ from, to }) as {
    id: number;
    name: string;
  }[];
}
export function getVolunteer(db: Db, id: number): Volunteer | undefined {
  const r = prepared(db, `SELECT ${V_COLS} FROM volunteers WHERE id = ?`).get(id);
  return r ? toVolunteer(r) : undefined;
}
export function findVolunteerByNationalId(db: Db, nationalId: string): Volunteer | undefined {
  const r = prepared(db, `SELECT ${V_COLS} FROM volunteers WHERE national_id = ?`).get(nationalId);
  return r ? toVolunteer(r) : undefined;
}
export function findVolunteersByName(db: Db, name: string): Volunteer[] {
  return prepared(db, `SELECT ${V_COLS} FROM volunteers WHERE name = ?`).all(name).map(toVolunteer);
}
export function insertVolunteer(db: Db, v: VolunteerFields): number {
  return Number(
    prepared(db,
        `INSERT INTO volunteers (name, national_id, contact, basic_training_on, special_training_on)
         VALUES (@name, @nationalId, @contact, @basicTrainingOn, @specialTrainingOn)`,
      )
      .run(v).lastInsertRowid,
  );
}
export function updateVolunteer(db: Db, id: number, v: VolunteerFields): void {
  prepared(db,
    `UPDATE volunteers SET name = @name, national_id = @nationalId, contact = @contact, basic_training_on = @basicTrainingOn,
       special_training_on = @specialTrainingOn WHERE id = @id`,
  ).run({ ...v, id });
}
export function deleteVolunteer(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM volunteers WHERE id = ?').run(id).changes > 0;
}

// raw rows copied into objects: faster than better-sqlite3's own row objects (the year's figure reads thousands)
const PERIOD = 'SELECT id, volunteer_id, role, start_date, end_date FROM volunteer_periods';
const toPeriod = (r: any[]): VolunteerPeriod => ({ id: r[0], volunteerId: r[1], role: r[2], startDate: r[3], endDate: r[4] });
export function listPeriods(db: Db, volunteerId?: number): VolunteerPeriod[] {
  return (prepared(db, `${PERIOD} WHERE ? IS NULL OR volunteer_id = ? ORDER BY volunteer_id, start_date`).raw(true).all(volunteerId ?? null, volunteerId ?? null) as any[][]).map(toPeriod);
}
/** The service periods overlapping [from, to], by volunteer and start. */
export function listPeriodsBetween(db: Db, from: IsoDate, to: IsoDate): VolunteerPeriod[] {
  return (prepared(db, `${PERIOD} WHERE ${SERVING_BETWEEN} ORDER BY volunteer_id, start_date`).raw(true).all({ from, to }) as any[][]).map(toPeriod);
}
export function getPeriod(db: Db, id: number): VolunteerPeriod | undefined {
  const r = prepared(db, `${PERIOD} WHERE id = ?`).raw(true).get(id) as any[] | undefined;
  return r ? toPeriod(r) : undefined;
}
export function savePeriod(db: Db, id: number | null, p: Omit<VolunteerPeriod, 'id'>): number {
  if (id) {
    prepared(db, 'UPDATE volunteer_periods SET role = @role, start_date = @startDate, end_date = @endDate WHERE id = @id').run({ ...p, id });
    return id;
  }
  return Number(
    prepared(db, 'INSERT INTO volunteer_periods (volunteer_id, role, start_date, end_date) VALUES (@volunteerId, @role, @startDate, @endDate)').run(p)
      .lastInsertRowid,
  );
}
export function deletePeriod(db: Db, id: number): void {
  prepared(db, 'DELETE FROM volunteer_periods WHERE id = ?').run(id);
}

const toHour = (r: any): VolunteerHour => ({ id: r.id, volunteerId: r.volunteer_id, workedOn: r.worked_on, kind: r.kind, hours: r.hours, note: r.note });
export function listHours(db: Db, volunteerId?: number): VolunteerHour[] {
  return prepared(db, 'SELECT id, volunteer_id, worked_on, kind, hours, note FROM volunteer_hours WHERE ? IS NULL OR volunteer_id = ? ORDER BY worked_on, id')
    .all(volunteerId ?? null, volunteerId ?? null)
    .map(toHour);
}
/** Each kind of hours under its own name in a sum: the kinds bound as parameters, spelled once (VOLUNTEER_HOUR_KINDS). */
const BY_KIND = 'total(hours) FILTER (WHERE kind = @ce) AS ce, total(hours) FILTER (WHERE kind = @service) AS service';
const KIND_PARAMS = { ce: '繼續教育' satisfies VolunteerHourKind, service: '服務' satisfies VolunteerHourKind };

/**
 * The hours worked in [from, to], summed per volunteer by kind: all the year's figure reads of them. Summed here, not
 * in JavaScript: a national year is ~30,000 rows at 4× the data, and each row as an object was most of the figure's
 * time and garbage (issue 18). Volunteers with no hours in the span have no row.
 */
export function hourTotalsBetween(db: Db, from: IsoDate, to: IsoDate): { volunteerId: number; ce: number; service: number }[] {
  return prepared(db, `SELECT volunteer_id AS volunteerId, ${BY_KIND} FROM volunteer_hours WHERE worked_on BETWEEN @from AND @to GROUP BY volunteer_id`)
    .all({ from, to, ...KIND_PARAMS }) as { volunteerId: number; ce: number; service: number }[];
}

/** The hours worked in [from, to], all volunteers together, summed per calendar month (1–12) by kind; months without hours have no row. */
export function monthlyHourTotals(db: Db, from: IsoDate, to: IsoDate): { month: number; ce: number; service: number }[] {
  return prepared(db, `SELECT CAST(substr(worked_on, 6, 2) AS INTEGER) AS month, ${BY_KIND} FROM volunteer_hours WHERE worked_on BETWEEN @from AND @to GROUP BY month`)
    .all({ from, to, ...KIND_PARAMS }) as { month: number; ce: number; service: number }[];
}
export function getHour(db: Db, id: number): VolunteerHour | undefined {
  const r = prepared(db, 'SELECT id, volunteer_id, worked_on, kind, hours, note FROM volunteer_hours WHERE id = ?').get(id);
  return r ? toHour(r) : undefined;
}
export function findHour(db: Db, volunteerId: number, workedOn: IsoDate, kind: VolunteerHourKind): VolunteerHour | undefined {
  const r = prepared(db, 'SELECT id, volunteer_id, worked_on, kind, hours, note FROM volunteer_hours WHERE volunteer_id = ? AND worked_on = ? AND kind = ?').get(volunteerId, workedOn, kind);
  return r ? toHour(r) : undefined;
}
export function saveHour(db: Db, id: number | null, h: Omit<VolunteerHour, 'id'>): void {
  if (id) prepared(db, 'UPDATE volunteer_hours SET worked_on = @workedOn, kind = @kind, hours = @hours, note = @note WHERE id = @id').run({ ...h, id });
  else prepared(db, 'INSERT INTO volunteer_hours (volunteer_id, worked_on, kind, hours, note) VALUES (@volunteerId, @workedOn, @kind, @hours, @note)').run(h);
}
export function deleteHour(db: Db, id: number): void {
  prepared(db, 'DELETE FROM volunteer_hours WHERE id = ?').run(id);
}

export function listEvaluations(db: Db, volunteerId?: number): Evaluation[] {
  return prepared(db, 'SELECT volunteer_id, roc_year, result, note FROM volunteer_evaluations WHERE ? IS NULL OR volunteer_id = ? ORDER BY roc_year')
    .all(volunteerId ?? null, volunteerId ?? null)
    .map((r: any) => ({ volunteerId: r.volunteer_id, rocYear: r.roc_year, result: r.result, note: r.note }));
}
/** The 考核 results of one year, by volunteer. */
export function evaluationsOfYear(db: Db, rocYear: number): { volunteerId: number; result: string }[] {
  return prepared(db, 'SELECT volunteer_id AS volunteerId, result FROM volunteer_evaluations WHERE roc_year = ?').all(rocYear) as { volunteerId: number; result: string }[];
}
export function saveEvaluation(db: Db, e: Evaluation): void {
  if (!e.result) {
    prepared(db, 'DELETE FROM volunteer_evaluations WHERE volunteer_id = ? AND roc_year = ?').run(e.volunteerId, e.rocYear);
    return;
  }
  prepared(db,
    `INSERT INTO volunteer_evaluations (volunteer_id, roc_year, result, note) VALUES (@volunteerId, @rocYear, @result, @note)
     ON CONFLICT (volunteer_id, roc_year) DO UPDATE SET result = excluded.result, note = excluded.note`,
  ).run(e);
}
