// A Doc as .docx through the `docx` library (maintained, typed, writes tables with merged cells and repeated header
// rows). Traditional Chinese text is set in 標楷體, the face ministry forms use; Word/LibreOffice substitute if absent.
import type * as Docx from 'docx';
import { headerRange, isCovered, mergeAt, type Sheet } from '../../shared/domain/exportSheet';
import type { Doc, DocBlock } from './doc';
import { columnWidthsCm, docMarginCm } from './page';
import { stripXmlInvalid } from './safeText';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TWIP_PER_CM = 567;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '標楷體' };

// The library is loaded on first use, as every file library is (see xlsxSheet.ts); the builders below get it passed in.
type Lib = typeof Docx;

function lines(d: Lib, text: string, opts: { size: number; bold?: boolean; align?: (typeof Docx.AlignmentType)[keyof typeof Docx.AlignmentType] }): Docx.Paragraph[] {
  const { Paragraph, TextRun } = d;
  return stripXmlInvalid(text)
    .split('\n')
    .map((line) => new Paragraph({ alignment: opts.align, children: [new TextRun({ text: line, size: opts.size, bold: opts.bold, font: FONT })] }));
}

function table(d: Lib, sheet: Sheet, rows: number[]): Docx.Table {
  const { AlignmentType, ShadingType, Table, TableCell, TableRow, VerticalAlign, WidthType } = d;
  const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const widths = columnWidthsCm(sheet).map((w) => Math.round(w * TWIP_PER_CM));
  const head = headerRange(sheet);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map((r) => {
      const row = sheet.rows[r];
      const header = row.kind === 'header';
      const cells: Docx.TableCell[] = [];
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
            children: lines(d, v == null ? '' : String(v), { size: 20, bold: header || row.kind === 'group', align: header ? AlignmentType.CENTER : ALIGN[col.align ?? 'left'] }),
          }),
        );
      });
      return new TableRow({ tableHeader: header && head != null && r <= head[1], cantSplit: true, children: cells });
    }),
  });
}

function block(d: Lib, b: DocBlock): (Docx.Paragraph | Docx.Table)[] {
  const { AlignmentType } = d;
  switch (b.kind) {
    case 'title':
      return lines(d, b.text, { size: 32, bold: true, align: AlignmentType.CENTER });
    case 'heading':
      return lines(d, b.text, { size: 28, bold: true });
    case 'meta':
      return lines(d, b.text, { size: 22 });
    case 'note':
      return lines(d, b.text, { size: 18 });
    case 'body':
      return lines(d, b.text, { size: 24, align: AlignmentType.JUSTIFIED });
    case 'table':
      return [table(d, b.sheet, b.rows)];
  }
}

export async function docToDocx(doc: Doc): Promise<Buffer> {
  const d = await import('docx');
  const { Document, Packer, PageOrientation } = d;
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
        children: doc.blocks.flatMap((b) => block(d, b)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
