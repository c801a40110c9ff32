// The zip writer under .ods/.odt files: what it writes, another zip reader (jszip) reads back byte for byte, and the
// ODF layout rule holds (mimetype first, stored, its name and value readable at fixed offsets).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../electron/exports/zip';

describe('zipEntries', () => {
  const text = '人力簿 附件五\n'.repeat(5000) + 'Ｍ２２ 全形 & <xml/>';
  const bytes = Buffer.from([0, 1, 2, 255, 254, 0, 7]);
  const zip = zipEntries([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
    { name: 'content.xml', data: text },
    { name: 'META-INF/manifest.xml', data: '<manifest/>' },
    { name: 'bin/raw.dat', data: bytes },
  ]);

  it('is read back by another zip reader, every entry equal to what was written', async () => {
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(read.files).filter((n) => !read.files[n].dir)).toEqual(['mimetype', 'content.xml', 'META-INF/manifest.xml', 'bin/raw.dat']);
    expect(await read.file('content.xml')!.async('string')).toBe(text);
    expect(await read.file('META-INF/manifest.xml')!.async('string')).toBe('<manifest/>');
    expect(Buffer.from(await read.file('bin/raw.dat')!.async('uint8array'))).toEqual(bytes);
  });

  it('stores mimetype first and uncompressed, so the type is readable at byte 30 (ODF 1.2 part 3 §3.3)', () => {
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(8)).toBe(0); // method: stored
    expect(zip.readUInt16LE(28)).toBe(0); // no extra field
    expect(zip.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(zip.subarray(38, 38 + 46).toString('latin1')).toBe('application/vnd.oasis.opendocument.spreadsheet');
  });

  it('deflates the rest', () => {
    expect(zip.length).toBeLessThan(Buffer.byteLength(text) / 10);
  });
});
