// The import's floors: decode the CSV and insert people, periods and leaves with prepared statements in one
// transaction (issue 18's floor), and the same plus one audit row per inserted row, hash-chained as migration 013
// requires of every row a database holds (sha256 of the previous hash and the row's content) — computed here in plain
// JS (auditFloor.ts), not by the app's triggers. Ours is timed against the second (the database
// it must produce holds those rows); the bare floor is printed beside it.
import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import { parseDate } from '../../shared/dates/roc';
import { BUILTIN_ROLES, findRole } from '../../shared/domain/roles';
import { auditFloor } from './auditFloor';

export function importFloor(db: Database.Database, contentBase64: string, audited: boolean): void {
  const text = Buffer.from(contentBase64, 'base64').toString('utf8');
  const [, ...lines] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const person = db.prepare('INSERT INTO people (name, national_id, employee_no, education, department, certificate) VALUES (?, ?, ?, ?, ?, ?)');
  const period = db.prepare('INSERT INTO periods (person_id, role_code, funding, business_group, admin_unit, start_date, end_date, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const leave = db.prepare('INSERT INTO leaves (person_id, start_date, end_date) VALUES (?, ?, ?)');
  const audit = audited ? auditFloor(db) : null;
  const log = (entity: string, entityId: number, personId: number, after: Record<string, unknown>) =>
    audit?.({ action: 'insert', entity, entityId, personId, after });
  const ids = new Map<string, number>();
  db.transaction(() => {
    for (const c of lines) {
      let id = ids.get(c[1]);
      if (id == null) {
        const p = { name: c[0], national_id: c[1], employee_no: c[2], education: c[12] || null, department: c[13] || null, certificate: c[14] || null };
        ids.set(c[1], (id = Number(person.run(p.name, p.national_id, p.employee_no, p.education, p.department, p.certificate).lastInsertRowid)));
        log('people', id, id, p);
      }
      const q = { person_id: id, role_code: findRole(BUILTIN_ROLES, c[4])!.code, funding: c[3], business_group: c[5] || null, admin_unit: c[6] || null, start_date: parseDate(c[7]), end_date: parseDate(c[8]), end_reason: c[9] || null };
      log('periods', Number(period.run(q.person_id, q.role_code, q.funding, q.business_group, q.admin_unit, q.start_date, q.end_date, q.end_reason).lastInsertRowid), id, q);
      if (c[10]) {
        const l = { person_id: id, start_date: parseDate(c[10]), end_date: parseDate(c[11]) };
        log('leaves', Number(leave.run(l.person_id, l.start_date, l.end_date).lastInsertRowid), id, l);
      }
    }
  })();
}
