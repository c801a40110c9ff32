// The volunteer register (service periods, hours, 考核) and the year's 志工繼續教育涵蓋率.
import type { Output } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { formatRoc } from '../../shared/dates/roc';
import { checkPeriods, groupBy } from '../../shared/domain/employment';
import { maskNationalId } from '../../shared/domain/nationalId';
import { evaluationDate, yearSpan } from '../../shared/domain/trainingParams';
import { computeVolunteerYear, servingOn } from '../../shared/domain/volunteers';
import type { Db } from '../db/connection';
import * as volQ from '../db/queries/volunteers';
import { trainingParamsFor, uniqueGuard } from './trainingStaff';
import type { HandlerTable } from './handlerTable';
import { deleteOwnRow, mustHaveVolunteer } from './volunteerRows';

/** Like personMatch for staff: 身分證字號, else 姓名 when exactly one volunteer has it. */
export function matchVolunteer(db: Db, v: { name: string; nationalId: string | null }): { volunteer: volQ.Volunteer | null; issue?: string } {
  if (v.nationalId) {
    const byId = volQ.findVolunteerByNationalId(db, v.nationalId);
    if (byId) return { volunteer: byId };
  }
  const byName = volQ.findVolunteersByName(db, v.name).filter((x) => !v.nationalId || !x.nationalId);
  if (byName.length > 1) return { volunteer: null, issue: `已有 ${byName.length} 位名為「${v.name}」的志工，請填身分證字號以辨別` };
  return { volunteer: byName[0] ?? null };
}

/** A volunteer's service periods must not overlap: the coverage figure counts each volunteer once. */
export function periodProblems(periods: { startDate: string; endDate: string | null }[]): string[] {
  return checkPeriods(periods).map((p) => p.message.replace('任職期間', '服務期間').replace('離職日', '服務迄').replace('到職日', '服務起'));
}

function summary(db: Db, v: volQ.Volunteer) {
  const { nationalId, ...rest } = v;
  return { ...rest, nationalIdMasked: maskNationalId(nationalId), periods: volQ.listPeriods(db, v.id).map(({ volunteerId: _v, ...p }) => p) };
}

export function volunteerDetail(db: Db, id: number): Output<'volunteers.get'> {
  const v = volQ.getVolunteer(db, id);
  if (!v) throw new AppError('NOT_FOUND', '找不到這位志工');
  return {
    ...summary(db, v),
    hours: volQ.listHours(db, id).map(({ volunteerId: _v, ...h }) => h),
    evaluations: volQ.listEvaluations(db, id).map(({ volunteerId: _v, ...e }) => e),
  };
}

const NO_HOURS = { ce: 0, service: 0 };

/**
 * Everything the year's figure reads, each table once, and only the year's: the volunteers serving in it with their
 * periods overlapping it (whom the figure lists, and all it reads of their service), their hours — summed per
 * volunteer and per month by the database — and 考核. Hours outside the plan year count for nothing.
 */
export function volunteerYear(db: Db, rocYear: number, asOf: string): Output<'volunteers.year'> {
  const { start, end } = yearSpan(rocYear);
  const periods = groupBy(volQ.listPeriodsBetween(db, start, end), (p) => p.volunteerId);
  const hours = new Map(volQ.hourTotalsBetween(db, start, end).map(({ volunteerId, ...byKind }) => [volunteerId, byKind]));
  const evaluations = new Map(volQ.evaluationsOfYear(db, rocYear).map((e) => [e.volunteerId, e.result]));
  const facts = volQ.listVolunteerNamesServingBetween(db, start, end).map((v) => ({
    id: v.id,
    name: v.name,
    periods: periods.get(v.id) ?? [],
    yearHours: hours.get(v.id) ?? NO_HOURS,
    evaluation: evaluations.get(v.id) ?? null,
  }));
  const { params } = trainingParamsFor(db, rocYear);
  return computeVolunteerYear(facts, volQ.monthlyHourTotals(db, start, end), rocYear, asOf, params.volunteerCeHours, params.volunteerTarget);
}

export const volunteerHandlers = {
  'volunteers.list': (_, { db }) => volQ.listVolunteers(db).map((v) => summary(db, v)),

  'volunteers.get': ({ id }, { db }) => volunteerDetail(db, id),

  'volunteers.save': ({ id, volunteer }, { db }) => {
    const existing = id ? mustHaveVolunteer(db, id) : null;
    const fields = { ...volunteer, nationalId: volunteer.nationalId === undefined ? (existing?.nationalId ?? null) : volunteer.nationalId };
    const saved = uniqueGuard(() => {
      if (id) volQ.updateVolunteer(db, id, fields);
      return id ?? volQ.insertVolunteer(db, fields);
    }, '已有志工使用這個身分證字號');
    return volunteerDetail(db, saved);
  },

  'volunteers.delete': ({ id }, { db }) => {
    if (!volQ.deleteVolunteer(db, id)) throw new AppError('NOT_FOUND', '找不到這位志工');
    return { deleted: true as const };
  },

  'volunteers.periods.save': (input, { db }) => {
    mustHaveVolunteer(db, input.volunteerId);
    if (input.endDate && input.endDate < input.startDate) throw new AppError('VALIDATION', '服務迄早於服務起', 'endDate');
    const others = volQ.listPeriods(db, input.volunteerId).filter((p) => p.id !== input.id);
    const problems = periodProblems([...others, input]);
    if (problems.length) throw new AppError('VALIDATION', problems[0], 'startDate');
    uniqueGuard(() => volQ.savePeriod(db, input.id, input), '同一服務起日已有一段服務期間');
    return volunteerDetail(db, input.volunteerId);
  },

  'volunteers.periods.delete': ({ id }, { db }) =>
    volunteerDetail(db, deleteOwnRow(volQ.getPeriod(db, id), '找不到這段服務期間', () => volQ.deletePeriod(db, id))),

  'volunteers.hours.save': ({ id, ...h }, { db }) => {
    mustHaveVolunteer(db, h.volunteerId);
    if (!servingOn({ periods: volQ.listPeriods(db, h.volunteerId) }, h.workedOn)) {
      throw new AppError('VALIDATION', `${formatRoc(h.workedOn)} 不在這位志工的服務期間內`, 'workedOn');
    }
    uniqueGuard(() => volQ.saveHour(db, id, h), `${formatRoc(h.workedOn)} 已有一筆${h.kind}時數，請修改原紀錄`);
    return volunteerDetail(db, h.volunteerId);
  },

  'volunteers.hours.delete': ({ id }, { db }) => volunteerDetail(db, deleteOwnRow(volQ.getHour(db, id), '找不到這筆時數', () => volQ.deleteHour(db, id))),

  'volunteers.evaluations.save': (e, { db }) => {
    mustHaveVolunteer(db, e.volunteerId);
    volQ.saveEvaluation(db, e);
    return volunteerDetail(db, e.volunteerId);
  },

  'volunteers.year': ({ rocYear, date }, { db, today }) =>
    volunteerYear(db, rocYear, evaluationDate(rocYear, date ?? today())),
} satisfies HandlerTable;
