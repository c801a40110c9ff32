// RULES §9: forms use the ROC calendar (ROC year = Gregorian − 1911); dates are stored as ISO and accepted as ROC.
import { describe, it, expect } from 'vitest';
import {
  addDays,
  explainBadDate,
  addMonths,
  daysBetween,
  formatRoc,
  formatRocLong,
  formatRocMonth,
  isIsoDate,
  isoFromRocYear,
  parseDate,
  rocYear,
} from '../../shared/dates/roc';

describe('parseDate accepts what clerks type', () => {
  it.each([
    ['113/06/30', '2024-06-30'],
    ['113-6-30', '2024-06-30'],
    ['113.06.30', '2024-06-30'],
    ['113年6月30日', '2024-06-30'],
    ['民國113年6月30日', '2024-06-30'],
    ['113年6月30', '2024-06-30'],
    ['1130630', '2024-06-30'],
    ['2024-06-30', '2024-06-30'],
    ['2024/6/30', '2024-06-30'],
    ['20240630', '2024-06-30'],
    ['99/1/5', '2010-01-05'],
    ['990105', '2010-01-05'],
    ['  113 / 06 / 30  ', '2024-06-30'],
    ['1130115', '2024-01-15'],
    ['112/01/31', '2023-01-31'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('2024-02-29 and 113/02/29 are real days (2024 is a leap year)', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('113/02/29')).toBe('2024-02-29');
    expect(parseDate('1130229')).toBe('2024-02-29');
  });
});

describe('parseDate rejects what is not a calendar day', () => {
  it.each([
    ['113/02/30'], // February never has 30 days
    ['2023-02-29'], // 2023 is not a leap year
    ['112/02/29'], // = 2023-02-29
    ['113/13/01'], // month 13
    ['113/00/10'], // month 0
    ['113/06/31'], // June has 30 days
    ['113/06/00'], // day 0
    ['1130230'], // compact 113/02/30
    ['20230229'], // compact 2023-02-29
    [''],
    ['   '],
    ['abc'],
    ['113/06'],
    ['2024-06-30T00:00:00Z'],
  ])('%j → null', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('null and undefined → null', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });
});

describe('isIsoDate is strict ISO and real days only', () => {
  it('accepts 2024-02-29, rejects 2023-02-29, ROC text and single-digit parts', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('113/06/30')).toBe(false);
    expect(isIsoDate('2024-6-30')).toBe(false);
  });
});

describe('formatting for forms', () => {
  it('formatRoc pads month and day: 113/06/30', () => {
    expect(formatRoc('2024-06-30')).toBe('113/06/30');
    expect(formatRoc('2010-01-05')).toBe('99/01/05');
    expect(formatRoc('2024-12-31')).toBe('113/12/31');
    expect(formatRoc(null)).toBe('');
    expect(formatRoc(undefined)).toBe('');
  });

  it('formatRocLong: 113年6月30日 (no padding)', () => {
    expect(formatRocLong('2024-06-30')).toBe('113年6月30日');
    expect(formatRocLong('2024-01-05')).toBe('113年1月5日');
    expect(formatRocLong(null)).toBe('');
  });

  it('formatRocMonth: 113年3月 (the register granularity)', () => {
    expect(formatRocMonth('2024-03-15')).toBe('113年3月');
    expect(formatRocMonth('2024-12-31')).toBe('113年12月');
    expect(formatRocMonth('')).toBe('');
  });

  it('round trip: parseDate(formatRoc(d)) and parseDate(formatRocLong(d)) give d back', () => {
    for (const d of ['2024-02-29', '2010-01-05', '2023-12-31', '2024-06-30']) {
      expect(parseDate(formatRoc(d))).toBe(d);
      expect(parseDate(formatRocLong(d))).toBe(d);
    }
  });

  it('rocYear and isoFromRocYear', () => {
    expect(rocYear('2024-06-30')).toBe(113);
    expect(isoFromRocYear(113, 6, 30)).toBe('2024-06-30');
    expect(() => isoFromRocYear(113, 2, 30)).toThrow(RangeError);
  });
});

describe('addMonths clamps to the month end (RULES §3)', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-08-31', 12, '2024-08-31'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2023-07-01', 12, '2024-07-01'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-10-31', 18, '2026-04-30'],
  ] as const)('%s + %i months → %s', (d, n, expected) => {
    expect(addMonths(d, n)).toBe(expected);
  });
});

describe('addDays crosses month and year ends', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-06-30', 0, '2024-06-30'],
  ] as const)('%s + %i days → %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it('daysBetween counts calendar days', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-06-30', '2024-06-01')).toBe(-29);
  });
});

describe('explainBadDate (issue #15 item 8: 6/31 has its own message)', () => {
  it('names the missing day and how long the month is', () => {
    expect(explainBadDate('113/6/31')).toBe('6月沒有31日（113年6月只有30天）');
    expect(explainBadDate('113/02/30')).toBe('2月沒有30日（113年2月只有29天）');
    expect(explainBadDate('1120229')).toBe('2月沒有29日（112年2月只有28天）');
  });
  it('a month that does not exist, and text that is no date at all', () => {
    expect(explainBadDate('113/13/01')).toBe('月份應為 1 到 12（填的是 13 月）');
    expect(explainBadDate('明天')).toContain('不是日期');
  });
  it('says nothing about a real date', () => {
    expect(explainBadDate('113/06/30')).toBeNull();
  });
});
