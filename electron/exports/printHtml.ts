// The print view: the one HTML layout the app shows (iframe on the export page), the clerk prints, and the PDF is
// rendered from (Chromium's page.pdf() in browser mode/CLI/tests, Electron's printToPDF in the app) — never a second
// layout. Pages are cut here, by estimated row heights, so every page repeats the title and header rows, a group label
// merged down rows is repeated where its block continues, and the page count is known before Chromium runs.
import { headerRange, isCovered, rowLines, type CellValue, type Sheet } from '../../shared/domain/exportSheet';
import type { Doc } from './doc';
import { columnWidthsCm, MARGIN_CM, pageCm } from './page';

export interface PrintGeometry {
  /** body font size in pt */
  fontPt: number;
  /** mm of one line (font × line-height 1.25, plus a little slack) */
  lineMm: number;
  /** vertical padding + border of a row */
  rowPadMm: number;
  /** mm of one spreadsheet unit: half a CJK character at fontPt */
  unitMm: number;
  /** share of a cell's width the estimate lets text use: Latin digits are a bit wider than half a CJK character */
  fill: number;
}
// 9 pt: the register's 12 columns fit A4 landscape with most cells on one or two lines.
export const GEOMETRY: PrintGeometry = { fontPt: 9, lineMm: 4.05, rowPadMm: 1.4, unitMm: (9 * 0.3528) / 2, fill: 0.92 };
const TITLE_MM = 10;
const META_MM = 6;
const FOOTER_MM = 8;
const NOTE_LINE_MM = 3.8;

export function escHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The sheet with column widths as the printed page has them, so line estimates see the real widths. */
function printedSheet(sheet: Sheet, g: PrintGeometry): Sheet {
  const cm = columnWidthsCm(sheet);
  // cell padding (2 × 1 mm) eats into the text width
  return { ...sheet, columns: sheet.columns.map((c, i) => ({ ...c, width: Math.max(((cm[i] * 10 - 2) * g.fill) / g.unitMm, 1) + 1 })) };
}

export interface Layout {
  /** rows above the table (title, meta) */
  top: number[];
  head: number[];
  /** body row indices per page */
  pages: number[][];
  notes: number[];
}

/** Cuts the body rows into pages whose estimated height fits the A4 page; the notes must fit on the last page. */
export function paginate(sheet: Sheet, g: PrintGeometry = GEOMETRY): Layout {
  const printed = printedSheet(sheet, g);
  const range = headerRange(sheet);
  const head = range ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) : [];
  const top = sheet.rows.map((r, i) => (r.kind === 'title' || r.kind === 'meta') && (!range || i < range[0]) ? i : -1).filter((i) => i >= 0);
  const notes = sheet.rows.map((r, i) => (r.kind === 'note' ? i : -1)).filter((i) => i >= 0);
  const body = sheet.rows.map((_, i) => i).filter((i) => !top.includes(i) && !head.includes(i) && !notes.includes(i));
  const rowMm = (i: number) => rowLines(printed, i) * g.lineMm + g.rowPadMm;
  const pageMm = (pageCm(sheet).height - 2 * MARGIN_CM) * 10;
  const fixed = TITLE_MM + (top.length > 1 ? META_MM : 0) + head.reduce((s, i) => s + rowMm(i), 0) + FOOTER_MM;
  const noteMm = notes.reduce((s, i) => s + rowLines(printed, i) * NOTE_LINE_MM + 2, 0);
  const budget = pageMm - fixed;

  const pages: number[][] = [[]];
  let used = 0;
  for (const i of body) {
    const h = rowMm(i);
    if (used + h > budget && pages[pages.length - 1].length) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1].push(i);
    used += h;
  }
  if (used + noteMm > budget && notes.length) {
    // the notes need a page of their own: carry the last row over so that page is not a bare header
    const last = pages[pages.length - 1];
    pages.push(last.length > 1 ? [last.pop()!] : []);
  }
  return { top, head, pages, notes };
}

function cell(tag: 'td' | 'th', value: CellValue, attrs: string): string {
  return `<${tag}${attrs}>${value == null ? '' : escHtml(String(value))}</${tag}>`;
}

/** One table row; merges are clipped to the rows shown on this page. */
function rowHtml(sheet: Sheet, r: number, shown: readonly number[]): string {
  const row = sheet.rows[r];
  const tag = row.kind === 'header' ? 'th' : 'td';
  const out: string[] = [];
  sheet.columns.forEach((col, c) => {
    const m = sheet.merges.find((x) => r >= x.row && r < x.row + x.rows && c >= x.col && c < x.col + x.cols);
    const align = ` class="${row.kind} a-${col.align ?? 'left'}"`;
    if (!m) return out.push(cell(tag, row.cells[c] ?? null, align));
    const rowsShown = shown.filter((i) => i >= m.row && i < m.row + m.rows);
    if (c !== m.col || r !== rowsShown[0]) return;
    const span = `${m.cols > 1 ? ` colspan="${m.cols}"` : ''}${rowsShown.length > 1 ? ` rowspan="${rowsShown.length}"` : ''}`;
    out.push(cell(tag, sheet.rows[m.row].cells[m.col] ?? null, align + span));
  });
  return `<tr class="${row.kind}">${out.join('')}</tr>`;
}

function styles(sheet: Sheet, g: PrintGeometry): string {
  const page = pageCm(sheet);
  return `
@page { size: A4 ${sheet.orientation}; margin: ${MARGIN_CM * 10}mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html, body { margin: 0; }
body { font-family: 'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', 'PMingLiU', sans-serif; font-size: ${g.fontPt}pt; line-height: 1.25; color: #000; }
.page { display: flex; flex-direction: column; min-height: ${(page.height - 2 * MARGIN_CM) * 10 - 2}mm; break-after: page; }
.page:last-child { break-after: auto; }
h1 { font-size: 14pt; text-align: center; margin: 0 0 2mm; line-height: 1.4; }
.meta { display: flex; justify-content: space-between; margin: 0 0 1.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.5pt solid #000; padding: 0.5mm 1mm; vertical-align: middle; white-space: pre-wrap; word-break: keep-all; overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; text-align: center; }
td.a-center { text-align: center; } td.a-right { text-align: right; }
td.group { font-weight: bold; }
.note { font-size: ${g.fontPt - 1}pt; margin: 1.5mm 0 0; white-space: pre-wrap; }
footer { margin-top: auto; padding-top: 2mm; text-align: center; font-size: 9pt; }
@media screen {
  html { background: #8a8f98; }
  body { padding: 12px 0; }
  .page { width: ${page.width * 10}mm; min-height: ${page.height * 10}mm; padding: ${MARGIN_CM * 10}mm; margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.4); }
}`;
}

export function htmlDocument(title: string, css: string, body: string): string {
  return (
    '<!doctype html><html lang="zh-TW"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${escHtml(title)}</title><style>${css}</style></head><body>${body}</body></html>`
  );
}

export function sheetHtml(sheet: Sheet, g: PrintGeometry = GEOMETRY): { html: string; pages: number } {
  const layout = paginate(sheet, g);
  const cm = columnWidthsCm(sheet);
  const total = cm.reduce((a, b) => a + b, 0);
  const cols = `<colgroup>${cm.map((w) => `<col style="width:${((w / total) * 100).toFixed(3)}%">`).join('')}</colgroup>`;
  const [titleRow, ...metaRows] = layout.top;
  const title = titleRow != null ? `<h1>${escHtml(String(sheet.rows[titleRow].cells[0] ?? ''))}</h1>` : '';
  const meta = metaRows
    .map((i) => `<div class="meta">${sheet.rows[i].cells.map((v, c) => (v == null || isCovered(sheet.merges, i, c) ? '' : `<span>${escHtml(String(v))}</span>`)).join('')}</div>`)
    .join('');
  const thead = layout.head.length ? `<thead>${layout.head.map((r) => rowHtml(sheet, r, layout.head)).join('')}</thead>` : '';
  const n = layout.pages.length;
  const pages = layout.pages.map((rows, p) => {
    const tbody = rows.length ? `<tbody>${rows.map((r) => rowHtml(sheet, r, rows)).join('')}</tbody>` : '';
    const notes = p === n - 1 ? layout.notes.map((i) => `<p class="note">${escHtml(String(sheet.rows[i].cells[0] ?? ''))}</p>`).join('') : '';
    return `<section class="page">${title}${meta}<table>${cols}${thead}${tbody}</table>${notes}<footer>第 ${p + 1} 頁／共 ${n} 頁</footer></section>`;
  });
  return { html: htmlDocument(sheet.title, styles(sheet, g), pages.join('')), pages: n };
}

/** A prose document (the 人力運用情形 paragraph) as one flowing A4 page; tables go through sheetHtml instead. */
export function docHtml(doc: Doc): { html: string; pages: number } {
  const css = `
@page { size: A4 ${doc.orientation}; margin: 20mm; }
body { margin: 0; font-family: 'Noto Serif CJK TC', 'Noto Sans CJK TC', 'DFKai-SB', 'PMingLiU', serif; font-size: 12pt; line-height: 1.8; color: #000; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 14pt; margin: 0 0 4mm; }
p { margin: 0 0 3mm; text-align: justify; white-space: pre-wrap; } p.note { font-size: 9pt; }
@media screen { html { background: #8a8f98; } body { padding: 12px 0; } main { width: 210mm; min-height: 150mm; margin: 0 auto; padding: 20mm; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.4); } }`;
  const tag = { title: 'h1', heading: 'h2', meta: 'p', body: 'p', note: 'p class="note"' } as const;
  const body = doc.blocks
    .map((b) => (b.kind === 'table' ? '' : `<${tag[b.kind]}>${escHtml(b.text)}</${tag[b.kind].split(' ')[0]}>`))
    .join('');
  return { html: htmlDocument(doc.title, css, `<main>${body}</main>`), pages: 1 };
}
