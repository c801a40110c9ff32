// Contract of the home screen: the tiles for the next reference date, the reminders, and the 12-month chart.
import { z } from 'zod';
import { isoDate } from './schemas';

const tile = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  detail: z.string(),
  tone: z.enum(['green', 'amber', 'red', 'grey']),
  rule: z.string(),
  link: z.string(),
});

export const reminder = z.object({
  kind: z.string(),
  due: isoDate,
  title: z.string(),
  personId: z.number().nullable(),
  link: z.string(),
  tone: z.enum(['good', 'warning', 'danger']),
});

export const dashboardApi = {
  'dashboard.home': {
    access: 'read',
    input: z.object({ today: isoDate.optional() }),
    output: z.object({ today: isoDate, nextRefDate: isoDate, tiles: z.array(tile), reminders: z.array(reminder) }),
  },
  'dashboard.trend': {
    access: 'read',
    input: z.object({ end: isoDate, months: z.number().int().min(1).max(36) }),
    output: z.array(z.object({ date: isoDate, byRole: z.record(z.string(), z.number()), rateShort: z.number().nullable(), rateLong: z.number().nullable() })),
  },
} as const;
