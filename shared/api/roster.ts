// Contract of the roster area: people, employment periods, 留職停薪, roles and the roster as of a date.
import { z } from 'zod';
import { empty, endReason, funding, id, isoDate, leave, nationalIdInput, optionalText, period, person, role } from './schemas';

export const personInput = z.object({
  name: z.string().trim().min(1, { message: '請填姓名' }).max(50),
  nationalId: nationalIdInput,
  employeeNo: optionalText(50),
  education: optionalText(),
  department: optionalText(),
  certificate: optionalText(),
  contact: optionalText(),
  /** 附件九 clearance for independent work; left out = unchanged */
  clearedOn: isoDate.nullable().optional(),
});

export const periodInput = z.object({
  roleCode: z.string().min(1, { message: '請選擇職稱' }),
  funding,
  businessGroup: optionalText(50),
  adminUnit: optionalText(50),
  title: optionalText(50),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  endReason: endReason.nullable(),
  /** 工作內容（其他）, printed in 附件五 */
  duties: optionalText(500).optional(),
});

export const rosterRow = z.object({
  personId: id,
  name: z.string(),
  nationalIdMasked: z.string(),
  employeeNo: z.string().nullable(),
  roleCode: z.string(),
  roleName: z.string(),
  funding,
  businessGroup: z.string().nullable(),
  adminUnit: z.string().nullable(),
  title: z.string().nullable(),
  periodId: id,
  periodStart: isoDate,
  periodEnd: isoDate.nullable(),
  serviceStart: isoDate,
  onLeave: z.boolean(),
  leaveStart: isoDate.nullable(),
  leaveEnd: isoDate.nullable(),
  education: z.string().nullable(),
});

export const personDetail = z.object({
  person: person.extend({ nationalIdMasked: z.string() }),
  periods: z.array(period),
  leaves: z.array(leave),
});

export const rosterApi = {
  'roles.list': { access: 'read', input: empty, output: z.array(role) },
  'roles.add': {
    input: z.object({ code: z.string().trim().regex(/^[A-Z][A-Z0-9_]{1,19}$/, { message: '代碼請用大寫英文字母與數字' }), name: z.string().trim().min(1).max(30) }),
    output: role,
  },
  'roster.at': { access: 'read',
    input: z.object({ date: isoDate }),
    output: z.object({ date: isoDate, rows: z.array(rosterRow), countsByRole: z.record(z.string(), z.number()), onLeave: z.number() }),
  },
  'people.list': { access: 'read', input: empty, output: z.array(z.object({ id, name: z.string(), nationalIdMasked: z.string() })) },
  'people.get': { access: 'read', input: z.object({ id }), output: personDetail },
  'people.create': { input: z.object({ person: personInput, period: periodInput }), output: personDetail },
  'people.update': { input: z.object({ id, person: personInput }), output: personDetail },
  'people.delete': { input: z.object({ id }), output: z.object({ deleted: z.literal(true) }) },
  'periods.add': { input: z.object({ personId: id, period: periodInput }), output: personDetail },
  'periods.update': { input: z.object({ id, period: periodInput }), output: personDetail },
  'periods.delete': { input: z.object({ id }), output: personDetail },
  'periods.end': { input: z.object({ id, endDate: isoDate, endReason }), output: personDetail },
  /** A role change inside continuous service: ends the current period the day before `date`, starts the new one on `date`. */
  'periods.promote': {
    input: z.object({ periodId: id, date: isoDate, roleCode: z.string().min(1), title: optionalText(50) }),
    output: personDetail,
  },
  'leaves.add': { input: z.object({ personId: id, startDate: isoDate, endDate: isoDate.nullable(), note: optionalText() }), output: personDetail },
  'leaves.update': { input: z.object({ id, startDate: isoDate, endDate: isoDate.nullable(), note: optionalText() }), output: personDetail },
  'leaves.delete': { input: z.object({ id }), output: personDetail },
} as const;
