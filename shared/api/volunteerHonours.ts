// Contract of 志願服務法's counts (issue 19): the record-book, 榮譽卡 and 績優獎勵 of each volunteer, the office's
// eligibility on a date, the 榮譽卡 application list and a volunteer's 時數證明 as files.
import { z } from 'zod';
import { AWARD_TIERS } from '../domain/volunteerHonours';
import { fileDownload, id, isoDate, optionalText } from './schemas';

const tier = z.enum(AWARD_TIERS);
const positive = z.number().positive();

/** The law's numbers as plan-year parameters (training_params), each with its source. */
export const honourParams = z.object({
  cardYears: positive.max(50),
  cardHours: positive.max(100_000),
  cardValidYears: positive.max(50),
  awardHours: z.object({ 銅牌: positive, 銀牌: positive, 金牌: positive }),
  expiringDays: z.number().int().min(0).max(3650),
  source: z.string().trim().max(500),
});

export const HONOUR_FORMATS = ['xlsx', 'ods', 'pdf'] as const;
const format = z.enum(HONOUR_FORMATS);

const card = z.object({ id, issuedOn: isoDate, expiresOn: isoDate, cardNo: z.string().nullable(), hoursThrough: isoDate.nullable() });
const award = z.object({ id, tier, awardedOn: isoDate, note: z.string().nullable() });

export const honourRow = z.object({
  volunteerId: id,
  name: z.string(),
  recordBookNo: z.string().nullable(),
  serving: z.boolean(),
  serviceStart: isoDate.nullable(),
  application: z.enum(['first', 'renewal']),
  countFrom: isoDate.nullable(),
  countTo: isoDate,
  serviceMonths: z.number(),
  serviceYears: z.number(),
  serviceYearsText: z.string(),
  serviceHours: z.number(),
  trainingHours: z.number(),
  eligible: z.boolean(),
  reason: z.string(),
  card: z.object({ issuedOn: isoDate, expiresOn: isoDate, cardNo: z.string().nullable(), status: z.enum(['valid', 'expiring', 'expired']), daysLeft: z.number() }).nullable(),
  awardHours: z.number(),
  awardTier: tier.nullable(),
  awardReason: z.string(),
  awardsReceived: z.array(z.object({ tier, awardedOn: isoDate })),
});

const honours = z.object({
  asOf: isoDate,
  params: honourParams,
  rows: z.array(honourRow),
  eligible: z.array(honourRow),
  expiring: z.array(honourRow),
  awardEligible: z.array(honourRow),
  interpretation: z.array(z.string()),
});

const honourDetail = z.object({
  volunteerId: id,
  recordBookNo: z.string().nullable(),
  recordBookOn: isoDate.nullable(),
  cards: z.array(card),
  awards: z.array(award),
  row: honourRow,
});

/** A volunteer named by id or by 身分證字號 (the CLI takes either). */
const who = z.object({ volunteerId: id.optional(), nationalId: z.string().trim().toUpperCase().optional() });

export const volunteerHonoursApi = {
  /** Everyone's years, hours, card and award on a date (default today), with the reasons. */
  'volunteers.honours': { access: 'read', input: z.object({ date: isoDate.optional() }), output: honours },
  'volunteers.honours.get': { access: 'read', input: z.object({ volunteerId: id, date: isoDate.optional() }), output: honourDetail },
  'volunteers.recordBook.save': {
    input: z.object({ volunteerId: id, recordBookNo: optionalText(50), recordBookOn: isoDate.nullable() }),
    output: honourDetail,
  },
  /** A card issued; expiresOn left out = issued + the validity years. */
  'volunteers.cards.save': {
    input: z.object({ id: id.nullable(), volunteerId: id, issuedOn: isoDate, expiresOn: isoDate.nullable().optional(), cardNo: optionalText(50), hoursThrough: isoDate.nullable() }),
    output: honourDetail,
  },
  'volunteers.cards.delete': { input: z.object({ id }), output: honourDetail },
  'volunteers.awards.save': { input: z.object({ volunteerId: id, tier, awardedOn: isoDate, note: optionalText() }), output: honourDetail },
  'volunteers.awards.delete': { input: z.object({ id }), output: honourDetail },
  /** The 榮譽卡 application list (申請名冊) of those eligible on the date. */
  'volunteers.honours.file': { access: 'export', input: z.object({ date: isoDate.optional(), format }), output: fileDownload },
  /** One volunteer's 時數證明 for a period: the lines, service and training apart. */
  'volunteers.hours.file': {
    access: 'export',
    input: who
      .extend({ from: isoDate, to: isoDate, format })
      .refine((i) => i.volunteerId != null || !!i.nationalId, { message: '請指定志工（編號或身分證字號）', path: ['volunteerId'] })
      .refine((i) => i.from <= i.to, { message: '起日晚於迄日', path: ['to'] }),
    output: fileDownload,
  },
} as const;
