// The office profile (縣市, 中心名稱, 主辦科, 聯絡人) and the editable lists, kept in the settings table.
import type { Output } from '../../shared/api/contract';
import { BUSINESS_GROUPS } from '../../shared/domain/types';
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/queries/settings';
import type { HandlerTable } from './handlerTable';

type Settings = Output<'settings.get'>;
const OFFICE_KEYS = ['county', 'centre', 'unit', 'contact'] as const;

function readList(db: Db, key: string, fallback: readonly string[]): string[] {
  try {
    const v = JSON.parse(getSetting(db, key) ?? 'null');
    return Array.isArray(v) ? v.map(String) : [...fallback];
  } catch {
    return [...fallback];
  }
}

export function officeSettings(db: Db): Settings {
  return {
    office: Object.fromEntries(OFFICE_KEYS.map((k) => [k, getSetting(db, `office.${k}`) ?? ''])) as Settings['office'],
    lists: { businessGroups: readList(db, 'lists.businessGroups', BUSINESS_GROUPS), adminUnits: readList(db, 'lists.adminUnits', []) },
  };
}

export const settingsHandlers = {
  'settings.get': (_, { db }) => officeSettings(db),
  'settings.save': ({ office, lists }, { db }) => {
    db.transaction(() => {
      for (const k of OFFICE_KEYS) setSetting(db, `office.${k}`, office[k]);
      setSetting(db, 'lists.businessGroups', JSON.stringify(lists.businessGroups));
      setSetting(db, 'lists.adminUnits', JSON.stringify(lists.adminUnits));
    })();
    return { done: true as const };
  },
} satisfies HandlerTable;
