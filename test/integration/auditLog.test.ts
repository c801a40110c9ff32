// The audit log (issue: trust): every change is recorded in the same transaction, with who/when/what and
// before/after; it cannot be edited or deleted; a rolled-back change leaves no audit row either.
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { auditEvent } from '../../electron/db/audit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fails, ok } from './helpers';

const person = { name: '王測試', nationalId: null, employeeNo: null, education: '大學', department: null, certificate: null, contact: null };
const period = { roleCode: 'CM', funding: '補助' as const, businessGroup: null, adminUnit: null, title: null, startDate: '2024-01-02', endDate: null, endReason: null };

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function backendAs(actor: string) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-audit-'));
  return openBackend(path.join(dir, 'a.db'), { actor });
}

describe('audit log', () => {
  it('records a creation and an edit with actor, entity and before/after, newest first, per person', async () => {
    const b = backendAs('clerk-a');
    const d = await ok(b, 'people.create', { person, period });
    await ok(b, 'people.update', { id: d.person.id, person: { ...person, education: '碩士' } });
    const log = await ok(b, 'audit.list', { personId: d.person.id });
    expect(log.rows[0]).toMatchObject({ actor: 'clerk-a', action: 'update', entity: 'people', personName: '王測試' });
    expect(log.rows[0].before?.education).toBe('大學');
    expect(log.rows[0].after?.education).toBe('碩士');
    const created = log.rows.filter((r) => r.action === 'insert').map((r) => r.entity).sort();
    expect(created).toEqual(['people', 'periods']);
    b.close();
  });

  it('a refused change leaves neither data nor an audit row', async () => {
    const b = backendAs('clerk-b');
    const d = await ok(b, 'people.create', { person, period });
    const before = (await ok(b, 'audit.list', {})).total;
    await fails(b, 'periods.add', { personId: d.person.id, period: { ...period, startDate: '2024-06-01' } }); // overlaps
    expect((await ok(b, 'audit.list', {})).total).toBe(before);
    b.close();
  });

  it('is append-only: UPDATE and DELETE on it are rejected by a trigger', () => {
    const b = backendAs('x');
    auditEvent(b.db, 'x', 'login', 'test');
    // a raw INSERT would break the hash chain, so it is refused too (issue 13)
    expect(() => b.db.prepare("INSERT INTO audit_log (actor, action, detail) VALUES ('x', 'login', 'test')").run()).toThrow(/hash-chained/);
    expect(() => b.db.prepare("UPDATE audit_log SET actor = 'y'").run()).toThrow(/append-only/);
    expect(() => b.db.prepare('UPDATE audit_log SET hash = NULL').run()).toThrow(/append-only/);
    expect(() => b.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    b.close();
  });

  it('backups and imports are logged as events', async () => {
    const b = backendAs('clerk-c');
    const csv = fs.readFileSync(path.resolve(__dirname, '../fixtures/roster-sample.csv')).toString('base64');
    await ok(b, 'import.roster.commit', { fileName: 'r.csv', contentBase64: csv });
    await ok(b, 'system.backup', {});
    const events = (await ok(b, 'audit.list', { limit: 500 })).rows.filter((r: any) => !r.entity).map((r: any) => [r.action, r.actor]);
    expect(events).toEqual([
      ['backup', 'clerk-c'],
      ['import', 'clerk-c'],
    ]);
    b.close();
  });

  it('an export is logged with the file it produced', async () => {
    const b = backendAs('clerk-d');
    const csv = fs.readFileSync(path.resolve(__dirname, '../fixtures/roster-sample.csv')).toString('base64');
    await ok(b, 'import.roster.commit', { fileName: 'r.csv', contentBase64: csv });
    const f = await ok(b, 'exports.file', { rocYear: 113, half: 2, form: 'register', format: 'xlsx' });
    const event = (await ok(b, 'audit.list', { action: 'export' })).rows[0];
    expect(event).toMatchObject({ actor: 'clerk-d', action: 'export' });
    expect(event.detail).toContain(f.fileName);
    b.close();
  });
});
