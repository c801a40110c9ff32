// Row-change capture for the audit log. TEMP triggers are generated on every connection for every table, so a table
// added by a later migration is covered without anyone remembering to; they run inside the writing transaction, so a
// change and its audit row commit or roll back together. The actor comes from an application-defined function.
import type Database from 'better-sqlite3';

// Submissions are append-only themselves and hold file BLOBs (JSON cannot): each is logged as one 'submit' event.
const SKIP = new Set(['audit_log', 'submissions', 'submission_files']);
/** Never copied into the log: a password hash in an append-only table could never be removed. */
const SECRET_COLUMNS = new Set(['password_hash']);

/** Which person a row belongs to, for the per-person history. */
function personExpr(table: string, columns: string[], ref: 'NEW' | 'OLD'): string {
  if (table === 'people') return `${ref}.id`;
  if (columns.includes('person_id')) return `${ref}.person_id`;
  if (columns.includes('case_manager_id')) return `${ref}.case_manager_id`;
  return 'NULL';
}

function jsonOf(columns: string[], ref: 'NEW' | 'OLD'): string {
  return `json_object(${columns.filter((c) => !SECRET_COLUMNS.has(c)).map((c) => `'${c}', ${ref}."${c}"`).join(', ')})`;
}

export function installAuditTriggers(db: Database.Database, actor: () => string): void {
  db.function('staffbook_actor', { deterministic: false }, () => actor());
  const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  if (!hasLog) return;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !SKIP.has(t));
  for (const table of tables) {
    const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
    const row = (action: string, before: string, after: string, ref: 'NEW' | 'OLD') =>
      `INSERT INTO main.audit_log (actor, action, entity, entity_id, person_id, before_json, after_json)
       VALUES (staffbook_actor(), '${action}', '${table}', ${ref}.rowid, ${personExpr(table, columns, ref)}, ${before}, ${after});`;
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS "audit_${table}_insert" AFTER INSERT ON main."${table}" BEGIN
        ${row('insert', 'NULL', jsonOf(columns, 'NEW'), 'NEW')}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS "audit_${table}_update" AFTER UPDATE ON main."${table}" BEGIN
        ${row('update', jsonOf(columns, 'OLD'), jsonOf(columns, 'NEW'), 'NEW')}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS "audit_${table}_delete" AFTER DELETE ON main."${table}" BEGIN
        ${row('delete', jsonOf(columns, 'OLD'), 'NULL', 'OLD')}
      END;`);
  }
}

/** An event that is not a row change: import, backup, restore, export, login. */
export function auditEvent(db: Database.Database, actor: string, action: string, detail: string): void {
  db.prepare('INSERT INTO audit_log (actor, action, detail) VALUES (?, ?, ?)').run(actor, action, detail);
}
