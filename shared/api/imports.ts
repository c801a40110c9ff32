// Contract of the import area: the roster template, a preview that writes nothing, and the all-or-nothing commit.
import { z } from 'zod';
import { empty, fileDownload, fileUpload } from './schemas';

export const importIssue = z.object({ row: z.number().optional(), field: z.string().optional(), message: z.string() });

/** How the file was read, shown before anything is written (issue 12): a misread must be visible before 確定匯入. */
export const importReading = z.object({
  format: z.enum(['xlsx', 'ods', 'csv']),
  encoding: z.string().nullable(),
  sheet: z.string(),
  sheets: z.array(z.string()),
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ column: z.string(), header: z.string(), field: z.string().nullable() })),
  skippedRows: z.array(z.number()),
  /** the first data rows, each field's value as it will be stored (ROC dates, role names) */
  sample: z.array(z.object({ row: z.number(), values: z.array(z.object({ field: z.string(), value: z.string() })) })),
});

export const importPreview = z.object({
  fileName: z.string(),
  reading: importReading,
  rowCount: z.number(),
  errors: z.array(importIssue),
  people: z.array(
    z.object({
      name: z.string(),
      rows: z.array(z.number()),
      action: z.enum(['create', 'update']),
      periods: z.number(),
      leaves: z.number(),
    }),
  ),
  summary: z.object({ newPeople: z.number(), updatedPeople: z.number(), periods: z.number(), leaves: z.number() }),
});

export const importsApi = {
  'import.roster.template': { access: 'read', input: empty, output: fileDownload },
  'import.roster.preview': { access: 'read', input: fileUpload, output: importPreview },
  'import.roster.commit': { input: fileUpload, output: importPreview },
} as const;
