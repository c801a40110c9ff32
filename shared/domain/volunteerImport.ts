// Import templates for volunteers: the register (one row per service period) and hours (繼續教育 or 服務).
import { formatRoc, type IsoDate } from '../dates/roc';
import { fieldsOf } from './importColumns';
import { checkHeaders, rowReader, type ImportIssue, type RawRow } from './importRows';
import { HOUR_KIND_WORDS, lookupWord } from './importValues';
import { readWho, requiredDate, whoKey } from './trainingImport';
import { VOLUNTEER_HOUR_KINDS, type VolunteerHourKind } from './volunteers';

export const VOLUNTEER_TEMPLATE_HEADERS = ['姓名', '身分證字號', '服務起', '服務迄', '志工角色', '基礎訓練完成日', '特殊訓練完成日'] as const;
export const VOLUNTEER_HOURS_TEMPLATE_HEADERS = ['姓名', '身分證字號', '日期', '類別(繼續教育/服務)', '時數', '說明'] as const;
export const VOLUNTEER_FIELDS = fieldsOf('志工名冊', VOLUNTEER_TEMPLATE_HEADERS, ['姓名', '服務起', '志工角色']);
export const VOLUNTEER_HOURS_FIELDS = fieldsOf('志工時數', VOLUNTEER_HOURS_TEMPLATE_HEADERS, ['姓名', '日期', '類別', '時數']);

export interface ImportedVolunteer {
  name: string;
  nationalId: string | null;
  rows: number[];
  basicTrainingOn: IsoDate | null;
  specialTrainingOn: IsoDate | null;
  periods: { row: number; role: string; startDate: IsoDate; endDate: IsoDate | null }[];
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
    if (issues.length > before) continue;
    const key = whoKey(who);
    let v = byKey.get(key);
    if (!v) {
      v = { ...who, rows: [], basicTrainingOn: null, specialTrainingOn: null, periods: [] };
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
  const issues = checkHeaders(headers, VOLUNTEER_HOURS_FIELDS);
  if (issues.length) return { lines: [], issues };
  const lines: VolunteerHourLine[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const before = issues.length;
    const who = readWho(r);
    const workedOn = requiredDate(r, '日期');
    const kindText = r.code('類別');
    const word = kindText ? lookupWord(HOUR_KIND_WORDS, kindText) : undefined;
    const kind = VOLUNTEER_HOUR_KINDS.find((k) => k === word);
    if (!kind) r.fail('類別', kindText ? `「${r.shown('類別')}」應為 繼續教育（在職教育、教育訓練）或 服務（服務時數、值勤）` : '不可空白（繼續教育 或 服務）');
    const hours = r.hours('時數');
    if (issues.length > before) continue;
    const key = `${whoKey(who)}|${workedOn}|${kind}`;
    if (seen.has(key)) {
      r.fail('日期', `與第 ${seen.get(key)} 列為同一人同日同類別，請合併時數`);
      continue;
    }
    seen.set(key, r.row);
    lines.push({ row: r.row, ...who, workedOn: workedOn!, kind: kind!, hours: hours!, note: r.optional('說明') });
  }
  return { lines, issues };
}
