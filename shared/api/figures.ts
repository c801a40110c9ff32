// Contract of the figures supervisors and HR are judged on: retention, supervision, headcount, caseload, plan years.
import { z } from 'zod';
import { fileDownload, fileUpload, id, isoDate } from './schemas';
import { importIssue } from './imports';

const rate = z.number().min(0).max(1).nullable();
/** 進用率 is a finding, not a hope: over-hiring puts it above 100 % (issue #14 item 1), flagged on screen */
const hiringRate = z.number().min(0).nullable();
const rocYear = z.number().int().min(90).max(200);
const personRef = z.object({ personId: id, name: z.string() });

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
  midRefMonthDay: z.string().regex(/^\d{2}-\d{2}$/),
  endRefMonthDay: z.string().regex(/^\d{2}-\d{2}$/),
});

export const quota = z.object({
  approvedTotal: z.number().int().min(0),
  fundedCM: z.number().int().min(0),
  fundedSCM: z.number().int().min(0),
  fundedSUP: z.number().int().min(0),
  fundedPM: z.number().int().min(0),
});

const retentionRow = z.object({
  personId: id,
  name: z.string(),
  roleCode: z.string(),
  serviceStart: isoDate,
  leaveDaysInService: z.number(),
  adjustedStart: isoDate,
  monthsServed: z.number(),
  inDenominator: z.boolean(),
  inShort: z.boolean(),
  inLong: z.boolean(),
  reason: z.string(),
  completesShortOn: isoDate,
  completesLongOn: isoDate,
});

export const retentionResult = z.object({
  date: isoDate,
  rocYear,
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
  ratio: z.number().nullable(),
  compliance: z.object({ compliant: z.boolean(), ratio: z.number().nullable(), reason: z.string() }),
  allocation: z.object({ supervisors: z.number(), seniorCap: z.number(), pmComputed: z.number(), pmAllowed: z.number() }),
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
  hiringRate,
  people: z.array(personRef.extend({ onLeave: z.boolean() })),
});

export const headcountResult = z.object({
  rocYear,
  date: isoDate,
  quota: quota.nullable(),
  rows: z.array(headcountRow),
  totals: z.object({ quota: z.number().nullable(), inPost: z.number(), vacancies: z.number().nullable(), hiringRate }),
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
  load: rate.or(z.number()),
});

export const caseloadImportPreview = z.object({
  fileName: z.string(),
  rowCount: z.number(),
  errors: z.array(importIssue),
  records: z.array(z.object({ row: z.number(), name: z.string(), monthEnd: isoDate, cumulative: z.number(), active: z.number(), action: z.enum(['create', 'update']) })),
});

export const figuresApi = {
  'planYears.get': { access: 'read', input: z.object({ rocYear }), output: z.object({ rocYear, params: planParams, sourceYear: rocYear.nullable(), quota: quota.nullable() }) },
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
