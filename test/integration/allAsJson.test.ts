// allAsJson (electron/db/statements.ts) reads a query's rows as one JSON text: the values must come back exactly as
// better-sqlite3's own raw rows give them, in the query's ORDER BY (SQLite keeps a subquery's order for an
// order-sensitive aggregate such as json_group_array; this test fails should a later SQLite stop doing so).
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { allAsJson } from '../../electron/db/statements';

const db = new Database(':memory:');
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, x REAL, note TEXT)');
const insert = db.prepare('INSERT INTO t (id, name, n, x, note) VALUES (?, ?, ?, ?, ?)');
const awkward = ['王小明', 'quote " and \\ backslash', 'line\nbreak\ttab', '𠮷野家 😀', '', '  spaces  ', '\u0001control', '=1+1'];
for (let i = 1; i <= 200; i++) insert.run(i, awkward[i % awkward.length], i % 7 === 0 ? null : i * 1000, i % 5 === 0 ? null : i / 8, i % 3 ? null : `備註 ${i}`);
afterAll(() => db.close());

describe('allAsJson', () => {
  it('gives the same values as raw rows: text of every kind, integers, reals and nulls', () => {
    const raw = db.prepare('SELECT id, name, n, x, note FROM t ORDER BY id').raw(true).all();
    expect(allAsJson(db, 'id, name, n, x, note', 'FROM t ORDER BY id')).toEqual(raw);
  });

  it('keeps the ORDER BY, named and positional parameters, and an empty answer is []', () => {
    const raw = db.prepare('SELECT id, name FROM t WHERE id > ? ORDER BY name DESC, id DESC').raw(true).all(50);
    expect(allAsJson(db, 'id, name', 'FROM t WHERE id > ? ORDER BY name DESC, id DESC', 50)).toEqual(raw);
    expect(allAsJson(db, 'id', 'FROM t WHERE n > @min ORDER BY n DESC', { min: 150_000 })).toEqual(db.prepare('SELECT id FROM t WHERE n > 150000 ORDER BY n DESC').raw(true).all());
    expect(allAsJson(db, 'id', 'FROM t WHERE id < 0')).toEqual([]);
  });
});
