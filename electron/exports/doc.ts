// A word-processor document as plain data: headings, paragraphs and sheet tables. The .docx, .odt and .txt writers
// all take this, and a form's Sheet becomes one with `sheetToDoc`, so a table reads the same in every format.
import { isCovered, type Sheet } from '../../shared/domain/exportSheet';

export type DocBlock =
  | { kind: 'title' | 'heading' | 'meta' | 'body' | 'note'; text: string }
  /** a table of the sheet's rows `rows` (header + body, contiguous) */
  | { kind: 'table'; sheet: Sheet; rows: number[] };

export interface Doc {
  title: string;
  orientation: 'portrait' | 'landscape';
  blocks: DocBlock[];
}

export function sheetToDoc(sheet: Sheet): Doc {
  const blocks: DocBlock[] = [];
  sheet.rows.forEach((row, i) => {
    const texts = row.cells.filter((v, c) => v != null && v !== '' && !isCovered(sheet.merges, i, c)).map(String);
    if (row.kind === 'title') blocks.push({ kind: 'title', text: texts.join(' ') });
    else if (row.kind === 'meta') blocks.push({ kind: 'meta', text: texts.join('　　') });
    else if (row.kind === 'note') blocks.push({ kind: 'note', text: texts.join(' ') });
    else {
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows.push(i);
      else blocks.push({ kind: 'table', sheet, rows: [i] });
    }
  });
  return { title: sheet.title, orientation: sheet.orientation, blocks };
}

/** Plain text: paragraphs separated by a blank line, table rows as tab-separated lines (line breaks in a cell → space). */
export function docToText(doc: Doc): string {
  const parts = doc.blocks.map((b) => {
    if (b.kind !== 'table') return b.text;
    return b.rows
      .map((r) => b.sheet.rows[r].cells.map((v, c) => (v == null || isCovered(b.sheet.merges, r, c) ? '' : String(v).replace(/\s*\n\s*/g, ' '))).join('\t'))
      .join('\n');
  });
  // consecutive notes stay together; other blocks are separated by a blank line
  return `${parts.map((p, i) => (i === 0 ? '' : doc.blocks[i].kind === 'note' && doc.blocks[i - 1].kind === 'note' ? '\n' : '\n\n') + p).join('')}\n`;
}
