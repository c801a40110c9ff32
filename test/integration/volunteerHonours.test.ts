// 志願服務法's counts through the dispatcher on real SQLite files (issue 19): record-book, cards and awards by hand and
// by import, the demo office's eligibility list, home reminders, the CLI's JSON, and the two files read back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { findChromium } from '../../electron/exports/pdf';
import { VOLUNTEER_TEMPLATE_COLUMNS, VOLUNTEER_TEMPLATE_HEADERS } from '../../shared/domain/volunteerImport';
import { readOds, readXlsx } from './exportReaders';
import { fails, ok, tempBackend, upload, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => {
  t = tempBackend('2026-12-01');
});
afterEach(() => t.cleanup());

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('record-book, 榮譽卡 and 績優獎勵 on a volunteer', () => {
  it('by hand: a card without an expiry is valid 3 years; a renewal counts after it; awards one per tier', async () => {
    const v = await ok(t.backend, 'volunteers.save', { id: null, volunteer: { name: '志工甲', nationalId: 'A123456789', contact: null, basicTrainingOn: '2020-01-05', specialTrainingOn: '2020-02-01' } });
    await ok(t.backend, 'volunteers.periods.save', { id: null, volunteerId: v.id, role: '陪伴型志工', startDate: '2020-01-01', endDate: null });
    for (const on of ['2021-06-01', '2023-06-01', '2024-06-01']) await ok(t.backend, 'volunteers.hours.save', { id: null, volunteerId: v.id, workedOn: on, kind: '服務', hours: 160, note: null });
    await ok(t.backend, 'volunteers.hours.save', { id: null, volunteerId: v.id, workedOn: '2024-07-01', kind: '繼續教育', hours: 8, note: null });
    let d = await ok(t.backend, 'volunteers.recordBook.save', { volunteerId: v.id, recordBookNo: '志冊-0001', recordBookOn: '2020-02-10' });
    expect(d.row).toMatchObject({ eligible: true, application: 'first', serviceHours: 480, trainingHours: 8, recordBookNo: '志冊-0001' });

    d = await ok(t.backend, 'volunteers.cards.save', { id: null, volunteerId: v.id, issuedOn: '2023-12-01', cardNo: null, hoursThrough: null });
    expect(d.cards[0]).toMatchObject({ issuedOn: '2023-12-01', expiresOn: '2026-12-01' });
    // renewal: years from 2023-12-01 (3 years today), hours after it: only 2024-06-01's 160
    expect(d.row).toMatchObject({ application: 'renewal', countFrom: '2023-12-02', serviceMonths: 36, serviceHours: 160, eligible: false });
    expect(d.row.reason).toContain('服務時數 160 小時，未滿 300 小時');
    expect((await fails(t.backend, 'volunteers.cards.save', { id: null, volunteerId: v.id, issuedOn: '2023-12-01', cardNo: null, hoursThrough: null })).code).toBe('CONFLICT');
    expect((await fails(t.backend, 'volunteers.cards.save', { id: null, volunteerId: v.id, issuedOn: '2023-12-01', expiresOn: '2023-01-01', cardNo: null, hoursThrough: null })).field).toBe('expiresOn');

    d = await ok(t.backend, 'volunteers.awards.save', { volunteerId: v.id, tier: '銅牌', awardedOn: '2025-05-01', note: null });
    d = await ok(t.backend, 'volunteers.awards.save', { volunteerId: v.id, tier: '銅牌', awardedOn: '2025-06-01', note: '改期' });
    expect(d.awards).toEqual([expect.objectContaining({ tier: '銅牌', awardedOn: '2025-06-01', note: '改期' })]);
    // the 時數證明 finds the volunteer by 身分證字號 as typed (lower case too)
    const f = await ok(t.backend, 'volunteers.hours.file', { nationalId: 'a123456789', from: '2024-01-01', to: '2024-12-31', format: 'xlsx' });
    const grid = (await readXlsx(Buffer.from(f.contentBase64, 'base64'))).grid;
    expect([f.fileName, grid.find((r) => r[0] === '服務時數合計')![2], grid.find((r) => r[0] === '繼續教育時數合計')![2]]).toEqual(['志工甲_服務時數證明_1130101-1131231.xlsx', 160, 8]);
    expect((await fails(t.backend, 'volunteers.hours.file', { nationalId: 'B123456780', from: '2024-01-01', to: '2024-12-31', format: 'xlsx' })).code).toBe('NOT_FOUND');
    d = await ok(t.backend, 'volunteers.cards.delete', { id: d.cards[0].id });
    expect([d.cards, d.row.application]).toEqual([[], 'first']);
  });

  it('the template gains the columns; an old-template file still imports; a bad award is named by row and field', async () => {
    const csv = (header: readonly string[], lines: string[]) => upload('v.csv', `${header.join(',')}\n${lines.join('\n')}\n`);
    const r = await ok(t.backend, 'import.volunteers.commit', csv(VOLUNTEER_TEMPLATE_COLUMNS, ['志工乙,,110/01/01,,陪伴型志工,109/12/01,109/12/20,志冊-0002,109/12/25,112/03/01,,銅牌 114/05/01、銀牌 115/05/01']));
    expect(r.summary).toContain('志工 1 人');
    const [v] = await ok(t.backend, 'volunteers.list', {});
    const d = await ok(t.backend, 'volunteers.honours.get', { volunteerId: v.id });
    expect(d).toMatchObject({ recordBookNo: '志冊-0002', recordBookOn: '2020-12-25', cards: [expect.objectContaining({ issuedOn: '2023-03-01', expiresOn: '2026-03-01' })] });
    expect(d.awards.map((a: { tier: string }) => a.tier)).toEqual(['銅牌', '銀牌']);
    await ok(t.backend, 'import.volunteers.commit', csv(VOLUNTEER_TEMPLATE_HEADERS, ['志工乙,,110/01/01,,陪伴型志工,,']));
    expect((await ok(t.backend, 'volunteers.honours.get', { volunteerId: v.id })).recordBookNo).toBe('志冊-0002'); // blank keeps
    const e = await fails(t.backend, 'import.volunteers.commit', csv(VOLUNTEER_TEMPLATE_COLUMNS, ['志工丙,,110/01/01,,陪伴型志工,,,,,,,優等 114/05/01']));
    expect(e.issues![0].message).toBe('第 2 列「績優獎勵」：「優等 114/05/01」應寫成 銅牌 112/05/01（銅牌、銀牌或金牌加獲獎日期）');
  });
});

describe('the demo office on 115/12/01', () => {
  it('eligibility list, expiring card, 銅牌, and the home reminders', async () => {
    createDemoOffice(t.backend.db);
    const h = await ok(t.backend, 'volunteers.honours', { date: '2026-12-01' });
    expect(names(h.eligible)).toEqual(['柯美玲', '羅淑惠']);
    expect(h.eligible.map((r: { application: string }) => r.application)).toEqual(['first', 'renewal']);
    expect(h.rows.find((r) => r.name === '羅淑惠')!.countFrom).toBe('2022-10-01'); // old application counted through 111/09/30
    expect(h.rows.find((r) => r.name === '余冠霖')!.reason).toContain('服務年資 2 年 9 個月，未滿 3 年');
    expect(h.rows.find((r: { name: string }) => r.name === '邱麗雲')).toMatchObject({ eligible: false, serving: false });
    expect(names(h.expiring)).toEqual(['沈博文']);
    expect(h.awardEligible.map((r) => [r.name, r.awardTier])).toEqual([['沈博文', '銅牌']]);
    const home = await ok(t.backend, 'dashboard.home', { today: '2026-12-01' });
    const titles = home.reminders.map((r: { title: string }) => r.title);
    expect(titles).toContain('志工 沈博文 的志願服務榮譽卡將於 115/12/19 到期，請準備換發');
    expect(titles.filter((x: string) => x.includes('符合志願服務榮譽卡'))).toHaveLength(2);
  });

  it('the numbers are the plan year\'s parameters: 200 hours in 115 makes 宋家齊 (215.5 hours) eligible', async () => {
    createDemoOffice(t.backend.db);
    const { params } = await ok(t.backend, 'training.params.get', { rocYear: 115 });
    expect(params.volunteerHonours).toMatchObject({ cardYears: 3, cardHours: 300, source: expect.stringContaining('志願服務法第20條') });
    await ok(t.backend, 'training.params.save', { rocYear: 115, params: { ...params, volunteerHonours: { ...params.volunteerHonours!, cardHours: 200 } } });
    const h = await ok(t.backend, 'volunteers.honours', { date: '2026-12-01' });
    expect(names(h.eligible)).toEqual(['宋家齊', '柯美玲', '羅淑惠']);
    expect(h.interpretation[0]).toContain('服務時數達 200 小時');
  });

  it('CLI: volunteers honours --json prints the dispatcher rows; export volunteer-hours and volunteer-honours write files', async () => {
    createDemoOffice(t.backend.db);
    const run = (...args: string[]) => execFileSync('npx', ['tsx', 'electron/cli.ts', ...args, '--db', t.dbPath], { encoding: 'utf8' });
    const json = JSON.parse(run('volunteers', 'honours', '--at', '115/12/01', '--json'));
    const direct = await ok(t.backend, 'volunteers.honours', { date: '2026-12-01' });
    expect(json.rows).toEqual(direct.rows.map((r: object) => expect.objectContaining(r)));
    expect(Object.keys(json.rows[0]).slice(0, 7)).toEqual(['name', 'eligible', 'serviceYears', 'serviceHours', 'reason', 'card', 'awardTier']);
    // the year figure is still there under the same command
    expect(JSON.parse(run('volunteers', '--year', '113', '--json')).total).toBe(11);

    const id = direct.rows.find((r) => r.name === '柯美玲')!.volunteerId;
    const out = path.join(t.dir, 'h.xlsx');
    run('export', 'volunteer-hours', '--volunteer', String(id), '--from', '113/01/01', '--to', '113/12/31', '--format', 'xlsx', '--out', out);
    const grid = (await readXlsx(fs.readFileSync(out))).grid;
    const detail = await ok(t.backend, 'volunteers.get', { id });
    const in113 = detail.hours.filter((x: { workedOn: string }) => x.workedOn.startsWith('2024'));
    const sum = (k: string) => in113.filter((x: { kind: string }) => x.kind === k).reduce((s: number, x: { hours: number }) => s + x.hours, 0);
    expect(grid.find((r) => r[0] === '服務時數合計')![2]).toBe(sum('服務'));
    expect(grid.find((r) => r[0] === '繼續教育時數合計')![2]).toBe(sum('繼續教育'));
    expect(grid.filter((r) => /^113\//.test(String(r[0])))).toHaveLength(in113.length);

    const list = path.join(t.dir, 'l.ods');
    run('export', 'volunteer-honours', '--at', '2026-12-01', '--format', 'ods', '--out', list);
    const ods = (await readOds(fs.readFileSync(list))).grid;
    expect(ods.filter((r) => typeof r[0] === 'number' || /^\d+$/.test(String(r[0]))).map((r) => [r[1], r[4]])).toEqual([['柯美玲', '新申請'], ['羅淑惠', '換發']]);
  }, 90_000);

  it.skipIf(!findChromium())('the application list as PDF', async () => {
    createDemoOffice(t.backend.db);
    const f = await ok(t.backend, 'volunteers.honours.file', { date: '2026-12-01', format: 'pdf' });
    const file = path.join(t.dir, 'l.pdf');
    fs.writeFileSync(file, Buffer.from(f.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('志願服務榮譽卡申請名冊');
    expect(text).toContain('羅淑惠');
  }, 60_000);
});
