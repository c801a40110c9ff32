// Row-change capture for the audit log. TEMP triggers are generated on every connection for every table, so a table
// added by a later migration is covered without anyone remembering to; they run inside the writing transaction, so a
// change and its audit row commit or roll back together. The actor comes from an application-defined function.
//
// Every row is chained (migration 013): hash = sha256(previous row's hash + "\n" + the row's content as a JSON array).
// The content, the chaining and the check are written once here, in SQL, so writer and verifier cannot disagree.
import type Database from 'better-sqlite3';
import crypto from 'node:crypto';

// Submissions are append-only themselves and hold file BLOBs (JSON cannot): each is logged as one 'submit' event.
const SKIP = new Set(['audit_log', 'submissions', 'submission_files']);
/** Never copied into the log: a password hash in an append-only table could never be removed. */
const SECRET_COLUMNS = new Set(['password_hash']);

/** The hashed content of a row (`p` is a table alias with its dot, or ''). */
const content = (p: string) =>
  `json_array(${p}id, ${p}at, ${p}actor, ${p}action, ${p}entity, ${p}entity_id, ${p}person_id, ${p}before_json, ${p}after_json, ${p}detail)`;

/** staffbook_chain(prev, content): registered on every connection that writes or verifies the log. */
export function registerChainFunction(db: Database.Database): void {
  db.function('staffbook_chain', { deterministic: true }, (prev: unknown, body: unknown) =>
    crypto.createHash('sha256').update(`${prev ?? ''}\n${body}`).digest('hex'),
  );
}

/** One chained INSERT. Each argument is an SQL expression (NEW./OLD. references allowed inside triggers). */
function chainedInsert(v: { actor: string; action: string; entity: string; entityId: string; personId: string; before: string; after: string; detail: string }): string {
  return `INSERT INTO main.audit_log (id, at, actor, action, entity, entity_id, person_id, before_json, after_json, detail, hash)
    SELECT n.id, n.at, n.actor, n.action, n.entity, n.entity_id, n.person_id, n.before_json, n.after_json, n.detail,
           staffbook_chain(n.prev, ${content('n.')})
    FROM (SELECT (SELECT coalesce(max(id), 0) + 1 FROM main.audit_log) AS id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at,
                 ${v.actor} AS actor, ${v.action} AS action, ${v.entity} AS entity, ${v.entityId} AS entity_id,
                 ${v.personId} AS person_id, ${v.before} AS before_json, ${v.after} AS after_json, ${v.detail} AS detail,
                 (SELECT hash FROM main.audit_log ORDER BY id DESC LIMIT 1) AS prev) AS n;`;
}

/** Which person a row belongs to, for the per-person history. */
function personExpr(table: string, columns: string[], ref: string): string {
  if (table === 'people') return `${ref}.id`;
  if (columns.includes('person_id')) return `${ref}.person_id`;
  if (columns.includes('case_manager_id')) return `${ref}.case_manager_id`;
  return 'NULL';
}

function jsonOf(columns: string[], ref: string): string {
  return `json_object(${columns.filter((c) => !SECRET_COLUMNS.has(c)).map((c) => `'${c}', ${ref}."${c}"`).join(', ')})`;
}

/** Per connection: the tables whose new rows are being logged in one pass at the end (withBulkInsertAudit). */
const bulkTables = new WeakMap<Database.Database, ReadonlySet<string>>();
/** Per connection: the chain's last hash while a bulk pass runs (staffbook_chain_next carries it from row to row). */
const bulkChain = new WeakMap<Database.Database, { prev: string }>();

export function installAuditTriggers(db: Database.Database, actor: () => string): void {
  db.function('staffbook_actor', { deterministic: false }, () => actor());
  registerChainFunction(db);
  db.function('staffbook_row_audit', { deterministic: false }, (table: unknown) => (bulkTables.get(db)?.has(String(table)) ? 0 : 1));
  db.function('staffbook_chain_next', { deterministic: false }, (body: unknown) => {
    const state = bulkChain.get(db)!;
    state.prev = crypto.createHash('sha256').update(`${state.prev}\n${body}`).digest('hex');
    return state.prev;
  });
  const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  if (!hasLog) return;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !SKIP.has(t));
  for (const table of tables) {
    const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
    const row = (action: string, before: string, after: string, ref: 'NEW' | 'OLD') =>
      chainedInsert({
        actor: 'staffbook_actor()',
        action: `'${action}'`,
        entity: `'${table}'`,
        entityId: `${ref}.rowid`,
        personId: personExpr(table, columns, ref),
        before,
        after,
        detail: 'NULL',
      });
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS "audit_${table}_insert" AFTER INSERT ON main."${table}" WHEN staffbook_row_audit('${table}') BEGIN
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

/**
 * Runs `write` with the row-by-row INSERT logging of `tables` suspended, then logs every row it added to them in one
 * statement per table — the same rows, content and chain the triggers would have written (an import adds ~20,000 rows,
 * and the per-row trigger was most of its time). Call it inside the write's transaction, so log and rows commit
 * together. Updates and deletes inside `write` are still logged as they happen, and `write` must not update or delete
 * a row it added (their log rows would come before the insert's).
 */
export function withBulkInsertAudit<T>(db: Database.Database, tables: readonly string[], write: () => T): T {
  const marks = tables.map((t) => ({ table: t, after: db.prepare(`SELECT coalesce(max(rowid), 0) FROM main."${t}"`).pluck().get() as number }));
  bulkTables.set(db, new Set(tables));
  let result: T;
  try {
    result = write();
  } finally {
    bulkTables.delete(db);
  }
  for (const { table, after } of marks) logInsertsSince(db, table, after);
  return result;
}

/** One INSERT … SELECT of the log rows for `table`'s rows with rowid > `after`, chained in rowid order. */
function logInsertsSince(db: Database.Database, table: string, after: number): void {
  const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
  const tail = db.prepare('SELECT id, hash FROM main.audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  bulkChain.set(db, { prev: tail?.hash ?? '' });
  try {
    // MATERIALIZED: the JSON is stored as text first, so json_array quotes it as the verifier (reading the column) does;
    // @base is CAST: a JS number binds as REAL, and the id would be hashed as "1.0"
    db.prepare(
      `WITH n AS MATERIALIZED (
         SELECT t.rowid AS entity_id, ${personExpr(table, columns, 't')} AS person_id, ${jsonOf(columns, 't')} AS after_json
         FROM main."${table}" t WHERE t.rowid > @after ORDER BY t.rowid
       ), m AS MATERIALIZED (
         SELECT CAST(@base AS INTEGER) + row_number() OVER (ORDER BY entity_id) AS id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at,
                staffbook_actor() AS actor, entity_id, person_id, after_json FROM n
       )
       INSERT INTO main.audit_log (id, at, actor, action, entity, entity_id, person_id, before_json, after_json, detail, hash)
       SELECT id, at, actor, 'insert', @entity, entity_id, person_id, NULL, after_json, NULL,
              staffbook_chain_next(json_array(id, at, actor, 'insert', @entity, entity_id, person_id, NULL, after_json, NULL))
       FROM m ORDER BY id`,
    ).run({ after, base: tail?.id ?? 0, entity: table });
  } finally {
    bulkChain.delete(db);
  }
}

const EVENT_SQL = chainedInsert({ actor: '@actor', action: '@action', entity: 'NULL', entityId: 'NULL', personId: 'CAST(@personId AS INTEGER)', before: 'NULL', after: 'NULL', detail: '@detail' });

/** An event that is not a row change: import, backup, restore, export, login, refusal, reveal. */
export function auditEvent(db: Database.Database, actor: string, action: string, detail: string, personId: number | null = null): void {
  db.prepare(EVENT_SQL).run({ actor, action, detail, personId });
}

/** The rows still to seal; migration 015's partial index answers it without reading the log. */
export const UNSEALED_AUDIT_ROWS = 'SELECT id FROM audit_log WHERE hash IS NULL ORDER BY id';

/** Rows logged before the chain existed are sealed once, in order (the only update the log allows, see 013). */
export function sealLegacyAuditRows(db: Database.Database): number {
  const hasHash = (db.pragma('table_info(audit_log)') as { name: string }[]).some((c) => c.name === 'hash');
  if (!hasHash) return 0;
  const unsealed = db.prepare(UNSEALED_AUDIT_ROWS).pluck().all() as number[];
  if (!unsealed.length) return 0;
  const seal = db.prepare(
    `UPDATE audit_log SET hash = staffbook_chain((SELECT hash FROM audit_log p WHERE p.id < audit_log.id ORDER BY p.id DESC LIMIT 1), ${content('')}) WHERE id = ?`,
  );
  db.transaction(() => unsealed.forEach((id) => seal.run(id)))();
  return unsealed.length;
}

export interface ChainCheck {
  /** 'ok', 'broken' (a row's hash does not match), or 'absent' (a database from before the chain) */
  state: 'ok' | 'broken' | 'absent';
  rows: number;
  firstBroken: { id: number; at: string } | null;
}

/** Recomputes every row's hash from the stored previous hash; the first mismatch is where the log was altered. */
export function verifyAuditChain(db: Database.Database): ChainCheck {
  const hasHash = (db.pragma('table_info(audit_log)') as { name: string }[]).some((c) => c.name === 'hash');
  if (!hasHash) return { state: 'absent', rows: 0, firstBroken: null };
  registerChainFunction(db);
  const rows = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  const broken = db
    .prepare(
      `SELECT id, at FROM (
         SELECT id, at, hash, staffbook_chain(lag(hash) OVER (ORDER BY id), ${content('')}) AS expected FROM audit_log
       ) WHERE hash IS NOT expected ORDER BY id LIMIT 1`,
    )
    .get() as { id: number; at: string } | undefined;
  return { state: broken ? 'broken' : 'ok', rows, firstBroken: broken ?? null };
}
