// One format-neutral model of a ministry form's table. The .xlsx, .ods, .docx/.odt and print-view (PDF) writers all
// render this same model, so the forms cannot drift apart between formats, and tests compare any file read back
// against `sheetGrid(sheet)`.

export type CellValue = string | number | null;

/** title/meta: above the table; header: repeated on every printed page; group: a section line inside the body. */
export type RowKind = 'title' | 'meta' | 'header' | 'group' | 'body' | 'note';

export interface SheetRow {
  kind: RowKind;
  cells: CellValue[];
}

/** A merged block, 0-based; the value lives in its top-left cell, the rest of the block stays empty. */
export interface Merge {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface SheetColumn {
  /** in spreadsheet character units (one Latin digit; a CJK character is about 2) */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface Sheet {
  /** worksheet / table name (≤ 31 characters, no []:*?/\) */
  name: string;
  /** document title (PDF title, first line) */
  title: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  merges: Merge[];
  orientation: 'landscape' | 'portrait';
}

/** The rows every printed page repeats: the contiguous block of 'header' rows (0-based, inclusive), or null. */
export function headerRange(sheet: Sheet): [number, number] | null {
  const first = sheet.rows.findIndex((r) => r.kind === 'header');
  if (first < 0) return null;
  let last = first;
  while (last + 1 < sheet.rows.length && sheet.rows[last + 1].kind === 'header') last++;
  return [first, last];
}

/** Is (row, col) inside a merge but not its top-left cell? */
/**
 * Every writer asks "is this cell merged?" for every cell; a cell → merge index built once per merge list turns the
 * scan over all merges into a lookup (a 1,000-row register has hundreds of group-row merges).
 */
const indexes = new WeakMap<readonly Merge[], { size: number; map: Map<number, Merge | 'covered'> }>();
const cellKey = (row: number, col: number) => row * 4096 + col;
function mergeIndex(merges: readonly Merge[]): Map<number, Merge | 'covered'> {
  // builders push merges while they lay out a sheet: an index built earlier is rebuilt when the list grew
  const cached = indexes.get(merges);
  if (cached && cached.size === merges.length) return cached.map;
  const index = new Map<number, Merge | 'covered'>();
  for (const m of merges) {
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        const k = cellKey(r, c);
        if (r === m.row && c === m.col) index.set(k, index.get(k) ?? m);
        else index.set(k, 'covered');
      }
    }
  }
  indexes.set(merges, { size: merges.length, map: index });
  return index;
}

/** What a cell is in the merges — a block's top-left (its Merge), covered by one, or free — with the index fetched once. */
export function mergeLookup(merges: readonly Merge[]): (row: number, col: number) => Merge | 'covered' | undefined {
  const index = mergeIndex(merges);
  return (row, col) => index.get(cellKey(row, col));
}

export function isCovered(merges: readonly Merge[], row: number, col: number): boolean {
  return mergeIndex(merges).get(cellKey(row, col)) === 'covered';
}

export function mergeAt(merges: readonly Merge[], row: number, col: number): Merge | undefined {
  const m = mergeIndex(merges).get(cellKey(row, col));
  return m === 'covered' ? undefined : m;
}

/** The full rectangle of values as a reader sees it: covered cells of a merge are null. */
export function sheetGrid(sheet: Sheet): CellValue[][] {
  const width = sheet.columns.length;
  return sheet.rows.map((r, i) =>
    Array.from({ length: width }, (_, c) => (isCovered(sheet.merges, i, c) ? null : (r.cells[c] ?? null))),
  );
}

/** How a cell is aligned: titles and headers centred, the meta line's first part left and the rest right,
 * notes and group lines left, body cells as their column says. */
export function cellAlign(sheet: Pick<Sheet, 'columns' | 'rows'>, row: number, col: number): 'left' | 'center' | 'right' {
  const kind = sheet.rows[row].kind;
  if (kind === 'title' || kind === 'header') return 'center';
  if (kind === 'meta') return col === 0 ? 'left' : 'right';
  if (kind === 'note' || kind === 'group') return 'left';
  return sheet.columns[col]?.align ?? 'left';
}

/** A row spanning the whole table (titles, notes, group lines). */
export function fullWidthRow(sheet: Pick<Sheet, 'columns' | 'rows' | 'merges'>, kind: RowKind, text: string): void {
  const row = sheet.rows.length;
  sheet.rows.push({ kind, cells: [text, ...Array<CellValue>(sheet.columns.length - 1).fill(null)] });
  if (sheet.columns.length > 1) sheet.merges.push({ row, col: 0, rows: 1, cols: sheet.columns.length });
}

/** Display width of text in spreadsheet character units: CJK and full-width forms count 2, the rest 1. */
export function textUnits(text: string): number {
  let n = 0;
  // a charCode loop (surrogate pairs joined by hand) rather than for…of, which allocates a string per character
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    n += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return n;
}

/**
 * How many lines `value` takes in a cell `width` units wide (explicit line breaks plus wrapping). `wrapLoss`: units
 * each wrapped line leaves empty at its end (a word or a 「，」 that may not start a line moves down whole); 0 counts
 * every unit as filled.
 */
export function linesIn(value: CellValue, width: number, wrapLoss = 0): number {
  if (value == null || value === '') return 1;
  const usable = Math.max(width - 1, 1);
  const text = String(value);
  if (!text.includes('\n')) {
    // a character is at most 2 units wide, so short text fits on one line without being measured
    return text.length * 2 <= usable ? 1 : paragraphLines(textUnits(text), usable, wrapLoss);
  }
  return text.split('\n').reduce((sum, para) => sum + paragraphLines(textUnits(para), usable, wrapLoss), 0);
}

function paragraphLines(units: number, usable: number, wrapLoss: number): number {
  return units <= usable ? 1 : Math.ceil(units / Math.max(usable - wrapLoss, 1));
}

/** Lines the tallest cell of a row needs; a merged cell's width is the sum of its columns, its lines split over its rows. */
export function rowLines(sheet: Sheet, row: number, merge = mergeLookup(sheet.merges), wrapLoss = 0): number {
  let lines = 1;
  sheet.rows[row].cells.forEach((v, c) => {
    if (v == null || v === '') return;
    const found = merge(row, c);
    if (found === 'covered') return;
    const m = found;
    let width = 0;
    for (let k = c; k < c + (m?.cols ?? 1) && k < sheet.columns.length; k++) width += sheet.columns[k].width;
    lines = Math.max(lines, Math.ceil(linesIn(v, width, wrapLoss) / (m?.rows ?? 1)));
  });
  return lines;
}
