// What needs attention this month (issue: home dashboard): each rule turns figures computed elsewhere into dated
// reminders with the person and where to act. Pure, so every rule is a table-driven test with a fixed "today".
import { addDays, formatRoc, type IsoDate } from '../dates/roc';
import { compareNames } from './collation';

export type Tone = 'good' | 'warning' | 'danger';

export interface Reminder {
  kind: 'retention-milestone' | 'period-ends' | 'leave-ends' | 'team-over-limit' | 'unassigned' | 'not-cleared' | 'caseload-missing' | 'training-short' | 'volunteer-short' | 'volunteer-card-expiring' | 'volunteer-honour' | 'lead-agency-unstaffed';
  /** when it matters: the milestone, the end date, or today for things already due */
  due: IsoDate;
  title: string;
  personId: number | null;
  /** the in-app route where the clerk acts on it */
  link: string;
  tone: Tone;
}

export interface ReminderInput {
  today: IsoDate;
  /** how far ahead end dates are worth a reminder */
  horizonDays: number;
  /** who completes 12 or 18 months before the next reference date (retention look-ahead) */
  milestones: { personId: number; name: string; months: number; on: IsoDate }[];
  periodEnds: { personId: number; name: string; roleName: string; endDate: IsoDate; endReason: string | null }[];
  leaveEnds: { personId: number; name: string; endDate: IsoDate }[];
  teams: { supervisorId: number; supervisorName: string; size: number; overLimit: boolean }[];
  teamLimit: number;
  unassigned: { personId: number; name: string; roleName?: string }[];
  /** 個管 in post whose service began recently and who have no clearance date (附件九) */
  notCleared: { personId: number; name: string; roleName?: string; serviceStart: IsoDate }[];
  caseloadMissing: { monthEnd: IsoDate; people: { personId: number; name: string }[] } | null;
  trainingShort?: { personId: number; name: string; what: string; deadline: IsoDate }[];
  volunteersShort?: { volunteerId: number; name: string; shortHours: number; yearEnd: IsoDate }[];
  /** 志願服務榮譽卡 expiring soon, and who may apply for a card or a 績優 award now (issue 19) */
  volunteerCards?: { volunteerId: number; name: string; expiresOn: IsoDate }[];
  volunteerHonours?: { volunteerId: number; name: string; what: string }[];
  /** 主責局處 of this year's org chart with nobody in post today (衡量指標 四(一) 目標值1) */
  leadsWithoutStaff?: { agency: string; groups: string[] }[];
}

const person = (id: number) => `/people/${id}`;

export function buildReminders(input: ReminderInput): Reminder[] {
  const { today } = input;
  const horizon = addDays(today, input.horizonDays);
  const within = (d: IsoDate) => d >= today && d <= horizon;
  const out: Reminder[] = [];

  for (const m of input.milestones) {
    out.push({ kind: 'retention-milestone', due: m.on, title: `${m.name} 將於 ${formatRoc(m.on)} 滿 ${m.months} 個月（留任率分子，值得留住）`, personId: m.personId, link: '/retention', tone: 'good' });
  }
  for (const p of input.periodEnds.filter((x) => within(x.endDate))) {
    out.push({ kind: 'period-ends', due: p.endDate, title: `${p.name}（${p.roleName}）任職至 ${formatRoc(p.endDate)}${p.endReason ? `（${p.endReason}）` : ''}`, personId: p.personId, link: person(p.personId), tone: 'warning' });
  }
  for (const l of input.leaveEnds.filter((x) => within(x.endDate))) {
    out.push({ kind: 'leave-ends', due: l.endDate, title: `${l.name} 留職停薪至 ${formatRoc(l.endDate)}，請準備復職`, personId: l.personId, link: person(l.personId), tone: 'warning' });
  }
  for (const t of input.teams.filter((x) => x.overLimit)) {
    out.push({ kind: 'team-over-limit', due: today, title: `督導 ${t.supervisorName} 帶領 ${t.size} 位個管，超過 ${input.teamLimit} 人`, personId: t.supervisorId, link: '/supervision', tone: 'danger' });
  }
  for (const u of input.unassigned) {
    out.push({ kind: 'unassigned', due: today, title: `${u.roleName ?? '個管'} ${u.name} 尚未指派督導`, personId: u.personId, link: '/supervision', tone: 'danger' });
  }
  for (const n of input.notCleared) {
    out.push({ kind: 'not-cleared', due: today, title: `新進${n.roleName ?? '個管'} ${n.name}（${formatRoc(n.serviceStart)} 到職）尚未登錄督導評估通過獨立作業日`, personId: n.personId, link: person(n.personId), tone: 'warning' });
  }
  if (input.caseloadMissing?.people.length) {
    const { monthEnd, people } = input.caseloadMissing;
    out.push({ kind: 'caseload-missing', due: today, title: `${formatRoc(monthEnd)} 月底案量尚缺 ${people.length} 人：${people.map((p) => p.name).join('、')}`, personId: null, link: '/caseload', tone: 'warning' });
  }
  for (const t of input.trainingShort ?? []) {
    out.push({ kind: 'training-short', due: t.deadline, title: `${t.name} ${t.what}（期限 ${formatRoc(t.deadline)}）`, personId: t.personId, link: person(t.personId), tone: 'warning' });
  }
  for (const v of input.volunteersShort ?? []) {
    out.push({ kind: 'volunteer-short', due: v.yearEnd, title: `志工 ${v.name} 繼續教育尚缺 ${v.shortHours} 小時`, personId: null, link: '/volunteers', tone: 'warning' });
  }
  for (const c of input.volunteerCards ?? []) {
    out.push({ kind: 'volunteer-card-expiring', due: c.expiresOn, title: `志工 ${c.name} 的志願服務榮譽卡將於 ${formatRoc(c.expiresOn)} 到期，請準備換發`, personId: null, link: '/volunteers', tone: 'warning' });
  }
  for (const h of input.volunteerHonours ?? []) {
    out.push({ kind: 'volunteer-honour', due: today, title: `志工 ${h.name} ${h.what}`, personId: null, link: '/volunteers', tone: 'good' });
  }
  for (const l of input.leadsWithoutStaff ?? []) {
    out.push({ kind: 'lead-agency-unstaffed', due: today, title: `主責局處 ${l.agency}（${l.groups.join('、')}）目前無在職專責人力（衡量指標 四(一)）`, personId: null, link: '/settings/office', tone: 'danger' });
  }
  const rank: Record<Tone, number> = { danger: 0, warning: 1, good: 2 };
  return out.sort((a, b) => a.due.localeCompare(b.due) || rank[a.tone] - rank[b.tone] || compareNames(a.title, b.title));
}

export type TileTone = 'green' | 'amber' | 'red' | 'grey';

/** Retention tile: green when met now, amber when the look-ahead meets it by the reference date, red otherwise. */
export function retentionTone(rate: number | null, projected: number | null, target: number): TileTone {
  if (rate == null) return 'grey';
  if (rate >= target) return 'green';
  return projected != null && projected >= target ? 'amber' : 'red';
}

/** Posts filled: ≥ 95 % green, ≥ 85 % amber, below red; no quota entered → grey. */
export function hiringTone(rate: number | null): TileTone {
  if (rate == null) return 'grey';
  return rate >= 0.95 ? 'green' : rate >= 0.85 ? 'amber' : 'red';
}

/** Coverage-type figures with a target (志工繼續教育, Level 3): met green, within 10 points amber, else red. */
export function coverageTone(rate: number | null, target: number): TileTone {
  if (rate == null) return 'grey';
  return rate >= target ? 'green' : rate >= target - 0.1 ? 'amber' : 'red';
}
