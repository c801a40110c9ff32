// Issue 13 item 7: the audit log is a hash chain. Someone who opens the file, drops the guard triggers and edits or
// removes a row is found by `doctor`, which names the first row that no longer matches.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { registerChainFunction, sealLegacyAuditRows, UNSEALED_AUDIT_ROWS } from '../../electron/db/audit';
import { applyMigrations, loadMigrations } from '../../electron/db/migrate';
import { closeAfterEach } from './helpers';

let dir: string;
let b: Backend | undefined;
closeAfterEach(() => ({ b, dir }));

async function doctorChain(dbPath: string) {
  b?.close();
  b = openBackend(dbPath);
  const r = (await b.dispatch('system.doctor', {})) as any;
  expect(r.ok).toBe(true);
  return r.data.auditChain as { state: string; rows: number; firstBroken: { id: number } | null };
}

/** What an intruder with the file does: lift the guard, change the log, put the guard back. */
function tamper(dbPath: string, sql: string): void {
  const db = new Database(dbPath);
  const guards = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[];
  db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained;");
  db.exec(sql);
  for (const g of guards) db.exec(g);
  db.close();
}

function seeded(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-chain-'));
  const dbPath = path.join(dir, 'a.db');
  b = openBackend(dbPath, { actor: 'clerk' });
  createDemoOffice(b.db);
  b.close();
  b = undefined;
  return dbPath;
}

describe('hash-chained audit log', () => {
  it('an untouched log verifies, row changes and events alike', async () => {
    const dbPath = seeded();
    const chain = await doctorChain(dbPath);
    expect(chain.state).toBe('ok');
    expect(chain.rows).toBeGreaterThan(100);
    await b!.dispatch('system.backup', {}); // an event row, written through the same chained insert
    expect((await doctorChain(dbPath)).state).toBe('ok');
  });

  it('an edited row is named as the first broken one', async () => {
    const dbPath = seeded();
    tamper(dbPath, "UPDATE audit_log SET actor = 'someone-else' WHERE id = 40");
    expect(await doctorChain(dbPath)).toMatchObject({ state: 'broken', firstBroken: { id: 40 } });
  });

  it('an edited row whose own hash was recomputed still breaks the chain at the next row', async () => {
    const dbPath = seeded();
    tamper(dbPath, "UPDATE audit_log SET detail = 'edited', hash = NULL WHERE id = 40");
    // re-hash row 40 exactly as the app would (its own sealing code), leaving the rest of the chain alone
    const db = new Database(dbPath);
    registerChainFunction(db);
    expect(sealLegacyAuditRows(db)).toBe(1);
    db.close();
    expect(await doctorChain(dbPath)).toMatchObject({ state: 'broken', firstBroken: { id: 41 } });
  });

  it('a removed row breaks the chain at the row after it', async () => {
    const dbPath = seeded();
    tamper(dbPath, 'DELETE FROM audit_log WHERE id = 50');
    expect(await doctorChain(dbPath)).toMatchObject({ state: 'broken', firstBroken: { id: 51 } });
  });

  it('rows logged before the chain existed are sealed once on upgrade, in order', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-chain-'));
    const dbPath = path.join(dir, 'old.db');
    const old = new Database(dbPath);
    applyMigrations(old, loadMigrations().slice(0, 7)); // the schema before the chain
    const ins = old.prepare("INSERT INTO audit_log (actor, action, detail) VALUES ('clerk', 'login', ?)");
    for (let i = 0; i < 5; i++) ins.run(`登入 ${i}`);
    old.close();
    const chain = await doctorChain(dbPath);
    expect(chain).toMatchObject({ state: 'ok', rows: 5 });
    expect(b!.db.prepare('SELECT count(*) FROM audit_log WHERE hash IS NULL').pluck().get()).toBe(0);
    // every later open asks again: the partial index answers, the log itself is not read
    const plan = b!.db.prepare(`EXPLAIN QUERY PLAN ${UNSEALED_AUDIT_ROWS}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING (COVERING )?INDEX audit_log_unsealed/);
  });
});
