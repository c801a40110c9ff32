// Issue 15 item 12, the spreadsheets' print look as written: one sans face for every script (ODS default cell style,
// xlsx default font), header rows repeated (ODS header-rows, xlsx Print_Titles), page breaks fixed by the writers and a
// label merged down across a break cut there and written again, covered cells of a title styled like their row.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fullWidthRow, type Sheet } from '../../shared/domain/exportSheet';
import { sheetContentXml, sheetStylesXml } from '../../electron/exports/odsSheet';
import { MARGIN_CM, pageCm } from '../../electron/exports/page';
import { SHEET_FONT } from '../../electron/exports/sheetFont';
import { pageStarts, printLayout, sheetRowHeightsCm, splitMergesAtPages } from '../../electron/exports/sheetPages';
import { sheetToXlsx } from '../../electron/exports/xlsxSheet';

const LABEL = '本部計畫補助人力(含聘用及臨時)';

/** A register-like sheet: title, two header rows, one label merged down `n` body rows, a note. */
function longSheet(n: number): Sheet {
  const s: Sheet = { name: '表', title: '測試表', columns: [{ width: 9 }, { width: 20 }, { width: 10, align: 'right' }], rows: [], merges: [], orientation: 'landscape' };
  fullWidthRow(s, 'title', '測試表');
  s.rows.push({ kind: 'header', cells: ['人力來源', '姓名', null] }, { kind: 'header', cells: [null, '甲', '乙'] });
  s.merges.push({ row: 1, col: 0, rows: 2, cols: 1 });
  for (let i = 0; i < n; i++) s.rows.push({ kind: 'body', cells: [i === 0 ? LABEL : null, `示範員${i + 1}`, i + 1] });
  s.merges.push({ row: 3, col: 0, rows: n, cols: 1 });
  fullWidthRow(s, 'note', '備註：說明');
  return s;
}

describe('page breaks chosen by the writers', () => {
  const sheet = longSheet(80);
  const { sheet: printed, starts, heights } = printLayout(sheet);

  it('fills each page within the printable height, header rows counted on every page', () => {
    expect(starts.length).toBeGreaterThan(1);
    const budget = pageCm(sheet).height - 2 * MARGIN_CM;
    const head = heights[1] + heights[2];
    const edges = [0, ...starts, sheet.rows.length];
    for (let p = 0; p + 1 < edges.length; p++) {
      const rows = heights.slice(edges[p], edges[p + 1]).reduce((a, b) => a + b, 0);
      expect(rows + (p > 0 ? head : 0), `page ${p + 1}`).toBeLessThanOrEqual(budget);
    }
    expect(pageStarts(sheet, sheetRowHeightsCm(sheet))).toEqual(starts);
  });

  it('cuts a merged label at every page start and writes it again there; nothing else changes', () => {
    for (const s of starts) {
      expect(printed.rows[s].cells[0]).toBe(LABEL);
      expect(printed.merges.some((m) => m.row < s && m.row + m.rows > s), `no merge runs across row ${s}`).toBe(false);
    }
    const labelled = printed.rows.map((r, i) => (r.cells[0] === LABEL ? i : -1)).filter((i) => i >= 0);
    expect(labelled).toEqual([3, ...starts.filter((s) => s < 83)]);
    const blocks = printed.merges.filter((m) => m.col === 0 && m.cols === 1 && m.row >= 3).map((m) => [m.row, m.rows]);
    expect(blocks.reduce((n, [, rows]) => n + rows, 0)).toBe(80);
    expect(printed.rows.map((r) => r.cells.slice(1))).toEqual(sheet.rows.map((r) => r.cells.slice(1)));
    // the input is left as it was
    expect(sheet.rows.filter((r) => r.cells[0] === LABEL)).toHaveLength(1);
  });

  it('a sheet that fits one page is returned as it is', () => {
    const short = longSheet(5);
    expect(printLayout(short).starts).toEqual([]);
    expect(splitMergesAtPages(short, [])).toBe(short);
  });
});

describe('.ods', () => {
  const styles = sheetStylesXml(longSheet(80));
  const content = sheetContentXml(longSheet(80));

  it('sets the default cell style in one sans face for Western, Asian and Complex scripts', () => {
    const def = styles.match(/<style:style style:name="Default" style:family="table-cell">(.*?)<\/style:style>/)![1];
    for (const attr of ['style:font-name', 'style:font-name-asian', 'style:font-name-complex']) expect(def).toContain(`${attr}="${SHEET_FONT}"`);
    for (const xml of [styles, content]) {
      expect(xml).toContain(`<style:font-face style:name="${SHEET_FONT}"`);
      expect(xml).toContain('style:font-family-generic="swiss"');
      expect(xml).not.toMatch(/Times New Roman|新細明體|font-family-generic="roman"/);
    }
  });

  it('repeats the two header rows and starts each page with a manual break where the label is written again', () => {
    expect(content.match(/<table:table-header-rows>(.*?)<\/table:table-header-rows>/)![1].match(/<table:table-row /g)).toHaveLength(2);
    const breakStyles = [...content.matchAll(/<style:style style:name="(ro\d+-b)" style:family="table-row"><style:table-row-properties [^>]*fo:break-before="page"/g)].map((m) => m[1]);
    expect(breakStyles.length).toBeGreaterThan(0);
    const rows = content.split('<table:table-row ').slice(1);
    const { starts } = printLayout(longSheet(80));
    const broken = rows.map((r, i) => (breakStyles.some((b) => r.startsWith(`table:style-name="${b}"`)) ? i : -1)).filter((i) => i >= 0);
    expect(broken).toEqual(starts);
    for (const s of starts) expect(rows[s]).toContain(`<text:p>${LABEL}</text:p>`);
  });

  it('gives a title’s covered cells the title style, so no column border is drawn beside the title', () => {
    const titleRow = content.split('<table:table-row ')[1];
    expect(titleRow).toContain('table:number-columns-spanned="3"');
    expect(titleRow.match(/<table:covered-table-cell table:style-name="ce-title-center"\/>/g)).toHaveLength(2);
  });
});

describe('.xlsx', () => {
  async function parts(sheet: Sheet) {
    const zip = await JSZip.loadAsync(await sheetToXlsx(sheet));
    const read = (p: string) => zip.file(p)!.async('string');
    return { styles: await read('xl/styles.xml'), workbook: await read('xl/workbook.xml'), ws: await read('xl/worksheets/sheet1.xml') };
  }

  it('makes the sheet face the default font (font 0, the Normal style) and uses no other face', async () => {
    const { styles } = await parts(longSheet(80));
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts[0]).toContain(`<name val="${SHEET_FONT}"/>`);
    expect(fonts[0]).toContain('<sz val="11"/>'); // column widths count its digits: 11 pt ≈ the 0.19 cm unit
    for (const f of fonts) expect(f).toContain(`<name val="${SHEET_FONT}"/>`);
    expect(styles).not.toMatch(/Calibri|新細明體|Times New Roman/);
  });

  it('prints the header rows on every page (Print_Titles) and breaks pages where the writers chose', async () => {
    const sheet = longSheet(80);
    const { workbook, ws } = await parts(sheet);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>(&apos;)?表(&apos;)?!\$2:\$3<\/definedName>/);
    const { starts } = printLayout(sheet);
    // <brk id="n"> is the last row (1-based) of a page: the row above a page start
    const breaks = [...ws.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => +m[1]);
    expect(breaks).toEqual(starts);
    const merged = [...ws.matchAll(/<mergeCell ref="A(\d+):A(\d+)"\/>/g)].map((m) => [+m[1], +m[2]]).filter(([a]) => a > 3);
    expect(merged.map(([a]) => a - 1)).toEqual([3, ...starts]);
  });
});
