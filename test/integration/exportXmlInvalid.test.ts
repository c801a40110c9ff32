// Issue 13 §12: a name stored before the import limits existed, holding U+FFFF or a control character, made the
// .xlsx export unreadable from that cell on. Exports drop the characters XML cannot carry; the rest of the name stays.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { readOds, readXlsx } from './exportReaders';
import { ok, tempBackend, type TempBackend } from './helpers';

let t: TempBackend;
beforeAll(() => {
  t = tempBackend('2025-01-10');
  createDemoOffice(t.backend.db);
  t.backend.db.prepare('UPDATE people SET name = ? WHERE name = ?').run('林\uFFFF志\u0001豪', '林志豪');
});
afterAll(() => t.cleanup());

for (const format of ['xlsx', 'ods'] as const) {
  it(`.${format}: the register opens, the name without the invalid characters, and every row after it is there`, async () => {
    const f = await ok(t.backend, 'exports.file', { rocYear: 113, half: 2, form: 'register', format });
    const read = format === 'xlsx' ? await readXlsx(Buffer.from(f.contentBase64, 'base64')) : await readOds(Buffer.from(f.contentBase64, 'base64'));
    const names = read.grid.map((r) => String(r[4] ?? ''));
    expect(names).toContain('林志豪');
    expect(names.some((n) => /[\uFFFF\u0001]/.test(n))).toBe(false);
    const register = await ok(t.backend, 'exports.register', { rocYear: 113, half: 2 });
    expect(read.grid.filter((r) => register.rows.some((x: { name: string }) => x.name.replace(/[\uFFFF\u0001]/g, '') === String(r[4])))).toHaveLength(register.rows.length);
  });
}
