// Prepared statements, compiled once per connection. better-sqlite3 compiles the SQL on every prepare(), which costs as
// much as running a small statement: an import calling the same INSERT 20,000 times paid for 20,000 compilations.
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** A few queries build their WHERE from the filters given: bound the cache so such variants cannot grow it for ever. */
const MAX_STATEMENTS = 500;

/**
 * The connection's statement for `sql`, compiled on first use. It is handed out in the default mode (objects, not raw
 * arrays or plucked values), whatever its previous caller set, so callers chain .raw() / .pluck() as with prepare().
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    cache.set(sql, (statement = db.prepare(sql)));
  }
  else if (statement.reader) statement.raw(false).pluck(false).expand(false);
  return statement;
}

/**
 * Every row of `SELECT <columns> <rest>` as an array of its values, fetched as one JSON text: SQLite writes the rows in
 * C and one JSON.parse reads them, where better-sqlite3 would hand each value across to JavaScript on its own — a
 * quarter less time for the 附件五 register's ~3,000 periods and the roster's histories (issue 18). `columns` are plain
 * names of the query's result; their values must be text, numbers or null (JSON holds no blob). `rest`'s ORDER BY
 * holds: SQLite keeps a subquery's order for an order-sensitive aggregate such as json_group_array (tested).
 */
export function allAsJson(db: Database.Database, columns: string, rest: string, ...params: unknown[]): unknown[][] {
  const json = prepared(db, `SELECT json_group_array(json_array(${columns})) FROM (SELECT ${columns} ${rest})`).pluck(true).get(...params) as string;
  return JSON.parse(json) as unknown[][];
}
