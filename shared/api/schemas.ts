// Building blocks reused by every area's contract.
import { z } from 'zod';
import './clerkMessages';
import { isIsoDate, isMonthDay } from '../dates/roc';
import { isValidNationalId, normalizeNationalId } from '../domain/nationalId';
import { END_REASONS, FUNDING_SOURCES } from '../domain/types';

export const isoDate = z.string().refine(isIsoDate, { message: '日期格式應為 YYYY-MM-DD 的實際日期' });
export const id = z.number().int().positive();

// Inputs are validated; outputs state shape only: what real data can push past an expectation (over-hiring above
// 100 %, a year before 民國 90) is a finding shown to the user, never an output validation failure.

/** A ROC plan year as typed (input). Outputs carry the year as a plain integer. */
export const rocYear = z.number().int().min(90).max(200);
/** A rate as a figure reports it: a share, or 進用率 above 1 when more are in post than approved. */
export const rate = z.number().min(0).nullable();
/** A day of every year, 'MM-DD' (02-29 and 02-30 are refused: a yearly reference date must exist every year). */
export const monthDay = z.string().refine(isMonthDay, { message: '請填每年皆有的月/日（MM-DD），如 06-30、12-31' });
const text = (max: number) => z.string().trim().max(max);
export const optionalText = (max = 200) => text(max).nullable().transform((s) => (s ? s : null));

export const roleKind = z.enum(['case_manager', 'supervisor', 'project_manager', 'own', 'other']);
export const role = z.object({ code: z.string(), name: z.string(), kind: roleKind, builtin: z.boolean(), sort: z.number() });
export const funding = z.enum(FUNDING_SOURCES);
export const endReason = z.enum(END_REASONS);

export const person = z.object({
  id,
  name: z.string(),
  nationalId: z.string().nullable(),
  employeeNo: z.string().nullable(),
  education: z.string().nullable(),
  department: z.string().nullable(),
  certificate: z.string().nullable(),
  contact: z.string().nullable(),
  clearedOn: isoDate.nullable(),
});

export const period = z.object({
  id,
  personId: id,
  roleCode: z.string(),
  funding,
  businessGroup: z.string().nullable(),
  adminUnit: z.string().nullable(),
  title: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  endReason: endReason.nullable(),
  duties: z.string().nullable().optional(),
});

export const leave = z.object({ id, personId: id, startDate: isoDate, endDate: isoDate.nullable(), note: z.string().nullable() });

/** A file the UI hands to the back end: bytes travel as base64 so IPC and HTTP carry them alike. */
export const fileUpload = z.object({
  fileName: z.string().min(1).max(260),
  /** a spreadsheet's sheet by name; its active sheet when left out */
  sheet: z.string().max(200).optional(),
  contentBase64: z.string().max(40 * 1024 * 1024, { message: '檔案過大（上限約 30 MB）' }),
});

export const fileDownload = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });

export const empty = z.object({}).strict();

/** An optional 身分證字號 as typed: normalised to upper case, checked by its checksum. */
export const nationalIdInput = z
  .string()
  .trim()
  .nullable()
  .transform((s) => (s ? normalizeNationalId(s) : null))
  .refine((s) => s == null || isValidNationalId(s), { message: '身分證字號格式或檢查碼錯誤' });
