// Issue 18: a roster import logs the rows it adds in one pass per table (withBulkInsertAudit) instead of a trigger per
// row. The log must be the same as the triggers': one chained 'insert' row per added row, naming its person, holding
// the row as stored; nothing logged when the import is refused; row-by-row logging back on afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { verifyAuditChain, withBulkInsertAudit } from '../../electron/db/audit';
import { generateNational, nationalRosterCsv } from '../../electron/demo/nationalScale';

let dir: string;
let b: Backend;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-bulk-audit-'));
  b = openBackend(path.join(dir, 'office.db'), { actor: 'clerk' });
});
afterEach(() => {
  b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const upload = (csv: string) => ({ fileName: 'roster.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
const roster = nationalRosterCsv(generateNational({ people: 60 }), 60);

describe('an import logged in bulk', () => {
  it('logs each added row once, chained, with its person and its stored content', async () => {
    const r = await b.dispatch('import.roster.commit', upload(roster));
    expect(r.ok).toBe(true);
    expect(verifyAuditChain(b.db).state).toBe('ok');
    for (const table of ['people', 'periods', 'leaves']) {
      const rows = b.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      const logged = b.db
        .prepare("SELECT entity_id, person_id, actor, after_json FROM audit_log WHERE entity = ? AND action = 'insert' ORDER BY entity_id")
        .all(table) as { entity_id: number; person_id: number; actor: string; after_json: string }[];
      expect(logged.map((l) => l.entity_id)).toEqual(rows.map((row) => row.id));
      for (const [i, l] of logged.entries()) {
        expect(JSON.parse(l.after_json)).toEqual(rows[i]);
        expect(l.person_id).toBe(table === 'people' ? rows[i].id : rows[i].person_id);
        expect(l.actor).toBe('clerk');
      }
    }
  });

  it('continues the chain of a log that already has rows, and a second import of the file is logged as updates', async () => {
    b.db.prepare("INSERT INTO people (name) VALUES ('先建檔者')").run(); // a row logged by its trigger first
    expect((await b.dispatch('import.roster.commit', upload(roster))).ok).toBe(true);
    expect(verifyAuditChain(b.db).state).toBe('ok');
    const second = await b.dispatch('import.roster.commit', upload(roster));
    expect(second.ok).toBe(true);
    expect(verifyAuditChain(b.db).state).toBe('ok');
    const updates = b.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'people'").pluck().get() as number;
    expect(updates).toBe((b.db.prepare('SELECT count(*) FROM people').pluck().get() as number) - 1);
  });

  it('writes nothing to the log when the write fails, and logs row by row again afterwards', () => {
    const before = b.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(() =>
      b.db.transaction(() =>
        withBulkInsertAudit(b.db, ['people'], () => {
          b.db.prepare("INSERT INTO people (name) VALUES ('甲')").run();
          throw new Error('refused midway');
        }),
      )(),
    ).toThrow('refused midway');
    expect(b.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    b.db.prepare("INSERT INTO people (name) VALUES ('乙')").run();
    const last = b.db.prepare('SELECT action, entity, after_json FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; entity: string; after_json: string };
    expect(last).toMatchObject({ action: 'insert', entity: 'people' });
    expect(JSON.parse(last.after_json).name).toBe('乙');
    expect(verifyAuditChain(b.db).state).toBe('ok');
  });
});
