// The floor of an export: the spreadsheet library writing the same cells, nothing else (no styles, merges or print
// setup). For .xlsx that library is exceljs; for .ods there is none we may use (see electron/exports/odsSheet.ts), so
// the floor is the least ODF that holds the cells — content.xml with one table — zipped by jszip, which odf.ts uses.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../shared/domain/exportSheet';

export async function xlsxFloor(rows: CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件五');
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function odsFloor(rows: CellValue[][]): Promise<Buffer> {
  const cell = (v: CellValue) =>
    v == null || v === ''
      ? '<table:table-cell/>'
      : typeof v === 'number'
        ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`
        : `<table:table-cell office:value-type="string"><text:p>${esc(v)}</text:p></table:table-cell>`;
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    '<office:body><office:spreadsheet><table:table table:name="附件五">' +
    rows.map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`).join('') +
    '</table:table></office:spreadsheet></office:body></office:document-content>';
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('content.xml', Buffer.from(content, 'utf8')); // as bytes, as odf.ts hands it over
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
      '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
