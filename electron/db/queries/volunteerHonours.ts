// SQL of what 志願服務法 counts beyond hours: the record-book on the volunteer, 榮譽卡 issued and 績優獎勵 received.
import type { IsoDate } from '../../../shared/domain/types';
import type { AwardTier } from '../../../shared/domain/volunteerHonours';
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface RecordBook {
  recordBookNo: string | null;
  recordBookOn: IsoDate | null;
}
export interface Card {
  id: number;
  volunteerId: number;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  cardNo: string | null;
  hoursThrough: IsoDate | null;
}
export interface Award {
  id: number;
  volunteerId: number;
  tier: AwardTier;
  awardedOn: IsoDate;
  note: string | null;
}

/** Every volunteer's record-book, by id (one statement for the whole office). */
export function recordBooks(db: Db): Map<number, RecordBook> {
  const rows = prepared(db, 'SELECT id, record_book_no AS recordBookNo, record_book_on AS recordBookOn FROM volunteers').all() as (RecordBook & { id: number })[];
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}
export function getRecordBook(db: Db, volunteerId: number): RecordBook {
  return (prepared(db, 'SELECT record_book_no AS recordBookNo, record_book_on AS recordBookOn FROM volunteers WHERE id = ?').get(volunteerId) as RecordBook | undefined) ?? { recordBookNo: null, recordBookOn: null };
}
export function setRecordBook(db: Db, volunteerId: number, r: RecordBook): void {
  prepared(db, 'UPDATE volunteers SET record_book_no = @recordBookNo, record_book_on = @recordBookOn WHERE id = @volunteerId').run({ ...r, volunteerId });
}

const CARD = 'id, volunteer_id AS volunteerId, issued_on AS issuedOn, expires_on AS expiresOn, card_no AS cardNo, hours_through AS hoursThrough';
export function listCards(db: Db, volunteerId?: number): Card[] {
  return prepared(db, `SELECT ${CARD} FROM volunteer_cards WHERE ? IS NULL OR volunteer_id = ? ORDER BY volunteer_id, issued_on`).all(volunteerId ?? null, volunteerId ?? null) as Card[];
}
export function getCard(db: Db, id: number): Card | undefined {
  return prepared(db, `SELECT ${CARD} FROM volunteer_cards WHERE id = ?`).get(id) as Card | undefined;
}
export function findCard(db: Db, volunteerId: number, issuedOn: IsoDate): Card | undefined {
  return prepared(db, `SELECT ${CARD} FROM volunteer_cards WHERE volunteer_id = ? AND issued_on = ?`).get(volunteerId, issuedOn) as Card | undefined;
}
export function saveCard(db: Db, id: number | null, c: Omit<Card, 'id'>): number {
  if (id) {
    prepared(db, 'UPDATE volunteer_cards SET issued_on = @issuedOn, expires_on = @expiresOn, card_no = @cardNo, hours_through = @hoursThrough WHERE id = @id').run({ ...c, id });
    return id;
  }
  return Number(
    prepared(db, 'INSERT INTO volunteer_cards (volunteer_id, issued_on, expires_on, card_no, hours_through) VALUES (@volunteerId, @issuedOn, @expiresOn, @cardNo, @hoursThrough)').run(c)
      .lastInsertRowid,
  );
}
export function deleteCard(db: Db, id: number): void {
  prepared(db, 'DELETE FROM volunteer_cards WHERE id = ?').run(id);
}

const AWARD = 'id, volunteer_id AS volunteerId, tier, awarded_on AS awardedOn, note';
export function listAwards(db: Db, volunteerId?: number): Award[] {
  return prepared(db, `SELECT ${AWARD} FROM volunteer_awards WHERE ? IS NULL OR volunteer_id = ? ORDER BY volunteer_id, awarded_on`).all(volunteerId ?? null, volunteerId ?? null) as Award[];
}
export function getAward(db: Db, id: number): Award | undefined {
  return prepared(db, `SELECT ${AWARD} FROM volunteer_awards WHERE id = ?`).get(id) as Award | undefined;
}
/** One award per tier and volunteer: saving a tier again updates its date. */
export function saveAward(db: Db, a: Omit<Award, 'id'>): void {
  prepared(db,
    `INSERT INTO volunteer_awards (volunteer_id, tier, awarded_on, note) VALUES (@volunteerId, @tier, @awardedOn, @note)
     ON CONFLICT (volunteer_id, tier) DO UPDATE SET awarded_on = excluded.awarded_on, note = excluded.note`,
  ).run(a);
}
export function deleteAward(db: Db, id: number): void {
  prepared(db, 'DELETE FROM volunteer_awards WHERE id = ?').run(id);
}

/** Every volunteer's 服務 and 繼續教育 hours up to a date: only what the honours read. */
export function hoursThrough(db: Db, asOf: IsoDate): { volunteerId: number; workedOn: IsoDate; kind: '服務' | '繼續教育'; hours: number }[] {
  return prepared(db, 'SELECT volunteer_id AS volunteerId, worked_on AS workedOn, kind, hours FROM volunteer_hours WHERE worked_on <= ?').all(asOf) as {
    volunteerId: number;
    workedOn: IsoDate;
    kind: '服務' | '繼續教育';
    hours: number;
  }[];
}
