// 衡量指標 四(一) (seed 004 肆 四(一)): target 1 counts distinct 主責局處 with dedicated staff; target 2 is B/A with
// 「一半以上」 including half; target 3 is 自籌 ÷ (中央 + 自籌) − 最低自籌比率 > 0. And the table the report prints.
import { describe, expect, it } from 'vitest';
import { sheetGrid } from '../../shared/domain/exportSheet';
import {
  buildIndicatorRows,
  dedicatedStaffFindings,
  dedicatedStaffTarget,
  leadAgencies,
  meetingsTarget,
  selfFundingTarget,
  type AgencyStaff,
  type IndicatorInputs,
  type OrgChartGroup,
} from '../../shared/domain/indicators';
import { indicatorSheet } from '../../shared/domain/indicatorSheet';
import { buildReminders } from '../../shared/domain/reminders';

const CHART: OrgChartGroup[] = [
  { group: '預防宣導組', lead: '教育處', assist: ['警察局'] },
  { group: '保護扶助組', lead: '社會處', assist: [] },
  { group: '醫療服務組', lead: '衛生局', assist: [] },
  { group: '綜合規劃組', lead: '衛生局', assist: ['警察局'] },
];
let nextId = 1;
const staff = (agency: string, roleName = '自有專責', extra: Partial<AgencyStaff> = {}): AgencyStaff => ({
  personId: nextId++,
  name: `示範${nextId}`,
  roleName,
  funding: roleName === '自有專責' ? '自有' : '補助',
  agency,
  businessGroup: null,
  onLeave: false,
  ...extra,
});
const INPUTS: IndicatorInputs = { meetingsHeld: 4, meetingsChaired: 2, centralSubsidy: 8_000_000, selfFunded: 2_000_000, minSelfRatio: 20 };

describe('四(一) 目標值1: 主責局處 with dedicated staff', () => {
  it('one 局處 leading two groups counts once, with both groups named', () => {
    const leads = leadAgencies(CHART, [staff('衛生局', '個管'), staff('教育處'), staff('社會處')]);
    expect(leads.map((l) => [l.agency, l.groups])).toEqual([
      ['教育處', ['預防宣導組']],
      ['社會處', ['保護扶助組']],
      ['衛生局', ['醫療服務組', '綜合規劃組']],
    ]);
    const t = dedicatedStaffTarget(leads);
    expect([t.numerator, t.denominator, t.rate, t.met]).toEqual([3, 3, 1, true]);
  });

  it('a 協辦局處 with staff does not count, and a lead without staff is 「無」 (an empty list)', () => {
    const leads = leadAgencies(CHART, [staff('警察局'), staff('警察局'), staff('衛生局', '督導'), staff('教育處')]);
    expect(leads.find((l) => l.agency === '警察局')).toBeUndefined();
    expect(leads.find((l) => l.agency === '社會處')!.staff).toEqual([]);
    const t = dedicatedStaffTarget(leads);
    expect([t.numerator, t.denominator, t.met]).toEqual([2, 3, false]);
  });

  it('a person on 留職停薪 still fills the post; names match after trimming', () => {
    const leads = leadAgencies([{ group: '醫療服務組', lead: ' 衛生局 ', assist: [] }], [staff('衛生局 ', '個管', { onLeave: true })]);
    expect(dedicatedStaffTarget(leads).met).toBe(true);
  });

  it('no lead named yet: no figure rather than 0 %', () => {
    const t = dedicatedStaffTarget(leadAgencies([{ group: '醫療服務組', lead: null, assist: ['衛生局'] }], [staff('衛生局')]));
    expect([t.denominator, t.rate, t.met]).toEqual([0, null, null]);
  });
});

describe('四(一) 目標值2: meetings chaired by the 秘書長/主任秘書 or above', () => {
  it.each([
    [4, 2, 0.5, true],
    [5, 2, 0.4, false],
    [3, 3, 1, true],
  ])('A = %i, B = %i → %f, met %s (一半以上 includes half)', (held, chaired, rate, met) => {
    const t = meetingsTarget({ ...INPUTS, meetingsHeld: held, meetingsChaired: chaired });
    expect([t.numerator, t.denominator, t.rate, t.met]).toEqual([chaired, held, rate, met]);
  });
  it('not entered, or no meeting held: no figure', () => {
    expect(meetingsTarget(null).met).toBeNull();
    expect(meetingsTarget({ ...INPUTS, meetingsHeld: 0, meetingsChaired: 0 }).rate).toBeNull();
  });
});

describe('四(一) 目標值3: self-funding ratio above the minimum', () => {
  it('exactly the minimum is not above it; one dollar more is', () => {
    expect(selfFundingTarget(INPUTS).met).toBe(false); // 2,000,000 / 10,000,000 = 20 %
    const t = selfFundingTarget({ ...INPUTS, selfFunded: 2_000_001 });
    expect([t.numerator, t.denominator, t.met]).toEqual([2_000_001, 10_000_001, true]);
  });
  it('a fractional minimum (22.5 %) is compared exactly', () => {
    expect(selfFundingTarget({ ...INPUTS, centralSubsidy: 775, selfFunded: 225, minSelfRatio: 22.5 }).met).toBe(false);
    expect(selfFundingTarget({ ...INPUTS, centralSubsidy: 774, selfFunded: 226, minSelfRatio: 22.5 }).met).toBe(true);
  });
  it('a missing amount or minimum leaves the figure blank', () => {
    expect(selfFundingTarget({ ...INPUTS, minSelfRatio: null }).met).toBeNull();
  });
});

const RETENTION = { denominator: 10, countShort: 9, countLong: 8, targetShort: 0.8, targetLong: 0.7, monthsShort: 12, monthsLong: 18 };
const rowsFor = (inputs: IndicatorInputs | null, people: AgencyStaff[]) =>
  buildIndicatorRows({ refDate: '2024-06-30', retention: RETENTION, chart: CHART, staffInPost: people, inputs, volunteerCE: { count: 5, total: 5 } });

describe('row 四(一) in the plan’s words, with its three targets', () => {
  const full = [staff('衛生局', '個管'), staff('教育處'), staff('社會處')];

  it('目標值 is the plan’s text; the achievement gives each target’s numerator and denominator; weakest suggestion', () => {
    const [row] = rowsFor({ ...INPUTS, selfFunded: 2_500_000 }, full);
    expect(row.indicator).toBe('(一) 毒品危害防制條例第 2-1 條落實情形');
    expect(row.target.split('\n').map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(row.achievement!.split('\n')).toEqual([
      '1.編列/指派有毒品防制專責人力局處數 3／納入毒防中心組織架構之主責局處數 3＝100.0%（113年6月30日）',
      '2.由秘書長或主任秘書層級以上長官主持 2 次／全年度召開跨局處毒品防制聯繫會議 4 次＝50.0%',
      '3.自籌金額 2,500,000 元／（中央補助金額 8,000,000 元＋自籌金額 2,500,000 元）＝23.81%；23.81% − 最低自籌比率 20%＝3.81 個百分點',
    ]);
    expect(row.targets.map((t) => t.met)).toEqual([true, true, true]);
    expect(row.suggested).toBe('符合');
  });

  it('one unmet target makes the row 落後; targets not entered leave no suggestion', () => {
    expect(rowsFor(INPUTS, full)[0].suggested).toBe('落後'); // 20 % is not above 20 %
    const blank = rowsFor(null, full)[0];
    expect([blank.suggested, blank.achievement!.split('\n').length]).toEqual([null, 1]);
  });

  it('findings: a lead without staff, targets 2/3 not entered, B above A', () => {
    const leads = leadAgencies(CHART, [staff('衛生局', '個管')]);
    const f = dedicatedStaffFindings(114, CHART, leads, { ...INPUTS, meetingsChaired: 5, minSelfRatio: null });
    expect(f.map((x) => x.field)).toEqual(['主責局處專責人力', '主責局處專責人力', '跨局處會議次數', '自籌款比率']);
    expect(f[0].message).toContain('教育處（預防宣導組）');
    expect(dedicatedStaffFindings(114, [], [], null)[0].message).toContain('尚未登錄 114 年度毒防中心組織架構');
  });
});

describe('the table the report prints', () => {
  const people = [staff('衛生局', '個管'), staff('教育處', '自有專責', { onLeave: true })];
  const rows = rowsFor(INPUTS, people);
  const sheetOf = (half: 1 | 2) =>
    sheetGrid(indicatorSheet(rows, { rocYear: 113, half, refDate: half === 1 ? '2024-06-30' : '2024-12-31', chart: CHART, leads: leadAgencies(CHART, people), notes: ['說明'] }));

  it('期中 (附件十一) has the 中央審查意見 column, left blank; 期末 (附件十二) has not', () => {
    expect(sheetOf(1)[1]).toEqual(['指標', '目標值', '目標達成情形及達成率', '自評進度', '中央審查意見']);
    expect(sheetOf(1).slice(3, 6).map((r) => r[4])).toEqual([null, null, null]);
    expect(sheetOf(2)[1]).toEqual(['指標', '目標值', '目標達成情形及達成率', '自評進度']);
  });

  it('the org chart and the 主責局處 staff list follow the indicators, 「無」 where nobody is in post', () => {
    const grid = sheetOf(2);
    const at = grid.findIndex((r) => r[0] === '分組');
    expect(grid.slice(at, at + 5).map((r) => r.slice(0, 3))).toEqual([
      ['分組', '主責局處', '協辦局處'],
      ['預防宣導組', '教育處', '警察局'],
      ['保護扶助組', '社會處', null],
      ['醫療服務組', '衛生局', null],
      ['綜合規劃組', '衛生局', '警察局'],
    ]);
    expect(grid.slice(at + 5, at + 9).map((r) => r.slice(0, 3))).toEqual([
      ['主責局處', '主責分組', '專責人力'],
      ['教育處', '預防宣導組', expect.stringMatching(/^示範\d+（自有專責，留職停薪中）$/)],
      ['社會處', '保護扶助組', '無'],
      ['衛生局', '醫療服務組、綜合規劃組', expect.stringMatching(/^示範\d+（個管）$/)],
    ]);
  });

  it('nothing in it speaks of our own rules or screens', () => {
    const text = sheetOf(1).flat().join(' ');
    expect(text).not.toMatch(/RULES|§|頁同一計算|單位設定/);
  });
});

describe('home page: a 主責局處 without staff is a reminder', () => {
  it('one danger reminder per unstaffed lead, linked to 單位設定 (in the reminders’ zh-Hant title order)', () => {
    const leads = leadAgencies(CHART, [staff('衛生局', '個管')]).filter((l) => !l.staff.length);
    const r = buildReminders({ today: '2025-07-01', horizonDays: 60, milestones: [], periodEnds: [], leaveEnds: [], teams: [], teamLimit: 7, unassigned: [], notCleared: [], caseloadMissing: null, leadsWithoutStaff: leads });
    expect(r.map((x) => [x.kind, x.title, x.link, x.tone])).toEqual([
      ['lead-agency-unstaffed', '主責局處 社會處（保護扶助組）目前無在職專責人力（衡量指標 四(一)）', '/settings/office', 'danger'],
      ['lead-agency-unstaffed', '主責局處 教育處（預防宣導組）目前無在職專責人力（衡量指標 四(一)）', '/settings/office', 'danger'],
    ]);
  });
});
