// Contract of the ministry's forms (issue 5): 附件五 register, 人力運用情形, 衡量指標 rows, the 附件七 headcount table,
// the data-quality check before export, the print view (the same HTML the PDF is rendered from) and the files.
import { z } from 'zod';
import { INDICATOR_KEYS, PROGRESS } from '../domain/indicators';
import { leadAgency, orgChartGroup } from './orgChart';
import { fileDownload, funding, id, isoDate } from './schemas';

const rocYear = z.number().int().min(90).max(200);
const half = z.union([z.literal(1), z.literal(2)]);
const progress = z.enum(PROGRESS);

export const EXPORT_FORMS = ['register', 'staffingText', 'indicators', 'headcount'] as const;
export type ExportForm = (typeof EXPORT_FORMS)[number];
export const EXPORT_FORMATS = ['xlsx', 'ods', 'pdf', 'docx', 'odt', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which files each form comes as: spreadsheets for tables, documents for the paragraph. */
export const FORMATS_OF: Record<ExportForm, readonly ExportFormat[]> = {
  register: ['xlsx', 'ods', 'pdf'],
  staffingText: ['txt', 'docx', 'odt'],
  indicators: ['xlsx', 'ods', 'pdf', 'docx', 'odt', 'txt'],
  headcount: ['xlsx', 'ods', 'pdf', 'docx', 'odt', 'txt'],
};

/** 自評進度 chosen by the clerk; absent = the suggestion, null = leave blank. */
const progressOverrides = z.object({
  dedicatedStaff: progress.nullable().optional(),
  retention: progress.nullable().optional(),
  volunteerCE: progress.nullable().optional(),
});

export const exportOptions = z.object({
  rocYear,
  half,
  /** 填報時間 printed on the register; default today */
  filledOn: isoDate.optional(),
  /** the 附件 number the register has in the office's report, for 「…清冊（如附件○）」; default 五 */
  annex: z.string().trim().min(1).max(10).optional(),
  progress: progressOverrides.optional(),
  /** 縣市 for the 附件七 row (not kept in the database) */
  county: z.string().trim().max(20).optional(),
  /** the ministry's 每日平均在案量 for the county (附件七's second column) */
  avgCaseload: z.number().int().min(0).max(1_000_000).optional(),
});

export const qualityIssue = z.object({
  forms: z.array(z.enum(EXPORT_FORMS)),
  personId: id.nullable(),
  name: z.string().nullable(),
  field: z.string(),
  message: z.string(),
  link: z.string().nullable(),
});

const caseloadCell = z.object({ cumulative: z.number().nullable(), active: z.number().nullable() });
const registerRow = z.object({
  personId: id,
  funding,
  roleCode: z.string(),
  roleKind: z.string(),
  title: z.string().nullable(),
  name: z.string(),
  businessGroup: z.string().nullable(),
  adminUnit: z.string().nullable(),
  start: isoDate,
  end: isoDate.nullable(),
  tenureMonths: z.number(),
  monthsInYear: z.number(),
  education: z.string().nullable(),
  department: z.string().nullable(),
  certificate: z.string().nullable(),
  caseload: caseloadCell.nullable(),
  /** the cells as the form prints them, in column order */
  cells: z.array(z.union([z.string(), z.number(), z.null()])),
});

const counts3 = z.object({ cm: z.number(), sup: z.number(), pm: z.number() });
const groupCounts = z.record(z.string(), z.number());

const indicatorRow = z.object({
  key: z.enum(INDICATOR_KEYS),
  group: z.string(),
  indicator: z.string(),
  target: z.string(),
  achievement: z.string().nullable(),
  targets: z.array(
    z.object({ no: z.number(), label: z.string(), numerator: z.number().nullable(), denominator: z.number().nullable(), rate: z.number().nullable(), target: z.string(), met: z.boolean().nullable() }),
  ),
  suggested: progress.nullable(),
  progress: progress.nullable(),
});

const period = { rocYear, half, refDate: isoDate };

// Viewing the figures is 'read' (督導 may look); anything that leaves the app as a file or a print is 'export'.
export const exportsApi = {
  'exports.check': { access: 'read', input: exportOptions, output: z.object({ ...period, issues: z.array(qualityIssue) }) },
  'exports.register': {
    access: 'read',
    input: exportOptions,
    output: z.object({ ...period, filledOn: isoDate, headers: z.array(z.string()), rows: z.array(registerRow), notes: z.string() }),
  },
  'exports.staffingText': {
    access: 'read',
    input: exportOptions,
    output: z.object({
      ...period,
      text: z.string(),
      figures: z.object({ quota: counts3.nullable(), hired: counts3, inPost: counts3, ownSet: groupCounts, ownSetTotal: z.number(), ownInPost: groupCounts, ownInPostTotal: z.number() }),
      interpretation: z.array(z.string()),
    }),
  },
  'exports.indicators': {
    access: 'read',
    input: exportOptions,
    output: z.object({
      ...period,
      rows: z.array(indicatorRow),
      /** 四(一) 目標值1: the org chart in force and each distinct 主責局處 with its staff on the reference date */
      chart: z.array(orgChartGroup),
      chartYear: rocYear.nullable(),
      leads: z.array(leadAgency),
      interpretation: z.array(z.string()),
    }),
  },
  /** The print view: the one HTML layout the app shows, prints, and renders to PDF. */
  'exports.preview': { access: 'export', input: exportOptions.extend({ form: z.enum(EXPORT_FORMS) }), output: z.object({ title: z.string(), html: z.string(), pages: z.number() }) },
  'exports.file': {
    access: 'export',
    input: exportOptions
      .extend({ form: z.enum(EXPORT_FORMS), format: z.enum(EXPORT_FORMATS) })
      .refine((i) => FORMATS_OF[i.form].includes(i.format), { message: '此表單不提供這種檔案格式', path: ['format'] }),
    output: fileDownload,
  },
} as const;
