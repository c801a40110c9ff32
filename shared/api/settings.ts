// Contract of the office's own settings: the profile printed in form headers and the lists clerks pick from.
import { z } from 'zod';
import { empty } from './schemas';

const text = z.string().trim().max(60);
const list = z.array(z.string().trim().min(1).max(40)).max(50);

export const officeSettings = z.object({
  office: z.object({ county: text, centre: text, unit: text, contact: text }),
  lists: z.object({ businessGroups: list, adminUnits: list }),
});

export const settingsApi = {
  'settings.get': { access: 'read', input: empty, output: officeSettings },
  'settings.save': { access: 'admin', input: officeSettings, output: z.object({ done: z.literal(true) }) },
} as const;
