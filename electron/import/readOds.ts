// An OpenDocument spreadsheet's content.xml → sheets of rows (the app exports ODF; government offices use it).
// A small tokenizer instead of a DOM: the file is untrusted, so repeated rows and columns are expanded only where they
// hold a value, and every cap of the .xlsx reader holds here too.
import { AppError } from '../../shared/api/errors';
import { isIsoDate } from '../../shared/dates/roc';
import { applyMerges, newRow, type Book, type GridRow, type MergeRange, type SheetGrid } from './grid';

export interface OdsCaps {
  maxRows: number;
  maxColumns: number;
  check: () => void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? all;
    const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = decode(m[3] ?? m[4] ?? '');
  return out;
}

const count = (v: string | undefined) => Math.max(1, Math.min(Number.parseInt(v ?? '1', 10) || 1, 1_048_576));

/** The ActiveTable setting of settings.xml: the sheet the file opens on. */
export function odsActiveSheet(settingsXml: string | null): string | null {
  const m = settingsXml && /<config:config-item[^>]*config:name="ActiveTable"[^>]*>([^<]*)</.exec(settingsXml);
  return m ? decode(m[1]) : null;
}

export function parseOds(contentXml: string, settingsXml: string | null, caps: OdsCaps): Book {
  const sheets: SheetGrid[] = [];
  let sheet: SheetGrid | null = null;
  let merges: MergeRange[] = [];
  let rowNo = 0;
  let rowRepeat = 1;
  let row: GridRow | null = null;
  let col = 0;
  let cell: { a: Record<string, string>; text: string[]; repeat: number; inP: boolean } | null = null;
  let ops = 0;

  const tokens = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;
  const endCell = () => {
    if (!cell || !row) return;
    const { a, repeat } = cell;
    const type = a['office:value-type'];
    const text = cell.text.join('');
    let value = text;
    let shown: string | undefined;
    if (type === 'date' && a['office:date-value']) {
      const iso = a['office:date-value'].slice(0, 10);
      if (isIsoDate(iso)) [value, shown] = [iso, text || undefined];
    } else if ((type === 'float' || type === 'percentage' || type === 'currency') && a['office:value'] != null) {
      [value, shown] = [a['office:value'], text || undefined];
    }
    if (value.trim()) {
      if (col + repeat > caps.maxColumns) throw new AppError('IMPORT_INVALID', `第 ${row.row} 列超過 ${caps.maxColumns} 欄的上限，請只保留範本的欄位`);
      for (let i = 0; i < repeat; i++) {
        row.values[col + i] = value;
        row.shown[col + i] = shown;
      }
    }
    const rs = count(a['table:number-rows-spanned']);
    const cs = count(a['table:number-columns-spanned']);
    if ((rs > 1 || cs > 1) && merges.length < 5_000) merges.push({ r1: row.row, c1: col, r2: row.row + rs - 1, c2: col + cs - 1 });
    col += repeat;
    cell = null;
  };

  for (const m of contentXml.matchAll(tokens)) {
    if (++ops % 10_000 === 0) caps.check();
    const [, close, name, attrText, selfClose, cdata, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (cell?.inP) cell.text.push(cdata ?? decode(text!));
      continue;
    }
    if (!name) continue;
    if (!close) {
      const a = attrs(attrText ?? '');
      if (name === 'table:table') {
        sheet = { name: a['table:name'] ?? `工作表${sheets.length + 1}`, rows: [] };
        merges = [];
        rowNo = 0;
      } else if (name === 'table:table-row' && sheet) {
        rowRepeat = count(a['table:number-rows-repeated']);
        row = newRow(rowNo + 1);
        col = 0;
        if (selfClose) (rowNo += rowRepeat), (row = null);
      } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && row) {
        cell = { a, text: [], repeat: count(a['table:number-columns-repeated']), inP: false };
        if (selfClose) endCell();
      } else if (cell && name === 'text:p') {
        if (cell.text.length) cell.text.push('\n');
        cell.inP = !selfClose;
      } else if (cell?.inP && name === 'text:s') {
        cell.text.push(' '.repeat(Math.min(count(a['text:c']), 1000)));
      } else if (cell?.inP && name === 'text:tab') {
        cell.text.push('\t');
      } else if (cell?.inP && name === 'text:line-break') {
        cell.text.push('\n');
      }
      continue;
    }
    if (name === 'text:p' && cell) cell.inP = false;
    else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell) endCell();
    else if (name === 'table:table-row' && row && sheet) {
      if (row.values.some((v) => v && v.trim())) {
        // a repeated row that holds values is that many rows
        for (let i = 0; i < rowRepeat; i++) {
          const n = row.row + i;
          if (n > caps.maxRows + 1) throw new AppError('IMPORT_INVALID', `資料列超過上限 ${caps.maxRows} 列（第 ${n} 列仍有資料），請分成數個檔案匯入`);
          sheet.rows.push(i === 0 ? row : { row: n, values: [...row.values], shown: [...row.shown], merged: [] });
        }
      }
      rowNo += rowRepeat;
      row = null;
    } else if (name === 'table:table' && sheet) {
      for (const r of sheet.rows) for (let i = 0; i < r.values.length; i++) r.values[i] ??= '';
      applyMerges(sheet.rows, merges, caps.maxColumns);
      sheets.push(sheet);
      sheet = null;
    }
  }
  const active = odsActiveSheet(settingsXml);
  return { format: 'ods', encoding: null, sheets, active: Math.max(0, sheets.findIndex((s) => s.name === active)) };
}
