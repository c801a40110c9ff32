// 人力運用情形 (RULES §7; seed 004 附件十一 參 / 附件十二 肆): the paragraph the office pastes into the ministry's system,
// every ○ filled from the data as of the reference date. A figure the data cannot give (no quota entered) prints as ＿
// and is reported as a gap — never guessed.
import { rocYear, type IsoDate } from '../dates/roc';
import { groupByPerson, type RosterEntry } from './employment';
import type { Quota } from './headcount';
import { BUSINESS_GROUPS, type Period, type Role, type RoleKind } from './types';

type Kind3 = 'cm' | 'sup' | 'pm';
export type Counts3 = Record<Kind3, number>;
export type GroupCounts = Record<(typeof BUSINESS_GROUPS)[number], number>;

export interface StaffingFigures {
  /** 衛福部補助 (the approved quota): 個管 = 一般 + 資深; null when the year's quota is not entered */
  quota: Counts3 | null;
  /** 前已聘任之補助人力: distinct people in funded roles at any time from 1 January to the reference date */
  hired: Counts3;
  /** 尚在職: funded people in post on the reference date (留職停薪 still fills the post, RULES §2) */
  inPost: Counts3;
  /** 自有專責人力 設置: distinct own staff at any time from 1 January to the reference date, by 業務組 */
  ownSet: GroupCounts;
  ownSetTotal: number;
  /** 自有專責人力 尚在職 on the reference date, by 業務組 */
  ownInPost: GroupCounts;
  ownInPostTotal: number;
}

export interface StaffingInput {
  refDate: IsoDate;
  quota: Quota | null;
  periods: readonly Period[];
  roles: readonly Role[];
  /** rosterAt(refDate) */
  roster: readonly RosterEntry[];
}

const KIND3: Partial<Record<RoleKind, Kind3>> = { case_manager: 'cm', supervisor: 'sup', project_manager: 'pm' };
const zero3 = (): Counts3 => ({ cm: 0, sup: 0, pm: 0 });
const zeroGroups = (): GroupCounts => Object.fromEntries(BUSINESS_GROUPS.map((g) => [g, 0])) as GroupCounts;
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

export function staffingFigures(input: StaffingInput): StaffingFigures {
  const yearStart = `${input.refDate.slice(0, 4)}-01-01`;
  const kindOf = new Map(input.roles.map((r) => [r.code, r.kind]));
  const funded = (p: Period) => p.funding === '補助' && KIND3[kindOf.get(p.roleCode) ?? 'other'] != null;
  const own = (p: Period) => p.funding === '自有' && kindOf.get(p.roleCode) !== 'other';
  const inWindow = (p: Period) => p.startDate <= input.refDate && (p.endDate == null || p.endDate >= yearStart);

  const hired = zero3();
  const ownSet = zeroGroups();
  for (const periods of groupByPerson(input.periods.filter(inWindow)).values()) {
    // each person counts once, under the role (or 業務組) of their latest period in the window
    const latest = (pred: (p: Period) => boolean) => periods.filter(pred).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
    const f = latest(funded);
    if (f) hired[KIND3[kindOf.get(f.roleCode)!]!]++;
    const o = latest(own);
    if (o && o.businessGroup && o.businessGroup in ownSet) ownSet[o.businessGroup as keyof GroupCounts]++;
  }
  const ownSetTotal = new Set(input.periods.filter((p) => own(p) && inWindow(p)).map((p) => p.personId)).size;

  const inPost = zero3();
  const ownInPost = zeroGroups();
  let ownInPostTotal = 0;
  for (const e of input.roster) {
    if (funded(e.period)) inPost[KIND3[kindOf.get(e.period.roleCode)!]!]++;
    if (own(e.period)) {
      ownInPostTotal++;
      const g = e.period.businessGroup;
      if (g && g in ownInPost) ownInPost[g as keyof GroupCounts]++;
    }
  }
  const q = input.quota;
  return {
    quota: q ? { cm: q.fundedCM + q.fundedSCM, sup: q.fundedSUP, pm: q.fundedPM } : null,
    hired,
    inPost,
    ownSet,
    ownSetTotal,
    ownInPost,
    ownInPostTotal,
  };
}

/** A gap in the data prints as ＿ so the clerk sees it; ○ never survives. */
const BLANK = '＿';

export function staffingParagraph(f: StaffingFigures, opts: { refDate: IsoDate; annex: string }): string {
  const n = (v: number | null | undefined) => (v == null ? BLANK : String(v));
  const until = `截至${rocYear(opts.refDate)}年${+opts.refDate.slice(5, 7)}月底`;
  const employ = f.quota ? f.quota.cm + f.quota.sup : null;
  const groups = (g: GroupCounts) => BUSINESS_GROUPS.map((name) => `${name}${g[name]}人`).join('、');
  const three = (c: Counts3) => `含個管${c.cm}人、督導${c.sup}人、專管${c.pm}人`;
  return (
    `本計畫執行人力共計${n(f.quota ? employ! + f.quota.pm + f.ownSetTotal : null)}人，` +
    `其中衛福部補助之聘用人力${n(employ)}人（含個管${n(f.quota?.cm)}人、督導${n(f.quota?.sup)}人），臨時人力（專管）${n(f.quota?.pm)}人，` +
    `${until}，前已聘任之補助人力${sum(f.hired)}人（${three(f.hired)}），尚在職人數${sum(f.inPost)}人（${three(f.inPost)}）；` +
    `另本府各業務組設置之自有專責人力${f.ownSetTotal}人（含${groups(f.ownSet)}），${until}，尚在職人數${f.ownInPostTotal}人（含${groups(f.ownInPost)}）；` +
    `人力運用情形詳如「毒品危害防制中心專責人力運用情形清冊（如附件${opts.annex || BLANK}）」。`
  );
}

/** RULES §7's readings, shown beside the paragraph in the app and printed by the CLI. */
export const STAFFING_INTERPRETATION: readonly string[] = [
  '衛福部補助之聘用人力與臨時人力（專管）為該年度核定（補助）員額；個管含一般個管及資深個管。',
  '前已聘任之補助人力：1月1日至基準日間曾任本計畫補助之個管、督導、專管者（不重複計人，以其最後職務歸類）。',
  '尚在職人數：基準日在職者（留職停薪中者仍占缺，計入）。',
  '自有專責人力「設置」人數：1月1日至基準日間曾任機關自有專責人力者，依其最後任職之業務組歸類；本計畫執行人力共計＝補助聘用＋臨時＋自有專責人力。',
];
