// What the floors write to the audit log: every row a database holds and every export is logged, hash-chained
// (migration 013: sha256 of the previous row's hash and the row's content). The least way to write such a row: the
// content as JSON and the hash in plain JS, one prepared INSERT — not the app's triggers or its event helper.
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';

export interface AuditRowFloor {
  action: string;
  entity?: string | null;
  entityId?: number | null;
  personId?: number | null;
  after?: Record<string, unknown> | null;
  detail?: string | null;
}

/**
 * A writer of chained audit rows on `db`, continuing its log. The last id and hash are read once, or before every row
 * when another connection writes to the same log between them (`shared`).
 */
export function auditFloor(db: Database.Database, opts: { shared?: boolean } = {}): (row: AuditRowFloor) => void {
  const actor = 'bench';
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, person_id, after_json, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const tail = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  let id = 0;
  let prev = '';
  const readTail = () => {
    const last = tail.get() as { id: number; hash: string | null } | undefined;
    id = last?.id ?? 0;
    prev = last?.hash ?? '';
  };
  readTail();
  return (r) => {
    if (opts.shared) readTail();
    const at = new Date().toISOString();
    const after = r.after ? JSON.stringify(r.after) : null;
    const row = [++id, at, actor, r.action, r.entity ?? null, r.entityId ?? null, r.personId ?? null, null, after, r.detail ?? null] as const;
    prev = crypto.createHash('sha256').update(`${prev}\n${JSON.stringify(row)}`).digest('hex');
    insert.run(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[8], row[9], prev);
  };
}
