// 志願服務法 §20, 志工申請志願服務榮譽卡作業規定, 志願服務獎勵辦法 (issue 19): service years, hours toward the 榮譽卡
// (first and renewal, never counted twice), 績優 tiers and expiring cards — one named case per rule, table-driven.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates/roc';
import {
  computeHonours,
  DEFAULT_HONOUR_PARAMS,
  evaluateHonours,
  fullMonths,
  mergeHonourParams,
  hourStatement,
  type HonourCard,
  type HonourFacts,
} from '../../shared/domain/volunteerHonours';

type Hour = HonourFacts['hours'][number];
/** `n` service entries of `each` hours, one a month from `from` (the 10th), so totals are easy to read. */
function monthly(from: string, n: number, each: number, kind: Hour['kind'] = '服務'): Hour[] {
  const [y, m] = from.split('-').map(Number);
  return Array.from({ length: n }, (_, k) => {
    const mm = m - 1 + k;
    return { workedOn: `${y + Math.floor(mm / 12)}-${String((mm % 12) + 1).padStart(2, '0')}-10`, kind, hours: each };
  });
}

function vol(over: Partial<HonourFacts>): HonourFacts {
  return {
    id: 1,
    name: '志工甲',
    basicTrainingOn: '2021-12-01',
    specialTrainingOn: '2021-12-31',
    recordBookNo: 'R-0001',
    periods: [{ startDate: '2021-12-01', endDate: null }],
    hours: [],
    cards: [],
    awards: [],
    ...over,
  };
}
const card = (issuedOn: string, expiresOn: string, hoursThrough: string | null = null): HonourCard => ({ issuedOn, expiresOn, cardNo: null, hoursThrough });

describe('service years start when both trainings are done (the later date)', () => {
  it.each([
    // [case, basic, special, asOf, months, eligible by years]
    ['exactly 3 years on the reference date', '2021-12-01', '2021-12-31', '2024-12-31', 36, true],
    ['one day short of 3 years', '2021-12-01', '2021-12-31', '2024-12-30', 35, false],
    ['special training after the basic one: counts from the special', '2020-01-10', '2022-06-15', '2024-12-31', 30, false],
    ['basic training after the special one: counts from the basic', '2022-06-15', '2020-01-10', '2025-06-15', 36, true],
  ])('%s', (_case, basic, special, asOf, months, yearsOk) => {
    const r = evaluateHonours(vol({ basicTrainingOn: basic, specialTrainingOn: special, periods: [{ startDate: '2019-01-01', endDate: null }], hours: monthly('2022-07', 30, 12) }), asOf);
    expect(r.serviceMonths).toBe(months);
    expect(r.reason.includes('未滿 3 年')).toBe(!yearsOk);
    expect(r.eligible).toBe(yearsOk);
  });

  it('says in words how far the years are: "服務年資 2 年 5 個月，未滿 3 年"', () => {
    const r = evaluateHonours(vol({ hours: monthly('2022-01', 24, 15) }), '2024-06-05');
    expect(r.serviceYearsText).toBe('2 年 5 個月');
    expect(r.reason).toContain('服務年資 2 年 5 個月，未滿 3 年');
    expect(r.serviceYears).toBeCloseTo(29 / 12, 2);
  });

  it('either training date missing: years cannot start, and the reason names what is missing', () => {
    const r = evaluateHonours(vol({ specialTrainingOn: null, hours: monthly('2022-01', 36, 20) }), '2025-06-30');
    expect(r.eligible).toBe(false);
    expect(r.reason).toBe('尚未登錄特殊訓練完成日，服務年資無從起算');
  });

  it('fullMonths clamps at month ends like the rest of the app (2024-01-31 → 2024-02-29 is one month)', () => {
    expect([fullMonths('2024-01-31', '2024-02-29'), fullMonths('2024-01-31', '2024-02-28'), fullMonths('2021-12-31', '2024-12-31')]).toEqual([1, 0, 36]);
  });
});

describe('榮譽卡 hours: 服務 only, 300 needed', () => {
  it.each([
    ['299.5 hours: not yet', 299.5, false, '服務時數 299.5 小時，未滿 300 小時'],
    ['300 hours: eligible', 300, true, '服務時數 300 小時，符合申請資格'],
  ])('%s', (_case, total, eligible, words) => {
    const hours: Hour[] = [...monthly('2022-01', 29, 10), { workedOn: '2024-06-01', kind: '服務', hours: total - 290 }];
    const r = evaluateHonours(vol({ hours }), '2024-12-31');
    expect(r.serviceHours).toBe(total);
    expect(r.eligible).toBe(eligible);
    expect(r.reason).toContain(words);
  });

  it('continuing-education (training) hours are excluded, and said to be', () => {
    const r = evaluateHonours(vol({ hours: [...monthly('2022-01', 28, 10), ...monthly('2022-01', 10, 4, '繼續教育')] }), '2024-12-31');
    expect([r.serviceHours, r.trainingHours, r.eligible]).toEqual([280, 40, false]);
    expect(r.reason).toContain('服務時數 280 小時，未滿 300 小時（繼續教育 40 小時不計）');
  });

  it('hours before the service start (training not yet done) do not count', () => {
    const r = evaluateHonours(vol({ hours: [{ workedOn: '2021-11-30', kind: '服務', hours: 200 }, ...monthly('2022-01', 15, 10)] }), '2024-12-31');
    expect(r.serviceHours).toBe(150);
  });
});

describe('a renewal counts the 3 years and hours before the old card expires, never reusing hours', () => {
  const base = { basicTrainingOn: '2017-01-01', specialTrainingOn: '2017-02-01', periods: [{ startDate: '2017-01-01', endDate: null }] };
  it.each([
    // card issued 2021-03-01, valid to 2024-02-29; hours of its application counted through hoursThrough
    ['hoursThrough unknown: counts from the card validity (the 3 years before expiry)', null, '2021-03-01', 36, 360, true],
    ['the old application counted hours through 2021-08-31: those months are not reused', '2021-08-31', '2021-09-01', 30, 300, false],
  ])('%s', (_case, through, from, months, hours, eligible) => {
    const hoursList = monthly('2017-03', 84, 10); // 2017-03 .. 2024-02, 10 hours a month
    const r = evaluateHonours(vol({ ...base, hours: hoursList, cards: [card('2021-03-01', '2024-02-29', through)] }), '2024-03-01');
    expect(r.application).toBe('renewal');
    expect(r.countFrom).toBe(from);
    expect([r.serviceMonths, r.serviceHours, r.eligible]).toEqual([months, hours, eligible]);
    expect(r.reason).toContain(`換發（${from === '2021-03-01' ? '110/03/01' : '110/09/01'} 起算`);
  });

  it('「以榮譽卡到期日回溯3年」: a card to 105/01/31 counts from 102/02/01', () => {
    const r = evaluateHonours(vol({ ...base, basicTrainingOn: '2010-01-01', specialTrainingOn: '2010-01-01', cards: [card('2013-01-31', '2016-01-31')] }), '2016-01-31');
    expect([r.countFrom, r.serviceMonths]).toEqual(['2013-02-01', 36]);
  });

  it('the same hour never counts for two cards: hours of the first card are outside the renewal span', () => {
    const hoursList = monthly('2017-03', 84, 10);
    const first = evaluateHonours(vol({ ...base, hours: hoursList }), '2021-02-28');
    const renewal = evaluateHonours(vol({ ...base, hours: hoursList, cards: [card('2021-03-01', '2024-02-29', '2021-02-28')] }), '2024-03-01');
    const total = hoursList.reduce((s, h) => s + h.hours, 0);
    expect(first.serviceHours + renewal.serviceHours).toBeLessThanOrEqual(total);
    expect(first.countTo < renewal.countFrom!).toBe(true);
  });
});

describe('card status and the 績優 tiers', () => {
  it.each([
    ['more than 90 days left: valid', '2024-10-01', 'valid'],
    ['90 days left: expiring', addDays('2025-02-28', -90), 'expiring'],
    ['past expiry: expired', '2025-03-01', 'expired'],
  ])('%s', (_case, asOf, status) => {
    const r = evaluateHonours(vol({ cards: [card('2022-03-01', '2025-02-28')] }), asOf);
    expect(r.card?.status).toBe(status);
  });

  it.each([
    ['2,999.5 hours: none yet, with the distance', 2999.5, [], null, '距銅牌 3,000 小時尚差 0.5 小時'],
    ['3,000 hours: 銅牌', 3000, [], '銅牌', '已達銅牌 3,000 小時，可申請'],
    ['5,000 hours, 銅牌 received: 銀牌', 5000, ['銅牌'], '銀牌', '已達銀牌'],
    ['8,000 hours, all received: nothing open', 8000, ['銅牌', '銀牌', '金牌'], null, '已達最高級金牌'],
  ] as const)('%s', (_case, total, got, tier, words) => {
    const hours: Hour[] = [{ workedOn: '2023-01-10', kind: '服務', hours: total }, { workedOn: '2023-02-10', kind: '繼續教育', hours: 500 }];
    const r = evaluateHonours(vol({ hours, awards: got.map((t) => ({ tier: t, awardedOn: '2023-06-01' })) }), '2024-12-31');
    expect(r.awardHours).toBe(total);
    expect(r.awardTier).toBe(tier);
    expect(r.awardReason).toContain(words);
  });

  it('no training dates: no award hours either, and the reason says why', () => {
    const r = evaluateHonours(vol({ basicTrainingOn: null, hours: [{ workedOn: '2023-01-10', kind: '服務', hours: 3000 }] }), '2024-12-31');
    expect([r.awardTier, r.awardReason]).toEqual([null, '訓練完成日未登錄，累計服務時數無從起算']);
  });

  it('an award needs the record-book', () => {
    const r = evaluateHonours(vol({ recordBookNo: null, hours: [{ workedOn: '2023-01-10', kind: '服務', hours: 3000 }] }), '2024-12-31');
    expect([r.awardTier, r.awardReason]).toEqual([null, '累計服務 3,000 小時，已達銅牌，但尚未登錄志願服務紀錄冊']);
  });
});

describe('the office list', () => {
  it('lists the eligible and the cards expiring within 90 days; someone who left is not eligible', () => {
    const hours = monthly('2022-01', 36, 10);
    const r = computeHonours(
      [
        vol({ id: 1, name: '乙', hours }),
        vol({ id: 2, name: '甲', hours, periods: [{ startDate: '2021-12-01', endDate: '2024-06-30' }] }),
        vol({ id: 3, name: '丙', cards: [card('2022-02-01', '2025-01-31')] }),
      ],
      '2024-12-31',
    );
    expect(r.eligible.map((x) => x.name)).toEqual(['乙']);
    expect(r.rows.find((x) => x.name === '甲')!.reason).toContain('已於 113/06/30 停止服務');
    expect(r.expiring.map((x) => x.name)).toEqual(['丙']);
  });

  it('no service period yet: not eligible, and said so', () => {
    const r = evaluateHonours(vol({ periods: [], hours: monthly('2022-01', 36, 10) }), '2024-12-31');
    expect([r.eligible, r.reason.endsWith('；尚無服務期間')]).toEqual([false, true]);
  });

  it('parameters: stored numbers over the law defaults, with the source kept', () => {
    const p = mergeHonourParams({ cardHours: 250, awardHours: { 銅牌: 2500 } as never });
    expect([p.cardHours, p.cardYears, p.awardHours.銅牌, p.awardHours.金牌]).toEqual([250, 3, 2500, 8000]);
    expect(DEFAULT_HONOUR_PARAMS.source).toContain('志願服務法第20條');
    const r = evaluateHonours(vol({ hours: monthly('2022-01', 25, 10) }), '2024-12-31', p);
    expect(r.eligible).toBe(true);
  });

  it('the 時數證明 totals service and training apart for the period', () => {
    const s = hourStatement([...monthly('2024-01', 12, 5).map((h) => ({ ...h, note: null })), { workedOn: '2024-03-01', kind: '繼續教育', hours: 2, note: '課程' }], '2024-02-01', '2024-06-30');
    expect([s.lines.length, s.service, s.training]).toEqual([6, 25, 2]);
  });
});
