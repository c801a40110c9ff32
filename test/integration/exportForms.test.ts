// 人力運用情形, 衡量指標, the 附件七 headcount table and the data-quality check, on the demo office: figures counted by
// hand from DEMO_PEOPLE, the files read back, the CLI's output, and the training figures wired through their source.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { headcountData, indicatorData } from '../../electron/services/exportData';
import { noTrainingData, type TrainingSource } from '../../electron/services/exportTraining';
import { trainingSource } from '../../electron/services/trainingSource';
import { pctText } from '../../shared/domain/indicators';
import { sheetGrid } from '../../shared/domain/exportSheet';
import { readDocxText, readOdtText, readXlsx } from './exportReaders';
import { ok, tempBackend, type TempBackend } from './helpers';

// 113/12/31 by hand: quota 14+2 個管, 2 督導, 1 專管; funded people during 113: 17 個管 (incl. 張家豪 left 3/31,
// 吳宜蓁 left 8/31, 魏志明 from 11/01), 2 督導, 1 專管; in post 15/2/1 (李佩珊 on leave until 9/30 still fills her post);
// own staff during 113: 潘俊宏 預防, 方雅琪 保護, 石家瑋 醫療 (left 5/31), 彭子晴 醫療 (from 6/01), 戴欣妤 綜合.
const END =
  '本計畫執行人力共計24人，其中衛福部補助之聘用人力18人（含個管16人、督導2人），臨時人力（專管）1人，截至113年12月底，' +
  '前已聘任之補助人力20人（含個管17人、督導2人、專管1人），尚在職人數18人（含個管15人、督導2人、專管1人）；' +
  '另本府各業務組設置之自有專責人力5人（含預防宣導組1人、保護扶助組1人、醫療服務組2人、綜合規劃組1人），截至113年12月底，' +
  '尚在職人數4人（含預防宣導組1人、保護扶助組1人、醫療服務組1人、綜合規劃組1人）；' +
  '人力運用情形詳如「毒品危害防制中心專責人力運用情形清冊（如附件五）」。';

const cli = (t: TempBackend, ...args: string[]) => execFileSync('npx', ['tsx', 'electron/cli.ts', 'export', ...args, '--db', t.dbPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('ministry forms on the demo office', () => {
  let t: TempBackend;
  beforeAll(() => {
    t = tempBackend('2025-01-10');
    createDemoOffice(t.backend.db);
  });
  afterAll(() => t.cleanup());

  it('人力運用情形 期末: every ○ filled with the hand count', async () => {
    const r = await ok(t.backend, 'exports.staffingText', { rocYear: 113, half: 2 });
    expect(r.text).toBe(END);
    expect(r.text).not.toContain('○');
  });

  it('人力運用情形 期中: as of 113/06/30 (張家豪 counted as hired, 吳宜蓁 still in post)', async () => {
    const r = await ok(t.backend, 'exports.staffingText', { rocYear: 113, half: 1, annex: '三' });
    expect(r.text).toContain('截至113年6月底，前已聘任之補助人力18人（含個管15人、督導2人、專管1人），尚在職人數17人（含個管14人、督導2人、專管1人）');
    expect(r.text).toContain('（如附件三）');
  });

  it('尚在職 agrees with the headcount figure (one roster, not a recount)', async () => {
    const s = await ok(t.backend, 'exports.staffingText', { rocYear: 113, half: 2 });
    const h = await ok(t.backend, 'headcount.year', { rocYear: 113, date: '2024-12-31' });
    const inPost = (c: string) => h.rows.find((r: { roleCode: string }) => r.roleCode === c).inPost;
    expect(s.figures.inPost).toEqual({ cm: inPost('CM') + inPost('SCM'), sup: inPost('SUP'), pm: inPost('PM') });
  });

  it('no quota entered: the quota figures print as ＿ (never guessed) and the check says why', async () => {
    const r = await ok(t.backend, 'exports.staffingText', { rocYear: 115, half: 1 });
    expect(r.text).toMatch(/^本計畫執行人力共計＿人，其中衛福部補助之聘用人力＿人（含個管＿人、督導＿人），臨時人力（專管）＿人/);
    expect(r.text).not.toContain('○');
    const c = await ok(t.backend, 'exports.check', { rocYear: 115, half: 1 });
    expect(c.issues.find((i: { field: string }) => i.field === '核定員額')?.link).toBe('/settings/plan-year?year=115');
  });

  it('.txt is the paragraph alone; .docx and .odt hold it under 肆、人力運用情形', async () => {
    const get = async (format: string) => Buffer.from((await ok(t.backend, 'exports.file', { rocYear: 113, half: 2, form: 'staffingText', format })).contentBase64, 'base64');
    expect((await get('txt')).toString('utf8')).toBe(`${END}\n`);
    expect(await readDocxText(await get('docx'))).toEqual(['肆、人力運用情形', END]);
    expect(await readOdtText(await get('odt'))).toEqual(['肆、人力運用情形', END]);
  });

  it('print views: the paragraph under its heading; the headcount table on one A4 page', async () => {
    const st = await ok(t.backend, 'exports.preview', { rocYear: 113, half: 1, form: 'staffingText' });
    expect(st.html).toContain('<h2>參、人力運用情形</h2>');
    expect(st.html).toContain('截至113年6月底');
    const hc = await ok(t.backend, 'exports.preview', { rocYear: 113, half: 2, form: 'headcount' });
    expect([hc.pages, hc.html.includes('個管督導人力')]).toEqual([1, true]);
  });

  it('衡量指標: retention 11/16 and 10/16 suggest 落後; 3 of 3 主責局處 staffed (衛生局 leads two groups) is 符合; volunteers from the volunteer figure', async () => {
    const r = await ok(t.backend, 'exports.indicators', { rocYear: 113, half: 2 });
    const by = Object.fromEntries(r.rows.map((x: { key: string }) => [x.key, x]));
    expect(by.retention.achievement).toContain('已服務滿 12 個月 11 人／在職個案管理及督導 16 人＝68.8%');
    expect(by.retention.achievement).toContain('已服務滿 18 個月 10 人／在職個案管理及督導 16 人＝62.5%');
    expect([by.retention.suggested, by.dedicatedStaff.suggested]).toEqual(['落後', '符合']);
    expect(by.dedicatedStaff.targets.map((x: { numerator: number; denominator: number }) => [x.numerator, x.denominator])).toEqual([[3, 3], [3, 4], [3_300_000, 15_300_000]]);
    // called, not recounted: the same numbers the volunteers page shows
    const v = await ok(t.backend, 'volunteers.year', { rocYear: 113, date: '2024-12-31' });
    expect(by.volunteerCE.achievement).toContain(`完成 4 小時繼續教育志工 ${v.covered} 人／當年度志工 ${v.total} 人`);
    expect(by.volunteerCE.suggested).toBe(v.covered === v.total ? '符合' : '落後');
  });

  it('衡量指標: the clerk’s 自評進度 overrides the suggestion in the file', async () => {
    const f = await ok(t.backend, 'exports.file', { rocYear: 113, half: 2, form: 'indicators', format: 'xlsx', progress: { retention: '符合', dedicatedStaff: null } });
    const grid = (await readXlsx(Buffer.from(f.contentBase64, 'base64'))).grid;
    expect(grid[0][0]).toBe('衡量指標達成情形（113年度期末）');
    expect(grid[1]).toEqual(['指標', '目標值', '目標達成情形及達成率', '自評進度']);
    expect(grid[2][0]).toBe('四、綜合規劃組');
    expect(grid.slice(3, 6).map((r) => r[3])).toEqual([null, '符合', '落後']); // blanked, chosen, suggested (8 of 11 volunteers)
  });

  it('附件七 table: quota, in post, vacancies and 進用率 for this county, merged three-level header', async () => {
    const f = await ok(t.backend, 'exports.file', { rocYear: 113, half: 2, form: 'headcount', format: 'xlsx', county: '示範縣', avgCaseload: 500 });
    const read = await readXlsx(Buffer.from(f.contentBase64, 'base64'));
    expect(read.grid.slice(2, 9)).toEqual([
      ['縣市', '108-111 年每日平均在案量', '聘用人力', null, null, null, null, '臨時人力'],
      [null, null, '113 年行政院核定員額', '113 年補助經費員額', null, null, null, '專案管理人力'],
      [null, null, null, '一般個管', '資深個管', '個管員小計', '個管督導人力', null],
      ['示範縣', 500, 18, 14, 2, 16, 2, 1],
      ['在職（113年12月31日）', null, 17, 13, 2, 15, 2, 1],
      ['缺額', null, 1, 1, 0, 1, 0, 0],
      ['進用率', null, '94.4%', '92.9%', '100.0%', '93.8%', '100.0%', '100.0%'],
    ]);
    expect(read.merges).toEqual(expect.arrayContaining([
      { row: 2, col: 0, rows: 3, cols: 1 },
      { row: 2, col: 2, rows: 1, cols: 5 },
      { row: 3, col: 3, rows: 1, cols: 4 },
      { row: 3, col: 7, rows: 2, cols: 1 },
    ]));
    expect(read.grid[11].slice(0, 5)).toEqual(['個管（含資深個管）', null, 16, 15, '93.8%']);
    // Level I/II come from the training figures; 見習 is not recorded, so 見習率 stays blank
    const rates = trainingSource.staffRates(t.backend.db, 113, '2024-12-31')!.cm!;
    expect(read.grid[11].slice(5)).toEqual([pctText(rates.levelOne!.count, rates.levelOne!.total), pctText(rates.levelTwo!.count, rates.levelTwo!.total), null]);
  });

  it('without training records the cells stay blank; a source’s figures fill the volunteer indicator and 參訓率', () => {
    const none = indicatorData(t.backend.db, { rocYear: 113, half: 2 }, noTrainingData).rows.find((r) => r.key === 'volunteerCE')!;
    expect([none.achievement, none.suggested]).toEqual([null, null]);
    const source: TrainingSource = {
      volunteerCE: () => ({ count: 9, total: 10 }),
      staffRates: () => ({ cm: { levelOne: { count: 15, total: 15 }, levelTwo: { count: 12, total: 15 }, internship: null } }),
    };
    const o = { rocYear: 113, half: 2 as const };
    const ind = indicatorData(t.backend.db, o, source).rows.find((r) => r.key === 'volunteerCE')!;
    expect([ind.achievement, ind.suggested]).toEqual(['當年度完成 4 小時繼續教育志工 9 人／當年度志工 10 人＝90.0%', '落後']);
    const grid = sheetGrid(headcountData(t.backend.db, o, source).sheet);
    expect(grid.find((r) => r[0] === '個管（含資深個管）')!.slice(5)).toEqual(['100.0%', '80.0%', null]);
  });

  it('data-quality check 期中: 郭建宏 has no 6月底 caseload (linked to the caseload page), own staff lack 職稱 (linked to the person)', async () => {
    const c = await ok(t.backend, 'exports.check', { rocYear: 113, half: 1 });
    const caseload = c.issues.filter((i: { field: string }) => i.field === '個案管理及案量');
    expect(caseload.map((i: { name: string; link: string }) => [i.name, i.link])).toEqual([['郭建宏', '/caseload?monthEnd=2024-06-30']]);
    const titles = c.issues.filter((i: { field: string }) => i.field === '職稱');
    expect(titles.map((i: { name: string }) => i.name).sort()).toEqual(['彭子晴', '戴欣妤', '方雅琪', '潘俊宏', '石家瑋'].sort());
    for (const i of titles) expect(i.link).toBe(`/people/${i.personId}`);
    expect(c.issues.map((i: { field: string }) => i.field)).toContain('見習率');
    expect(c.issues.map((i: { field: string }) => i.field)).not.toContain('志工繼續教育涵蓋率');
  });

  it('CLI: staffing-text prints the paragraph; indicators and headcount as text; check as JSON', { timeout: 120_000 }, () => {
    expect(cli(t, 'staffing-text', '--half', '2', '--year', '113')).toBe(`${END}\n`);
    expect(cli(t, 'indicators', '--half', '2', '--year', '113', '--progress', '留任率=符合')).toMatch(/留任率[^\n]*\t符合\n/);
    expect(cli(t, 'headcount', '--half', '2', '--year', '113', '--county', '示範縣')).toContain('示範縣\t\t18\t14\t2\t16\t2\t1');
    const check = JSON.parse(cli(t, 'check', '--half', '1', '--year', '113', '--json'));
    expect(check.refDate).toBe('2024-06-30');
    const out = path.join(t.dir, 'st.odt');
    expect(cli(t, 'staffing-text', '--half', '2', '--year', '113', '--format', 'odt', '--out', out)).toContain('已匯出');
  });
});
