// A spreadsheet as the reading layer holds it before any template is applied: each sheet's non-blank rows with their
// row numbers, the text of each cell, how a date cell looked in Excel, and which cells a merge filled.
import { AppError } from '../../shared/api/errors';
import { formatRoc, type IsoDate } from '../../shared/dates/roc';

export interface GridRow {
  /** 1-based row number in the sheet */
  row: number;
  values: string[];
  /** the cell as the clerk sees it, where that differs from the value (a date cell shown 110/9/1) */
  shown: (string | undefined)[];
  /** the cell took its value from a merged range above or beside it */
  merged: boolean[];
}

export interface SheetGrid {
  name: string;
  rows: GridRow[];
}

export interface Book {
  format: 'xlsx' | 'ods' | 'csv';
  /** how a .csv was decoded; Big5 loses characters it cannot encode (Excel writes '?') */
  encoding: 'utf-8' | 'utf-16' | 'big5' | null;
  sheets: SheetGrid[];
  /** index of the sheet the workbook opens on */
  active: number;
}

/** A merged range: rows 1-based, columns 0-based, inclusive. */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const MAX_MERGES = 5_000;
/** cells a merge may fill in total: a merge over a whole sheet fills only the rows that hold data, and at most this */
export const MAX_MERGE_FILL = 1_000_000;

export const newRow = (row: number): GridRow => ({ row, values: [], shown: [], merged: [] });

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B4:B11` → rows 4–11 of column B; null for anything else. */
export function cellRange(ref: string): MergeRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const [r1, r2, c1, c2] = [+m[2], +m[4], colIndex(m[1]), colIndex(m[3])];
  return r1 <= r2 && c1 <= c2 && r1 > 0 ? { r1, c1, r2, c2 } : null;
}

/**
 * A value merged over a block applies to every row of the block (人力來源, 業務組, 所屬行政單位 merged down, as 附件五
 * lays them out). Only rows that hold data are filled, so a merge over a whole sheet costs no more than the data.
 */
export function applyMerges(rows: GridRow[], merges: readonly MergeRange[], maxColumns: number): void {
  if (!merges.length || !rows.length) return;
  const at = new Map(rows.map((r) => [r.row, r]));
  const sorted = rows.map((r) => r.row); // rows arrive in order
  let filled = 0;
  for (const m of merges) {
    const master = at.get(m.r1);
    const value = master?.values[m.c1];
    if (!master || !value) continue;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < m.r1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i] <= m.r2; i++) {
      const r = at.get(sorted[i])!;
      for (let c = m.c1; c <= Math.min(m.c2, maxColumns - 1); c++) {
        if ((r === master && c === m.c1) || r.values[c]) continue;
        if (++filled > MAX_MERGE_FILL) throw new AppError('IMPORT_INVALID', '合併儲存格涵蓋的範圍過大，請取消合併儲存格後另存新檔再匯入');
        r.values[c] = value;
        r.shown[c] = master.shown[m.c1];
        r.merged[c] = true;
      }
    }
  }
  for (const r of rows) for (let i = 0; i < r.values.length; i++) r.values[i] ??= '';
}

/** A date cell as Excel shows it: a 民國 style (e/m/d, e年m月d日) in ROC, otherwise year/month/day. */
export function shownDate(iso: IsoDate, numFmt: string | undefined): string {
  const fmt = (numFmt ?? '').replace(/"[^"]*"/g, (q) => (q.includes('年') ? '年' : '')).replace(/\[[^\]]*\]/g, '');
  const [y, m, d] = iso.split('-').map(Number);
  if (/[eg]/i.test(fmt)) return fmt.includes('年') ? `${y - 1911}年${m}月${d}日` : `${y - 1911}/${m}/${d}`;
  if (fmt.includes('年')) return `${y}年${m}月${d}日`;
  return numFmt ? `${y}/${m}/${d}` : formatRoc(iso);
}
