// SQL of partner schools (合作單位) and their interns (實習/見習).
import type { InternFacts, InternFields, SchoolFacts } from '../../../shared/domain/interns';
import type { Db } from '../connection';
import { prepared } from '../statements';

export type { InternFields };

export function listSchools(db: Db): (SchoolFacts & { interns: number })[] {
  return prepared(db,
      `SELECT s.id, s.name, s.department, s.cooperation, (SELECT count(*) FROM interns i WHERE i.school_id = s.id) AS interns
       FROM partner_schools s ORDER BY s.name, s.department`,
    )
    .all()
    .map((r: any) => ({ id: r.id, name: r.name, department: r.department, cooperation: r.cooperation, interns: r.interns }));
}

export function saveSchool(db: Db, id: number | null, s: Omit<SchoolFacts, 'id'>): number {
  if (id) {
    prepared(db, 'UPDATE partner_schools SET name = @name, department = @department, cooperation = @cooperation WHERE id = @id').run({ ...s, id });
    return id;
  }
  return Number(prepared(db, 'INSERT INTO partner_schools (name, department, cooperation) VALUES (@name, @department, @cooperation)').run(s).lastInsertRowid);
}

export function deleteSchool(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM partner_schools WHERE id = ?').run(id).changes > 0;
}

const SELECT = `SELECT i.id, i.school_id, i.name, i.kind, i.start_date, i.end_date, i.hours, i.supervisor_id, i.content, p.name AS supervisor_name
  FROM interns i LEFT JOIN people p ON p.id = i.supervisor_id`;
const toIntern = (r: any): InternFacts => ({
  id: r.id,
  schoolId: r.school_id,
  name: r.name,
  kind: r.kind,
  startDate: r.start_date,
  endDate: r.end_date,
  hours: r.hours,
  supervisorId: r.supervisor_id,
  supervisorName: r.supervisor_name,
  content: r.content,
});

export function listInterns(db: Db): InternFacts[] {
  return prepared(db, `${SELECT} ORDER BY i.start_date, i.name`).all().map(toIntern);
}

export function getIntern(db: Db, id: number): InternFacts | undefined {
  const r = prepared(db, `${SELECT} WHERE i.id = ?`).get(id);
  return r ? toIntern(r) : undefined;
}

export function saveIntern(db: Db, id: number | null, i: InternFields): number {
  if (id) {
    prepared(db,
      `UPDATE interns SET school_id = @schoolId, name = @name, kind = @kind, start_date = @startDate, end_date = @endDate, hours = @hours,
         supervisor_id = @supervisorId, content = @content WHERE id = @id`,
    ).run({ ...i, id });
    return id;
  }
  return Number(
    prepared(db,
        `INSERT INTO interns (school_id, name, kind, start_date, end_date, hours, supervisor_id, content)
         VALUES (@schoolId, @name, @kind, @startDate, @endDate, @hours, @supervisorId, @content)`,
      )
      .run(i).lastInsertRowid,
  );
}

export function deleteIntern(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM interns WHERE id = ?').run(id).changes > 0;
}
