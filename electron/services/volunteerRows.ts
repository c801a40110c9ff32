// What the volunteer services (register, hours, honours) share about a volunteer's own rows: the volunteer must
// exist, and a row deleted by id answers with the volunteer it belonged to.
import { AppError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import * as volQ from '../db/queries/volunteers';

export function mustHaveVolunteer(db: Db, id: number): volQ.Volunteer {
  const v = volQ.getVolunteer(db, id);
  if (!v) throw new AppError('NOT_FOUND', '找不到這位志工');
  return v;
}

/** Deletes one of a volunteer's rows (a period, an hour, a card, an award): the volunteer's id, or 找不到 when it is gone. */
export function deleteOwnRow(row: { volunteerId: number } | undefined, notFound: string, remove: () => void): number {
  if (!row) throw new AppError('NOT_FOUND', notFound);
  remove();
  return row.volunteerId;
}
