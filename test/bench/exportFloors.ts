// The floor of an export: the least work that could produce the same file from the same database — one hand-written
// SQL query reading the rows the form is made of (no computing: stints, 年資 and months are left undone, so this is
// below the true least work), then the spreadsheet library writing the same cells, nothing else (no styles, merges or
// print setup). For .xlsx that library is exceljs; for .ods there is none we may use (see electron/exports/odsSheet.ts),
// so it is the least ODF that holds the cells — content.xml with one table — zipped by the same writer odf.ts uses
// (electron/exports/zip.ts, Node's zlib).
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { zipEntries } from '../../electron/exports/zip';
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
  return zipEntries([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
    { name: 'content.xml', data: content },
    {
      name: 'META-INF/manifest.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
  ]);
}

/**
 * Everything the 附件五 register is made of, read with the fewest, leanest statements: the plan-role periods (whole
 * histories — a stint can start years back) of the people employed between `from` and `to`, those people, their
 * 留職停薪, and the month-end caseload records. Four plain statements cost less than one that joins them, which would
 * repeat each person and their leaves on every period row.
 */
const ACTIVE = 'SELECT person_id FROM periods WHERE start_date <= @to AND (end_date IS NULL OR end_date >= @from)';
export const REGISTER_SOURCE_SQL = [
  `SELECT person_id, role_code, funding, business_group, admin_unit, title, start_date, end_date FROM periods
   WHERE person_id IN (${ACTIVE}) AND role_code IN (SELECT code FROM roles WHERE kind IN ('case_manager', 'supervisor', 'project_manager', 'own'))`,
  `SELECT id, name, education, department, certificate FROM people WHERE id IN (${ACTIVE})`,
  `SELECT person_id, start_date, end_date FROM leaves WHERE person_id IN (${ACTIVE})`,
  'SELECT person_id, cumulative, active FROM caseloads WHERE month_end = @monthEnd',
];

export function readRegisterSource(db: Database.Database, from: string, to: string, monthEnd: string) {
  const [periods, people, leaves, caseloads] = REGISTER_SOURCE_SQL.map((sql, i) =>
    db.prepare(sql).raw(true).all(i === 3 ? { monthEnd } : { from, to }) as unknown[][],
  );
  return { periods, people, leaves, caseloads };
}
