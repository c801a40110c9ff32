// A Sheet as an OpenDocument spreadsheet (.ods), written directly: content.xml + styles.xml zipped by odf.ts.
// Why our own module: no maintained npm library writes ODS with merged cells and print settings except SheetJS,
// whose npm release (0.18.5) carries unfixed advisories; LibreOffice is not on every office PC. ODF's table model is
// small — this file covers exactly what the forms use: text/number cells, merges (spanned + covered cells), column
// widths, row heights, borders, wrap, A4 page and header rows repeated on every printed page (<table:table-header-rows>).
import { cellAlign, headerRange, mergeLookup, type CellValue, type RowKind, type Sheet } from '../../shared/domain/exportSheet';
import { esc, NS, ODF_VERSION, ODS_MIME, odfPackage, odfParagraphs } from './odf';
import { columnWidthsCm, MARGIN_CM, pageCm } from './page';
import { SHEET_FONT_DECLS, SHEET_FONT_ODF } from './sheetFont';
import { printLayout } from './sheetPages';
import { neutralise } from './safeText';

const ALIGN = { left: 'start', center: 'center', right: 'end' } as const;

function cellStyleName(kind: RowKind, align: keyof typeof ALIGN): string {
  return `ce-${kind}-${align}`;
}

function cellStyles(): string {
  const out: string[] = [];
  const kinds: RowKind[] = ['title', 'meta', 'header', 'group', 'body', 'note'];
  for (const kind of kinds) {
    for (const align of Object.keys(ALIGN) as (keyof typeof ALIGN)[]) {
      const boxed = kind === 'header' || kind === 'body' || kind === 'group';
      const size = kind === 'title' ? '14pt' : kind === 'note' ? '9pt' : '10pt';
      const bold = kind === 'title' || kind === 'header' || kind === 'group';
      out.push(
        `<style:style style:name="${cellStyleName(kind, align)}" style:family="table-cell" style:parent-style-name="Default">` +
          `<style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle"${boxed ? ' fo:border="0.5pt solid #000000"' : ''}${kind === 'header' ? ' fo:background-color="#eeeeee"' : ''}/>` +
          `<style:paragraph-properties fo:text-align="${ALIGN[align]}"/>` +
          `<style:text-properties fo:font-size="${size}" style:font-size-asian="${size}" style:font-size-complex="${size}"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' : ''}/>` +
          '</style:style>',
      );
    }
  }
  return out.join('');
}

const PLAIN_TEXT = /^(?![=+\-@ ])[^&<>"\u0000-\u001F\uFFFE\uFFFF]*$/;

/** `style` null: the cell takes its column's default style (body cells — most of a register — say nothing). */
function cellXml(value: CellValue, style: string | null, merge?: { rows: number; cols: number }): string {
  const span = merge ? `${merge.cols > 1 ? ` table:number-columns-spanned="${merge.cols}"` : ''}${merge.rows > 1 ? ` table:number-rows-spanned="${merge.rows}"` : ''}` : '';
  const named = style ? ` table:style-name="${style}"` : '';
  if (value == null || value === '') return `<table:table-cell${named}${span}/>`;
  if (typeof value === 'number') {
    return `<table:table-cell${named} office:value-type="float" office:value="${value}"${span}><text:p>${value}</text:p></table:table-cell>`;
  }
  // most cells are plain text: no formula start, nothing to escape, no line break or run of spaces
  if (PLAIN_TEXT.test(value) && !value.includes('  ')) return `<table:table-cell${named} office:value-type="string"${span}><text:p>${value}</text:p></table:table-cell>`;
  return `<table:table-cell${named} office:value-type="string"${span}>${odfParagraphs(neutralise(value))}</table:table-cell>`;
}

/**
 * A covered cell inside a merge takes its row's style: left bare it would take the column's default, the boxed body
 * style, and readers draw that border beside a title or note (the stray line right of the 附件五 title).
 */
function coveredXml(style: string | null): string {
  return style ? `<table:covered-table-cell table:style-name="${style}"/>` : '<table:covered-table-cell/>';
}

export function sheetContentXml(form: Sheet): string {
  // page breaks fixed here, merged labels cut at them (sheetPages.ts): each printed page names its 人力來源
  const { sheet, starts, heights } = printLayout(form);
  const breaks = new Set(starts);
  const merge = mergeLookup(sheet.merges);
  const widths = columnWidthsCm(sheet);
  const distinctHeights = [...new Set(heights)];
  const colStyles = widths.map((w, i) => `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`);
  // a row that begins a page carries a manual break: one extra style per height used at a break ("roN-b")
  const rowStyle = (h: number, i: number, brk: boolean) =>
    `<style:style style:name="ro${i}${brk ? '-b' : ''}" style:family="table-row"><style:table-row-properties style:row-height="${h}cm"${brk ? ' fo:break-before="page"' : ''} style:use-optimal-row-height="false"/></style:style>`;
  const breakHeights = new Set(starts.map((r) => heights[r]));
  const rowStyles = distinctHeights.flatMap((h, i) => (breakHeights.has(h) ? [rowStyle(h, i, false), rowStyle(h, i, true)] : [rowStyle(h, i, false)]));
  const heightStyle = new Map(distinctHeights.map((h, i) => [h, `ro${i}`]));

  // each column's default cell style is the body style of its alignment, so body cells need no style attribute;
  // a cell's style depends only on its row kind and column, so each kind's list is worked out once
  const bodyStyles = sheet.columns.map((col) => cellStyleName('body', col.align ?? 'left'));
  const stylesByKind = new Map<RowKind, (string | null)[]>();
  const stylesOf = (r: number) => {
    const kind = sheet.rows[r].kind;
    let styles = stylesByKind.get(kind);
    if (!styles) {
      styles = sheet.columns.map((_col, c) => {
        const style = cellStyleName(kind, cellAlign(sheet, r, c));
        return style === bodyStyles[c] ? null : style;
      });
      stylesByKind.set(kind, styles);
    }
    return styles;
  };

  // one array for the whole document, joined once (a register is ~1 MB of two-byte text; each extra flat copy of it was
  // garbage the next collection had to sweep); a row's cells are appended to one string, which join flattens once
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="${ODF_VERSION}">${SHEET_FONT_DECLS}`,
    '<office:automatic-styles>',
    ...colStyles,
    ...rowStyles,
    '<style:style style:name="ta1" style:family="table" style:master-page-name="Form"><style:table-properties table:display="true"/></style:style>',
    cellStyles(),
    '</office:automatic-styles><office:body><office:spreadsheet>',
    `<table:table table:name="${esc(sheet.name)}" table:style-name="ta1">`,
    ...widths.map((_, i) => `<table:table-column table:style-name="co${i}" table:default-cell-style-name="${bodyStyles[i]}"/>`),
  ];
  const head = headerRange(sheet);
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r].cells;
    const styles = stylesOf(r);
    if (head && r === head[0]) out.push('<table:table-header-rows>');
    let row = `<table:table-row table:style-name="${heightStyle.get(heights[r])}${breaks.has(r) ? '-b' : ''}">`;
    for (let c = 0; c < sheet.columns.length; c++) {
      const m = merge(r, c);
      row += m === 'covered' ? coveredXml(styles[c]) : cellXml(cells[c] ?? null, styles[c], m);
    }
    out.push(row + '</table:table-row>');
    if (head && r === head[1]) out.push('</table:table-header-rows>');
  }
  out.push('</table:table></office:spreadsheet></office:body></office:document-content>');
  return out.join('');
}

export function sheetStylesXml(sheet: Pick<Sheet, 'orientation'>): string {
  const page = pageCm(sheet);
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="${ODF_VERSION}">${SHEET_FONT_DECLS}` +
    '<office:styles><style:style style:name="Default" style:family="table-cell">' +
    `<style:text-properties ${SHEET_FONT_ODF} fo:font-size="10pt" style:font-size-asian="10pt" style:font-size-complex="10pt"/>` +
    '</style:style></office:styles>' +
    '<office:automatic-styles><style:page-layout style:name="pm1">' +
    `<style:page-layout-properties fo:page-width="${page.width}cm" fo:page-height="${page.height}cm" style:print-orientation="${sheet.orientation}" fo:margin-top="${MARGIN_CM}cm" fo:margin-bottom="${MARGIN_CM}cm" fo:margin-left="${MARGIN_CM}cm" fo:margin-right="${MARGIN_CM}cm" style:print-page-order="ttb" style:scale-to-X="1" style:table-centering="horizontal" style:print="charts drawings objects zero-values"/>` +
    '<style:header-style/><style:footer-style/>' +
    '</style:page-layout></office:automatic-styles>' +
    '<office:master-styles><style:master-page style:name="Form" style:page-layout-name="pm1"/></office:master-styles>' +
    '</office:document-styles>'
  );
}

export function sheetToOds(sheet: Sheet): Promise<Buffer> {
  return odfPackage(ODS_MIME, { content: sheetContentXml(sheet), styles: sheetStylesXml(sheet), title: sheet.title });
}
