// What 志願服務法 counts for a volunteer (issue 19): service years from the later of 基礎訓練 and 特殊訓練, service hours
// toward the 志願服務榮譽卡 (first card and renewal, hours never counted twice), the 績優獎勵 tiers, and cards about to
// expire. Pure: the service loads the rows, this turns them into rows with the reason in words.
import { addDays, addMonths, daysBetween, formatRoc, maxDate, type IsoDate } from '../dates/roc';
import { compareNames } from './collation';
import type { VolunteerHourKind } from './volunteers';

export const AWARD_TIERS = ['銅牌', '銀牌', '金牌'] as const;
export type AwardTier = (typeof AWARD_TIERS)[number];

/** The law's numbers. They are law, but laws change: kept as plan-year parameters, each with where it comes from. */
export interface HonourParams {
  /** 榮譽卡: service years and hours required (志願服務法 §20；志工申請志願服務榮譽卡作業規定 二) */
  cardYears: number;
  cardHours: number;
  /** 榮譽卡 validity in years (作業規定 三) */
  cardValidYears: number;
  /** 績優獎勵 hours per tier (志願服務獎勵辦法) */
  awardHours: Record<AwardTier, number>;
  /** how far ahead a card's expiry is worth a reminder */
  expiringDays: number;
  source: string;
}

export const DEFAULT_HONOUR_PARAMS: Readonly<HonourParams> = Object.freeze({
  cardYears: 3,
  cardHours: 300,
  cardValidYears: 3,
  awardHours: { 銅牌: 3000, 銀牌: 5000, 金牌: 8000 },
  expiringDays: 90,
  source: '志願服務法第20條；志工申請志願服務榮譽卡作業規定第二、三點（年資3年、時數300小時、效期3年、不得重複計算）；志願服務獎勵辦法（3,000／5,000／8,000小時：銅牌／銀牌／金牌）',
});

export function mergeHonourParams(stored: Partial<HonourParams> | null | undefined): HonourParams {
  const d = DEFAULT_HONOUR_PARAMS;
  return { ...d, ...(stored ?? {}), awardHours: { ...d.awardHours, ...(stored?.awardHours ?? {}) } };
}

export interface HonourCard {
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  cardNo: string | null;
  /** last day whose years and hours this card's application counted; null = its expiry less the validity years */
  hoursThrough: IsoDate | null;
}

export interface HonourFacts {
  id: number;
  name: string;
  basicTrainingOn: IsoDate | null;
  specialTrainingOn: IsoDate | null;
  recordBookNo: string | null;
  periods: { startDate: IsoDate; endDate: IsoDate | null }[];
  hours: { workedOn: IsoDate; kind: VolunteerHourKind; hours: number }[];
  cards: HonourCard[];
  awards: { tier: AwardTier; awardedOn: IsoDate }[];
}

export type CardStatus = 'valid' | 'expiring' | 'expired';

export interface HonourRow {
  volunteerId: number;
  name: string;
  recordBookNo: string | null;
  serving: boolean;
  /** the later of 基礎訓練 and 特殊訓練 completion; null when either is not recorded */
  serviceStart: IsoDate | null;
  /** 'first' = first card; 'renewal' = counted after the latest card's hours */
  application: 'first' | 'renewal';
  /** the span whose years and hours count toward the card */
  countFrom: IsoDate | null;
  countTo: IsoDate;
  serviceMonths: number;
  /** full years, with months as a fraction (2 年 6 個月 = 2.5) */
  serviceYears: number;
  serviceYearsText: string;
  /** 服務 hours toward the card (繼續教育 and other training never count) */
  serviceHours: number;
  /** 繼續教育 hours in the same span: shown so the clerk sees why they do not count */
  trainingHours: number;
  eligible: boolean;
  reason: string;
  card: { issuedOn: IsoDate; expiresOn: IsoDate; cardNo: string | null; status: CardStatus; daysLeft: number } | null;
  /** all 服務 hours since service start, toward the 績優獎勵 */
  awardHours: number;
  /** the highest tier reached and not yet received, else null */
  awardTier: AwardTier | null;
  awardReason: string;
  awardsReceived: { tier: AwardTier; awardedOn: IsoDate }[];
}

export interface HonoursResult {
  asOf: IsoDate;
  params: HonourParams;
  rows: HonourRow[];
  eligible: HonourRow[];
  expiring: HonourRow[];
  awardEligible: HonourRow[];
  interpretation: string[];
}

/** Whole months from `from` to `to`: month k is complete when from + k months ≤ to (2021-12-31 → 2024-12-31 = 36). */
export function fullMonths(from: IsoDate, to: IsoDate): number {
  if (to < from) return 0;
  let n = Math.max(0, (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) - 1);
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}

export function yearsText(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return y ? `${y} 年${m ? ` ${m} 個月` : ''}` : `${m} 個月`;
}

/** Service years start when both trainings are done: the later date; null while either is missing. */
export function serviceStartOf(v: Pick<HonourFacts, 'basicTrainingOn' | 'specialTrainingOn'>): IsoDate | null {
  return v.basicTrainingOn && v.specialTrainingOn ? maxDate(v.basicTrainingOn, v.specialTrainingOn) : null;
}

/**
 * The day after which a renewal may count: the expiry less the validity years (「以榮譽卡到期日回溯3年」: a card to
 * 105/01/31 counts from 102/02/01), or later where the old application is known to have counted hours past it.
 */
export function renewalCountsAfter(card: HonourCard, params: HonourParams): IsoDate {
  const back = addMonths(card.expiresOn, -12 * params.cardValidYears);
  return card.hoursThrough ? maxDate(card.hoursThrough, back) : back;
}

/** Halves add exactly; rounding only hides float noise (trainingParams.roundHours, not imported: it imports us). */
const roundHours = (h: number) => Math.round(h * 2) / 2;
const fmtHours = (h: number) => h.toLocaleString('en-US');

function cardOn(cards: readonly HonourCard[], asOf: IsoDate, params: HonourParams): HonourRow['card'] {
  const latest = [...cards].filter((c) => c.issuedOn <= asOf).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
  if (!latest) return null;
  const daysLeft = daysBetween(asOf, latest.expiresOn);
  const status: CardStatus = daysLeft < 0 ? 'expired' : daysLeft <= params.expiringDays ? 'expiring' : 'valid';
  return { issuedOn: latest.issuedOn, expiresOn: latest.expiresOn, cardNo: latest.cardNo, status, daysLeft };
}

function awardOf(total: number | null, received: HonourFacts['awards'], recordBook: boolean, params: HonourParams): { tier: AwardTier | null; reason: string } {
  if (total == null) return { tier: null, reason: '訓練完成日未登錄，累計服務時數無從起算' };
  const have = new Set(received.map((a) => a.tier));
  const reached = AWARD_TIERS.filter((t) => total >= params.awardHours[t]);
  const open = reached.filter((t) => !have.has(t)).at(-1) ?? null;
  const next = AWARD_TIERS.find((t) => total < params.awardHours[t]);
  const ahead = next ? `距${next} ${fmtHours(params.awardHours[next])} 小時尚差 ${fmtHours(roundHours(params.awardHours[next] - total))} 小時` : '已達最高級金牌';
  if (!open) return { tier: null, reason: `累計服務 ${fmtHours(total)} 小時，${reached.length ? `${reached.at(-1)}已領；` : ''}${ahead}` };
  if (!recordBook) return { tier: null, reason: `累計服務 ${fmtHours(total)} 小時，已達${open}，但尚未登錄志願服務紀錄冊` };
  return { tier: open, reason: `累計服務 ${fmtHours(total)} 小時，已達${open} ${fmtHours(params.awardHours[open])} 小時，可申請` };
}

/** One volunteer on `asOf`: the card (first or renewal) and the award, each with the reason in words. */
export function evaluateHonours(v: HonourFacts, asOf: IsoDate, params: HonourParams = DEFAULT_HONOUR_PARAMS): HonourRow {
  const serving = v.periods.some((p) => p.startDate <= asOf && (!p.endDate || p.endDate >= asOf));
  const ended = v.periods.filter((p) => p.endDate && p.endDate < asOf).map((p) => p.endDate!).sort();
  // years stop where service stopped: a volunteer who left does not keep gaining years
  const countTo = serving ? asOf : (ended.at(-1) ?? asOf);
  const serviceStart = serviceStartOf(v);
  const prior = [...v.cards].filter((c) => c.issuedOn <= asOf).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))[0];
  const application = prior ? 'renewal' : 'first';
  // a renewal's years run from the old count's end (a card to 115/12/13 counted to 112/12/13: 3 years on 115/12/13),
  // its hours from the day after, so the end day's hours stay with the old card
  const after = prior ? renewalCountsAfter(prior, params) : null;
  const yearsFrom = serviceStart ? (after ? maxDate(serviceStart, after) : serviceStart) : null;
  const countFrom = serviceStart ? (after ? maxDate(serviceStart, addDays(after, 1)) : serviceStart) : null;

  let serviceHours = 0;
  let trainingHours = 0;
  let awardHours = 0;
  for (const h of v.hours) {
    if (!serviceStart || h.workedOn < serviceStart || h.workedOn > asOf) continue;
    if (h.kind === '服務') awardHours += h.hours;
    if (!countFrom || h.workedOn < countFrom || h.workedOn > countTo) continue;
    if (h.kind === '服務') serviceHours += h.hours;
    else trainingHours += h.hours;
  }
  serviceHours = roundHours(serviceHours);
  trainingHours = roundHours(trainingHours);
  awardHours = roundHours(awardHours);
  const months = yearsFrom ? fullMonths(yearsFrom, countTo) : 0;
  const yearsOk = months >= params.cardYears * 12;
  const hoursOk = serviceHours >= params.cardHours;
  const card = cardOn(v.cards, asOf, params);

  let reason: string;
  if (!serviceStart) {
    const missing = [!v.basicTrainingOn && '基礎訓練', !v.specialTrainingOn && '特殊訓練'].filter(Boolean).join('、');
    reason = `尚未登錄${missing}完成日，服務年資無從起算`;
  } else {
    const lead = prior ? `換發（${formatRoc(countFrom!)} 起算，前卡已採計者不重複計算）：` : '';
    const y = `服務年資 ${yearsText(months)}${yearsOk ? '' : `，未滿 ${params.cardYears} 年`}`;
    const h = `服務時數 ${fmtHours(serviceHours)} 小時${hoursOk ? '' : `，未滿 ${params.cardHours} 小時`}`;
    const t = trainingHours ? `（繼續教育 ${fmtHours(trainingHours)} 小時不計）` : '';
    reason = `${lead}${y}；${h}${t}`;
    if (yearsOk && hoursOk) reason += serving ? '，符合申請資格' : '';
    if (!serving) reason += ended.length ? `；已於 ${formatRoc(countTo)} 停止服務` : '；尚無服務期間';
    if (yearsOk && hoursOk && !v.recordBookNo) reason += '（尚未登錄紀錄冊編號）';
  }
  const award = awardOf(serviceStart ? awardHours : null, v.awards, !!v.recordBookNo, params);
  return {
    volunteerId: v.id,
    name: v.name,
    recordBookNo: v.recordBookNo,
    serving,
    serviceStart,
    application,
    countFrom,
    countTo,
    serviceMonths: months,
    serviceYears: Math.round((months / 12) * 100) / 100,
    serviceYearsText: yearsText(months),
    serviceHours,
    trainingHours,
    eligible: !!serviceStart && yearsOk && hoursOk && serving,
    reason,
    card,
    awardHours,
    awardTier: award.tier,
    awardReason: award.reason,
    awardsReceived: [...v.awards].sort((a, b) => a.awardedOn.localeCompare(b.awardedOn)),
  };
}

export function computeHonours(vols: readonly HonourFacts[], asOf: IsoDate, params: HonourParams = DEFAULT_HONOUR_PARAMS): HonoursResult {
  const rows = vols.map((v) => evaluateHonours(v, asOf, params)).sort((a, b) => compareNames(a.name, b.name));
  return {
    asOf,
    params,
    rows,
    eligible: rows.filter((r) => r.eligible),
    expiring: rows.filter((r) => r.card?.status === 'expiring').sort((a, b) => a.card!.expiresOn.localeCompare(b.card!.expiresOn)),
    awardEligible: rows.filter((r) => r.awardTier),
    interpretation: [
      `服務年資自基礎訓練與特殊訓練皆完成之日（兩者較晚者）起算，滿 ${params.cardYears} 年且服務時數達 ${params.cardHours} 小時者得申請志願服務榮譽卡；繼續教育等訓練時數不計。`,
      `榮譽卡效期 ${params.cardValidYears} 年；換發只計前卡已採計日之後（至少自前卡效期開始）的年資與時數，同一時數不重複計算。`,
      `績優獎勵依累計服務時數：銅牌 ${fmtHours(params.awardHours.銅牌)}、銀牌 ${fmtHours(params.awardHours.銀牌)}、金牌 ${fmtHours(params.awardHours.金牌)} 小時，並須持有志願服務紀錄冊。`,
      `已停止服務者，年資與時數計至最後服務日，不列入申請名冊。效期 ${params.expiringDays} 天內到期之榮譽卡列入提醒。`,
      `依據：${params.source}。`,
    ],
  };
}

/** The hours of one volunteer in [from, to] for the 時數證明: each line, and the totals by kind. */
export function hourStatement(hours: readonly { workedOn: IsoDate; kind: VolunteerHourKind; hours: number; note: string | null }[], from: IsoDate, to: IsoDate) {
  const lines = hours.filter((h) => h.workedOn >= from && h.workedOn <= to).sort((a, b) => a.workedOn.localeCompare(b.workedOn));
  const sum = (k: VolunteerHourKind) => roundHours(lines.filter((l) => l.kind === k).reduce((s, l) => s + l.hours, 0));
  return { from, to, lines, service: sum('服務'), training: sum('繼續教育') };
}
