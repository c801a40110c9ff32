// 志願服務法's counts for the volunteer register (issue 19): load the rows, call shared/domain/volunteerHonours, and
// write the 榮譽卡 application list and the 時數證明 through the one Sheet model and the existing writers.
import type { Output, ParsedInput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { addMonths, formatRoc, rocYear, type IsoDate } from '../../shared/dates/roc';
import { groupBy } from '../../shared/domain/employment';
import { mergeHonourParams, computeHonours, evaluateHonours, hourStatement, type HonourFacts, type HonourParams } from '../../shared/domain/volunteerHonours';
import { honoursListSheet, hourStatementSheet } from '../../shared/domain/volunteerHonoursSheets';
import type { ImportedVolunteer } from '../../shared/domain/volunteerImport';
import { auditEvent } from '../db/audit';
import type { Db } from '../db/connection';
import * as honQ from '../db/queries/volunteerHonours';
import * as volQ from '../db/queries/volunteers';
import type { ServiceContext } from './context';
import { MIME, sheetBytes } from './exportFiles';
import { officeSettings } from './settings';
import { trainingParamsFor, uniqueGuard } from './trainingStaff';
import { deleteOwnRow, mustHaveVolunteer } from './volunteerRows';

/** The law's numbers in force on a date: the plan year's parameters (training_params), defaults where unset. */
export function honourParamsOn(db: Db, date: IsoDate): HonourParams {
  return mergeHonourParams(trainingParamsFor(db, rocYear(date)).params.volunteerHonours);
}

/** Every volunteer's facts up to `asOf`, each table read once. */
function loadFacts(db: Db, asOf: IsoDate, only?: number): HonourFacts[] {
  const periods = groupBy(volQ.listPeriods(db, only), (p) => p.volunteerId);
  const hours = groupBy(only ? volQ.listHours(db, only).filter((h) => h.workedOn <= asOf) : honQ.hoursThrough(db, asOf), (h) => h.volunteerId);
  const cards = groupBy(honQ.listCards(db, only), (c) => c.volunteerId);
  const awards = groupBy(honQ.listAwards(db, only), (a) => a.volunteerId);
  const books = honQ.recordBooks(db);
  const vols = only ? [volQ.getVolunteer(db, only)].filter((v) => v != null) : volQ.listVolunteers(db);
  return vols.map((v) => ({
    id: v.id,
    name: v.name,
    basicTrainingOn: v.basicTrainingOn,
    specialTrainingOn: v.specialTrainingOn,
    recordBookNo: books.get(v.id)?.recordBookNo ?? null,
    periods: periods.get(v.id) ?? [],
    hours: hours.get(v.id) ?? [],
    cards: cards.get(v.id) ?? [],
    awards: awards.get(v.id) ?? [],
  }));
}

export function honoursAt(db: Db, asOf: IsoDate) {
  return computeHonours(loadFacts(db, asOf), asOf, honourParamsOn(db, asOf));
}

export function honourDetail(db: Db, volunteerId: number, asOf: IsoDate): Output<'volunteers.honours.get'> {
  mustHaveVolunteer(db, volunteerId);
  const [facts] = loadFacts(db, asOf, volunteerId);
  return {
    volunteerId,
    ...honQ.getRecordBook(db, volunteerId),
    cards: honQ.listCards(db, volunteerId).map(({ volunteerId: _v, ...c }) => c),
    awards: honQ.listAwards(db, volunteerId).map(({ volunteerId: _v, ...a }) => a),
    row: evaluateHonours(facts, asOf, honourParamsOn(db, asOf)),
  };
}

/** By id, else by 身分證字號 (what the CLI's --volunteer takes). */
function findVolunteer(db: Db, who: { volunteerId?: number; nationalId?: string }): volQ.Volunteer {
  const v = who.volunteerId != null ? volQ.getVolunteer(db, who.volunteerId) : who.nationalId ? volQ.findVolunteerByNationalId(db, who.nationalId) : undefined;
  if (!v) throw new AppError('NOT_FOUND', `找不到志工「${who.volunteerId ?? who.nationalId}」`, 'volunteerId');
  return v;
}

export async function honoursFile(db: Db, asOf: IsoDate, format: 'xlsx' | 'ods' | 'pdf') {
  const r = honoursAt(db, asOf);
  const nationalIds = new Map(volQ.listVolunteers(db).map((v) => [v.id, v.nationalId]));
  const sheet = honoursListSheet(r, { office: officeSettings(db).office.centre, nationalIds });
  return { fileName: `${formatRoc(asOf).replace(/\//g, '')}_志願服務榮譽卡申請名冊.${format}`, mimeType: MIME[format], bytes: await sheetBytes(sheet, format), count: r.eligible.length };
}

export async function hoursFile(db: Db, who: { volunteerId?: number; nationalId?: string }, from: IsoDate, to: IsoDate, format: 'xlsx' | 'ods' | 'pdf', today: IsoDate) {
  const v = findVolunteer(db, who);
  const s = hourStatement(volQ.listHours(db, v.id), from, to);
  const sheet = hourStatementSheet(s, { office: officeSettings(db).office.centre, name: v.name, nationalId: v.nationalId, recordBookNo: honQ.getRecordBook(db, v.id).recordBookNo, issuedOn: today });
  return { fileName: `${v.name}_服務時數證明_${formatRoc(from).replace(/\//g, '')}-${formatRoc(to).replace(/\//g, '')}.${format}`, mimeType: MIME[format], bytes: await sheetBytes(sheet, format), name: v.name };
}

/** The volunteer template's 志願服務法 columns, inside the import's transaction: blank cells keep what is stored. */
export function applyHonourColumns(db: Db, volunteerId: number, v: ImportedVolunteer): void {
  const book = honQ.getRecordBook(db, volunteerId);
  if (v.recordBookNo || v.recordBookOn) honQ.setRecordBook(db, volunteerId, { recordBookNo: v.recordBookNo ?? book.recordBookNo, recordBookOn: v.recordBookOn ?? book.recordBookOn });
  if (v.card) {
    const expiresOn = v.card.expiresOn ?? addMonths(v.card.issuedOn, 12 * honourParamsOn(db, v.card.issuedOn).cardValidYears);
    const same = honQ.findCard(db, volunteerId, v.card.issuedOn);
    honQ.saveCard(db, same?.id ?? null, { volunteerId, issuedOn: v.card.issuedOn, expiresOn, cardNo: same?.cardNo ?? null, hoursThrough: same?.hoursThrough ?? null });
  }
  for (const a of v.awards) honQ.saveAward(db, { volunteerId, tier: a.tier, awardedOn: a.awardedOn, note: null });
}

const download = (f: { fileName: string; mimeType: string; bytes: Buffer }) => ({ fileName: f.fileName, mimeType: f.mimeType, contentBase64: f.bytes.toString('base64') });

export const volunteerHonourHandlers = {
  'volunteers.honours': ({ date }: ParsedInput<'volunteers.honours'>, { db, today }: ServiceContext) => honoursAt(db, date ?? today()),

  'volunteers.honours.get': ({ volunteerId, date }: ParsedInput<'volunteers.honours.get'>, { db, today }: ServiceContext) => honourDetail(db, volunteerId, date ?? today()),

  'volunteers.recordBook.save': ({ volunteerId, ...book }: ParsedInput<'volunteers.recordBook.save'>, { db, today }: ServiceContext) => {
    mustHaveVolunteer(db, volunteerId);
    honQ.setRecordBook(db, volunteerId, book);
    return honourDetail(db, volunteerId, today());
  },

  'volunteers.cards.save': ({ id, expiresOn, ...c }: ParsedInput<'volunteers.cards.save'>, { db, today }: ServiceContext) => {
    mustHaveVolunteer(db, c.volunteerId);
    const expires = expiresOn ?? addMonths(c.issuedOn, 12 * honourParamsOn(db, c.issuedOn).cardValidYears);
    if (expires <= c.issuedOn) throw new AppError('VALIDATION', '效期至須晚於發給日', 'expiresOn');
    uniqueGuard(() => honQ.saveCard(db, id, { ...c, expiresOn: expires }), `${formatRoc(c.issuedOn)} 已有一張榮譽卡`);
    return honourDetail(db, c.volunteerId, today());
  },

  'volunteers.cards.delete': ({ id }: ParsedInput<'volunteers.cards.delete'>, { db, today }: ServiceContext) =>
    honourDetail(db, deleteOwnRow(honQ.getCard(db, id), '找不到這張榮譽卡', () => honQ.deleteCard(db, id)), today()),

  'volunteers.awards.save': (a: ParsedInput<'volunteers.awards.save'>, { db, today }: ServiceContext) => {
    mustHaveVolunteer(db, a.volunteerId);
    honQ.saveAward(db, a);
    return honourDetail(db, a.volunteerId, today());
  },

  'volunteers.awards.delete': ({ id }: ParsedInput<'volunteers.awards.delete'>, { db, today }: ServiceContext) =>
    honourDetail(db, deleteOwnRow(honQ.getAward(db, id), '找不到這筆獎勵', () => honQ.deleteAward(db, id)), today()),

  'volunteers.honours.file': async ({ date, format }: ParsedInput<'volunteers.honours.file'>, { db, today, actor, system }: ServiceContext) => {
    const f = await honoursFile(db, date ?? today(), format);
    // personal data leaving the program is logged (個資法施行細則 §12), as for the other forms
    if (!system.damaged()) auditEvent(db, actor(), 'export', `${f.fileName}（${f.count} 人）`);
    return download(f);
  },

  'volunteers.hours.file': async ({ from, to, format, ...who }: ParsedInput<'volunteers.hours.file'>, { db, today, actor, system }: ServiceContext) => {
    const f = await hoursFile(db, who, from, to, format, today());
    if (!system.damaged()) auditEvent(db, actor(), 'export', f.fileName);
    return download(f);
  },
};
