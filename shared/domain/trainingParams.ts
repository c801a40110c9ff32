// The training standards of one plan year (RULES §4, §5; seed 004 附件二 and 附件三). The ministry revises them, so
// hours, topics and deadlines are data of the plan year; which levels a role owes is the rule's structure.
import { isoFromRocYear, type IsoDate } from '../dates/roc';
import type { RoleKind } from './types';
import { DEFAULT_HONOUR_PARAMS, mergeHonourParams, type HonourParams } from './volunteerHonours';

export const TRAINING_LEVELS = ['L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3', 'OTHER'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
/** The levels that are requirements (OTHER is recorded but owed by nobody). */
export type RequiredLevel = Exclude<TrainingLevel, 'OTHER'>;

/** The ministry's own names (附件二, 附件三): Level 1 … 督導 Level 3, 其他. Import files may also say L1, 督導L2 (parseLevel). */
export const LEVEL_LABELS: Record<TrainingLevel, string> = {
  L1: 'Level 1',
  L2: 'Level 2',
  L3: 'Level 3',
  SUP_L1: '督導 Level 1',
  SUP_L2: '督導 Level 2',
  SUP_L3: '督導 Level 3',
  OTHER: '其他',
};

/** 附件二: 個管 (CM, SCM) owe Level 1–3; 附件三: 督導 owe Level 1 and 督導 Level 1–3. Other roles owe none. */
export const LEVELS_BY_KIND: Partial<Record<RoleKind, readonly RequiredLevel[]>> = {
  case_manager: ['L1', 'L2', 'L3'],
  supervisor: ['L1', 'SUP_L1', 'SUP_L2', 'SUP_L3'],
};

export interface TopicRule {
  name: string;
  hours: number;
}

export interface LevelRule {
  hours: number;
  /** hours are owed topic by topic (L2, 督導L2): extra hours in one topic do not make up for another */
  topics?: TopicRule[];
  /** owed again every plan year (L3, 督導L3); otherwise once in a career */
  yearly: boolean;
  /** only courses carrying the ministry's 核定公文日期及文號 count (L3) */
  certifiedOnly?: boolean;
  /** 個案報告 to an 外部督導會議 owed per year (L3) */
  caseReports?: number;
  /** yearly levels: due by this day of the plan year ('MM-DD'); null = no deadline */
  dueMonthDay?: string | null;
  /** once-only levels: due this many months after the person started owing it; null = no deadline */
  dueMonthsAfterStart?: number | null;
}

export interface TrainingParams {
  levels: Record<RequiredLevel, LevelRule>;
  /** 志工繼續教育: hours each volunteer needs in the year, and the coverage target */
  volunteerCeHours: number;
  volunteerTarget: number;
  /** 志願服務法's numbers (榮譽卡, 績優獎勵), with their source; optional so a year saved before issue 19 reads whole */
  volunteerHonours?: HonourParams;
}

export const L2_TOPICS: TopicRule[] = [
  { name: '毒品防制政策、法規及司法處遇', hours: 2 },
  { name: '毒品濫用及成癮概論', hours: 3 },
  { name: '藥癮者心理、社會需求及處遇模式簡介', hours: 2 },
  { name: '毒品危害防制中心個管人員角色及職責', hours: 2 },
  { name: '藥癮個案管理概論及表單', hours: 2 },
  { name: '藥癮個案輔導技巧', hours: 6 },
  { name: '藥癮工作風險管理', hours: 1 },
  { name: '藥癮個案特性及次文化', hours: 2 },
  { name: '藥癮個案合併性議題', hours: 2 },
  { name: '藥癮者處遇資源應用及實務', hours: 2 },
  { name: '壓力調適', hours: 2 },
  { name: '藥癮戒治或處遇機構參訪及座談', hours: 4 },
];

export const SUP_L2_TOPICS: TopicRule[] = [
  { name: '社區心理衛生中心及毒品危害防制中心角色及功能', hours: 2 },
  { name: '社區資源開發及方案設計', hours: 2 },
  { name: '領導及管理實務', hours: 2 },
  { name: '訪視人力資源管理及運用', hours: 4 },
  { name: '風險管理及危機處理', hours: 2 },
];

/** The 113年 standards. Yearly levels are due by 12/31 (that is what "every year" means); once-only levels have no deadline until the office sets one. */
export const DEFAULT_TRAINING_PARAMS: Readonly<TrainingParams> = Object.freeze({
  levels: {
    L1: { hours: 28, yearly: false, dueMonthsAfterStart: null },
    L2: { hours: 30, topics: L2_TOPICS, yearly: false, dueMonthsAfterStart: null },
    L3: { hours: 8, yearly: true, certifiedOnly: true, caseReports: 1, dueMonthDay: '12-31' },
    SUP_L1: { hours: 12, yearly: false, dueMonthsAfterStart: null },
    SUP_L2: { hours: 12, topics: SUP_L2_TOPICS, yearly: false, dueMonthsAfterStart: null },
    SUP_L3: { hours: 6, yearly: true, dueMonthDay: '12-31' },
  },
  volunteerCeHours: 4,
  volunteerTarget: 1,
  volunteerHonours: DEFAULT_HONOUR_PARAMS,
});

/** Stored params over the defaults, level by level, so a year saved before a field existed still reads whole. */
export function mergeTrainingParams(stored: Partial<TrainingParams> | null | undefined): TrainingParams {
  const d = DEFAULT_TRAINING_PARAMS;
  const levels = { ...d.levels } as Record<RequiredLevel, LevelRule>;
  for (const k of Object.keys(levels) as RequiredLevel[]) levels[k] = { ...d.levels[k], ...(stored?.levels?.[k] ?? {}) };
  return {
    levels,
    volunteerCeHours: stored?.volunteerCeHours ?? d.volunteerCeHours,
    volunteerTarget: stored?.volunteerTarget ?? d.volunteerTarget,
    volunteerHonours: mergeHonourParams(stored?.volunteerHonours),
  };
}

/** A topic as clerks write it: spaces and parenthesised notes ignored, so `藥癮個案輔導技巧(含實務演練及分組討論)` matches. */
export function topicKey(t: string): string {
  return t.replace(/[\s\u3000]/g, '').replace(/[（(][^)）]*[)）]/g, '');
}

export function findTopic(rule: LevelRule, text: string): TopicRule | undefined {
  const k = topicKey(text);
  return rule.topics?.find((t) => topicKey(t.name) === k || (k.length >= 4 && topicKey(t.name).startsWith(k)));
}

/** `L1`, `Level 1`, `督導L2`, `督導 Level 2`, `SUP_L3`, `其他` → the level code; undefined when unknown. */
export function parseLevel(text: string): TrainingLevel | undefined {
  const t = text.replace(/[\s\u3000_-]/g, '').toUpperCase().replace('LEVEL', 'L');
  if (t === '其他' || t === 'OTHER') return 'OTHER';
  const m = /^(督導|SUP)?L?([123一二三])$/.exec(t);
  if (!m) return undefined;
  const n = { 1: '1', 2: '2', 3: '3', 一: '1', 二: '2', 三: '3' }[m[2]];
  return `${m[1] ? 'SUP_' : ''}L${n}` as TrainingLevel;
}

/** First and last day of a ROC plan year (the plan year is the calendar year). */
export function yearSpan(rocYear: number): { start: IsoDate; end: IsoDate } {
  return { start: isoFromRocYear(rocYear, 1, 1), end: isoFromRocYear(rocYear, 12, 31) };
}

/** The day a year's figures are read on: the year's end once it is over, today while it runs. */
export function evaluationDate(rocYear: number, today: IsoDate): IsoDate {
  const { start, end } = yearSpan(rocYear);
  return today > end ? end : today < start ? start : today;
}

/** Hours stored as halves add exactly, but show them without float noise all the same. */
export function roundHours(h: number): number {
  return Math.round(h * 2) / 2;
}
