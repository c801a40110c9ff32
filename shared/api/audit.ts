// Contract of the audit log: read and filter it, and one person's history.
import { z } from 'zod';
import { id, isoDate } from './schemas';

const change = z.record(z.string(), z.unknown()).nullable();

export const auditApi = {
  'audit.list': { access: 'admin',
    input: z.object({
      personId: id.optional(),
      entity: z.string().max(50).optional(),
      action: z.string().max(20).optional(),
      actor: z.string().max(100).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      total: z.number(),
      rows: z.array(
        z.object({
          id,
          at: z.string(),
          actor: z.string(),
          action: z.string(),
          entity: z.string().nullable(),
          entityId: z.number().nullable(),
          personId: z.number().nullable(),
          personName: z.string().nullable(),
          before: change,
          after: change,
          detail: z.string().nullable(),
        }),
      ),
    }),
  },
} as const;
