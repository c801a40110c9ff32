// The writers' own rules: ODF packaging, ODS structure (merges as covered cells, repeated header rows), ODF text
// escaping, print-view pagination with merges clipped per page, and atomic file writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fullWidthRow, type Sheet } from '../../shared/domain/exportSheet';
import { writeFileAtomic } from '../../electron/exports/atomicWrite';
import { odfInline } from '../../electron/exports/odf';
import { sheetContentXml, sheetToOds } from '../../electron/exports/odsSheet';
import { paginate, sheetHtml } from '../../electron/exports/printHtml';

function sample(bodyRows: number): Sheet {
  const s: Sheet = { name: '表', title: '測試表', columns: [{ width: 10 }, { width: 20 }, { width: 10 }], rows: [], merges: [], orientation: 'landscape' };
  fullWidthRow(s, 'title', '測試表');
  s.rows.push({ kind: 'header', cells: ['甲', '乙', null] }, { kind: 'header', cells: [null, '丙', '丁'] });
  s.merges.push({ row: 1, col: 0, rows: 2, cols: 1 }, { row: 1, col: 1, rows: 1, cols: 2 });
  for (let i = 0; i < bodyRows; i++) s.rows.push({ kind: 'body', cells: [i === 0 ? '群組' : null, `第${i + 1}列`, i] });
  s.merges.push({ row: 3, col: 0, rows: bodyRows, cols: 1 });
  fullWidthRow(s, 'note', '註：說明');
  return s;
}

describe('ODS writer', () => {
  it('zips mimetype first and stored, with a manifest naming every part', async () => {
    const bytes = await sheetToOds(sample(3));
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.readUInt16LE(8)).toBe(0);
    const zip = await JSZip.loadAsync(bytes);
    const manifest = await zip.file('META-INF/manifest.xml')!.async('string');
    for (const part of ['content.xml', 'styles.xml', 'meta.xml']) expect(manifest).toContain(`manifest:full-path="${part}"`);
    expect(manifest).toContain('manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"');
  });

  it('writes merges as spans plus covered cells, and wraps the header rows for repeating', () => {
    const xml = sheetContentXml(sample(3));
    expect(xml.match(/<table:table-header-rows>.*?<\/table:table-header-rows>/)![0].match(/<table:table-row /g)).toHaveLength(2);
    expect(xml).toContain('table:number-rows-spanned="2"');
    expect(xml).toContain('table:number-columns-spanned="2"');
    // title (2 covered) + header (1 + 1) + body label block (2) + note (2)
    expect(xml.match(/<table:covered-table-cell[ />]/g)).toHaveLength(8);
    // only the body block's covered cells take the column's boxed default; title, header and note name their row's
    expect(xml.match(/<table:covered-table-cell\/>/g)).toHaveLength(2);
    expect(xml).toContain('<table:covered-table-cell table:style-name="ce-title-center"/>');
    expect(xml).toContain('office:value-type="float" office:value="2"');
  });

  it('escapes markup, keeps runs of spaces and tabs, and drops characters XML cannot hold', () => {
    expect(odfInline('a  b\tc <d> & "e"\u0001')).toBe('a <text:s text:c="1"/>b<text:tab/>c &lt;d&gt; &amp; &quot;e&quot;');
    expect(odfInline(' x')).toBe('<text:s/>x');
  });
});

describe('print view pagination', () => {
  it('cuts body rows into pages, repeats header rows, and re-opens a merged label on each page it continues to', () => {
    const s = sample(80);
    const layout = paginate(s);
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(layout.pages.flat()).toEqual(Array.from({ length: 80 }, (_, i) => 3 + i));
    const { html, pages } = sheetHtml(s);
    expect(pages).toBe(layout.pages.length);
    expect(html.match(/<section class="page">/g)).toHaveLength(pages);
    expect(html.match(/<thead>/g)).toHaveLength(pages);
    expect(html.match(/>群組</g)).toHaveLength(pages);
    expect(html).toContain(`rowspan="${layout.pages[0].length}"`);
    expect(html).toContain(`第 ${pages} 頁／共 ${pages} 頁`);
  });

  it('escapes cell text in HTML', () => {
    const s = sample(1);
    s.rows[3].cells[1] = '<script>x</script>';
    expect(sheetHtml(s).html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('atomic write', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-atomic-'));

  it('writes the bytes under the name and leaves no temp file', () => {
    const d = dir();
    writeFileAtomic(path.join(d, 'a.xlsx'), 'new');
    writeFileAtomic(path.join(d, 'a.xlsx'), 'newer');
    expect(fs.readdirSync(d)).toEqual(['a.xlsx']);
    expect(fs.readFileSync(path.join(d, 'a.xlsx'), 'utf8')).toBe('newer');
  });

  it('a failed rename leaves the target as it was and cleans up the temp file', () => {
    const d = dir();
    fs.mkdirSync(path.join(d, 'taken'));
    fs.writeFileSync(path.join(d, 'taken', 'keep'), 'x');
    expect(() => writeFileAtomic(path.join(d, 'taken'), 'bytes')).toThrow();
    expect(fs.readdirSync(d)).toEqual(['taken']);
    expect(fs.readdirSync(path.join(d, 'taken'))).toEqual(['keep']);
  });
});
