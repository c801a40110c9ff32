// Issue 13 item 3: the full 身分證字號 goes to no role in any ordinary response — people.get, the person's history,
// the audit view — only through an explicit reveal, which roles that edit may call and which is itself logged.
// Checked on the API responses themselves, not on the screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { closeAfterEach, PW } from './helpers';

let dir: string;
let b: Backend;
closeAfterEach(() => ({ b, dir }));
const ID = 'A123456789';
const OTHER = 'B230000021';

describe('national IDs in API responses', () => {
  it('masked for every role everywhere; revealed only on an editing role’s explicit, logged request', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-ids-'));
    b = openBackend(path.join(dir, 'a.db'), { requireLogin: true });
    const admin = ((await b.dispatch('auth.setup', { username: 'boss', displayName: '主任', password: PW })) as any).data.session;
    const as = (session: string) => (m: string, i: unknown) => b.dispatch(m, i, { session });
    for (const [username, role] of [['clerk', 'clerk'], ['sup', 'supervisor']]) {
      await as(admin)('accounts.create', { username, displayName: username, role, password: PW });
    }
    const login = async (u: string) => as(((await b.dispatch('auth.login', { username: u, password: PW })) as any).data.session);
    const [clerk, sup, boss] = [await login('clerk'), await login('sup'), as(admin)];

    const created = (await clerk('people.create', {
      person: { name: '王小明', nationalId: ID, employeeNo: null, education: null, department: null, certificate: null, contact: null },
      period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2024-01-02', endDate: null, endReason: null },
    })) as any;
    expect(created.ok).toBe(true);
    const id = created.data.person.id;
    // an edit that changes the ID, and one that leaves it out (unchanged), so the history holds both numbers
    await clerk('people.update', { id, person: { name: '王小明', nationalId: OTHER, employeeNo: null, education: null, department: null, certificate: null, contact: null } });
    await clerk('people.update', { id, person: { name: '王曉明', employeeNo: null, education: null, department: null, certificate: null, contact: null } });

    const responses = [
      created,
      await sup('people.get', { id }),
      await clerk('people.get', { id }),
      await boss('people.get', { id }),
      await sup('people.list', {}),
      await sup('roster.at', { date: '2024-12-31' }),
      await boss('audit.list', { personId: id }),
      await boss('audit.list', {}),
    ];
    for (const r of responses) {
      expect(r.ok).toBe(true);
      const text = JSON.stringify(r);
      expect(text).not.toContain(ID);
      expect(text).not.toContain(OTHER);
    }
    expect(JSON.stringify(responses[1])).toContain('B23****021');
    expect(JSON.stringify(responses[6])).toContain('A12****789'); // history shows the old number, masked

    expect(await sup('people.revealNationalId', { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk('people.revealNationalId', { id })).toEqual({ ok: true, data: { nationalId: OTHER } });
    const reveals = b.db.prepare("SELECT actor, person_id AS personId FROM audit_log WHERE action = 'reveal'").all();
    expect(reveals).toEqual([{ actor: 'clerk', personId: id }]);
    const refused = b.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'refused'").all() as any[];
    expect(refused).toEqual([expect.objectContaining({ actor: 'sup', detail: expect.stringContaining('people.revealNationalId') })]);
  });
});
