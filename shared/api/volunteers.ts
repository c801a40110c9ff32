// Contract of volunteers (register, hours, 考核, 繼續教育涵蓋率) and interns (partner schools, yearly summary).
import { z } from 'zod';
import { INTERN_KINDS } from '../domain/interns';
import { VOLUNTEER_HOUR_KINDS } from '../domain/volunteers';
import { empty, id, isoDate, nationalIdInput } from './schemas';
import { hours, optionalText, rate, requiredText, rocYear } from './trainingSchemas';

const deleted = z.object({ deleted: z.literal(true) });

export const volunteerInput = z.object({
  name: requiredText(50, '請填姓名'),
  /** left out when editing: keeps the stored number (the UI only ever sees it masked) */
  nationalId: nationalIdInput.optional(),
  contact: optionalText(),
  basicTrainingOn: isoDate.nullable(),
  specialTrainingOn: isoDate.nullable(),
});

const volunteerPeriod = z.object({ id, role: z.string(), startDate: isoDate, endDate: isoDate.nullable() });
const volunteerHour = z.object({ id, workedOn: isoDate, kind: z.enum(VOLUNTEER_HOUR_KINDS), hours: z.number(), note: z.string().nullable() });
const evaluation = z.object({ rocYear, result: z.string(), note: z.string().nullable() });

const volunteerSummary = z.object({
  id,
  name: z.string(),
  nationalIdMasked: z.string(),
  contact: z.string().nullable(),
  basicTrainingOn: isoDate.nullable(),
  specialTrainingOn: isoDate.nullable(),
  periods: z.array(volunteerPeriod),
});

const volunteerDetail = volunteerSummary.extend({ hours: z.array(volunteerHour), evaluations: z.array(evaluation) });

const volunteerRow = z.object({
  volunteerId: id,
  name: z.string(),
  role: z.string(),
  serviceStart: isoDate,
  serviceEnd: isoDate.nullable(),
  ceHours: z.number(),
  serviceHours: z.number(),
  shortBy: z.number(),
  canRemind: z.boolean(),
  evaluation: z.string().nullable(),
  ok: z.boolean(),
  reason: z.string(),
});

export const volunteerYear = z.object({
  rocYear,
  asOf: isoDate,
  required: z.number(),
  target: z.number(),
  total: z.number(),
  covered: z.number(),
  rate,
  met: z.boolean().nullable(),
  rows: z.array(volunteerRow),
  short: z.array(volunteerRow),
  reminders: z.array(volunteerRow),
  daysLeft: z.number(),
  monthly: z.array(z.object({ month: z.number(), ce: z.number(), service: z.number(), ceCumulative: z.number(), serviceCumulative: z.number() })),
  interpretation: z.array(z.string()),
});

export const volunteersApi = {
  'volunteers.list': { access: 'read', input: empty, output: z.array(volunteerSummary) },
  'volunteers.get': { access: 'read', input: z.object({ id }), output: volunteerDetail },
  'volunteers.save': { input: z.object({ id: id.nullable(), volunteer: volunteerInput }), output: volunteerDetail },
  'volunteers.delete': { input: z.object({ id }), output: deleted },
  'volunteers.periods.save': {
    input: z.object({ id: id.nullable(), volunteerId: id, role: requiredText(50, '請填志工角色'), startDate: isoDate, endDate: isoDate.nullable() }),
    output: volunteerDetail,
  },
  'volunteers.periods.delete': { input: z.object({ id }), output: volunteerDetail },
  'volunteers.hours.save': {
    input: z.object({ id: id.nullable(), volunteerId: id, workedOn: isoDate, kind: z.enum(VOLUNTEER_HOUR_KINDS), hours, note: optionalText() }),
    output: volunteerDetail,
  },
  'volunteers.hours.delete': { input: z.object({ id }), output: volunteerDetail },
  /** 考核 result of one year; an empty result removes it. */
  'volunteers.evaluations.save': {
    input: z.object({ volunteerId: id, rocYear, result: z.string().trim().max(50), note: optionalText() }),
    output: volunteerDetail,
  },
  'volunteers.year': { access: 'read', input: z.object({ rocYear, date: isoDate.optional() }), output: volunteerYear },
} as const;

const school = z.object({ id, name: z.string(), department: z.string(), cooperation: z.string().nullable(), interns: z.number() });
const schoolInput = z.object({ name: requiredText(100, '請填學校或單位名稱'), department: z.string().trim().max(100), cooperation: optionalText() });

export const internInput = z.object({
  schoolId: id,
  name: requiredText(50, '請填姓名'),
  kind: z.enum(INTERN_KINDS),
  startDate: isoDate,
  endDate: isoDate,
  hours: z.number().min(0).refine((n) => Number.isInteger(n * 2), { message: '時數以 0.5 小時為單位' }),
  supervisorId: id.nullable(),
  content: optionalText(500),
});

const internRow = internInput.extend({
  id,
  supervisorName: z.string().nullable(),
  unit: z.string(),
  ok: z.boolean(),
  reason: z.string(),
});

export const internYear = z.object({
  rocYear,
  schools: z.array(
    z.object({
      schoolId: id,
      unit: z.string(),
      cooperation: z.string(),
      kinds: z.array(z.enum(INTERN_KINDS)),
      interns: z.number(),
      hours: z.number(),
      byKind: z.array(z.object({ kind: z.enum(INTERN_KINDS), interns: z.number(), hours: z.number() })),
      text: z.string(),
    }),
  ),
  interns: z.array(internRow),
  totals: z.object({ schools: z.number(), interns: z.number(), hours: z.number() }),
  paragraph: z.string(),
  interpretation: z.array(z.string()),
});

export const internsApi = {
  'interns.schools.list': { access: 'read', input: empty, output: z.array(school) },
  'interns.schools.save': { input: z.object({ id: id.nullable(), school: schoolInput }), output: school },
  'interns.schools.delete': { input: z.object({ id }), output: deleted },
  'interns.save': { input: z.object({ id: id.nullable(), intern: internInput }), output: internRow },
  'interns.delete': { input: z.object({ id }), output: deleted },
  /** The year's interns and the summary the 期中/期末 report asks for. */
  'interns.year': { access: 'read', input: z.object({ rocYear }), output: internYear },
} as const;
