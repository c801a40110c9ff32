// The parts every OpenDocument file shares: XML text escaping, the manifest, meta.xml, and the zip layout the
// standard requires (ODF 1.2 part 3 §3.3): `mimetype` first, stored uncompressed, so tools can sniff the type.
import { stripXmlInvalid } from './safeText';
import { zipEntries } from './zip';

export const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

export const ODF_VERSION = '1.2';
export const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
export const ODT_MIME = 'application/vnd.oasis.opendocument.text';

/** The fonts forms are set in: a Traditional Chinese face for CJK, Times for Latin; readers substitute what is missing. */
export const FONT_DECLS =
  '<office:font-face-decls>' +
  '<style:font-face style:name="新細明體" svg:font-family="新細明體" style:font-family-generic="roman"/>' +
  '<style:font-face style:name="Times New Roman" svg:font-family="&apos;Times New Roman&apos;" style:font-family-generic="roman"/>' +
  '</office:font-face-decls>';

// Most cells are plain names and dates: one test lets them skip the five replacements (a register has ~15,000 cells).
const NEEDS_ESCAPE = /[&<>"\u0000-\u001F\uFFFE\uFFFF]/;
const NEEDS_INLINE = /[&<>"\u0000-\u001F\uFFFE\uFFFF]|^ | {2}/;

export function esc(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return stripXmlInvalid(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One line of text as ODF paragraph content: ODF collapses runs of spaces and drops tabs unless written as
 * <text:s/> and <text:tab/>; a CR becomes a character reference so parsers do not normalise it away.
 */
export function odfInline(line: string): string {
  if (!NEEDS_INLINE.test(line)) return line;
  return esc(line)
    .replace(/\t/g, '<text:tab/>')
    .replace(/\r/g, '&#13;')
    .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)
    .replace(/^ /, '<text:s/>');
}

/** Text with line breaks as consecutive <text:p> paragraphs (how spreadsheets store multi-line cells). */
export function odfParagraphs(text: string, styleName?: string): string {
  const attr = styleName ? ` text:style-name="${styleName}"` : '';
  if (!text.includes('\n')) return `<text:p${attr}>${odfInline(text)}</text:p>`;
  return text
    .split('\n')
    .map((line) => `<text:p${attr}>${odfInline(line)}</text:p>`)
    .join('');
}

function metaXml(title: string): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS} office:version="${ODF_VERSION}"><office:meta>` +
    `<meta:generator>Staffbook</meta:generator><dc:title>${esc(title)}</dc:title><meta:creation-date>${now}</meta:creation-date>` +
    `</office:meta></office:document-meta>`
  );
}

function manifestXml(mime: string): string {
  const entry = (p: string, type: string) => `<manifest:file-entry manifest:full-path="${p}" manifest:media-type="${type}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="${ODF_VERSION}">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="${ODF_VERSION}" manifest:media-type="${mime}"/>` +
    entry('content.xml', 'text/xml') +
    entry('styles.xml', 'text/xml') +
    entry('meta.xml', 'text/xml') +
    '</manifest:manifest>'
  );
}

export async function odfPackage(mime: string, parts: { content: string; styles: string; title: string }): Promise<Buffer> {
  return zipEntries([
    { name: 'mimetype', data: mime, store: true },
    { name: 'content.xml', data: parts.content },
    { name: 'styles.xml', data: parts.styles },
    { name: 'meta.xml', data: metaXml(parts.title) },
    { name: 'META-INF/manifest.xml', data: manifestXml(mime) },
  ]);
}
