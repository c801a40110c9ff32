import type { Db } from '../connection';
import { prepared } from '../statements';

export function getSetting(db: Db, key: string): string | undefined {
  return (prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
