// Building blocks reused by every area's contract.
import { z } from 'zod';
import './clerkMessages';
import { isIsoDate } from '../dates/roc';
import { isValidNationalId, normalizeNationalId } from '../domain/nationalId';
import { END_REASONS, FUNDING_SOURCES } from '../domain/types';

export const isoDate = z.string().refine(isIsoDate, { message: '日期格式應為 YYYY-MM-DD 的實際日期' });
export const id = z.number().int().positive();
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
});

export const leave = z.object({ id, personId: id, startDate: isoDate, endDate: isoDate.nullable(), note: z.string().nullable() });

/** A file the UI hands to the back end: bytes travel as base64 so IPC and HTTP carry them alike. */
export const fileUpload = z.object({
  fileName: z.string().min(1).max(260),
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
