// 衡量指標 四(一) on a real SQLite file, through the dispatcher: the org chart saved per plan year and copied forward,
// target 1 from the roster on the reference date (a lead whose only staff left before it; a 協辦局處 with staff that
// must not count), the export carrying all three targets, the data check, the home reminder and the CLI.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import * as peopleQ from '../../electron/db/queries/people';
import * as periodsQ from '../../electron/db/queries/periods';
import { readXlsx } from './exportReaders';
import { fails, ok, tempBackend, type TempBackend } from './helpers';

/** One person, one post in a 局處 (synthetic names). */
function hire(db: Db, name: string, roleCode: string, adminUnit: string, startDate: string, endDate: string | null = null): void {
  const personId = peopleQ.insertPerson(db, { name, nationalId: null, employeeNo: null, education: '大學', department: '社會工作學系', certificate: null, contact: null });
  periodsQ.insertPeriod(db, {
    personId,
    roleCode,
    funding: roleCode === 'OWN' ? '自有' : '補助',
    businessGroup: '綜合規劃組',
    adminUnit,
    title: null,
    startDate,
    endDate,
    endReason: endDate ? '離職' : null,
  });
}

const CHART = [
  { group: '預防宣導組', lead: '教育處', assist: ['警察局'] },
  { group: '保護扶助組', lead: '社會處', assist: ['勞工處'] },
  { group: '醫療服務組', lead: '衛生局', assist: [] },
  { group: '綜合規劃組', lead: '衛生局', assist: ['警察局'] },
];
const INPUTS = { meetingsHeld: 2, meetingsChaired: 1, centralSubsidy: 9_000_000, selfFunded: 3_000_000, minSelfRatio: 20 };

describe('衡量指標 四(一) from the org chart and the roster', () => {
  let t: TempBackend;
  beforeAll(async () => {
    t = tempBackend('2025-06-30');
    const db = t.backend.db;
    hire(db, '甲個管', 'CM', '衛生局', '2023-01-01');
    hire(db, '乙專責', 'OWN', '教育處', '2022-03-01');
    hire(db, '丙專責', 'OWN', '社會處', '2021-01-01', '2025-03-31'); // 社會處's only staff, gone before 114/06/30
    hire(db, '丁專責', 'OWN', '警察局', '2022-01-01'); // a 協辦局處 only: must not count
    await ok(t.backend, 'orgChart.save', { rocYear: 114, chart: CHART, inputs: INPUTS });
  });
  afterAll(() => t.cleanup());

  it('the chart is kept per plan year and read forward by a later year until that year is saved', async () => {
    const same = await ok(t.backend, 'orgChart.get', { rocYear: 114 });
    expect([same.sourceYear, same.chart, same.inputs]).toEqual([114, CHART, INPUTS]);
    const next = await ok(t.backend, 'orgChart.get', { rocYear: 115 });
    expect([next.sourceYear, next.chart, next.inputs]).toEqual([114, CHART, null]);
    const before = await ok(t.backend, 'orgChart.get', { rocYear: 113 });
    expect([before.sourceYear, before.chart.map((g: { lead: string | null }) => g.lead)]).toEqual([null, [null, null, null, null]]);
  });

  it('target 1 on 114/06/30: 衛生局 (two groups) and 教育處 staffed, 社會處 「無」, 警察局 not counted → 2/3', async () => {
    const r = await ok(t.backend, 'exports.indicators', { rocYear: 114, half: 1 });
    expect(r.leads.map((l: { agency: string; groups: string[]; staff: { name: string }[] }) => [l.agency, l.groups, l.staff.map((s) => s.name)])).toEqual([
      ['教育處', ['預防宣導組'], ['乙專責']],
      ['社會處', ['保護扶助組'], []],
      ['衛生局', ['醫療服務組', '綜合規劃組'], ['甲個管']],
    ]);
    const row = r.rows.find((x: { key: string }) => x.key === 'dedicatedStaff');
    expect(row.targets.map((x: { numerator: number; denominator: number; met: boolean }) => [x.numerator, x.denominator, x.met])).toEqual([
      [2, 3, false],
      [1, 2, true],
      [3_000_000, 12_000_000, true],
    ]);
    expect(row.suggested).toBe('落後');
    const earlier = await ok(t.backend, 'exports.indicators', { rocYear: 113, half: 2 });
    expect(earlier.leads).toEqual([]); // 113 has no chart: nothing copied backwards
  });

  it('the 期中 file carries the three targets, the blank 中央審查意見 column and the org chart', async () => {
    const f = await ok(t.backend, 'exports.file', { rocYear: 114, half: 1, form: 'indicators', format: 'xlsx' });
    const { grid } = await readXlsx(Buffer.from(f.contentBase64, 'base64'));
    expect(grid[1]).toEqual(['指標', '目標值', '目標達成情形及達成率', '自評進度', '中央審查意見']);
    const row = grid.find((r) => r[0] === '(一) 毒品危害防制條例第 2-1 條落實情形')!;
    expect(String(row[1]).split('\n').map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    const [t1, t2, t3] = String(row[2]).split('\n');
    expect(t1).toMatch(/^1\.編列\/指派有毒品防制專責人力局處數 2／納入毒防中心組織架構之主責局處數 3＝66\.7%/);
    expect(t2).toBe('2.由秘書長或主任秘書層級以上長官主持 1 次／全年度召開跨局處毒品防制聯繫會議 2 次＝50.0%');
    expect(t3).toMatch(/^3\.自籌金額 3,000,000 元／（中央補助金額 9,000,000 元＋自籌金額 3,000,000 元）＝25\.00%/);
    expect([row[3], row[4]]).toEqual(['落後', null]);
    expect(grid.find((r) => r[0] === '社會處')!.slice(0, 3)).toEqual(['社會處', '保護扶助組', '無']);
    expect(grid.find((r) => r[0] === '預防宣導組')!.slice(0, 3)).toEqual(['預防宣導組', '教育處', '警察局']);
    expect(grid.flat().join(' ')).not.toMatch(/RULES|§/);
  });

  it('the data check names the unstaffed lead; the home page reminds of it', async () => {
    const c = await ok(t.backend, 'exports.check', { rocYear: 114, half: 1 });
    const FIELDS = ['組織架構', '主責局處專責人力', '跨局處會議次數', '自籌款比率'];
    const mine = c.issues.filter((i: { field: string }) => FIELDS.includes(i.field));
    expect(mine.map((i: { field: string; link: string }) => [i.field, i.link])).toEqual([['主責局處專責人力', '/settings/office']]);
    expect(mine[0].message).toContain('社會處（保護扶助組）');
    const home = await ok(t.backend, 'dashboard.home', { today: '2025-06-30' });
    const r = home.reminders.filter((x: { kind: string }) => x.kind === 'lead-agency-unstaffed');
    expect(r.map((x: { title: string }) => x.title)).toEqual(['主責局處 社會處（保護扶助組）目前無在職專責人力（衡量指標 四(一)）']);
  });

  it('a schema states shape: B above A is saved and shown as a finding; a negative count is refused at the field', async () => {
    await ok(t.backend, 'orgChart.save', { rocYear: 116, chart: CHART, inputs: { ...INPUTS, meetingsChaired: 3 } });
    const c = await ok(t.backend, 'exports.check', { rocYear: 116, half: 1 });
    expect(c.issues.map((i: { message: string }) => i.message)).toContain('長官主持 3 次多於全年度召開 2 次，請確認');
    const e = await fails(t.backend, 'orgChart.save', { rocYear: 116, chart: CHART, inputs: { ...INPUTS, meetingsHeld: -1 } });
    expect(JSON.stringify(e)).toContain('不可為負數');
  });

  it('CLI: indicators --json gives every row’s targets with numerator, denominator, rate and met', { timeout: 120_000 }, () => {
    const out = execFileSync('npx', ['tsx', 'electron/cli.ts', 'indicators', '--half', '1', '--year', '114', '--json', '--db', t.dbPath], { encoding: 'utf8' });
    const r = JSON.parse(out);
    expect(r.rows.map((x: { key: string; targets: unknown[] }) => [x.key, x.targets.length])).toEqual([
      ['dedicatedStaff', 3],
      ['retention', 2],
      ['volunteerCE', 1],
    ]);
    expect(r.rows[0].targets[0]).toEqual({ no: 1, label: '主責局處編列或指派專責人力', numerator: 2, denominator: 3, rate: 2 / 3, target: '100%', met: false });
    const text = execFileSync('npx', ['tsx', 'electron/cli.ts', 'indicators', '--half', '1', '--year', '114', '--db', t.dbPath], { encoding: 'utf8' });
    expect(text).toContain('目標值1 主責局處編列或指派專責人力：2／3＝66.7%（目標 100%）未達成');
    expect(text).toContain('主責局處 社會處（保護扶助組）：無');
  });
});
