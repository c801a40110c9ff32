// A Doc as an OpenDocument text (.odt), written directly like odsSheet.ts (see there for why): paragraphs with named
// automatic styles, and tables with merged cells and header rows Writer repeats across pages.
import { headerRange, isCovered, mergeAt, type Sheet } from '../../shared/domain/exportSheet';
import type { Doc, DocBlock } from './doc';
import { FONT_DECLS, NS, ODF_VERSION, ODT_MIME, odfPackage, odfParagraphs } from './odf';
import { columnWidthsCm, docMarginCm, pageCm } from './page';

const PARA_STYLES =
  '<style:style style:name="Ptitle" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>' +
  '<style:style style:name="Pheading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>' +
  '<style:style style:name="Pmeta" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>' +
  '<style:style style:name="Pbody" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="150%"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>' +
  '<style:style style:name="Pnote" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.1cm"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>' +
  '<style:style style:name="Pcell-left" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>' +
  '<style:style style:name="Pcell-center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>' +
  '<style:style style:name="Pcell-right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>' +
  '<style:style style:name="Phead" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>' +
  '<style:style style:name="Cbody" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle"/></style:style>' +
  '<style:style style:name="Chead" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle" fo:background-color="#eeeeee"/></style:style>';

function tableXml(sheet: Sheet, rows: number[], n: number): { styles: string; xml: string } {
  const widths = columnWidthsCm(sheet);
  const total = widths.reduce((a, b) => a + b, 0);
  const name = `T${n}`;
  const styles =
    `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${total.toFixed(3)}cm" table:align="center"/></style:style>` +
    widths.map((w, i) => `<style:style style:name="${name}.c${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`).join('');
  const head = headerRange(sheet);
  const rowXml = (r: number) => {
    const row = sheet.rows[r];
    const isHead = row.kind === 'header';
    const cells = sheet.columns.map((col, c) => {
      if (isCovered(sheet.merges, r, c)) return '<table:covered-table-cell/>';
      const m = mergeAt(sheet.merges, r, c);
      const span = m ? `${m.cols > 1 ? ` table:number-columns-spanned="${m.cols}"` : ''}${m.rows > 1 ? ` table:number-rows-spanned="${m.rows}"` : ''}` : '';
      const v = row.cells[c];
      const para = isHead ? 'Phead' : `Pcell-${col.align ?? 'left'}`;
      const type = typeof v === 'number' ? ` office:value-type="float" office:value="${v}"` : ' office:value-type="string"';
      return `<table:table-cell table:style-name="${isHead ? 'Chead' : 'Cbody'}"${type}${span}>${odfParagraphs(v == null ? '' : String(v), para)}</table:table-cell>`;
    });
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  };
  // header rows first (repeated by Writer on each page), then the rest
  const isHeadRow = (r: number) => head != null && r >= head[0] && r <= head[1];
  const headRows = rows.filter(isHeadRow);
  const bodyRows = rows.filter((r) => !isHeadRow(r));
  const xml =
    `<table:table table:name="${name}" table:style-name="${name}">` +
    widths.map((_, i) => `<table:table-column table:style-name="${name}.c${i}"/>`).join('') +
    (headRows.length ? `<table:table-header-rows>${headRows.map(rowXml).join('')}</table:table-header-rows>` : '') +
    bodyRows.map(rowXml).join('') +
    '</table:table>';
  return { styles, xml };
}

export function docContentXml(doc: Doc): string {
  const autoStyles: string[] = [];
  let tables = 0;
  const body = doc.blocks.map((b: DocBlock) => {
    if (b.kind === 'table') {
      const t = tableXml(b.sheet, b.rows, ++tables);
      autoStyles.push(t.styles);
      return t.xml;
    }
    return odfParagraphs(b.text, `P${b.kind}`);
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="${ODF_VERSION}">${FONT_DECLS}` +
    `<office:automatic-styles>${PARA_STYLES}${autoStyles.join('')}</office:automatic-styles>` +
    `<office:body><office:text>${body.join('')}</office:text></office:body></office:document-content>`
  );
}

export function docStylesXml(doc: Doc): string {
  const page = pageCm(doc);
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="${ODF_VERSION}">${FONT_DECLS}` +
    '<office:styles><style:default-style style:family="paragraph">' +
    '<style:text-properties style:font-name="Times New Roman" style:font-name-asian="新細明體" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="TW" style:language-asian="zh" style:country-asian="TW"/>' +
    '</style:default-style></office:styles>' +
    '<office:automatic-styles><style:page-layout style:name="pm1">' +
    `<style:page-layout-properties fo:page-width="${page.width}cm" fo:page-height="${page.height}cm" style:print-orientation="${doc.orientation}" fo:margin="${docMarginCm(doc)}cm"/>` +
    '</style:page-layout></office:automatic-styles>' +
    '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>' +
    '</office:document-styles>'
  );
}

export function docToOdt(doc: Doc): Promise<Buffer> {
  return odfPackage(ODT_MIME, { content: docContentXml(doc), styles: docStylesXml(doc), title: doc.title });
}
