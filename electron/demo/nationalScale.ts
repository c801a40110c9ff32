// A deterministic synthetic dataset the size of all 22 counties over ten years (issue 8): about 5,000 people with
// 15,000 employment periods (promotions as consecutive periods, yearly contracts, resignations, rehires), 2,000
// 留職停薪, 60,000 month-end caseloads, quotas, supervision teams, 100,000 training attendances and 3,000 volunteers
// with 50,000 hour records. Names are random pairs of common characters and IDs carry the letter Z with a synthetic
// serial: nobody real. A seeded PRNG makes the same seed give the same rows; everything is built in memory first,
// then written in one transaction with prepared statements.
import Database from 'better-sqlite3';
import { L2_TOPICS, SUP_L2_TOPICS } from '../../shared/domain/trainingParams';
import { DEFAULT_PLAN_PARAMS } from '../../shared/domain/planParams';
import { ROSTER_TEMPLATE_HEADERS } from '../../shared/domain/rosterImport';
import { BUSINESS_GROUPS, type EndReason, type Funding } from '../../shared/domain/types';
import type { Db } from '../db/connection';
import { syntheticNationalId } from './demoOffice';

export const NATIONAL_FROM = '2016-01-01';
export const NATIONAL_TO = '2025-12-31';

export interface NationalOptions {
  /** PRNG seed (default 20240630) */
  seed?: number;
  /** people to generate (default 5,000); every other count scales with it */
  people?: number;
  /** also training, case reports and volunteers (default true) */
  training?: boolean;
}

// ---------------------------------------------------------------------------------------------------- randomness

/** sfc32 seeded through splitmix32: small, fast and the same on every platform. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
function weighted<T>(r: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

// ---------------------------------------------------------------------------------------------------- day numbers

const DAY = 86_400_000;
export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
export const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const FROM = dayOf(NATIONAL_FROM);
const TO = dayOf(NATIONAL_TO);
const OPEN = Number.POSITIVE_INFINITY;
const yearOf = (day: number) => new Date(day * DAY).getUTCFullYear();
const monthEnd = (y: number, m: number) => Date.UTC(y, m, 0) / DAY; // m 1-based: last day of month m
const rocFmt = (day: number) => {
  const [y, m, d] = isoOf(day).split('-');
  return `${Number(y) - 1911}/${m}/${d}`;
};

// ---------------------------------------------------------------------------------------------------- the data

/** The 22 counties, weighted roughly by population (ten thousands). */
export const COUNTIES: readonly (readonly [string, number])[] = [
  ['臺北市', 250], ['新北市', 400], ['桃園市', 230], ['臺中市', 280], ['臺南市', 186], ['高雄市', 273], ['基隆市', 36],
  ['新竹市', 45], ['新竹縣', 58], ['苗栗縣', 54], ['彰化縣', 125], ['南投縣', 48], ['雲林縣', 66], ['嘉義市', 26],
  ['嘉義縣', 49], ['屏東縣', 80], ['宜蘭縣', 45], ['花蓮縣', 32], ['臺東縣', 21], ['澎湖縣', 11], ['金門縣', 14], ['連江縣', 3],
];
const SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬董唐藍石蔣古紀姚連馮程湯田康姜白汪鄒尤巫黎涂韓袁金童陸夏柳邵'.split('');
const GIVEN = '雅婷怡君佳慧淑芬美玲宜庭欣志明俊宏家豪冠宇承翰詩涵柏彥心瑜子晴嘉文靜品妤信安思穎筱萱育琪惠如珮瑄書偉哲建銘昱廷宗翔凱琳郁芳伶蓉儀嫻竣博皓軒'.split('');
const DEPARTMENTS = ['社會工作學系', '心理學系', '公共衛生學系', '護理學系', '社會學系', '諮商心理學系', '犯罪防治學系'];
const VOLUNTEER_ROLES = ['陪伴型志工', '宣導志工', '行政志工'];
const OTHER_ROLE = { code: 'MHSW', name: '心衛社工', kind: 'other', sort: 60 } as const;

export interface GenPerson {
  id: number;
  name: string;
  nationalId: string;
  employeeNo: string;
  education: string;
  department: string;
  certificate: string | null;
  county: number;
}
export interface GenPeriod {
  id: number;
  personId: number;
  roleCode: string;
  funding: Funding;
  businessGroup: string;
  adminUnit: string;
  start: number;
  /** OPEN (Infinity) while in post */
  end: number;
  endReason: EndReason | null;
}
export interface GenLeave {
  id: number;
  personId: number;
  periodId: number;
  start: number;
  end: number;
}
export interface GenAssignment {
  caseManagerId: number;
  supervisorId: number;
  start: number;
  end: number;
}
export interface GenCaseload {
  personId: number;
  monthEnd: number;
  cumulative: number;
  active: number;
}
export interface GenQuota {
  rocYear: number;
  approvedTotal: number;
  fundedCM: number;
  fundedSCM: number;
  fundedSUP: number;
  fundedPM: number;
}
export interface GenCourse {
  id: number;
  name: string;
  heldOn: number;
  provider: string;
  level: string;
  topic: string | null;
  hours: number;
  approvalDoc: string | null;
}
export interface GenAttendance {
  courseId: number;
  personId: number;
  hours: number;
  certificateNo: string | null;
}
export interface GenCaseReport {
  personId: number;
  presentedOn: number;
  title: string;
  meeting: string;
}
export interface GenVolunteer {
  id: number;
  name: string;
  nationalId: string;
  basicTrainingOn: number;
  specialTrainingOn: number | null;
  periods: { role: string; start: number; end: number }[];
  hours: { workedOn: number; kind: '繼續教育' | '服務'; hours: number }[];
  evaluations: { rocYear: number; result: string }[];
}

export interface NationalData {
  seed: number;
  people: GenPerson[];
  periods: GenPeriod[];
  leaves: GenLeave[];
  assignments: GenAssignment[];
  caseloads: GenCaseload[];
  quotas: GenQuota[];
  courses: GenCourse[];
  attendances: GenAttendance[];
  caseReports: GenCaseReport[];
  volunteers: GenVolunteer[];
}

export type NationalCounts = Record<
  'people' | 'periods' | 'leaves' | 'assignments' | 'caseloads' | 'planYears' | 'courses' | 'attendances' | 'caseReports' | 'volunteers' | 'volunteerPeriods' | 'volunteerHours',
  number
>;

export function countsOf(d: NationalData): NationalCounts {
  return {
    people: d.people.length,
    periods: d.periods.length,
    leaves: d.leaves.length,
    assignments: d.assignments.length,
    caseloads: d.caseloads.length,
    planYears: d.quotas.length,
    courses: d.courses.length,
    attendances: d.attendances.length,
    caseReports: d.caseReports.length,
    volunteers: d.volunteers.length,
    volunteerPeriods: d.volunteers.reduce((n, v) => n + v.periods.length, 0),
    volunteerHours: d.volunteers.reduce((n, v) => n + v.hours.length, 0),
  };
}

const isCaseRole = (code: string) => code === 'CM' || code === 'SCM' || code === 'SUP';
const covers = (p: { start: number; end: number }, day: number) => p.start <= day && p.end >= day;

// ---------------------------------------------------------------------------------------------------- careers

/** One person's periods: stints of consecutive periods (promotions, yearly contracts), then maybe a rehire after a gap. */
function career(r: Rand, person: GenPerson, firstRole: string, yearlyContracts: boolean, nextId: () => number): GenPeriod[] {
  const out: GenPeriod[] = [];
  const county = COUNTIES[person.county][0];
  const group = firstRole === 'OWN' || firstRole === 'MHSW' ? pick(r, BUSINESS_GROUPS) : weighted(r, [['綜合規劃組', 6], ['保護扶助組', 2], ['醫療服務組', 1], ['預防宣導組', 1]] as const);
  const adminUnit = `${county}政府衛生局`;
  let role = firstRole;
  // hiring grew over the years, and some started before 105 so the earliest figures have history
  let start = FROM - 2000 + Math.floor(r() ** 0.7 * (TO - 60 - FROM + 2000));
  for (let stint = 0; stint < 3 && start <= TO; stint++) {
    const meanYears = role === 'PM' ? 3.5 : role === 'OWN' ? 9 : role === 'SUP' ? 7 : 6;
    const length = Math.round(-Math.log(1 - r()) * meanYears * 365.25) + 90;
    const stintEnd = start + length > TO ? OPEN : start + length;
    // Promotions inside the stint: CM → SCM → SUP (or CM → SUP).
    const promotions: [number, string][] = [];
    if (role === 'CM' && r() < 0.38) {
      const at = start + int(r, 600, 1500);
      promotions.push([at, r() < 0.75 ? 'SCM' : 'SUP']);
      if (promotions[0][1] === 'SCM' && r() < 0.25) promotions.push([at + int(r, 450, 1300), 'SUP']);
    } else if (role === 'SCM' && r() < 0.2) promotions.push([start + int(r, 450, 1300), 'SUP']);
    const contracts = yearlyContracts || role === 'PM';
    let cur = start;
    while (true) {
      const promo = promotions.find(([at]) => at > cur && at <= Math.min(stintEnd, TO));
      const yearEnd = contracts ? monthEnd(yearOf(cur), 12) : OPEN;
      const end = Math.min(stintEnd, promo ? promo[0] - 1 : OPEN, yearEnd < TO ? yearEnd : OPEN);
      const isStintEnd = end === stintEnd;
      const reason: EndReason | null =
        end === OPEN ? null : isStintEnd ? weighted(r, [['離職', 70], ['期滿', 15], ['轉任他職', 15]] as const) : promo && end === promo[0] - 1 ? '職務異動' : '期滿';
      out.push({
        id: nextId(),
        personId: person.id,
        roleCode: role,
        funding: role === 'OWN' ? '自有' : '補助',
        businessGroup: group,
        adminUnit,
        start: cur,
        end,
        endReason: reason,
      });
      if (isStintEnd || end === OPEN) break;
      if (promo && end === promo[0] - 1) role = promo[1];
      cur = end + 1;
    }
    if (stintEnd === OPEN || r() > 0.4) break;
    start = stintEnd + int(r, 30, 800); // rehired after a break
    if (role === 'SUP' && r() < 0.5) role = 'CM';
  }
  return out;
}

/** Up to one 留職停薪 per period, inside it; an open one only at the very end. */
function leavesFor(r: Rand, periods: GenPeriod[], target: number): GenLeave[] {
  const eligible = periods.filter((p) => p.roleCode !== 'MHSW' && Math.min(p.end, TO) - p.start >= 240);
  // a deterministic shuffle, then the first `target`
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
  }
  const out: GenLeave[] = [];
  for (const p of eligible.slice(0, target)) {
    const last = Math.min(p.end, TO);
    const start = p.start + int(r, 60, last - p.start - 120);
    const end = p.end === OPEN && start > TO - 200 && r() < 0.3 ? OPEN : Math.min(start + int(r, 30, 400), p.end - 1);
    out.push({ id: 0, personId: p.personId, periodId: p.id, start, end });
  }
  out.sort((a, b) => a.personId - b.personId || a.start - b.start);
  out.forEach((l, i) => (l.id = i + 1));
  return out;
}

/** Chains of consecutive 個管/資深個管 periods per person: the spans a 督導 supervises. */
function caseChains(periods: GenPeriod[]): { personId: number; start: number; end: number }[] {
  const out: { personId: number; start: number; end: number }[] = [];
  let cur: { personId: number; start: number; end: number } | null = null;
  for (const p of periods) {
    if (p.roleCode !== 'CM' && p.roleCode !== 'SCM') {
      cur = null;
      continue;
    }
    if (cur && cur.personId === p.personId && cur.end + 1 === p.start) cur.end = p.end;
    else {
      cur = { personId: p.personId, start: p.start, end: p.end };
      out.push(cur);
    }
  }
  return out;
}

function assignmentsFor(r: Rand, people: GenPerson[], periods: GenPeriod[]): GenAssignment[] {
  const supsByCounty = new Map<number, GenPeriod[]>();
  for (const p of periods) {
    if (p.roleCode !== 'SUP') continue;
    const c = people[p.personId - 1].county;
    (supsByCounty.get(c) ?? supsByCounty.set(c, []).get(c)!).push(p);
  }
  const out: GenAssignment[] = [];
  for (const chain of caseChains(periods)) {
    const sups = supsByCounty.get(people[chain.personId - 1].county) ?? [];
    let t = chain.start;
    const chainEnd = Math.min(chain.end, TO);
    while (t <= chainEnd) {
      const here = sups.filter((s) => covers(s, t));
      if (!here.length) {
        // nobody supervises until the next 督導 of the county starts
        const next = sups.filter((s) => s.start > t).reduce((m, s) => Math.min(m, s.start), OPEN);
        if (next > chainEnd) break;
        t = next;
        continue;
      }
      const sup = pick(r, here);
      const end = Math.min(chain.end, sup.end);
      out.push({ caseManagerId: chain.personId, supervisorId: sup.personId, start: t, end });
      if (end === OPEN) break;
      t = end + 1;
    }
  }
  return out;
}

/** Month ends from the newest back, every 個管/資深個管/督導 in post, until about `target` records. */
function caseloadsFor(r: Rand, periods: GenPeriod[], target: number): GenCaseload[] {
  const staff = periods.filter((p) => isCaseRole(p.roleCode));
  const out: GenCaseload[] = [];
  for (let y = yearOf(TO), m = 12; out.length < target && y >= yearOf(FROM); m === 1 ? ((m = 12), y--) : m--) {
    const me = monthEnd(y, m);
    for (const p of staff) {
      if (!covers(p, me) || p.start >= me) continue;
      const sup = p.roleCode === 'SUP';
      const active = sup ? int(r, 3, 12) : int(r, 12, 38);
      out.push({ personId: p.personId, monthEnd: me, cumulative: active + int(r, 0, sup ? 15 : 45), active });
    }
  }
  return out.sort((a, b) => a.personId - b.personId || a.monthEnd - b.monthEnd);
}

function quotasFor(r: Rand, periods: GenPeriod[]): GenQuota[] {
  const out: GenQuota[] = [];
  for (let y = yearOf(FROM); y <= yearOf(TO) + 1; y++) {
    const ref = monthEnd(Math.min(y, yearOf(TO)), 12);
    const n: Record<string, number> = {};
    for (const p of periods) if (covers(p, ref)) n[p.roleCode] = (n[p.roleCode] ?? 0) + 1;
    const q = (k: string) => Math.round((n[k] ?? 0) * (1 + r() * 0.12));
    const [fundedCM, fundedSCM, fundedSUP, fundedPM] = [q('CM'), q('SCM'), q('SUP'), q('PM')];
    out.push({ rocYear: y - 1911, approvedTotal: fundedCM + fundedSCM + fundedSUP, fundedCM, fundedSCM, fundedSUP, fundedPM });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- training

interface TrainingStaff {
  personId: number;
  county: number;
  /** spans in 個管/資深個管 roles, and in 督導 */
  cm: { start: number; end: number }[];
  sup: { start: number; end: number }[];
}

function trainingStaff(people: GenPerson[], periods: GenPeriod[]): TrainingStaff[] {
  const byPerson = new Map<number, TrainingStaff>();
  for (const p of periods) {
    if (!isCaseRole(p.roleCode)) continue;
    let s = byPerson.get(p.personId);
    if (!s) byPerson.set(p.personId, (s = { personId: p.personId, county: people[p.personId - 1].county, cm: [], sup: [] }));
    (p.roleCode === 'SUP' ? s.sup : s.cm).push({ start: p.start, end: p.end });
  }
  return [...byPerson.values()];
}

function trainingFor(r: Rand, people: GenPerson[], periods: GenPeriod[], target: number): Pick<NationalData, 'courses' | 'attendances' | 'caseReports'> {
  const staff = trainingStaff(people, periods);
  const byCounty = COUNTIES.map((_, c) => staff.filter((s) => s.county === c));
  const courses: GenCourse[] = [];
  const attendances: GenAttendance[] = [];
  const caseReports: GenCaseReport[] = [];
  const l3Candidates: { course: GenCourse; personId: number }[] = [];
  const inAny = (spans: { start: number; end: number }[], day: number) => spans.some((s) => covers(s, day));
  const firstStart = (spans: { start: number; end: number }[]) => spans.reduce((m, s) => Math.min(m, s.start), OPEN);
  const add = (c: Omit<GenCourse, 'id'>) => {
    const course = { ...c, id: courses.length + 1 };
    courses.push(course);
    return course;
  };
  for (let y = yearOf(FROM); y <= yearOf(TO); y++) {
    const roc = y - 1911;
    COUNTIES.forEach(([county], c) => {
      const local = byCounty[c];
      if (!local.length) return;
      const provider = `${county}政府衛生局`;
      // Level 1 and Level 2 twice a year: a newcomer attends the first run after starting; 督導 levels once a year.
      for (const [half, l1Day, l2Day] of [[1, `${y}-04-15`, `${y}-05-06`], [2, `${y}-10-14`, `${y}-11-04`]] as const) {
        const l1Prev = half === 1 ? dayOf(`${y - 1}-10-14`) : dayOf(`${y}-04-15`);
        const l2Prev = half === 1 ? dayOf(`${y - 1}-11-04`) : dayOf(`${y}-05-06`);
        const l1 = add({ name: `${roc}年 Level 1 新進人員訓練（第${half}梯）`, heldOn: dayOf(l1Day), provider, level: 'L1', topic: null, hours: 28, approvalDoc: null });
        const l2 = L2_TOPICS.map((t, i) => add({ name: `${roc}年 Level 2：${t.name}（第${half}梯）`, heldOn: dayOf(l2Day) + i, provider, level: 'L2', topic: t.name, hours: t.hours, approvalDoc: null }));
        for (const s of local) {
          const since = firstStart(s.cm.length ? s.cm : s.sup);
          if (since > l1Prev && since <= l1.heldOn && inAny([...s.cm, ...s.sup], l1.heldOn)) attend(l1, s.personId, r() < 0.05 ? 20 : 28);
          if (s.cm.length && since > l2Prev && since <= l2[0].heldOn && inAny(s.cm, l2[0].heldOn)) {
            for (const course of l2) if (r() < 0.94) attend(course, s.personId, course.hours);
          }
        }
      }
      const supL1 = add({ name: `${roc}年 督導 Level 1 訓練`, heldOn: dayOf(`${y}-08-12`), provider, level: 'SUP_L1', topic: null, hours: 12, approvalDoc: null });
      const supL2 = SUP_L2_TOPICS.map((t, i) => add({ name: `${roc}年 督導 Level 2：${t.name}`, heldOn: dayOf(`${y}-09-01`) + i, provider, level: 'SUP_L2', topic: t.name, hours: t.hours, approvalDoc: null }));
      const supL3 = add({ name: `${roc}年 督導 Level 3：督導實務與倫理`, heldOn: dayOf(`${y}-05-08`), provider, level: 'SUP_L3', topic: null, hours: 6, approvalDoc: null });
      const l3 = [`${y}-02-25`, `${y}-03-20`, `${y}-05-22`, `${y}-06-12`, `${y}-09-18`, `${y}-11-20`].map((d, i) =>
        add({ name: `${roc}年 Level 3 進階課程 ${i + 1}`, heldOn: dayOf(d), provider, level: 'L3', topic: null, hours: [3, 2.5, 3, 2, 2, 3][i], approvalDoc: `${roc}年衛部心字第 ${roc}${String(c + 1).padStart(2, '0')}${i + 1}0${String(y).slice(2)} 號` }),
      );
      for (const s of local) {
        if (!s.sup.length) continue;
        const since = firstStart(s.sup);
        if (since > dayOf(`${y - 1}-08-12`) && since <= supL1.heldOn) attend(supL1, s.personId, 12);
        if (since > dayOf(`${y - 1}-09-01`) && since <= supL2[0].heldOn) for (const course of supL2) if (r() < 0.95) attend(course, s.personId, course.hours);
        if (inAny(s.sup, supL3.heldOn)) attend(supL3, s.personId, r() < 0.1 ? 3 : 6);
      }
      for (const s of local) {
        for (const course of l3) if (inAny(s.cm, course.heldOn)) l3Candidates.push({ course, personId: s.personId });
        const reportDay = dayOf(`${y}-10-22`);
        if (inAny(s.cm, reportDay) && r() < 0.8) {
          caseReports.push({ personId: s.personId, presentedOn: reportDay - int(r, 0, 180), title: `藥癮個案服務案例報告（${roc}年）`, meeting: `${roc}年${county}外部督導會議` });
        }
      }
    });
  }
  // Level 3: each candidate attends with the probability that brings the total to about `target`.
  const p = Math.max(0, Math.min(1, (target - attendances.length) / Math.max(1, l3Candidates.length)));
  for (const { course, personId } of l3Candidates) if (r() < p) attend(course, personId, course.hours, `研字第 ${course.id}-${personId} 號`);
  // only courses somebody attended are kept, renumbered in date order
  const used = new Set(attendances.map((a) => a.courseId));
  const kept = courses.filter((c) => used.has(c.id)).sort((a, b) => a.heldOn - b.heldOn || a.id - b.id);
  const newId = new Map(kept.map((c, i) => [c.id, i + 1]));
  kept.forEach((c) => (c.id = newId.get(c.id)!));
  for (const a of attendances) a.courseId = newId.get(a.courseId)!;
  attendances.sort((a, b) => a.courseId - b.courseId || a.personId - b.personId);
  caseReports.sort((a, b) => a.personId - b.personId || a.presentedOn - b.presentedOn);
  return { courses: kept, attendances, caseReports };

  function attend(course: GenCourse, personId: number, hours: number, certificateNo: string | null = null) {
    attendances.push({ courseId: course.id, personId, hours, certificateNo });
  }
}

function volunteersFor(r: Rand, count: number, hoursTarget: number): GenVolunteer[] {
  const out: GenVolunteer[] = [];
  for (let i = 0; i < count; i++) {
    const start = int(r, FROM - 700, TO - 30);
    const end = r() < 0.45 ? Math.min(start + int(r, 180, 2500), TO + 365) : OPEN;
    const periods = [{ role: pick(r, VOLUNTEER_ROLES), start, end: end > TO ? OPEN : end }];
    out.push({
      id: i + 1,
      name: pick(r, SURNAMES) + pick(r, GIVEN) + pick(r, GIVEN),
      nationalId: syntheticNationalId(100_000 + i, r() < 0.6),
      basicTrainingOn: start - int(r, 10, 60),
      specialTrainingOn: r() < 0.8 ? start + int(r, 20, 120) : null,
      periods,
      hours: [],
      evaluations: [],
    });
  }
  // Service years inside the data's span, then entries per year so the total is about `hoursTarget`.
  const years = out.flatMap((v) => {
    const p = v.periods[0];
    const ys: number[] = [];
    for (let y = Math.max(yearOf(p.start), yearOf(FROM)); y <= Math.min(yearOf(Math.min(p.end, TO)), yearOf(TO)); y++) ys.push(y);
    return ys.map((y) => ({ v, y }));
  });
  const perYear = hoursTarget / Math.max(1, years.length);
  for (const { v, y } of years) {
    const p = v.periods[0];
    const from = Math.max(p.start, dayOf(`${y}-01-01`));
    const to = Math.min(p.end, TO, dayOf(`${y}-12-31`));
    const days = new Set<number>();
    const entry = (kind: '繼續教育' | '服務', hours: number) => {
      const d = int(r, from, to);
      if (days.has(d * 2 + (kind === '服務' ? 1 : 0))) return;
      days.add(d * 2 + (kind === '服務' ? 1 : 0));
      v.hours.push({ workedOn: d, kind, hours });
    };
    const ce = r() < 0.85 ? 2 : int(r, 0, 1);
    for (let k = 0; k < ce; k++) entry('繼續教育', pick(r, [1.5, 2, 2, 2.5, 3]));
    const service = Math.max(0, Math.round(perYear - ce + (r() - 0.5) * 2));
    for (let k = 0; k < service; k++) entry('服務', pick(r, [2, 3, 4, 4, 6, 8]));
    if (to >= dayOf(`${y}-12-01`)) v.evaluations.push({ rocYear: y - 1911, result: weighted(r, [['優良', 2], ['通過', 7], ['待改進', 1]] as const) });
  }
  for (const v of out) v.hours.sort((a, b) => a.workedOn - b.workedOn || a.kind.localeCompare(b.kind));
  return out;
}

// ---------------------------------------------------------------------------------------------------- generate

export function generateNational(opts: NationalOptions = {}): NationalData {
  const seed = opts.seed ?? 20240630;
  const n = opts.people ?? 5000;
  const scale = n / 5000;
  const r = prng(seed);
  const counties = COUNTIES.map(([, w], c) => [c, w] as const);
  // About a third of the counties write each yearly contract as its own period (期滿 on 12/31, renewed on 1/1).
  const yearlyCounties = new Set(COUNTIES.map((_, c) => c).filter(() => r() < 0.65));
  const people: GenPerson[] = [];
  const periods: GenPeriod[] = [];
  let periodId = 0;
  const nextId = () => ++periodId;
  for (let i = 0; i < n; i++) {
    const county = weighted(r, counties);
    const female = r() < 0.72;
    const first = weighted(r, [['CM', 67], ['SUP', 3], ['PM', 6], ['OWN', 20], ['MHSW', 4]] as const);
    const person: GenPerson = {
      id: i + 1,
      name: pick(r, SURNAMES) + pick(r, GIVEN) + pick(r, GIVEN),
      nationalId: syntheticNationalId(i, female),
      employeeNo: `N${String(county + 1).padStart(2, '0')}${String(i + 1).padStart(5, '0')}`,
      education: r() < 0.3 ? '碩士' : '大學',
      department: pick(r, DEPARTMENTS),
      certificate: r() < 0.25 ? '社會工作師' : r() < 0.06 ? '諮商心理師' : null,
      county,
    };
    people.push(person);
    periods.push(...career(r, person, first, yearlyCounties.has(county), nextId));
  }
  const leaves = leavesFor(r, periods, Math.round(2000 * scale));
  const assignments = assignmentsFor(r, people, periods);
  const caseloads = caseloadsFor(r, periods, Math.round(60_000 * scale));
  const quotas = quotasFor(r, periods);
  const training = opts.training ?? true;
  const t = training ? trainingFor(r, people, periods, Math.round(100_000 * scale)) : { courses: [], attendances: [], caseReports: [] };
  const volunteers = training ? volunteersFor(r, Math.round(3000 * scale), Math.round(50_000 * scale)) : [];
  return { seed, people, periods, leaves, assignments, caseloads, quotas, ...t, volunteers };
}

// ---------------------------------------------------------------------------------------------------- write

const endIso = (d: number) => (d === OPEN ? null : isoOf(d));

/** Writes the dataset into an empty, migrated database in one transaction. */
export function writeNational(db: Db, d: NationalData): NationalCounts {
  const st = (sql: string) => db.prepare(sql);
  db.transaction(() => {
    st('INSERT OR IGNORE INTO roles (code, name, kind, builtin, sort) VALUES (?, ?, ?, 0, ?)').run(OTHER_ROLE.code, OTHER_ROLE.name, OTHER_ROLE.kind, OTHER_ROLE.sort);
    const person = st('INSERT INTO people (id, name, national_id, employee_no, education, department, certificate) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of d.people) person.run(p.id, p.name, p.nationalId, p.employeeNo, p.education, p.department, p.certificate);
    const period = st('INSERT INTO periods (id, person_id, role_code, funding, business_group, admin_unit, start_date, end_date, end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of d.periods) period.run(p.id, p.personId, p.roleCode, p.funding, p.businessGroup, p.adminUnit, isoOf(p.start), endIso(p.end), p.endReason);
    const leave = st('INSERT INTO leaves (id, person_id, start_date, end_date, note) VALUES (?, ?, ?, ?, ?)');
    for (const l of d.leaves) leave.run(l.id, l.personId, isoOf(l.start), endIso(l.end), l.end - l.start > 180 ? '育嬰留職停薪' : null);
    const plan = st('INSERT INTO plan_years (roc_year, params_json) VALUES (?, ?)');
    const quota = st('INSERT INTO quotas (roc_year, approved_total, funded_cm, funded_scm, funded_sup, funded_pm) VALUES (?, ?, ?, ?, ?, ?)');
    for (const q of d.quotas) {
      plan.run(q.rocYear, JSON.stringify(DEFAULT_PLAN_PARAMS));
      quota.run(q.rocYear, q.approvedTotal, q.fundedCM, q.fundedSCM, q.fundedSUP, q.fundedPM);
    }
    const assign = st('INSERT INTO supervision_assignments (case_manager_id, supervisor_id, start_date, end_date) VALUES (?, ?, ?, ?)');
    for (const a of d.assignments) assign.run(a.caseManagerId, a.supervisorId, isoOf(a.start), endIso(a.end));
    const caseload = st('INSERT INTO caseloads (person_id, month_end, cumulative, active) VALUES (?, ?, ?, ?)');
    for (const c of d.caseloads) caseload.run(c.personId, isoOf(c.monthEnd), c.cumulative, c.active);
    if (d.courses.length) {
      const course = st('INSERT INTO training_courses (id, name, held_on, provider, level, topic, hours, approval_doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const c of d.courses) course.run(c.id, c.name, isoOf(c.heldOn), c.provider, c.level, c.topic, c.hours, c.approvalDoc);
      const att = st('INSERT INTO training_attendance (course_id, person_id, hours, certificate_no) VALUES (?, ?, ?, ?)');
      for (const a of d.attendances) att.run(a.courseId, a.personId, a.hours, a.certificateNo);
      const report = st('INSERT INTO case_reports (person_id, presented_on, title, meeting) VALUES (?, ?, ?, ?)');
      for (const c of d.caseReports) report.run(c.personId, isoOf(c.presentedOn), c.title, c.meeting);
    }
    if (d.volunteers.length) {
      const vol = st('INSERT INTO volunteers (id, name, national_id, basic_training_on, special_training_on) VALUES (?, ?, ?, ?, ?)');
      const vp = st('INSERT INTO volunteer_periods (volunteer_id, role, start_date, end_date) VALUES (?, ?, ?, ?)');
      const vh = st('INSERT INTO volunteer_hours (volunteer_id, worked_on, kind, hours, note) VALUES (?, ?, ?, ?, ?)');
      const ve = st('INSERT INTO volunteer_evaluations (volunteer_id, roc_year, result) VALUES (?, ?, ?)');
      for (const v of d.volunteers) {
        vol.run(v.id, v.name, v.nationalId, isoOf(v.basicTrainingOn), v.specialTrainingOn == null ? null : isoOf(v.specialTrainingOn));
        for (const p of v.periods) vp.run(v.id, p.role, isoOf(p.start), endIso(p.end));
        for (const h of v.hours) vh.run(v.id, isoOf(h.workedOn), h.kind, h.hours, h.kind === '繼續教育' ? '志工繼續教育課程' : null);
        for (const e of v.evaluations) ve.run(v.id, e.rocYear, e.result);
      }
    }
  })();
  return countsOf(d);
}

/**
 * The CLI's path: the back end has opened (and migrated) `file`; the rows go through a second, plain connection, so
 * the per-connection audit triggers do not copy 250,000 synthetic rows into audit_log (7 s and four times the file).
 * The caller records one audit event instead. An in-memory database has only the one connection: it is written there.
 */
export function createNationalDatasetFile(file: string, backendDb: Db, opts: NationalOptions = {}): NationalCounts {
  return writeNationalFile(file, backendDb, generateNational(opts));
}

export function writeNationalFile(file: string, backendDb: Db, data: NationalData): NationalCounts {
  if (file === ':memory:') return writeNational(backendDb, data);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    return writeNational(db, data);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------- import file

const csvCell = (s: string | null | undefined) => {
  const t = s ?? '';
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
const ROLE_NAMES: Record<string, string> = { CM: '個管', SCM: '資深個管', SUP: '督導', PM: '專管', OWN: '自有專責' };

/**
 * The first `rows` employment periods of the dataset as a roster import file in the template's columns (ROC dates,
 * one row per period, the period's 留職停薪 on its row). People in roles outside the plan's built-in ones are left out,
 * since a fresh database does not know those roles.
 */
export function nationalRosterCsv(d: NationalData, rows = 5000): string {
  const leaveOf = new Map(d.leaves.map((l) => [l.periodId, l]));
  const lines = [ROSTER_TEMPLATE_HEADERS.join(',')];
  for (const p of d.periods) {
    if (lines.length > rows) break;
    if (!ROLE_NAMES[p.roleCode]) continue;
    const who = d.people[p.personId - 1];
    const leave = leaveOf.get(p.id);
    lines.push(
      [
        who.name, who.nationalId, who.employeeNo, p.funding, ROLE_NAMES[p.roleCode], p.businessGroup, p.adminUnit,
        rocFmt(p.start), p.end === OPEN ? '' : rocFmt(p.end), p.endReason ?? '',
        leave ? rocFmt(leave.start) : '', leave && leave.end !== OPEN ? rocFmt(leave.end) : '',
        who.education, who.department, who.certificate ?? '',
      ].map(csvCell).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
