// Tables that hold one row per plan year (quotas, indicator_inputs): one column per field, named as the field in
// snake_case (fundedCM → funded_cm). Reading and upserting such a row is the same SQL for each; it is written here once.
import type { Db } from '../connection';
import { prepared } from '../statements';

const column = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** get: the year's own row as an object, or null; save: insert or replace the year's row. */
export function yearRowTable<T extends { [K in keyof T]: number | null }>(table: string, fields: readonly (keyof T & string)[]) {
  const cols = fields.map(column);
  const upsert = `INSERT INTO ${table} (roc_year, ${cols.join(', ')}) VALUES (@rocYear, ${fields.map((f) => `@${f}`).join(', ')})
     ON CONFLICT (roc_year) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  return {
    get(db: Db, rocYear: number): T | null {
      const r = prepared(db, `SELECT * FROM ${table} WHERE roc_year = ?`).get(rocYear) as Record<string, number | null> | undefined;
      return r ? (Object.fromEntries(fields.map((f, i) => [f, r[cols[i]]])) as T) : null;
    },
    save(db: Db, rocYear: number, value: T): void {
      prepared(db, upsert).run({ rocYear, ...Object.fromEntries(fields.map((f) => [f, value[f]])) });
    },
  };
}
