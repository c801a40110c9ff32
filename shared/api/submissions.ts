// Contract of the archive of submitted packages (issue 16): submit (freeze every file of the 期中/期末 package with its
// hash, the figures, the rows and the data-quality findings), list, show (the frozen files, byte for byte) and diff
// (what today's data says differently, each change with the audit rows that made it).
import { z } from 'zod';
import type { ExportForm, ExportFormat } from './exports';
import { exportOptions, qualityIssue } from './exports';
import { fileDownload, id, isoDate, optionalText } from './schemas';

/** The files of a package: each table as spreadsheet and PDF, the paragraph as text and documents. */
export const PACKAGE_FORMATS: Record<ExportForm, readonly ExportFormat[]> = {
  register: ['xlsx', 'ods', 'pdf'],
  staffingText: ['txt', 'docx', 'odt'],
  indicators: ['xlsx', 'ods', 'pdf'],
  headcount: ['xlsx', 'ods', 'pdf'],
};

const fileMeta = z.object({ name: z.string(), mimeType: z.string(), sha256: z.string(), size: z.number() });

export const submissionSummary = z.object({
  id,
  rocYear: z.number(),
  half: z.union([z.literal(1), z.literal(2)]),
  refDate: isoDate,
  submittedAt: z.string(),
  /** who submitted, as logged (account username or `cli:<OS user>`), and how the screen names them */
  by: z.string(),
  byName: z.string(),
  /** 文號 or any note */
  note: z.string().nullable(),
  replacesId: id.nullable(),
  replacedById: id.nullable(),
  files: z.array(fileMeta),
  /** files of the package that could not be made, with the reason (a PDF where Chromium is missing) */
  missing: z.array(z.object({ name: z.string(), reason: z.string() })),
});

const figure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  unit: z.enum(['percent', 'people', 'text']),
  people: z.array(id).nullable(),
});

const auditRef = z.object({ id, at: z.string(), actor: z.string(), actorName: z.string(), action: z.string(), entity: z.string().nullable() });
const change = z.object({ label: z.string(), before: z.string(), after: z.string(), audit: z.array(auditRef) });

export const submissionsApi = {
  'submissions.submit': {
    access: 'write',
    input: exportOptions.extend({ note: optionalText(200).optional(), replacesId: id.optional() }),
    output: submissionSummary,
  },
  'submissions.list': { access: 'read', input: z.object({ rocYear: z.number().int().min(90).max(200).optional() }), output: z.array(submissionSummary) },
  /** The submission with its frozen files (`contents: false`: the record alone, e.g. for a screen listing them). */
  'submissions.show': {
    access: 'read',
    input: z.object({ id, contents: z.boolean().default(true) }),
    output: submissionSummary.extend({
      findings: z.array(qualityIssue),
      figures: z.array(figure),
      contents: z.array(z.object({ name: z.string(), contentBase64: z.string() })),
    }),
  },
  /** One frozen file, to download again. */
  'submissions.file': { access: 'export', input: z.object({ id, name: z.string().min(1).max(260) }), output: fileDownload },
  'submissions.diff': {
    access: 'read',
    input: z.object({ id }),
    output: z.object({
      submission: submissionSummary,
      comparedOn: isoDate,
      people: z.array(
        z.object({
          personId: id,
          name: z.string(),
          kind: z.enum(['added', 'removed', 'changed']),
          fields: z.array(change.extend({ field: z.string() })),
          audit: z.array(auditRef),
        }),
      ),
      figures: z.array(change.extend({ key: z.string() })),
      unmatched: z.array(auditRef),
      /** the diff in words, one line per change, ROC dates and display names */
      words: z.array(z.string()),
    }),
  },
} as const;
