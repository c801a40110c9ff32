// Contract of the figures supervisors and HR are judged on: retention, supervision, headcount, caseload, plan years.
import { z } from 'zod';
import { fileDownload, fileUpload, id, isoDate, monthDay, rate, rocYear } from './schemas';
import { RETENTION_EXCLUSIONS } from '../domain/retention';
import { importIssue, importReading } from './imports';

const personRef = z.object({ personId: id, name: z.string() });

/** The parameters as stored: any earlier version's values come back as they are, to be corrected on the page. */
const planParamsShape = z.object({
  ratio: z.number(),
  ratioFloor: z.number(),
  seniorDivisor: z.number(),
  pmFactor: z.number(),
  caseCapacity: z.number(),
  retentionMonthsShort: z.number(),
  retentionMonthsLong: z.number(),
  targetShort: z.number(),
  targetLong: z.number(),
  midRefMonthDay: z.string(),
  endRefMonthDay: z.string(),
});

/** The parameters as saved: every figure of the year computes on them, so each is checked. */
export const planParams = z.object({
  ratio: z.number().positive(),
  ratioFloor: z.number().positive(),
  seniorDivisor: z.number().positive(),
  pmFactor: z.number().min(0).max(1),
  caseCapacity: z.number().int().positive(),
  retentionMonthsShort: z.number().int().positive(),
  retentionMonthsLong: z.number().int().positive(),
  targetShort: z.number().min(0).max(1),
  targetLong: z.number().min(0).max(1),
  midRefMonthDay: monthDay,
  endRefMonthDay: monthDay,
});

export const quota = z.object({
  approvedTotal: z.number().int().min(0),
  fundedCM: z.number().int().min(0),
  fundedSCM: z.number().int().min(0),
  fundedSUP: z.number().int().min(0),
  fundedPM: z.number().int().min(0),
});

const quotaShape = z.object({ approvedTotal: z.number(), fundedCM: z.number(), fundedSCM: z.number(), fundedSUP: z.number(), fundedPM: z.number() });
const allocation = z.object({ supervisors: z.number(), seniorCap: z.number(), pmComputed: z.number(), pmAllowed: z.number() });

const retentionRow = z.object({
  personId: id,
  name: z.string(),
  roleCode: z.string(),
  serviceStart: isoDate,
  leaveDaysInService: z.number(),
  adjustedStart: isoDate,
  monthsServed: z.number(),
  inDenominator: z.boolean(),
  excluded: z.enum(RETENTION_EXCLUSIONS).nullable(),
  inShort: z.boolean(),
  inLong: z.boolean(),
  reason: z.string(),
  completesShortOn: isoDate,
  completesLongOn: isoDate,
});

const yearOut = z.number().int();

export const retentionResult = z.object({
  date: isoDate,
  rocYear: yearOut,
  denominator: z.number(),
  countShort: z.number(),
  countLong: z.number(),
  rateShort: rate,
  rateLong: rate,
  targetShort: z.number(),
  targetLong: z.number(),
  monthsShort: z.number(),
  monthsLong: z.number(),
  metShort: z.boolean().nullable(),
  metLong: z.boolean().nullable(),
  rows: z.array(retentionRow),
  /** in a retention role but paid by the county (自有): listed apart, counted in none (RULES §2) */
  ownFunded: z.array(personRef.extend({ roleCode: z.string() })),
  interpretation: z.array(z.string()),
  lookAhead: z.object({
    nextRefDate: isoDate,
    reachShort: z.array(retentionRow),
    reachLong: z.array(retentionRow),
    projectedRateShort: rate,
    projectedRateLong: rate,
    departuresAbsorbableShort: z.number(),
    departuresAbsorbableLong: z.number(),
  }),
});

export const supervisionResult = z.object({
  date: isoDate,
  caseManagers: z.array(personRef.extend({ roleCode: z.string() })),
  supervisors: z.array(personRef),
  excludedOnLeave: z.array(personRef.extend({ roleCode: z.string() })),
  /** in a plan role but paid by the county (自有): listed apart, counted in none (RULES §2) */
  ownFunded: z.array(personRef.extend({ roleCode: z.string() })),
  ratio: z.number().nullable(),
  compliance: z.object({ compliant: z.boolean(), ratio: z.number().nullable(), reason: z.string() }),
  /** 個管 posts filled (留職停薪 included): what the allocation is computed from */
  caseManagerPostsFilled: z.number(),
  allocation,
  seniorsInPost: z.number(),
  pmInPost: z.number(),
  /** 個管 per 督導 above which a team is flagged (the plan's ratio) */
  teamLimit: z.number(),
  teams: z.array(z.object({ supervisorId: id, supervisorName: z.string(), size: z.number(), overLimit: z.boolean(), members: z.array(personRef) })),
  unassigned: z.array(personRef),
  interpretation: z.array(z.string()),
});

const headcountRow = z.object({
  roleCode: z.string(),
  roleName: z.string(),
  quota: z.number().nullable(),
  inPost: z.number(),
  onLeave: z.number(),
  vacancies: z.number().nullable(),
  hiringRate: rate,
  overQuota: z.boolean(),
  people: z.array(personRef.extend({ onLeave: z.boolean() })),
});

export const headcountResult = z.object({
  rocYear: yearOut,
  date: isoDate,
  quota: quotaShape.nullable(),
  rows: z.array(headcountRow),
  totals: z.object({ quota: z.number().nullable(), inPost: z.number(), vacancies: z.number().nullable(), hiringRate: rate, overQuota: z.boolean() }),
  ownFunded: z.array(personRef.extend({ roleCode: z.string() })),
  allocation,
  seniorCap: z.number(),
  seniorOverCap: z.boolean(),
  pmAllowance: z.number(),
  pmOverAllowance: z.boolean(),
  overApprovedTotal: z.boolean(),
  interpretation: z.array(z.string()),
});

export const caseloadRow = personRef.extend({
  roleName: z.string(),
  cumulative: z.number().nullable(),
  active: z.number().nullable(),
  capacity: z.number(),
  load: rate,
});

export const caseloadImportPreview = z.object({
  fileName: z.string(),
  reading: importReading,
  rowCount: z.number(),
  errors: z.array(importIssue),
  records: z.array(z.object({ row: z.number(), name: z.string(), monthEnd: isoDate, cumulative: z.number(), active: z.number(), action: z.enum(['create', 'update']) })),
});

export const figuresApi = {
  'planYears.get': { access: 'read', input: z.object({ rocYear }), output: z.object({ rocYear: yearOut, params: planParamsShape, sourceYear: yearOut.nullable(), quota: quotaShape.nullable() }) },
  'planYears.save': { input: z.object({ rocYear, params: planParams, quota: quota.nullable() }), output: z.object({ saved: z.literal(true) }) },
  'retention.at': { access: 'read', input: z.object({ date: isoDate }), output: retentionResult },
  'retention.trend': { access: 'read',
    input: z.object({ end: isoDate, months: z.number().int().min(1).max(60) }),
    output: z.array(z.object({ date: isoDate, rateShort: rate, rateLong: rate, denominator: z.number() })),
  },
  'supervision.at': { access: 'read', input: z.object({ date: isoDate }), output: supervisionResult },
  'supervision.assign': {
    input: z.object({ caseManagerId: id, supervisorId: id, startDate: isoDate }),
    output: z.object({ saved: z.literal(true) }),
  },
  'headcount.year': { access: 'read', input: z.object({ rocYear, date: isoDate.optional() }), output: headcountResult },
  'caseload.at': { access: 'read', input: z.object({ monthEnd: isoDate }), output: z.array(caseloadRow) },
  'caseload.record': {
    input: z.object({ personId: id, monthEnd: isoDate, cumulative: z.number().int().min(0), active: z.number().int().min(0) }),
    output: z.object({ saved: z.literal(true) }),
  },
  'import.caseload.template': { access: 'read', input: z.object({}).strict(), output: fileDownload },
  'import.caseload.preview': { access: 'read', input: fileUpload, output: caseloadImportPreview },
  'import.caseload.commit': { input: fileUpload, output: caseloadImportPreview },
} as const;
