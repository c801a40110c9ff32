// Building blocks of the training, volunteer and intern contracts (shared/api/training.ts, volunteers.ts).
import { z } from 'zod';
import { TRAINING_LEVELS } from '../domain/trainingParams';
import { importIssue, importReading } from './imports';
import { id, isoDate, monthDay, rate, rocYear } from './schemas';
import { honourParams } from './volunteerHonours';

export { rate, rocYear };

/** Hours in whole or half hours, as the ministry certifies them. */
export const hours = z
  .number()
  .positive({ message: '時數須大於 0' })
  .max(10_000)
  .refine((n) => Number.isInteger(n * 2), { message: '時數以 0.5 小時為單位' });

export const level = z.enum(TRAINING_LEVELS);
export const requiredLevel = z.enum(['L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3']);
export const status = z.enum(['完成', '進行中', '未開始', '逾期']);

export const levelRule = z.object({
  hours: z.number().positive(),
  topics: z.array(z.object({ name: z.string().trim().min(1), hours: z.number().positive() })).optional(),
  yearly: z.boolean(),
  certifiedOnly: z.boolean().optional(),
  caseReports: z.number().int().min(0).optional(),
  dueMonthDay: monthDay.nullable().optional(),
  dueMonthsAfterStart: z.number().int().min(1).max(120).nullable().optional(),
});

export const trainingParams = z.object({
  levels: z.object({ L1: levelRule, L2: levelRule, L3: levelRule, SUP_L1: levelRule, SUP_L2: levelRule, SUP_L3: levelRule }),
  volunteerCeHours: z.number().positive(),
  volunteerTarget: z.number().min(0).max(1),
  volunteerHonours: honourParams.optional(),
});

export const rateOf = z.object({ count: z.number(), total: z.number(), rate });

export const levelResult = z.object({
  level: requiredLevel,
  label: z.string(),
  yearly: z.boolean(),
  required: z.number(),
  done: z.number(),
  missing: z.number(),
  topics: z.array(z.object({ name: z.string(), required: z.number(), done: z.number(), missing: z.number() })).nullable(),
  caseReports: z.object({ required: z.number(), done: z.number() }).nullable(),
  owedFrom: isoDate,
  deadline: isoDate.nullable(),
  status,
  ok: z.boolean(),
  shortfall: z.string(),
  reason: z.string(),
});

export const personTraining = z.object({
  personId: id,
  name: z.string(),
  roleCode: z.string(),
  roleName: z.string(),
  kind: z.enum(['case_manager', 'supervisor', 'project_manager', 'own', 'other']),
  onLeave: z.boolean(),
  levels: z.object({
    L1: levelResult.optional(),
    L2: levelResult.optional(),
    L3: levelResult.optional(),
    SUP_L1: levelResult.optional(),
    SUP_L2: levelResult.optional(),
    SUP_L3: levelResult.optional(),
  }),
  status,
  ok: z.boolean(),
  reason: z.string(),
});

export const trainingYear = z.object({
  rocYear,
  asOf: isoDate,
  people: z.array(personTraining),
  figures: z.object({
    population: z.number(),
    level1: rateOf,
    level2: rateOf,
    level3: rateOf,
    caseReports: z.object({ filed: z.number(), people: z.number(), owedBy: z.number() }),
    byLevel: z.array(rateOf.extend({ level: requiredLevel, label: z.string() })),
  }),
  interpretation: z.array(z.string()),
});

const text = (max: number, message: string) => z.string().trim().min(1, { message }).max(max);
const optional = (max = 200) => z.string().trim().max(max).nullable().transform((s) => (s ? s : null));

export const courseInput = z.object({
  name: text(100, '請填課程名稱'),
  heldOn: isoDate,
  provider: z.string().trim().max(100),
  level,
  topic: optional(100),
  hours,
  approvalDoc: optional(100),
  note: optional(),
});

export const course = courseInput.extend({ id, attendees: z.number() });

export const attendee = z.object({ personId: id, hours, certificateNo: optional(100) });

export const courseDetail = z.object({
  course: course,
  attendees: z.array(attendee.extend({ name: z.string() })),
});

export const caseReportInput = z.object({
  personId: id,
  presentedOn: isoDate,
  title: text(200, '請填題目'),
  meeting: text(200, '請填外部督導會議'),
});
export const caseReport = caseReportInput.extend({ id, name: z.string() });

export const attendanceRow = z.object({
  courseId: id,
  name: z.string(),
  heldOn: isoDate,
  provider: z.string(),
  level,
  topic: z.string().nullable(),
  hours: z.number(),
  approvalDoc: z.string().nullable(),
  certificateNo: z.string().nullable(),
});

/** One shape for all four training-area imports: per-row records for the preview, errors, and a one-line summary. */
export const trainingImportPreview = z.object({
  fileName: z.string(),
  reading: importReading,
  rowCount: z.number(),
  errors: z.array(importIssue),
  records: z.array(z.object({ row: z.number(), name: z.string(), action: z.enum(['create', 'update']), detail: z.string() })),
  summary: z.string(),
});

export { optional as optionalText, text as requiredText };
