// What every import template shares: row-numbered issues and reading cells into text, codes, dates and counts.
// Cells arrive keyed by field (the reading layer matched the file's own header words, see importColumns.ts).
import { parseDate, type IsoDate } from '../dates/roc';
import { headerKey, type ImportFields } from './importColumns';
import { normalizeCode, normalizeText, textProblem } from './importText';
import { isValidNationalId, normalizeNationalId } from './nationalId';

export { headerKey };

export interface ImportIssue {
  row?: number;
  field?: string;
  message: string;
}

/** A data row as read from the file: its row number in the sheet and cell text by field key. */
export interface RawRow {
  row: number;
  cells: Record<string, string>;
  /** a cell as the clerk sees it in the spreadsheet, where that differs from `cells` (an Excel date cell: 110/9/1) */
  shown?: Record<string, string>;
  /** the file's own header of each field (業務組別 for 業務組), so messages name the column as the file calls it */
  labels?: Record<string, string>;
}

/**
 * The contract's length limits for what an import stores (shared/api/roster.ts and friends): an import must not store
 * what the screen would refuse.
 */
export const FIELD_MAX: Record<string, number> = {
  姓名: 50, 員工編號: 50, 業務組: 50, 所屬行政單位: 50, 職稱: 50, 工作內容: 500, 身分證字號: 20,
};
const DEFAULT_MAX = 200;

/** The required columns of a template that the file lacks (the reading layer refuses such a file before any row). */
export function checkHeaders(headers: string[], template: ImportFields | readonly string[]): ImportIssue[] {
  const have = new Set(headers.map(headerKey));
  const required = Array.isArray(template)
    ? (template as readonly string[]).map(headerKey)
    : (template as ImportFields).fields.filter((f) => f.required).map((f) => f.key);
  const missing = required.filter((h) => !have.has(h));
  return missing.length ? [{ row: 1, message: `標題列缺少欄位：${missing.join('、')}。請下載範本，依範本欄位填寫。` }] : [];
}

/** Cell readers for one row that record a row-numbered, column-named Chinese message for each bad cell. */
export function rowReader(raw: RawRow, issues: ImportIssue[]) {
  const { row, cells } = raw;
  const reported = new Set<string>();
  const label = (field: string) => raw.labels?.[headerKey(field)] ?? headerKey(field);
  const fail = (field: string, message: string) => {
    issues.push({ row, field: headerKey(field), message: `第 ${row} 列「${label(field)}」：${message}` });
  };
  const rawText = (field: string) => cells[headerKey(field)] ?? '';
  /** the value as the clerk sees it, for messages */
  const shown = (field: string) => raw.shown?.[headerKey(field)] ?? normalizeText(rawText(field));
  const checked = (field: string, value: string) => {
    const key = headerKey(field);
    const problem = value ? textProblem(value, FIELD_MAX[key] ?? DEFAULT_MAX) : null;
    if (problem && !reported.has(key)) {
      reported.add(key);
      fail(field, problem);
    }
    return value;
  };
  const text = (field: string) => checked(field, normalizeText(rawText(field)));
  /** dates, IDs, numbers and codes: full width folded (１１３/０６/３０ → 113/06/30) */
  const code = (field: string) => checked(field, normalizeCode(rawText(field)));
  return {
    row,
    text,
    code,
    shown,
    optional: (field: string) => text(field) || null,
    optionalCode: (field: string) => code(field) || null,
    fail,
    /** null when blank, undefined when unreadable (already reported) */
    date(field: string): IsoDate | null | undefined {
      const t = code(field);
      if (!t) return null;
      const d = parseDate(t);
      if (!d) fail(field, `「${shown(field)}」不是有效日期（可寫 113/01/15、113年1月15日、1130115 或 2024-01-15）`);
      return d ?? undefined;
    },
    /** a whole number ≥ 0; undefined when blank or unreadable (reported) */
    count(field: string): number | undefined {
      const t = code(field).replace(/,/g, '');
      if (!/^\d+$/.test(t)) {
        fail(field, t ? `「${shown(field)}」不是 0 以上的整數` : '不可空白');
        return undefined;
      }
      return Number(t);
    },
    /** hours in whole or half hours (1, 1.5), > 0 unless `allowZero`; undefined when blank or unreadable (reported) */
    hours(field: string, allowZero = false): number | undefined {
      const t = code(field).replace(/,/g, '');
      const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
      if (!t || !Number.isFinite(n) || !Number.isInteger(n * 2) || (!allowZero && n === 0)) {
        fail(field, t ? `「${shown(field)}」不是有效時數（以 0.5 小時為單位，如 1.5）` : '不可空白');
        return undefined;
      }
      return n;
    },
  };
}

export type RowReader = ReturnType<typeof rowReader>;

/** 姓名 (required) and 身分證字號 (optional, checksum-verified) — how every template names its person. */
export function readWho(r: RowReader): { name: string; nationalId: string | null } {
  const name = r.text('姓名');
  if (!name) r.fail('姓名', '不可空白');
  let nationalId = r.optionalCode('身分證字號');
  if (nationalId) {
    nationalId = normalizeNationalId(nationalId);
    if (!isValidNationalId(nationalId)) r.fail('身分證字號', `「${r.shown('身分證字號')}」格式或檢查碼錯誤`);
  }
  return { name, nationalId };
}

/** A required date cell: null/undefined reported. */
export function requiredDate(r: RowReader, field: string): IsoDate | undefined {
  const d = r.date(field);
  if (d === null) r.fail(field, '不可空白');
  return d ?? undefined;
}

export const whoKey = (w: { name: string; nationalId: string | null }) => w.nationalId ?? `名:${w.name}`;

/**
 * The skeleton of the templates that read one line per row (caseload, case reports, volunteer hours): the template's
 * columns first; then each row through `read`, which reports its cells' problems (`clean()` says whether the row has
 * none so far) and returns the line with the key two rows may not share. A row with a problem gives no line; a row
 * whose key an earlier row has is refused at `duplicate.field`, naming that earlier row.
 */
export function readLines<T>(
  headers: string[],
  rows: RawRow[],
  template: ImportFields,
  duplicate: { field: string; message: (firstRow: number) => string },
  read: (r: RowReader, clean: () => boolean) => { key: string; line: T },
): { lines: T[]; issues: ImportIssue[] } {
  const issues = checkHeaders(headers, template);
  if (issues.length) return { lines: [], issues };
  const lines: T[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const before = issues.length;
    const { key, line } = read(r, () => issues.length === before);
    if (issues.length > before) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      r.fail(duplicate.field, duplicate.message(first));
      continue;
    }
    seen.set(key, r.row);
    lines.push(line);
  }
  return { lines, issues };
}
