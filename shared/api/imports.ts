// Contract of the import area: the roster template, a preview that writes nothing, and the all-or-nothing commit.
import { z } from 'zod';
import { empty, fileDownload, fileUpload } from './schemas';

export const importIssue = z.object({ row: z.number().optional(), field: z.string().optional(), message: z.string() });

export const importPreview = z.object({
  fileName: z.string(),
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
