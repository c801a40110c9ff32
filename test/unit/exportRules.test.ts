// The pure rules behind 人力運用情形 (RULES §7), 自評進度 and the sheet model every writer shares.
import { describe, expect, it } from 'vitest';
import { linesIn, sheetGrid, textUnits, type Sheet } from '../../shared/domain/exportSheet';
import { suggestProgress } from '../../shared/domain/indicators';
import { registerSheet } from '../../shared/domain/registerSheet';
import { rosterAt } from '../../shared/domain/employment';
import { staffingFigures, staffingParagraph } from '../../shared/domain/staffingText';
import { BUILTIN_ROLES } from '../../shared/domain/roles';
import type { Funding, Period } from '../../shared/domain/types';

let id = 1;
const p = (personId: number, roleCode: string, startDate: string, endDate: string | null, funding: Funding = '補助', businessGroup = '綜合規劃組'): Period => ({
  id: id++, personId, roleCode, funding, businessGroup, adminUnit: null, title: null, startDate, endDate, endReason: endDate ? '離職' : null,
});

describe('人力運用情形 figures (RULES §7)', () => {
  const periods = [
    p(1, 'CM', '2020-01-01', '2024-08-31'), // left in the year: hired, not in post
    p(1, 'CM', '2024-10-01', null), // …and rehired: still one person
    p(2, 'CM', '2022-01-01', '2024-05-31'),
    p(2, 'SUP', '2024-06-01', null), // promoted: counted once, as 督導
    p(3, 'PM', '2021-01-01', '2023-12-31'), // left before the year: not counted
    p(4, 'OWN', '2020-01-01', null, '自有', '醫療服務組'),
    p(5, 'OWN', '2020-01-01', '2024-03-31', '自有', '醫療服務組'),
  ];
  const f = staffingFigures({
    refDate: '2024-12-31',
    quota: { approvedTotal: 3, fundedCM: 2, fundedSCM: 0, fundedSUP: 1, fundedPM: 1 },
    periods,
    roles: [...BUILTIN_ROLES],
    roster: rosterAt('2024-12-31', periods, []),
  });

  it('前已聘任 counts distinct people by their latest funded role; 尚在職 those in post on the date', () => {
    expect(f.hired).toEqual({ cm: 1, sup: 1, pm: 0 });
    expect(f.inPost).toEqual({ cm: 1, sup: 1, pm: 0 });
    expect([f.ownSetTotal, f.ownSet.醫療服務組, f.ownInPostTotal, f.ownInPost.醫療服務組]).toEqual([2, 2, 1, 1]);
  });

  it('the paragraph fills every ○; 共計 = quota (聘用 + 臨時) + own staff', () => {
    const text = staffingParagraph(f, { refDate: '2024-12-31', annex: '二' });
    expect(text).toMatch(/^本計畫執行人力共計6人，其中衛福部補助之聘用人力3人（含個管2人、督導1人），臨時人力（專管）1人，截至113年12月底，/);
    expect(text).toContain('（如附件二）');
    expect(text).not.toContain('○');
  });
});

describe('自評進度 suggestion', () => {
  it('below target 落後, at target 符合, 10 points above 超前, a 100 % target can only be met', () => {
    expect(suggestProgress({ count: 7, total: 9 }, 0.8)).toBe('落後'); // 77.8 %
    expect(suggestProgress({ count: 4, total: 5 }, 0.8)).toBe('符合'); // exactly 80 %
    expect(suggestProgress({ count: 9, total: 10 }, 0.8)).toBe('超前'); // exactly 90 %
    expect(suggestProgress({ count: 10, total: 10 }, 1)).toBe('符合');
    expect(suggestProgress({ count: 0, total: 0 }, 0.8)).toBeNull();
    expect(suggestProgress(null, 1)).toBeNull();
  });
});

describe('sheet model', () => {
  it('CJK counts two units, Latin one; lines wrap at the column width and at line breaks', () => {
    expect(textUnits('113年3月')).toBe(8);
    expect(linesIn('1. 累計\n2. 在案', 40)).toBe(2);
    expect(linesIn('一二三四五六七八九十', 11)).toBe(2);
    expect(linesIn(null, 5)).toBe(1);
  });

  it('the register sheet keeps both 人力來源 blocks, each label merged down its rows (an empty block still shows)', () => {
    const sheet: Sheet = registerSheet([], { rocYear: 113, half: 1, refDate: '2024-06-30', filledOn: '2024-07-05' });
    const grid = sheetGrid(sheet);
    expect(grid[4][0]).toBe('本部計畫補助人力(含聘用及臨時)');
    expect(grid[5][0]).toBe('機關自有專責人力');
    expect(grid[1][0]).toBe('填報時間：113年7月5日');
    expect(grid[2][7]).toBe('113年在職月數');
  });
});
