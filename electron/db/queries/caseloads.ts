import type { IsoDate } from '../../../shared/domain/types';
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface Caseload {
  personId: number;
  monthEnd: IsoDate;
  cumulative: number;
  active: number;
}

export function upsertCaseload(db: Db, c: Caseload): void {
  prepared(db,
    `INSERT INTO caseloads (person_id, month_end, cumulative, active) VALUES (@personId, @monthEnd, @cumulative, @active)
     ON CONFLICT (person_id, month_end) DO UPDATE SET cumulative = excluded.cumulative, active = excluded.active`,
  ).run(c);
}

export function caseloadsAt(db: Db, monthEnd: IsoDate): Caseload[] {
  // raw rows copied into objects (faster than better-sqlite3's row objects); every row's month end is the one asked for
  return (prepared(db, 'SELECT person_id, cumulative, active FROM caseloads WHERE month_end = ?').raw(true).all(monthEnd) as [number, number, number][]).map(
    (r) => ({ personId: r[0], monthEnd, cumulative: r[1], active: r[2] }),
  );
}

export function caseloadsOfPerson(db: Db, personId: number): Caseload[] {
  return prepared(db, 'SELECT person_id, month_end, cumulative, active FROM caseloads WHERE person_id = ? ORDER BY month_end')
    .all(personId)
    .map((r: any) => ({ personId: r.person_id, monthEnd: r.month_end, cumulative: r.cumulative, active: r.active }));
}
