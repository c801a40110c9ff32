// The floor of the memory row: plain better-sqlite3 and the floor queries of the same figures (see memoryOurs.ts).
import Database from 'better-sqlite3';
import { headcountFloor, retentionFloor, rosterFloor, supervisionFloor } from './floors';
import { DATES, report, sample } from './memoryReport';

const db = new Database(process.argv[2], { readonly: true });
db.pragma('quick_check');
for (const date of DATES) {
  rosterFloor(db, date);
  sample();
  retentionFloor(db, date, date);
  sample();
  supervisionFloor(db, date);
  sample();
}
headcountFloor(db, 113, '2024-12-31');
headcountFloor(db, 114, '2025-12-31');
sample();
db.close();
report();
