// Where a spreadsheet's printed pages begin, worked out here rather than left to the reader's automatic breaks, so a
// group label merged down many rows (附件五's 人力來源) can be repeated at the top of each page it continues on.
// A merge that runs across a page break prints its label once, centred on the whole block — on the page that holds
// the block's middle, leaving the other pages' column A blank (issue 15 item 12). On paper the ministry's form reads
// best with the block cut at the break and the label written again in the first row of each part: every page then
// says whose rows these are, like the print view (printHtml.ts), and the cut falls on a page edge no one sees.
// Row heights are the ones the writers set explicitly (rowHeightCm), so the estimate is the page the reader prints.
import { headerRange, linesIn, mergeLookup, rowLines, type CellValue, type Merge, type Sheet } from '../../shared/domain/exportSheet';
import { MARGIN_CM, pageCm, rowHeightCm } from './page';

/** Share of the printable height a page may fill: room for rounding in a reader's row heights. */
const FILL = 0.97;
/**
 * Units a wrapped line leaves empty at its end in LibreOffice and Excel, which keep words, numbers and 「，。）」 from
 * being split or starting a line: without it the long 衡量指標 cells printed a line taller than their fixed rows.
 */
const WRAP_LOSS = 1.5;

/** Row heights in cm, as the writers set them. */
export function sheetRowHeightsCm(sheet: Sheet, merge = mergeLookup(sheet.merges)): number[] {
  return sheet.rows.map((_, i) => rowHeightCm(rowLines(sheet, i, merge, WRAP_LOSS)));
}

/**
 * 0-based rows that begin a new printed page (the first page is not listed). Title and meta rows print on the first
 * page only; the header rows repeat on every page and take their height from each page's budget.
 */
export function pageStarts(sheet: Sheet, heights: readonly number[]): number[] {
  const budget = (pageCm(sheet).height - 2 * MARGIN_CM) * FILL;
  const head = headerRange(sheet);
  const headCm = head ? heights.slice(head[0], head[1] + 1).reduce((a, b) => a + b, 0) : 0;
  const firstBody = head ? head[1] + 1 : 0;
  const starts: number[] = [];
  let used = heights.slice(0, firstBody).reduce((a, b) => a + b, 0);
  for (let r = firstBody; r < sheet.rows.length; r++) {
    if (used + heights[r] > budget && r > firstBody && starts[starts.length - 1] !== r) {
      starts.push(r);
      used = headCm;
    }
    used += heights[r];
  }
  return starts;
}

/** The sheet with merges cut at the page starts, and the parts that were cut (each now its own merge). */
function cutMerges(sheet: Sheet, starts: readonly number[]): { sheet: Sheet; parts: { part: Merge; value: CellValue }[] } {
  const rows = sheet.rows.slice();
  const merges: Merge[] = [];
  const parts: { part: Merge; value: CellValue }[] = [];
  for (const m of sheet.merges) {
    const cuts = m.rows > 1 ? starts.filter((s) => s > m.row && s < m.row + m.rows) : [];
    if (!cuts.length) {
      merges.push(m);
      continue;
    }
    const edges = [m.row, ...cuts, m.row + m.rows];
    const value = sheet.rows[m.row].cells[m.col] ?? null;
    for (let k = 0; k + 1 < edges.length; k++) {
      const part = { ...m, row: edges[k], rows: edges[k + 1] - edges[k] };
      parts.push({ part, value });
      if (part.rows > 1 || part.cols > 1) merges.push(part);
      if (k > 0) {
        const cells = rows[part.row].cells.slice();
        cells[m.col] = value;
        rows[part.row] = { ...rows[part.row], cells };
      }
    }
  }
  return parts.length ? { sheet: { ...sheet, rows, merges }, parts } : { sheet, parts };
}

/**
 * The sheet with every merge that runs down across a page start cut there, and the block's value written again in
 * the first cell of each later part. Rows are copied only where a label is added; the input is not changed.
 */
export function splitMergesAtPages(sheet: Sheet, starts: readonly number[]): Sheet {
  return starts.length ? cutMerges(sheet, starts).sheet : sheet;
}

/**
 * The sheet as it prints: page starts chosen, merges cut at them, and the row heights the writers set. A label cut
 * into a short part needs more lines in the part's first row than the whole block gave it (rowLines spreads a merged
 * value's lines over its rows), which can move a break: recut until stable. Only those first rows are measured again.
 */
export function printLayout(sheet: Sheet): { sheet: Sheet; starts: number[]; heights: number[] } {
  const merge = mergeLookup(sheet.merges);
  const lines = sheet.rows.map((_, i) => rowLines(sheet, i, merge, WRAP_LOSS));
  let heights = lines.map(rowHeightCm);
  let starts = pageStarts(sheet, heights);
  if (!starts.length) return { sheet, starts, heights };
  let cut = cutMerges(sheet, starts);
  for (let round = 0; round < 3 && cut.parts.length; round++) {
    const grown = lines.slice();
    for (const { part: p, value } of cut.parts) {
      let width = 0;
      for (let c = p.col; c < p.col + p.cols && c < sheet.columns.length; c++) width += sheet.columns[c].width;
      grown[p.row] = Math.max(grown[p.row], Math.ceil(linesIn(value, width, WRAP_LOSS) / p.rows));
    }
    const next = grown.map(rowHeightCm);
    if (next.every((h, i) => h === heights[i])) break;
    heights = next.map((h, i) => Math.max(h, heights[i]));
    starts = pageStarts(sheet, heights);
    cut = cutMerges(sheet, starts);
  }
  return { sheet: cut.sheet, starts, heights };
}
