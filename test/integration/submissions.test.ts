// The archive of submitted packages (issue 16), through the dispatcher on the demo office: a package is submitted,
// then the data changes four ways (a resignation, a corrected start date, a new person, a 留職停薪); the diff names
// each change with the audit row that made it, and the frozen files still hash to what was stored — byte for byte
// through `submissions show` on the command line too.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { setPdfRenderer } from '../../electron/exports/pdf';
import { AppError } from '../../shared/api/errors';
import { PACKAGE_FORMATS } from '../../shared/api/submissions';
import { fails, ok, tempBackend, type TempBackend } from './helpers';

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const CLI = (t: TempBackend, ...args: string[]) => execFileSync('npx', ['tsx', 'electron/cli.ts', ...args, '--db', t.dbPath], { encoding: 'utf8', stdio: 'pipe' });

let t: TempBackend;
let submitted: any;
let diff: any;
const ids: Record<string, number> = {};

async function personId(name: string): Promise<number> {
  const p = (await ok(t.backend, 'people.list', {})).find((x: any) => x.name === name);
  if (!p) throw new Error(`no ${name} in the demo office`);
  return p.id;
}

const onlyPeriod = async (id: number) => (await ok(t.backend, 'people.get', { id })).periods.at(-1);

beforeAll(async () => {
  t = tempBackend('2025-01-20');
  createDemoOffice(t.backend.db);
  // the real PDF renderer (Debian's Chromium): the package is what the clerk would send
  submitted = await ok(t.backend, 'submissions.submit', { rocYear: 113, half: 2, note: '府授衛字第1130000001號' });

  // 1. a resignation back-dated into the half: 林志豪 left on 2024-10-15
  ids.resigned = await personId('林志豪');
  const p1 = await onlyPeriod(ids.resigned);
  await ok(t.backend, 'periods.end', { id: p1.id, endDate: '2024-10-15', endReason: '離職' });
  // 2. a corrected start date: 劉冠宇 started 2023-02-09, not 2023-01-09
  ids.corrected = await personId('劉冠宇');
  const p2 = await onlyPeriod(ids.corrected);
  const { id: _id, personId: _pid, ...period } = p2;
  await ok(t.backend, 'periods.update', { id: p2.id, period: { ...period, startDate: '2023-02-09' } });
  // 3. a person nobody had entered, in post since 2024-11-01
  const created = await ok(t.backend, 'people.create', {
    person: { name: '新進測試員', nationalId: null, employeeNo: null, education: '大學', department: null, certificate: null, contact: null },
    period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2024-11-01', endDate: null, endReason: null },
  });
  ids.added = created.person.id;
  // 4. a 留職停薪 entered late: 王俊傑 2024-09-01 … 2024-11-30
  ids.onLeave = await personId('王俊傑');
  await ok(t.backend, 'leaves.add', { personId: ids.onLeave, startDate: '2024-09-01', endDate: '2024-11-30', note: null });

  diff = await ok(t.backend, 'submissions.diff', { id: submitted.id });
}, 180_000);

afterAll(() => {
  setPdfRenderer(null);
  t?.cleanup();
});

const auditRows = async (personId: number) => (await ok(t.backend, 'audit.list', { personId, limit: 50 })).rows;
const changeOf = (personId: number) => diff.people.filter((p: any) => p.personId === personId);
const field = (personId: number, name: string) => changeOf(personId).flatMap((p: any) => p.fields).find((f: any) => f.field === name);

describe('submit', () => {
  it('freezes every file of the package with its SHA-256, who, when and the note', async () => {
    const expected = Object.values(PACKAGE_FORMATS).reduce((n, f) => n + f.length, 0);
    expect(submitted.files).toHaveLength(expected);
    expect(submitted.missing).toEqual([]);
    expect(submitted.files.map((f: any) => f.name)).toContain('113年度期末_專責人力運用情形清冊.pdf');
    expect(submitted).toMatchObject({ rocYear: 113, half: 2, refDate: '2024-12-31', note: '府授衛字第1130000001號', by: 'system', replacesId: null });
    const shown = await ok(t.backend, 'submissions.show', { id: submitted.id });
    expect(shown.findings.length, 'the data-quality check ran and its findings are kept').toBeGreaterThan(0);
    expect(shown.figures.find((f: any) => f.key === 'retention.short')).toBeTruthy();
    const log = (await ok(t.backend, 'audit.list', { action: 'submit' })).rows;
    expect(log[0].detail).toContain(`第 ${submitted.id} 號送出`);
  });

  it('the frozen files still hash to what was stored after the data changed', async () => {
    const shown = await ok(t.backend, 'submissions.show', { id: submitted.id });
    const listed = (await ok(t.backend, 'submissions.list', { rocYear: 113 }))[0];
    expect(listed.files).toEqual(submitted.files);
    for (const f of shown.contents) {
      const bytes = Buffer.from(f.contentBase64, 'base64');
      expect(sha(bytes), f.name).toBe(submitted.files.find((m: any) => m.name === f.name).sha256);
    }
    // one file alone, as the screen downloads it; the record without its files hands nothing out
    const one = await ok(t.backend, 'submissions.file', { id: submitted.id, name: submitted.files[2].name });
    expect(sha(Buffer.from(one.contentBase64, 'base64'))).toBe(submitted.files[2].sha256);
    expect((await ok(t.backend, 'submissions.show', { id: submitted.id, contents: false })).contents).toEqual([]);
    expect((await fails(t.backend, 'submissions.file', { id: submitted.id, name: 'x.xlsx' })).code).toBe('NOT_FOUND');
    const handouts = (await ok(t.backend, 'audit.list', { action: 'export' })).rows.map((r: any) => r.detail);
    expect(handouts).toContain(`送出紀錄第 ${submitted.id} 號：${submitted.files[2].name}`);
    // and today's export of the same form is a different file: the archive did not follow the data
    const today = await ok(t.backend, 'exports.file', { form: 'register', format: 'xlsx', rocYear: 113, half: 2, filledOn: '2025-01-20' });
    expect(sha(Buffer.from(today.contentBase64, 'base64'))).not.toBe(submitted.files[0].sha256);
  });

  it('a submission never changes: UPDATE and DELETE are rejected by triggers', () => {
    expect(() => t.backend.db.prepare("UPDATE submissions SET note = 'x'").run()).toThrow(/immutable/);
    expect(() => t.backend.db.prepare('DELETE FROM submissions').run()).toThrow(/immutable/);
    expect(() => t.backend.db.prepare("UPDATE submission_files SET content = x'00'").run()).toThrow(/immutable/);
    expect(() => t.backend.db.prepare('DELETE FROM submission_files').run()).toThrow(/immutable/);
  });
});

describe('diff against today', () => {
  it('a resignation: 離職日 — → 113/10/15, with the audit row that ended the period', async () => {
    const f = field(ids.resigned, 'end');
    expect(f).toMatchObject({ before: '—', after: '113/10/15' });
    const row = (await auditRows(ids.resigned)).find((r: any) => r.entity === 'periods' && r.action === 'update');
    expect(f.audit.map((a: any) => a.id)).toContain(row.id);
    expect(diff.words.some((l: string) => l.startsWith(`林志豪 離職日 — → 113/10/15（操作紀錄 #${row.id} `))).toBe(true);
  });

  it('a corrected start date: 到職日 112/01/09 → 112/02/09, with its audit row', async () => {
    const f = field(ids.corrected, 'start');
    expect(f).toMatchObject({ before: '112/01/09', after: '112/02/09' });
    const row = (await auditRows(ids.corrected)).find((r: any) => r.entity === 'periods' && r.action === 'update');
    expect(f.audit.map((a: any) => a.id)).toEqual([row.id]);
  });

  it('a new person: added to the register, with the audit rows that created the person and the period', async () => {
    const [c] = changeOf(ids.added);
    expect(c).toMatchObject({ kind: 'added', name: '新進測試員' });
    const rows = (await auditRows(ids.added)).filter((r: any) => r.action === 'insert').map((r: any) => r.id).sort();
    expect(c.audit.map((a: any) => a.id).sort()).toEqual(rows);
  });

  it('a 留職停薪: the leave and the months in post change, tied to the leave row', async () => {
    const leave = field(ids.onLeave, 'leaves');
    expect(leave).toMatchObject({ before: '—', after: '113/09/01–113/11/30' });
    const row = (await auditRows(ids.onLeave)).find((r: any) => r.entity === 'leaves' && r.action === 'insert');
    expect(leave.audit.map((a: any) => a.id)).toEqual([row.id]);
    expect(field(ids.onLeave, 'monthsInYear')).toMatchObject({ before: '12 個月', after: '9 個月' });
  });

  it('figures: retention moves, traced to the people who left its numerator or denominator', () => {
    const denominator = diff.figures.find((f: any) => f.key === 'retention.denominator');
    expect(denominator).toBeTruthy();
    const people = new Set(denominator.audit.map((a: any) => a.id));
    // the resignation and the 留職停薪 both take a person out of the denominator
    expect(field(ids.resigned, 'end').audit.every((a: any) => people.has(a.id))).toBe(true);
    expect(field(ids.onLeave, 'leaves').audit.every((a: any) => people.has(a.id))).toBe(true);
  });

  it('in words: one line per change, ROC dates and who made it', () => {
    const text = diff.words.join('\n');
    expect(text).toMatch(/林志豪 離職日 — → 113\/10\/15（操作紀錄 #\d+ system 11\d\/\d\d\/\d\d \d\d:\d\d 修改/);
    expect(text).toMatch(/劉冠宇 到職日 112\/01\/09 → 112\/02\/09/);
    expect(text).toMatch(/新進測試員 新列入清冊（操作紀錄 #\d+ system .* 新增/);
    expect(text).toMatch(/王俊傑 留職停薪 — → 113\/09\/01–113\/11\/30/);
    expect(text).toMatch(/留任率分母（基準日在職） \d+ 人 → \d+ 人/);
  });
});

describe('re-submission and the command line', () => {
  it('a corrected re-submission links to the one it replaces; a replaced one cannot be replaced twice', async () => {
    setPdfRenderer(async () => Buffer.from('%PDF-1.4\n% test stub\n'));
    const again = await ok(t.backend, 'submissions.submit', { rocYear: 113, half: 2, note: '更正', replacesId: submitted.id });
    expect(again.replacesId).toBe(submitted.id);
    const first = (await ok(t.backend, 'submissions.list', {})).find((s: any) => s.id === submitted.id);
    expect(first.replacedById).toBe(again.id);
    expect((await fails(t.backend, 'submissions.submit', { rocYear: 113, half: 2, replacesId: submitted.id })).code).toBe('CONFLICT');
    expect((await fails(t.backend, 'submissions.submit', { rocYear: 113, half: 1, replacesId: again.id })).field).toBe('replacesId');
    // nothing changed since the re-submission: its diff is empty
    expect((await ok(t.backend, 'submissions.diff', { id: again.id })).words).toEqual(['送出後資料沒有變動：今日產出的清冊與數據與送出時相同。']);
  });

  it('a PDF that cannot be made is said in the submission, the other files still frozen', async () => {
    setPdfRenderer(async () => {
      throw new AppError('UNAVAILABLE', '找不到 Chromium，無法產生 PDF');
    });
    const s = await ok(t.backend, 'submissions.submit', { rocYear: 113, half: 1 });
    expect(s.missing.map((m: any) => m.name)).toEqual(['113年度期中_專責人力運用情形清冊.pdf', '113年度期中_衡量指標達成情形.pdf', '113年度期中_人力配置表.pdf']);
    expect(s.missing[0].reason).toContain('Chromium');
    expect(s.files.some((f: any) => f.name.endsWith('.pdf'))).toBe(false);
    expect(s.files.length).toBe(9);
  });

  it('data changed while the files were being made: nothing is written, the clerk is asked to submit again', async () => {
    const before = (await ok(t.backend, 'submissions.list', {})).length;
    const id = await personId('楊承翰');
    setPdfRenderer(async () => {
      const p = (await ok(t.backend, 'people.get', { id })).person;
      await ok(t.backend, 'people.update', { id, person: { ...p, certificate: '社會工作師' } });
      setPdfRenderer(async () => Buffer.from('%PDF-1.4\n% test stub\n'));
      return Buffer.from('%PDF-1.4\n% test stub\n');
    });
    expect((await fails(t.backend, 'submissions.submit', { rocYear: 113, half: 2 })).code).toBe('CONFLICT');
    expect((await ok(t.backend, 'submissions.list', {})).length).toBe(before);
    expect((await ok(t.backend, 'audit.list', { action: 'submit' })).rows.length).toBe(before);
  });

  it('`submissions show` writes the files byte for byte; `submissions --json` lists them with their hashes', () => {
    t.backend.close(); // the CLI opens the file itself
    const out = path.join(t.dir, 'out');
    CLI(t, 'submissions', 'show', String(submitted.id), '--out', out);
    const shownNames = fs.readdirSync(out).sort();
    expect(shownNames).toEqual(submitted.files.map((f: any) => f.name).sort());
    for (const f of submitted.files) expect(sha(fs.readFileSync(path.join(out, f.name))), f.name).toBe(f.sha256);
    const list = JSON.parse(CLI(t, 'submissions', '--year', '113', '--json'));
    const mine = list.find((s: any) => s.id === submitted.id);
    expect(Object.keys(mine).sort()).toEqual(['by', 'files', 'half', 'id', 'note', 'submittedAt', 'year']);
    expect(mine.files).toEqual(submitted.files.map((f: any) => ({ name: f.name, sha256: f.sha256 })));
    const words = CLI(t, 'submissions', 'diff', String(submitted.id));
    expect(words).toContain('林志豪 離職日 — → 113/10/15');
  }, 120_000);
});

describe('who may', () => {
  it('督導 reads the archive but is never let submit; 承辦人 submits and is named as the submitter', async () => {
    setPdfRenderer(async () => Buffer.from('%PDF-1.4\n% test stub\n'));
    const dir = fs.mkdtempSync(path.join(t.dir, 'auth-'));
    const b = openBackend(path.join(dir, 'a.db'), { requireLogin: true });
    try {
      const PW = 'correct-horse-battery';
      const admin = ((await b.dispatch('auth.setup', { username: 'boss', displayName: '主任', password: PW })) as any).data.session;
      for (const [username, displayName, role] of [['sup', '督導甲', 'supervisor'], ['clerk', '承辦乙', 'clerk']]) {
        expect((await b.dispatch('accounts.create', { username, displayName, role, password: PW }, { session: admin })).ok).toBe(true);
      }
      const as = async (username: string) => ((await b.dispatch('auth.login', { username, password: PW })) as any).data.session;
      const sup = await as('sup');
      const clerk = await as('clerk');
      expect(await b.dispatch('submissions.submit', { rocYear: 113, half: 2 }, { session: sup })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const s = (await b.dispatch('submissions.submit', { rocYear: 113, half: 2 }, { session: clerk })) as any;
      expect(s.data).toMatchObject({ by: 'clerk', byName: '承辦乙' });
      expect(await b.dispatch('submissions.list', {}, { session: sup })).toMatchObject({ ok: true });
      expect(await b.dispatch('submissions.diff', { id: s.data.id }, { session: sup })).toMatchObject({ ok: true });
    } finally {
      b.close();
    }
  }, 60_000);
});
