// Readers for the exported files that share no code with the writers: a minimal XML parser over the zipped parts
// (jszip), so an .xlsx written by exceljs is read back without exceljs, and our .ods/.odt without our ODF module.
import JSZip from 'jszip';

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITY[e] ?? m),
  );
}

export function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m; (m = re.exec(xml)); ) {
    const top = stack[stack.length - 1];
    if (m[1] != null) top.children.push(m[1]);
    else if (m[6] != null) top.children.push(decode(m[6]));
    else if (m[3]) {
      if (m[2]) {
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3]);
      const el: El = { name: m[3], attrs, children: [] };
      top.children.push(el);
      if (!m[5]) stack.push(el);
    }
  }
  return root;
}

export const kids = (e: El, name?: string) => e.children.filter((c): c is El => typeof c !== 'string' && (!name || c.name === name));
export function all(e: El, name: string): El[] {
  const out: El[] = [];
  const walk = (x: El) => kids(x).forEach((c) => (c.name === name && out.push(c), walk(c)));
  walk(e);
  return out;
}
export const text = (e: El): string => e.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

export type Cell = string | number | null;
export interface ReadSheet {
  grid: Cell[][];
  /** 0-based merges */
  merges: { row: number; col: number; rows: number; cols: number }[];
  /** 0-based header rows repeated when printing */
  repeatRows: number[];
  orientation: string | null;
  formulas: number;
}

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** .xlsx → values (shared strings resolved), merges, print titles; never touches exceljs. */
export async function readXlsx(bytes: Buffer): Promise<ReadSheet> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (p: string) => parseXml((await zip.file(p)?.async('string')) ?? '');
  const shared = all(await part('xl/sharedStrings.xml'), 'si').map((si) =>
    all(si, 't')
      .filter((t) => !all(si, 'rPh').some((ph) => all(ph, 't').includes(t)))
      .map(text)
      .join(''),
  );
  const ws = await part('xl/worksheets/sheet1.xml');
  const grid: Cell[][] = [];
  let formulas = 0;
  for (const row of all(ws, 'row')) {
    const r = Number(row.attrs.r) - 1;
    for (const c of kids(row, 'c')) {
      const col = colIndex(c.attrs.r);
      if (kids(c, 'f').length) formulas++;
      const v = kids(c, 'v')[0];
      let value: Cell = null;
      if (c.attrs.t === 's' && v) value = shared[Number(text(v))];
      else if (c.attrs.t === 'inlineStr') value = all(c, 't').map(text).join('');
      else if (c.attrs.t === 'str' && v) value = text(v);
      else if (v) value = Number(text(v));
      (grid[r] ??= [])[col] = value;
    }
  }
  const merges = all(ws, 'mergeCell').map((m) => {
    const [a, b] = m.attrs.ref.split(':');
    const [r1, r2] = [Number(a.match(/\d+/)![0]) - 1, Number(b.match(/\d+/)![0]) - 1];
    return { row: r1, col: colIndex(a), rows: r2 - r1 + 1, cols: colIndex(b) - colIndex(a) + 1 };
  });
  const titles = all(await part('xl/workbook.xml'), 'definedName').find((d) => d.attrs.name === '_xlnm.Print_Titles');
  const rr = titles ? text(titles).match(/\$(\d+):\$(\d+)/) : null;
  const repeatRows = rr ? Array.from({ length: +rr[2] - +rr[1] + 1 }, (_, i) => +rr[1] - 1 + i) : [];
  return { grid: square(grid), merges, repeatRows, orientation: all(ws, 'pageSetup')[0]?.attrs.orientation ?? null, formulas };
}

function square(grid: Cell[][]): Cell[][] {
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  return Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null));
}

/** ODF paragraph text: <text:s/> spaces, <text:tab/>, <text:line-break/>. */
function odfText(e: El): string {
  return e.children
    .map((c) => {
      if (typeof c === 'string') return c;
      if (c.name === 'text:s') return ' '.repeat(Number(c.attrs['text:c'] ?? 1));
      if (c.name === 'text:tab') return '\t';
      if (c.name === 'text:line-break') return '\n';
      return odfText(c);
    })
    .join('');
}

/** .ods → the first table's values, merges (from spans) and the rows inside <table:table-header-rows>. */
export async function readOds(bytes: Buffer): Promise<ReadSheet & { styles: El }> {
  const zip = await JSZip.loadAsync(bytes);
  const content = parseXml(await zip.file('content.xml')!.async('string'));
  const styles = parseXml(await zip.file('styles.xml')!.async('string'));
  const table = all(content, 'table:table')[0];
  const grid: Cell[][] = [];
  const merges: ReadSheet['merges'] = [];
  const repeatRows: number[] = [];
  let formulas = 0;
  const rowsOf = (e: El): { row: El; header: boolean }[] =>
    kids(e).flatMap((c) => (c.name === 'table:table-row' ? [{ row: c, header: e.name === 'table:table-header-rows' }] : c.name === 'table:table-header-rows' || c.name === 'table:table-rows' ? rowsOf(c) : []));
  for (const { row, header } of rowsOf(table)) {
    for (let rep = Number(row.attrs['table:number-rows-repeated'] ?? 1); rep > 0; rep--) {
      const r = grid.length;
      if (header) repeatRows.push(r);
      const cells: Cell[] = [];
      for (const c of kids(row)) {
        for (let n = Number(c.attrs['table:number-columns-repeated'] ?? 1); n > 0; n--) {
          const col = cells.length;
          if (c.attrs['table:formula']) formulas++;
          const type = c.attrs['office:value-type'];
          cells.push(c.name === 'table:covered-table-cell' || !type ? null : type === 'float' ? Number(c.attrs['office:value']) : kids(c, 'text:p').map(odfText).join('\n'));
          const rs = Number(c.attrs['table:number-rows-spanned'] ?? 1);
          const cs = Number(c.attrs['table:number-columns-spanned'] ?? 1);
          if (rs > 1 || cs > 1) merges.push({ row: r, col, rows: rs, cols: cs });
        }
      }
      grid.push(cells);
    }
  }
  const layout = all(styles, 'style:page-layout-properties')[0];
  return { grid: square(grid), merges, repeatRows, orientation: layout?.attrs['style:print-orientation'] ?? null, formulas, styles };
}

/** .docx → paragraphs of word/document.xml as lines (table cells included, in reading order). */
export async function readDocxText(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = parseXml(await zip.file('word/document.xml')!.async('string'));
  return all(doc, 'w:p').map((p) => all(p, 'w:t').map(text).join(''));
}

/** .odt → paragraphs of content.xml as lines. */
export async function readOdtText(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return all(parseXml(await zip.file('content.xml')!.async('string')), 'text:p').map(odfText);
}

/** The zip's first local file header: name, compression method (0 = stored) and extra-field length. */
export function firstZipEntry(bytes: Buffer): { name: string; method: number; extra: number } {
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip');
  const nameLen = bytes.readUInt16LE(26);
  return { method: bytes.readUInt16LE(8), extra: bytes.readUInt16LE(28), name: bytes.subarray(30, 30 + nameLen).toString('utf8') };
}
