// What every import template shares: header matching, row-numbered issues, and parsing cells into dates and counts.
import { parseDate, type IsoDate } from '../dates/roc';

export interface ImportIssue {
  row?: number;
  field?: string;
  message: string;
}

/** A data row as read from the file: 1-based row number (the header is row 1) and cell text by header key. */
export interface RawRow {
  row: number;
  cells: Record<string, string>;
}

/** A header's key is its text before any parenthesis, so `人力來源` and `人力來源(補助/自有)` both match. */
export function headerKey(h: string): string {
  return h.replace(/[\s\u3000]/g, '').replace(/[（(].*$/, '');
}

export function checkHeaders(headers: string[], template: readonly string[]): ImportIssue[] {
  const have = new Set(headers.map(headerKey));
  const missing = template.filter((h) => !have.has(headerKey(h)));
  return missing.length
    ? [{ row: 1, message: `標題列缺少欄位：${missing.map(headerKey).join('、')}。請下載範本，依範本欄位填寫。` }]
    : [];
}

/** Cell readers for one row that record a row-numbered, field-named Chinese message for each bad cell. */
export function rowReader(raw: RawRow, issues: ImportIssue[]) {
  const { row, cells } = raw;
  const text = (field: string) => (cells[headerKey(field)] ?? '').trim();
  const fail = (field: string, message: string) => issues.push({ row, field, message: `第 ${row} 列「${field}」：${message}` });
  return {
    row,
    text,
    optional: (field: string) => text(field) || null,
    fail,
    /** null when blank, undefined when unreadable (already reported) */
    date(field: string): IsoDate | null | undefined {
      const t = text(field);
      if (!t) return null;
      const d = parseDate(t);
      if (!d) fail(field, `「${t}」不是有效日期（可寫 113/01/15、1130115 或 2024-01-15）`);
      return d ?? undefined;
    },
    /** a whole number ≥ 0; undefined when blank or unreadable (reported) */
    count(field: string): number | undefined {
      const t = text(field).replace(/,/g, '');
      if (!/^\d+$/.test(t)) {
        fail(field, t ? `「${t}」不是 0 以上的整數` : '不可空白');
        return undefined;
      }
      return Number(t);
    },
    /** hours in whole or half hours (1, 1.5), > 0 unless `allowZero`; undefined when blank or unreadable (reported) */
    hours(field: string, allowZero = false): number | undefined {
      const t = text(field).replace(/,/g, '');
      const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
      if (!t || !Number.isFinite(n) || !Number.isInteger(n * 2) || (!allowZero && n === 0)) {
        fail(field, t ? `「${t}」不是有效時數（以 0.5 小時為單位，如 1.5）` : '不可空白');
        return undefined;
      }
      return n;
    },
  };
}

export type RowReader = ReturnType<typeof rowReader>;

/** One row read: its line, and the key no later row may repeat (with the field and words to name the clash). */
export interface ReadRow<L> {
  line: L;
  unique: { key: string; field: string; clash: (firstRow: number) => string };
}

/**
 * The import skeleton every one-line-per-row template shares: the header check, a row-numbered reader per row, rows
 * with any bad cell left out (their messages kept), and a repeated key reported against the first row that had it.
 * `read` reports each bad cell through the reader; what it returns for a row with errors is ignored.
 */
export function parseTemplateRows<L>(
  headers: string[],
  rows: RawRow[],
  template: readonly string[],
  read: (r: RowReader) => ReadRow<L>,
): { lines: L[]; issues: ImportIssue[] } {
  const issues = checkHeaders(headers, template);
  if (issues.length) return { lines: [], issues };
  const lines: L[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const before = issues.length;
    const { line, unique } = read(r);
    if (issues.length > before) continue;
    const first = seen.get(unique.key);
    if (first != null) {
      r.fail(unique.field, unique.clash(first));
      continue;
    }
    seen.set(unique.key, r.row);
    lines.push(line);
  }
  return { lines, issues };
}
