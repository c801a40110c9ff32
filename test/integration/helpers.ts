// Shared by the integration suites: a real back end on a SQLite file in a temp dir, file fixtures built at test time
// (CSV strings, Big5 bytes, .xlsx via exceljs) and a fingerprint of the database to prove "nothing was written".
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, expect } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiErrorData } from '../../shared/api/errors';
import { ROSTER_TEMPLATE_HEADERS } from '../../shared/domain/rosterImport';

// a copy of ../shared/samples/roster-sample.csv kept in the repository, so the suites run without the shared folder
export const SAMPLE_CSV_PATH = path.resolve(__dirname, '../fixtures/roster-sample.csv');
export const HEADER_LINE = ROSTER_TEMPLATE_HEADERS.join(',');

export interface TempBackend {
  backend: Backend;
  dir: string;
  dbPath: string;
  cleanup: () => void;
}

export function tempBackend(today = '2024-12-31'): TempBackend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-it-'));
  const dbPath = path.join(dir, 'staffbook.db');
  const backend = openBackend(dbPath, { today: () => today });
  return {
    backend,
    dir,
    dbPath,
    cleanup: () => {
      try {
        backend.close();
      } catch {
        /* already closed */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The trust suites' password for every account they make: long enough, and on no blocklist. */
export const PW = 'long-enough-pw-42';

/**
 * For suites whose tests each open their own back end in their own temp folder: after each test, close that back end
 * and remove the folder. `current` reads the suite's own variables, which its tests reassign.
 */
export function closeAfterEach(current: () => { b: Backend | undefined; dir: string | undefined }): void {
  afterEach(() => {
    const { b, dir } = current();
    b?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** Calls the dispatcher and insists on success; typed from the contract like the CLI's `call<M>`. */
export async function ok<M extends Method>(b: Backend, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.data;
}

/**
 * Calls the dispatcher and insists on failure. Method and input are deliberately untyped: these tests send what the
 * contract refuses (an unknown method, a wrong type, a day that does not exist) to prove the dispatcher says so.
 */
export async function fails(b: Backend, method: string, input: unknown): Promise<ApiErrorData> {
  const r = await b.dispatch(method, input);
  expect(r.ok, `${method} should have failed but returned ${JSON.stringify(r.ok ? r.data : null).slice(0, 300)}`).toBe(false);
  return (r as { ok: false; error: ApiErrorData }).error;
}

export function upload(fileName: string, content: Buffer | string): { fileName: string; contentBase64: string } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { fileName, contentBase64: bytes.toString('base64') };
}

/** One CSV line per row; the columns are the template's, given by short key. */
export type RowFields = Partial<Record<string, string>>;
export function csvOf(rows: RowFields[], opts: { header?: string; eol?: string } = {}): string {
  const keys = ROSTER_TEMPLATE_HEADERS.map((h) => h.replace(/[（(].*$/, ''));
  const eol = opts.eol ?? '\r\n';
  const lines = [opts.header ?? HEADER_LINE, ...rows.map((r) => keys.map((k) => r[k] ?? '').join(','))];
  return lines.join(eol) + eol;
}

/** Row counts and a SHA-256 over every row of every table (all columns, timestamps included). */
export function fingerprint(b: Backend): { people: number; periods: number; leaves: number; roles: number; hash: string } {
  const dump = (t: string) => b.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  const tables = { people: dump('people'), periods: dump('periods'), leaves: dump('leaves'), roles: dump('roles') };
  return {
    people: tables.people.length,
    periods: tables.periods.length,
    leaves: tables.leaves.length,
    roles: tables.roles.length,
    hash: crypto.createHash('sha256').update(JSON.stringify(tables)).digest('hex'),
  };
}

/**
 * A SHA-256 over every row of every user table: proves a restore brought back exactly what the backup held.
 * The audit log is left out by default: backing up and restoring are themselves logged there.
 */
export function hashAllTables(b: Backend, except: string[] = ['audit_log']): string {
  const all = b.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const tables = all.filter((t) => !except.includes(t.name)).map(
    (t) => [t.name, b.db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()],
  );
  return crypto.createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

export function count(b: Backend, table: 'people' | 'periods' | 'leaves' | 'roles'): number {
  return (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Builds an .xlsx whose first sheet has `header` then `rows` (cell values as given: strings, numbers, Dates). */
export async function xlsxOf(header: readonly string[], rows: ExcelJS.CellValue[][], sheetName = '人員名冊'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsxFirstRow(bytes: Buffer): Promise<{ sheets: string[]; firstRow: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const values = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''));
  return { sheets: wb.worksheets.map((w) => w.name), firstRow: values };
}

export { big5Encode } from '../fixtures/big5';

// --- issue 7 proofs (crash, fuzz, hostile files): prototypes stay clean -------------------------------------------

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype } as const;
const prototypeBaseline = Object.fromEntries(Object.entries(PROTOTYPES).map(([k, p]) => [k, Reflect.ownKeys(p).map(String).sort()]));

/** The own keys of the built-in prototypes, compared with what they were when the suite started. */
export function prototypeChanges(): string[] {
  const changes: string[] = [];
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    const now = Reflect.ownKeys(proto).map(String).sort();
    const was = new Set(prototypeBaseline[name]);
    for (const k of now) if (!was.has(k)) changes.push(`${name}.prototype.${k}`);
  }
  if (Object.getPrototypeOf({}) !== Object.prototype) changes.push('the prototype of {} changed');
  return changes;
}

export function expectPrototypesClean(context = ''): void {
  expect(prototypeChanges(), `prototype pollution ${context}`).toEqual([]);
}

/** For data-driven tests whose method name comes from a fixture file: the same check as `ok`, untyped on purpose. */
export async function okByName(b: Backend, method: string, input: unknown): Promise<any> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.data;
}
