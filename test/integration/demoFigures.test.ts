// The demo office's figures at 113/06/30 and 113/12/31, counted by hand from DEMO_PEOPLE (electron/demo/demoOffice.ts)
// and checked against the dispatcher (what the UI shows) and the CLI's JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';

// Hand count (funded 個管/資深個管/督導 in post; 李佩珊 on 留職停薪 113/04/01–113/09/30 is out of both years' counts):
// 113/06/30 denominator 15: 江孟儒 陳雅婷 周怡安 林志豪 黃淑芬 王俊傑 吳宜蓁 劉冠宇 蔡欣怡 曾柏翰 楊承翰 許雅雯 鄭宇軒 謝佳穎 郭建宏
//   ≥ 18 months (7): 江孟儒 陳雅婷 周怡安 林志豪 黃淑芬(promoted, continuous since 110/02) 王俊傑 吳宜蓁
//   ≥ 12 months (11): the 7 + 劉冠宇 蔡欣怡 曾柏翰(rehired 112/06/01) 楊承翰(112/07/01 → complete exactly on 113/06/30)
//   not yet: 許雅雯(112/08/31 → 113/08/30) 鄭宇軒 謝佳穎 郭建宏(started on the reference date)
// 113/12/31 denominator 16: − 吳宜蓁 (left 113/08/31) + 洪詩涵 + 魏志明
//   ≥ 18 months (10): 江 陳 周 林 黃 王 + 劉冠宇(113/07/09) 蔡欣怡(113/09/01) 曾柏翰(113/12/01) 楊承翰(114/01/01 = R + 1 day)
//   ≥ 12 months (11): the 10 + 許雅雯
const HAND = {
  '2024-06-30': { denominator: 15, countShort: 11, countLong: 7 },
  '2024-12-31': { denominator: 16, countShort: 11, countLong: 10 },
} as const;

describe('demo office figures: hand count = dispatcher = CLI', () => {
  let dir: string;
  let dbPath: string;
  let b: Backend;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-demo-'));
    dbPath = path.join(dir, 'demo.db');
    b = openBackend(dbPath);
    createDemoOffice(b.db);
  });
  afterAll(() => {
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [date, hand] of Object.entries(HAND)) {
    it(`retention at ${date} matches the hand count`, async () => {
      const r = await b.dispatch('retention.at', { date });
      expect(r.ok).toBe(true);
      const data = (r as { data: { denominator: number; countShort: number; countLong: number; rows: { name: string; inDenominator: boolean }[] } }).data;
      expect({ denominator: data.denominator, countShort: data.countShort, countLong: data.countLong }).toEqual(hand);
      expect(data.rows.find((x) => x.name === '李佩珊')?.inDenominator).toBe(false);
    });
  }

  it('both trends give, at each month end, the figure retention.at gives for that day (the hand count at both)', async () => {
    const data = <T>(r: { ok: boolean }) => (expect(r.ok).toBe(true), (r as unknown as { data: T }).data);
    type Point = { date: string; rateShort: number | null; rateLong: number | null; denominator?: number };
    const trend = data<Point[]>(await b.dispatch('retention.trend', { end: '2024-12-31', months: 12 }));
    const home = data<Point[]>(await b.dispatch('dashboard.trend', { end: '2024-12-31', months: 12 }));
    expect(trend.map((p) => p.date)).toContain('2024-06-30');
    for (const [i, p] of trend.entries()) {
      const at = data<{ denominator: number; rateShort: number | null; rateLong: number | null }>(await b.dispatch('retention.at', { date: p.date }));
      expect(p).toEqual({ date: p.date, rateShort: at.rateShort, rateLong: at.rateLong, denominator: at.denominator });
      expect([home[i].date, home[i].rateShort, home[i].rateLong]).toEqual([p.date, at.rateShort, at.rateLong]);
      const hand = HAND[p.date as keyof typeof HAND];
      if (hand) expect([p.denominator, p.rateShort, p.rateLong]).toEqual([hand.denominator, hand.countShort / hand.denominator, hand.countLong / hand.denominator]);
    }
  });

  it('the CLI prints the same retention figures as JSON', () => {
    const out = execFileSync('npx', ['tsx', 'electron/cli.ts', 'retention', '--at', '113/12/31', '--json', '--db', dbPath], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect({ denominator: json.denominator, countShort: json.countShort, countLong: json.countLong }).toEqual(HAND['2024-12-31']);
  });

  it('supervision at 113/12/31: 15 個管 (13 CM + 2 SCM) to 2 督導 is 7.5 : 1, compliant; 江孟儒 leads 8 (over 7)', async () => {
    const r = (await b.dispatch('supervision.at', { date: '2024-12-31' })) as { ok: true; data: any };
    expect(r.data.caseManagers).toHaveLength(15);
    expect(r.data.supervisors).toHaveLength(2);
    expect(r.data.ratio).toBe(7.5);
    expect(r.data.compliance.compliant).toBe(true);
    expect(r.data.allocation).toEqual({ supervisors: 2, seniorCap: 3, pmComputed: 1, pmAllowed: 1 });
    const sizes = Object.fromEntries(r.data.teams.map((t: any) => [t.supervisorName, [t.size, t.overLimit]]));
    expect(sizes).toEqual({ 江孟儒: [8, true], 黃淑芬: [7, false] });
    expect(r.data.unassigned).toEqual([]);
  });

  it('supervision at 113/06/30 leaves 李佩珊 (on leave) out of the ratio', async () => {
    const r = (await b.dispatch('supervision.at', { date: '2024-06-30' })) as { ok: true; data: any };
    expect(r.data.excludedOnLeave.map((p: any) => p.name)).toEqual(['李佩珊']);
    // working 個管: CM 林志豪 王俊傑 吳宜蓁 劉冠宇 蔡欣怡 楊承翰 許雅雯 鄭宇軒 謝佳穎 郭建宏 曾柏翰 (11) + SCM 陳雅婷 周怡安 (2)
    expect(r.data.caseManagers).toHaveLength(13);
    expect(r.data.supervisors).toHaveLength(2);
  });

  it('headcount 113 at 113/12/31: quota 14/2/2/1 against 13/2/2/1 in post', async () => {
    const r = (await b.dispatch('headcount.year', { rocYear: 113 })) as { ok: true; data: any };
    const byRole = Object.fromEntries(r.data.rows.map((x: any) => [x.roleCode, [x.quota, x.inPost, x.vacancies]]));
    expect(byRole).toMatchObject({ CM: [14, 13, 1], SCM: [2, 2, 0], SUP: [2, 2, 0], PM: [1, 1, 0], OWN: [null, 4, null], MHSW: [null, 2, null] });
    expect(r.data.totals).toEqual({ quota: 19, inPost: 18, vacancies: 1, hiringRate: 18 / 19, overQuota: false });
  });
});
