// A Doc as .docx through the `docx` library (maintained, typed, writes tables with merged cells and repeated header
// rows). Traditional Chinese text is set in 標楷體, the face ministry forms use; Word/LibreOffice substitute if absent.
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { headerRange, isCovered, mergeAt, type Sheet } from '../../shared/domain/exportSheet';
import type { Doc, DocBlock } from './doc';
import { columnWidthsCm, docMarginCm } from './page';
import { stripXmlInvalid } from './safeText';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TWIP_PER_CM = 567;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '標楷體' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function lines(text: string, opts: { size: number; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }): Paragraph[] {
  return stripXmlInvalid(text)
    .split('\n')
    .map((line) => new Paragraph({ alignment: opts.align, children: [new TextRun({ text: line, size: opts.size, bold: opts.bold, font: FONT })] }));
}

function table(sheet: Sheet, rows: number[]): Table {
  const widths = columnWidthsCm(sheet).map((w) => Math.round(w * TWIP_PER_CM));
  const head = headerRange(sheet);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map((r) => {
      const row = sheet.rows[r];
      const header = row.kind === 'header';
      const cells: TableCell[] = [];
      sheet.columns.forEach((col, c) => {
        // covered cells are left out: the library adds the vertical-merge continuations itself
        if (isCovered(sheet.merges, r, c)) return;
        const m = mergeAt(sheet.merges, r, c);
        const v = row.cells[c];
        cells.push(
          new TableCell({
            columnSpan: m && m.cols > 1 ? m.cols : undefined,
            rowSpan: m && m.rows > 1 ? m.rows : undefined,
            verticalAlign: VerticalAlign.CENTER,
            shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined,
            children: lines(v == null ? '' : String(v), { size: 20, bold: header || row.kind === 'group', align: header ? AlignmentType.CENTER : ALIGN[col.align ?? 'left'] }),
          }),
        );
      });
      return new TableRow({ tableHeader: header && head != null && r <= head[1], cantSplit: true, children: cells });
    }),
  });
}

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return lines(b.text, { size: 32, bold: true, align: AlignmentType.CENTER });
    case 'heading':
      return lines(b.text, { size: 28, bold: true });
    case 'meta':
      return lines(b.text, { size: 22 });
    case 'note':
      return lines(b.text, { size: 18 });
    case 'body':
      return lines(b.text, { size: 24, align: AlignmentType.JUSTIFIED });
    case 'table':
      return [table(b.sheet, b.rows)];
  }
}

export async function docToDocx(doc: Doc): Promise<Buffer> {
  const margin = Math.round(docMarginCm(doc) * TWIP_PER_CM);
  const document = new Document({
    creator: '人力簿 Staffbook',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            // docx wants portrait dimensions plus the orientation flag; it swaps them itself
            size: { width: Math.round(21 * TWIP_PER_CM), height: Math.round(29.7 * TWIP_PER_CM), orientation: doc.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: margin, bottom: margin, left: margin, right: margin },
          },
        },
        children: doc.blocks.flatMap(block),
      },
    ],
  });
  return Packer.toBuffer(document);
}
