// Import templates for volunteers: the register (one row per service period) and hours (繼續教育 or 服務).
import { formatRoc, parseDate, type IsoDate } from '../dates/roc';
import { fieldsOf } from './importColumns';
import { checkHeaders, readLines, readWho, requiredDate, rowReader, whoKey, type ImportIssue, type RawRow } from './importRows';
import { HOUR_KIND_WORDS, lookupWord } from './importValues';
import { AWARD_TIERS, type AwardTier } from './volunteerHonours';
import { VOLUNTEER_HOUR_KINDS, type VolunteerHourKind } from './volunteers';

export const VOLUNTEER_TEMPLATE_HEADERS = ['姓名', '身分證字號', '服務起', '服務迄', '志工角色', '基礎訓練完成日', '特殊訓練完成日'] as const;
export const VOLUNTEER_HOURS_TEMPLATE_HEADERS = ['姓名', '身分證字號', '日期', '類別(繼續教育/服務)', '時數', '說明'] as const;
/** 志願服務法's columns (issue 19): in the template, but optional in a file, so sheets made before them still import. */
export const VOLUNTEER_HONOUR_HEADERS = ['紀錄冊編號', '紀錄冊發給日', '榮譽卡發給日', '榮譽卡效期至', '績優獎勵(銅牌 112/05/01)'] as const;
export const VOLUNTEER_TEMPLATE_COLUMNS = [...VOLUNTEER_TEMPLATE_HEADERS, ...VOLUNTEER_HONOUR_HEADERS];
export const VOLUNTEER_FIELDS = fieldsOf('志工名冊', VOLUNTEER_TEMPLATE_COLUMNS, ['姓名', '服務起', '志工角色']);
export const VOLUNTEER_HOURS_FIELDS = fieldsOf('志工時數', VOLUNTEER_HOURS_TEMPLATE_HEADERS, ['姓名', '日期', '類別', '時數']);

export interface ImportedVolunteer {
  name: string;
  nationalId: string | null;
  rows: number[];
  basicTrainingOn: IsoDate | null;
  specialTrainingOn: IsoDate | null;
  periods: { row: number; role: string; startDate: IsoDate; endDate: IsoDate | null }[];
  recordBookNo: string | null;
  recordBookOn: IsoDate | null;
  /** expiresOn null = issued + the validity years */
  card: { issuedOn: IsoDate; expiresOn: IsoDate | null } | null;
  awards: { tier: AwardTier; awardedOn: IsoDate }[];
}

/** `銅牌 112/05/01、銀牌 114/05/01`: tiers with their dates; undefined (reported) when a part is unreadable. */
function readAwards(r: ReturnType<typeof rowReader>): ImportedVolunteer['awards'] | undefined {
  const text = r.text('績優獎勵');
  const out: ImportedVolunteer['awards'] = [];
  for (const part of text.split(/[、,，;；\n]+/).map((x) => x.trim()).filter(Boolean)) {
    const tier = AWARD_TIERS.find((t) => part.startsWith(t));
    const on = tier ? parseDate(part.slice(tier.length).trim()) : null;
    if (!tier || !on) {
      r.fail('績優獎勵', `「${part}」應寫成 銅牌 112/05/01（銅牌、銀牌或金牌加獲獎日期）`);
      return undefined;
    }
    out.push({ tier, awardedOn: on });
  }
  return out;
}

export function parseVolunteerRows(headers: string[], rows: RawRow[]): { volunteers: ImportedVolunteer[]; issues: ImportIssue[] } {
  const issues = checkHeaders(headers, VOLUNTEER_FIELDS);
  if (issues.length) return { volunteers: [], issues };
  const byKey = new Map<string, ImportedVolunteer>();
  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const before = issues.length;
    const who = readWho(r);
    const startDate = requiredDate(r, '服務起');
    const endDate = r.date('服務迄');
    if (startDate && endDate && endDate < startDate) r.fail('服務迄', `${formatRoc(endDate)} 早於服務起 ${formatRoc(startDate)}`);
    const role = r.text('志工角色');
    if (!role) r.fail('志工角色', '不可空白（如 陪伴型志工）');
    const basic = r.date('基礎訓練完成日');
    const special = r.date('特殊訓練完成日');
    const recordBookOn = r.date('紀錄冊發給日');
    const cardIssued = r.date('榮譽卡發給日');
    const cardExpires = r.date('榮譽卡效期至');
    if (cardExpires && !cardIssued) r.fail('榮譽卡發給日', '填了效期至，請一併填發給日');
    if (cardIssued && cardExpires && cardExpires <= cardIssued) r.fail('榮譽卡效期至', `${formatRoc(cardExpires)} 不晚於發給日 ${formatRoc(cardIssued)}`);
    const awards = readAwards(r);
    if (issues.length > before) continue;
    const key = whoKey(who);
    let v = byKey.get(key);
    if (!v) {
      v = { ...who, rows: [], basicTrainingOn: null, specialTrainingOn: null, periods: [], recordBookNo: null, recordBookOn: null, card: null, awards: [] };
      byKey.set(key, v);
    }
    const same = v.periods.find((p) => p.startDate === startDate);
    if (same) {
      r.fail('服務起', `與第 ${same.row} 列為同一人同一服務起日`);
      continue;
    }
    v.rows.push(r.row);
    v.basicTrainingOn = basic ?? v.basicTrainingOn;
    v.specialTrainingOn = special ?? v.specialTrainingOn;
    v.recordBookNo = r.optional('紀錄冊編號') ?? v.recordBookNo;
    v.recordBookOn = recordBookOn ?? v.recordBookOn;
    if (cardIssued && (!v.card || cardIssued > v.card.issuedOn)) v.card = { issuedOn: cardIssued, expiresOn: cardExpires ?? null };
    v.awards.push(...awards!.filter((a) => !v!.awards.some((x) => x.tier === a.tier)));
    v.periods.push({ row: r.row, role, startDate: startDate!, endDate: endDate ?? null });
  }
  return { volunteers: [...byKey.values()], issues };
}

export interface VolunteerHourLine {
  row: number;
  name: string;
  nationalId: string | null;
  workedOn: IsoDate;
  kind: VolunteerHourKind;
  hours: number;
  note: string | null;
}

export function parseVolunteerHourRows(headers: string[], rows: RawRow[]): { lines: VolunteerHourLine[]; issues: ImportIssue[] } {
  const duplicate = { field: '日期', message: (first: number) => `與第 ${first} 列為同一人同日同類別，請合併時數` };
  return readLines(headers, rows, VOLUNTEER_HOURS_FIELDS, duplicate, (r) => {
    const who = readWho(r);
    const workedOn = requiredDate(r, '日期');
    const kindText = r.code('類別');
    const word = kindText ? lookupWord(HOUR_KIND_WORDS, kindText) : undefined;
    const kind = VOLUNTEER_HOUR_KINDS.find((k) => k === word);
    if (!kind) r.fail('類別', kindText ? `「${r.shown('類別')}」應為 繼續教育（在職教育、教育訓練）或 服務（服務時數、值勤）` : '不可空白（繼續教育 或 服務）');
    const hours = r.hours('時數');
    const note = r.optional('說明');
    return { key: `${whoKey(who)}|${workedOn}|${kind}`, line: { row: r.row, ...who, workedOn: workedOn!, kind: kind!, hours: hours!, note } };
  });
}
