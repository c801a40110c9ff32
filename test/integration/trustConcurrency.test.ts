// Issue 13 item 1: the audit log names the right person when two sessions work at once. A clerk's import awaits its
// backup while a supervisor keeps reading (and an anonymous page polls the status); every imported row, the import
// event and the backup must still name the clerk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { PW, SAMPLE_CSV_PATH, closeAfterEach } from './helpers';

let dir: string;
let b: Backend;
closeAfterEach(() => ({ b, dir }));

async function signIn(username: string): Promise<string> {
  const r = await b.dispatch('auth.login', { username, password: PW });
  if (!r.ok) throw new Error(r.error.message);
  return (r.data as { session: string }).session;
}

describe('per-call actor (two sessions at once)', () => {
  it('a long import interleaved with another session’s reads is logged as the importer, the reads as the reader', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-actor-'));
    b = openBackend(path.join(dir, 'a.db'), { actor: 'web', requireLogin: true });
    createDemoOffice(b.db); // people exist, so the import first awaits a backup
    const admin = (await b.dispatch('auth.setup', { username: 'boss', displayName: '主任', password: PW })) as any;
    const asAdmin = (m: string, i: unknown) => b.dispatch(m, i, { session: admin.data.session });
    await asAdmin('accounts.create', { username: 'clerk', displayName: '承辦乙', role: 'clerk', password: PW });
    await asAdmin('accounts.create', { username: 'sup', displayName: '督導甲', role: 'supervisor', password: PW });
    const clerk = await signIn('clerk');
    const sup = await signIn('sup');
    const mark = (b.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;

    const order: string[] = [];
    const csv = fs.readFileSync(SAMPLE_CSV_PATH).toString('base64');
    const importing = b.dispatch('import.roster.commit', { fileName: 'r.csv', contentBase64: csv }, { session: clerk }).then((r) => {
      order.push('import');
      return r;
    });
    // reads from the other session and an anonymous caller while the import is in flight; one of them is refused,
    // which is itself logged and must name the supervisor
    const reads = [];
    for (let i = 0; i < 20; i++) {
      reads.push(b.dispatch('roster.at', { date: '2024-12-31' }, { session: sup }).then(() => order.push('read')));
      reads.push(b.dispatch('auth.status', {}).then(() => order.push('anon')));
      await new Promise((r) => setImmediate(r));
    }
    reads.push(b.dispatch('people.delete', { id: 1 }, { session: sup }));
    const [imported] = await Promise.all([importing, ...reads]);
    expect(imported).toMatchObject({ ok: true });
    // the interleaving really happened: reads finished before the import did
    expect(order.indexOf('read')).toBeLessThan(order.indexOf('import'));

    const rows = b.db.prepare('SELECT actor, action, entity FROM audit_log WHERE id > ?').all(mark) as { actor: string; action: string; entity: string | null }[];
    const changes = rows.filter((r) => r.entity === 'people' || r.entity === 'periods');
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes.map((r) => r.actor))).toEqual(new Set(['clerk']));
    expect(rows.find((r) => r.action === 'import')?.actor).toBe('clerk');
    expect(rows.find((r) => r.action === 'backup')?.actor).toBe('clerk');
    expect(rows.find((r) => r.action === 'refused')?.actor).toBe('sup');
    expect(rows.some((r) => r.actor === 'web')).toBe(false);
  });
});
