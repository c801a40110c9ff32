// Issue 13 §13: an import's plan can go stale while it awaits its backup (analyse → await backup → apply). The
// commit makes the plan again inside the writing transaction, so a change that landed meanwhile is seen.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fails, ok, tempBackend, upload, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => (t = tempBackend()));
afterEach(() => t.cleanup());

const csv = (rows: string[]) => ['姓名,人力來源,職稱代碼,到職日,離職日,離職原因', ...rows].join('\r\n') + '\r\n';

/** Runs `meanwhile` while the commit awaits its pre-import backup — the window in which its first plan goes stale. */
function duringBackup(meanwhile: () => Promise<void>) {
  const backup = t.backend.system.backup;
  let ran = false;
  t.backend.system.backup = async (...args) => {
    if (!ran) {
      ran = true;
      await meanwhile();
    }
    return backup(...args);
  };
  return () => ran;
}

it('a person created by someone else during the backup is matched, not created twice', async () => {
  await ok(t.backend, 'import.roster.commit', upload('base.csv', csv(['範例甲,補助,個管,110/09/01,,'])));
  const ran = duringBackup(async () => {
    await ok(t.backend, 'people.create', {
      person: { name: '範例新', nationalId: null, employeeNo: null, education: null, department: null, certificate: null, contact: null },
      period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2024-03-01', endDate: null, endReason: null },
    });
  });
  const r = await ok(t.backend, 'import.roster.commit', upload('new.csv', csv(['範例新,補助,個管,113/03/01,,'])));
  expect(ran()).toBe(true);
  expect(r.summary).toMatchObject({ newPeople: 0, updatedPeople: 1 });
  const list = await ok(t.backend, 'people.list', {});
  expect(list.filter((p: { name: string }) => p.name === '範例新')).toHaveLength(1);
});

it('a file that no longer fits after a change during the backup is refused, with nothing written', async () => {
  await ok(t.backend, 'import.roster.commit', upload('base.csv', csv(['範例甲,補助,個管,110/09/01,,'])));
  const [row] = (await ok(t.backend, 'roster.at', { date: '2024-12-31' })).rows;
  duringBackup(async () => {
    // meanwhile a clerk records a new period from 113/07/01 (the old one ended the day before)
    await ok(t.backend, 'periods.end', { id: row.periodId, endDate: '2024-06-30', endReason: '職務異動' });
    await ok(t.backend, 'periods.add', { personId: row.personId, period: { roleCode: 'SUP', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2024-07-01', endDate: null, endReason: null } });
  });
  // the file, which fitted when it was checked, promotes her on 113/05/01: now that overlaps the period added meanwhile
  const file = csv(['範例甲,補助,個管,110/09/01,113/04/30,職務異動', '範例甲,補助,資深個管,113/05/01,,']);
  expect((await ok(t.backend, 'import.roster.preview', upload('late.csv', file))).errors).toEqual([]);
  const err = await fails(t.backend, 'import.roster.commit', upload('late.csv', file));
  expect(err.issues?.map((i) => i.message).join('\n')).toMatch(/範例甲 的任職期間.*重疊/);
  const detail = await ok(t.backend, 'people.get', { id: row.personId });
  expect(detail.periods.map((p: { roleCode: string; startDate: string }) => `${p.roleCode} ${p.startDate}`)).toEqual(['CM 2021-09-01', 'SUP 2024-07-01']);
});
