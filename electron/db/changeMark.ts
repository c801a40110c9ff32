// Whether anything was written to the database between two moments: data_version moves when another connection
// commits, total_changes() with this connection's own writes. Equal marks mean the data read then is the data now.
import type Database from 'better-sqlite3';
import { prepared } from './statements';

export function changeMark(db: Database.Database): string {
  return `${db.pragma('data_version', { simple: true })}:${prepared(db, 'SELECT total_changes()').pluck().get()}`;
}
