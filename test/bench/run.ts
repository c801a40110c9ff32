// `npm run bench [-- --json [<file>]] [--reps <n>] [--no-browser] [--no-build] [--only <sections>]`: Staffbook at national scale, measured
// against the floor (issue 8). Generates the national dataset into a temp folder, times each operation in this process
// after a warm-up (median of several repetitions), checks that floor and ours give the same answer, and prints one
// table. Not part of `npm test`: speed is measured here, never asserted in tests.
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../../electron/backend';
import { applyMigrations, loadMigrations } from '../../electron/db/migrate';
import { registerData } from '../../electron/services/exportData';
import { countsOf, generateNational, nationalRosterCsv, writeNationalFile } from '../../electron/demo/nationalScale';
import { browserColdLoad, CHROMIUM, initialJs } from './browser';
import { headcountFloor, retentionFloor, rosterFloor, supervisionFloor } from './floors';
import { odsFloor, readRegisterSource, xlsxFloor } from './exportFloors';
import { benchEncryption } from './encryptionBench';
import { auditFloor } from './auditFloor';
import { importFloor } from './importFloor';
import { benchHomeAndTrend } from './homeBench';
import { benchScale } from './scaleBench';
import { benchTrainingAndVolunteers } from './trainingBench';
import { median, timeIt, timePair } from './timing';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// `--json` alone prints the rows as JSON on stdout after the table; `--json <file>` writes them to the file
const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const jsonToStdout = jsonAt >= 0 && (jsonAt === argv.length - 1 || argv[jsonAt + 1].startsWith('--'));
if (jsonToStdout) argv.splice(jsonAt, 1);
const { values: args } = parseArgs({
  args: argv,
  options: {
    json: { type: 'string' },
    reps: { type: 'string' },
    'no-browser': { type: 'boolean' },
    'no-build': { type: 'boolean' },
    keep: { type: 'boolean' },
    only: { type: 'string' },
  },
});
// `--only exports,figures`: run just those sections (open, figures, scale, encryption, import, exports, browser, memory) while tuning one
const ONLY = args.only?.split(',').map((s) => s.trim());
// Each section starts on a settled heap (when node runs with --expose-gc, as `npm run bench` does): what the sections
// before it left behind is then not collected in the middle of its timings, on ours' side or the floor's.
const want = (section: string) => {
  const run = !ONLY || ONLY.includes(section);
  if (run) (globalThis as { gc?: () => void }).gc?.();
  return run;
};
const REPS = Number(args.reps ?? 15);
const DATE = '2025-06-30'; // 114年 期中
const HEADCOUNT_YEAR = 114;
const HEADCOUNT_DATE = '2025-12-31'; // its 期末, what headcount.year picks without a date
const EXPORT_PEOPLE = 1700;

interface Row {
  op: string;
  ours_ms: number;
  floor_ms: number | null;
  ratio: number | null;
  target: string;
  met: boolean;
}
const rows: Row[] = [];
const notes: string[] = [];
function add(op: string, ours: number, floor: number | null, target: string, met: (ours: number, ratio: number | null) => boolean) {
  const ratio = floor ? ours / floor : null;
  rows.push({ op, ours_ms: round(ours), floor_ms: floor == null ? null : round(floor), ratio: ratio == null ? null : round(ratio, 2), target, met: met(ours, ratio) });
  console.error(`  ${op}: ${round(ours)}${floor != null ? ` (floor ${round(floor)})` : ''}`);
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function ok(b: Backend, method: string, input: unknown): Promise<any> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message} ${JSON.stringify(r.error.issues ?? []).slice(0, 500)}`);
  return r.data;
}

function agree(what: string, same: boolean): void {
  if (!same) notes.push(`!! floor and ours DISAGREE on ${what}`);
}

// ------------------------------------------------------------------------------------------------ the dataset

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-bench-'));
const dbPath = path.join(work, 'national.db');
console.error(`staffbook bench — work folder ${work}`);
const t0 = performance.now();
// The generated rows are dropped once written (only their counts and the import CSV are kept): a 100 MB live heap
// that the app never has would make every timed operation pay for marking it.
const { counts, csv } = (() => {
  const data = generateNational();
  const b = openBackend(dbPath, { actor: 'bench' });
  writeNationalFile(dbPath, b.db, data);
  b.close();
  return { counts: countsOf(data), csv: nationalRosterCsv(data, 5000) };
})();
const generateMs = performance.now() - t0;
console.error(`  national dataset: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')} — ${round(generateMs / 1000, 1)} s, ${round(fs.statSync(dbPath).size / 1048576, 1)} MB`);
const csvRows = csv.trim().split('\r\n').length - 1;

// ------------------------------------------------------------------------------------------------ open

if (want('open')) {
  const { ours, floor } = await timePair(
    () => openBackend(dbPath, { actor: 'bench' }).close(),
    () => {
      const db = new Database(dbPath);
      db.pragma('user_version', { simple: true });
      db.pragma('quick_check');
      db.close();
    },
    { reps: REPS, warmup: 2 },
  );
  add('open database (migrations + quick_check)', median(ours), median(floor), '≤ 150 ms', (o) => o <= 150);
  // The target is absolute (issue 8, set where the bare quick_check took 71–78 ms); say so when the floor alone misses it
  if (median(floor) > 150) notes.push(`!! open database: the floor alone (a bare quick_check of the same file) takes ${round(median(floor))} ms, over the 150 ms target — on this machine the target is out of reach of any code that runs the check`);
}

// ------------------------------------------------------------------------------------------------ figures

if (want('figures')) {
  const backend = openBackend(dbPath, { actor: 'bench' });
  const raw = new Database(dbPath, { readonly: true });

  {
    const o = await ok(backend, 'roster.at', { date: DATE });
    const f = rosterFloor(raw, DATE);
    const key = (r: any) => [r.personId, r.periodId, r.serviceStart, r.onLeave, r.leaveStart, r.nationalIdMasked, r.roleName].join();
    agree('roster.at', JSON.stringify(o.rows.map(key)) === JSON.stringify(f.rows.map(key)));
    const { ours, floor } = await timePair(() => ok(backend, 'roster.at', { date: DATE }), () => rosterFloor(raw, DATE), { reps: REPS, warmup: 3 });
    add(`roster.at (${o.rows.length} in post)`, median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
  }
  {
    const o = await ok(backend, 'retention.at', { date: DATE });
    const next = o.lookAhead.nextRefDate;
    const f = retentionFloor(raw, DATE, next);
    const key = (r: any) => [r.personId, r.roleCode, r.serviceStart, r.leaveDaysInService, r.adjustedStart, r.monthsServed, r.inDenominator, r.inShort, r.inLong, r.completesShortOn, r.completesLongOn].join();
    agree('retention.at', JSON.stringify(o.rows.map(key)) === JSON.stringify(f.rows.map(key)) && o.lookAhead.reachShort.length === f.reachShort.length && o.lookAhead.reachLong.length === f.reachLong.length);
    const { ours, floor } = await timePair(() => ok(backend, 'retention.at', { date: DATE }), () => retentionFloor(raw, DATE, next), { reps: REPS, warmup: 3 });
    add(`retention.at 12/18 (${o.rows.length} listed)`, median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
  }
  {
    const o = await ok(backend, 'supervision.at', { date: DATE });
    const f = supervisionFloor(raw, DATE);
    const teams = (ts: { supervisorId: number; size: number }[]) => JSON.stringify(ts.map((t) => [t.supervisorId, t.size]).sort());
    agree(
      'supervision.at',
      o.caseManagers.length === f.caseManagers && o.supervisors.length === f.supervisors && o.excludedOnLeave.length === f.excludedOnLeave &&
        o.unassigned.length === f.unassigned && o.seniorsInPost === f.seniorsInPost && o.pmInPost === f.pmInPost && teams(o.teams) === teams(f.teams),
    );
    const { ours, floor } = await timePair(() => ok(backend, 'supervision.at', { date: DATE }), () => supervisionFloor(raw, DATE), { reps: REPS, warmup: 3 });
    add('supervision.at', median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
  }
  {
    const o = await ok(backend, 'headcount.year', { rocYear: HEADCOUNT_YEAR });
    const f = headcountFloor(raw, HEADCOUNT_YEAR, o.date);
    const sig = (rs: any[]) => JSON.stringify(rs.map((r) => [r.roleCode, r.inPost, r.onLeave, r.people.map((p: any) => p.personId).sort((a: number, b: number) => a - b)]));
    agree('headcount.year', o.date === HEADCOUNT_DATE && sig(o.rows) === sig(f.rows) && JSON.stringify(o.quota) === JSON.stringify(f.quota));
    const { ours, floor } = await timePair(() => ok(backend, 'headcount.year', { rocYear: HEADCOUNT_YEAR }), () => headcountFloor(raw, HEADCOUNT_YEAR, HEADCOUNT_DATE), { reps: REPS, warmup: 3 });
    add('headcount.year', median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
  }
  await benchTrainingAndVolunteers({ backend, raw, reps: REPS, add, agree, note: (line) => notes.push(line) });
  await benchHomeAndTrend({ backend, raw, reps: REPS, add, agree, today: DATE, rocYear: HEADCOUNT_YEAR });
  raw.close();
  backend.close();
}

// ------------------------------------------------------------------------------------------------ 4× the data

if (want('scale')) {
  await benchScale({ work, dbPath, csv1: csv, reps: REPS, add, date: DATE, rocYear: HEADCOUNT_YEAR, chartFile: path.join(ROOT, 'test-results', 'bench-scaling.svg'), note: (line) => notes.push(line) });
}

// ------------------------------------------------------------------------------------------------ encryption

if (want('encryption')) {
  await benchEncryption({ plainPath: dbPath, encryptedPath: path.join(work, 'encrypted.db'), reps: REPS, add, agree, date: DATE, rocYear: HEADCOUNT_YEAR });
}

// ------------------------------------------------------------------------------------------------ import

if (want('import')) {
  const input = { fileName: 'national-roster.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
  const reps = Math.max(3, Math.round(REPS / 3));
  let n = 0;
  const fresh = () => path.join(work, `import-${n++}.db`);
  const ours = await timeIt(
    async (b: Backend) => {
      const r = await b.dispatch('import.roster.commit', input);
      if (!r.ok) throw new Error(`import failed: ${r.error.message} ${JSON.stringify(r.error.issues?.slice(0, 3))}`);
    },
    { reps, warmup: 1, setup: () => openBackend(fresh(), { actor: 'bench' }), teardown: (b) => b.close() },
  );
  // Floors (importFloor.ts): decode + prepared inserts in one transaction, bare and with the chained audit rows
  const floorDb = () => {
    const db = new Database(fresh());
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, loadMigrations());
    return db;
  };
  const floorOf = (audited: boolean) =>
    timeIt((db: Database.Database) => importFloor(db, input.contentBase64, audited), { reps, warmup: 1, setup: floorDb, teardown: (db) => void db.close() });
  const floor = await floorOf(true);
  const bare = await floorOf(false);
  notes.push(`import against the bare floor (no audit rows): ${round(median(ours))} / ${round(median(bare))} ms = ${round(median(ours) / median(bare), 2)}×`);
  add(`import roster file (${csvRows} rows, new database)`, median(ours), median(floor), '≤ 3× floor', (_o, r) => r! <= 3);
}

// ------------------------------------------------------------------------------------------------ exports

if (want('exports')) {
  // 附件五 with about 1,000 rows: the same generator at a third of the size (the national register has ~3,000).
  const exportDb = path.join(work, 'export.db');
  const b = openBackend(exportDb, { actor: 'bench', today: () => '2025-07-15' });
  writeNationalFile(exportDb, b.db, generateNational({ people: EXPORT_PEOPLE }));
  const o = { rocYear: HEADCOUNT_YEAR, half: 1 as const, filledOn: '2025-07-15' };
  const { sheet, rows: registerRows, meta } = registerData(b.db, o, '2025-07-15');
  const cells = sheet.rows.map((r) => r.cells);
  const exportRaw = new Database(exportDb, { readonly: true });
  // the export is logged (個資法施行細則 §12): the floor writes the same one chained row, committed as durably as ours
  const floorLog = new Database(exportDb);
  floorLog.pragma('synchronous = FULL');
  const logExport = auditFloor(floorLog, { shared: true });
  const read = () => readRegisterSource(exportRaw, `${meta.refDate.slice(0, 4)}-01-01`, meta.refDate, meta.refDate);
  const readIds = new Set(read().people.map((r) => r[0]));
  agree('the register source read', registerRows.every((r) => readIds.has(r.personId)));
  for (const format of ['xlsx', 'ods'] as const) {
    const write = () => (format === 'xlsx' ? xlsxFloor(cells) : odsFloor(cells));
    const { ours, floor } = await timePair(
      () => ok(b, 'exports.file', { ...o, form: 'register', format }),
      () => {
        read();
        logExport({ action: 'export', detail: `附件五.${format}` });
        return write();
      },
      // twice the repetitions of the figures: a pair takes ~100 ms, and the ratio's median settles only slowly on a VM
      { reps: 2 * REPS + 1, warmup: 3 },
    );
    add(`export 附件五 register .${format} (${registerRows.length} rows)`, median(ours), median(floor), '≤ 1000 ms and ≤ 1.5× floor', (ms, r) => ms <= 1000 && r! <= 1.5);
    // the stricter comparison, for the record: the library writing the cells alone, with no read
    const alone = await timePair(() => ok(b, 'exports.file', { ...o, form: 'register', format }), write, { reps: Math.max(3, Math.round(REPS / 2)), warmup: 1 });
    notes.push(`export .${format} against the write-only floor (no read): ${round(median(alone.ours))} / ${round(median(alone.floor))} ms = ${round(median(alone.ours) / median(alone.floor), 2)}×`);
  }
  exportRaw.close();
  floorLog.close();
  b.close();
}

// ------------------------------------------------------------------------------------------------ browser and bundle

if (!args['no-browser'] && want('browser')) {
  let distDir = path.join(ROOT, 'dist', 'renderer');
  if (!args['no-build']) {
    // a fresh build of the renderer into the work folder, so dist/ (used by other suites) is left alone
    distDir = path.join(work, 'renderer');
    console.error('  building the renderer (vite build)…');
    const r = spawnSync('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  }
  const js = initialJs(distDir);
  rows.push({ op: `initial JS, gzipped KB (${js.files.length} chunks)`, ours_ms: round(js.gzipKB), floor_ms: null, ratio: null, target: '≤ 350 KB', met: js.gzipKB <= 350 });
  if (fs.existsSync(CHROMIUM)) {
    // as many loads as the figures' repetitions: a median of 5 swung this row from 1.32× to 1.73× between two runs of
    // the same build on this 2-core machine
    const r = await browserColdLoad(dbPath, distDir, work, REPS, 1);
    add(`browser cold load to first roster rows (${r.totalRows} in post)`, median(r.ours), median(r.floor), '≤ 1.5× the bare page', (_o, ratio) => ratio! <= 1.5);
    rows.push({ op: 'roster rows in the DOM after load', ours_ms: r.domRows, floor_ms: null, ratio: null, target: 'only visible (≤ 60)', met: r.domRows <= 60 });
    rows.push({
      op: 'roster rows in the DOM scrolled to the end',
      ours_ms: r.scrolled.domRows,
      floor_ms: null,
      ratio: null,
      target: 'only visible (≤ 60), others than at load',
      met: r.scrolled.domRows <= 60 && r.scrolled.moved,
    });
    // not a target: the same loads timed once the new page has settled (see browserColdLoad), to say where the gap is
    const settled = await browserColdLoad(dbPath, distDir, work, 7, 1, 500);
    notes.push(`browser cold load once the new page has settled (500 ms): ${round(median(settled.ours))} / ${round(median(settled.floor))} ms = ${round(median(settled.ours) / median(settled.floor), 2)}×`);
  } else notes.push(`!! browser rows skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
}

// ------------------------------------------------------------------------------------------------ memory

if (want('memory')) {
  // The child runs as plain Node on an esbuild bundle, as the app's back end does (dist/electron/main.mjs), so tsx's
  // compiler is not in the figure. It sits under node_modules/.cache so its external packages resolve.
  const outDir = path.join(ROOT, 'node_modules', '.cache', 'staffbook-bench');
  await build({
    entryPoints: [path.join(ROOT, 'test/bench/memoryOurs.ts'), path.join(ROOT, 'test/bench/memoryFloor.ts')],
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {}),
    logLevel: 'error',
  });
  fs.cpSync(path.join(ROOT, 'electron', 'db', 'migrations'), path.join(outDir, 'migrations'), { recursive: true });
  const child = (mode: 'Ours' | 'Floor') => {
    const r = spawnSync(process.execPath, [path.join(outDir, `memory${mode}.mjs`), dbPath], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`memory child (${mode}) failed:\n${r.stderr}`);
    return JSON.parse(r.stdout) as { maxRssMB: number; peakHeapMB: number };
  };
  const ours = [child('Ours'), child('Ours'), child('Ours')];
  const floor = [child('Floor'), child('Floor'), child('Floor')];
  const rss = median(ours.map((m) => m.maxRssMB));
  add('back-end peak RSS, MB (all figures, national data)', rss, median(floor.map((m) => m.maxRssMB)), '≤ 200 MB', (o) => o <= 200);
  notes.push(`peak JS heap: ours ${round(median(ours.map((m) => m.peakHeapMB)))} MB, floor ${round(median(floor.map((m) => m.peakHeapMB)))} MB`);
}

// ------------------------------------------------------------------------------------------------ report

const header = ['operation', 'ours (median ms)', 'floor (median ms)', 'ratio', 'target', 'met'];
const table = rows.map((r) => [r.op, String(r.ours_ms), r.floor_ms == null ? '—' : String(r.floor_ms), r.ratio == null ? '—' : `${r.ratio}×`, r.target, r.met ? 'yes' : 'NO']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\nStaffbook at national scale — ${counts.people} people, ${counts.periods} periods, ${counts.leaves} leaves, ${counts.caseloads} caseloads, ${counts.attendances} training attendances, ${counts.volunteers} volunteers / ${counts.volunteerHours} hours; median of ${REPS} after warm-up (import: ${Math.max(3, Math.round(REPS / 3))}); as of ${DATE}`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const t of table) console.log(line(t));
for (const n of notes) console.log(n);
console.log(`(memory and size rows: the "ms" columns hold MB / KB / a row count; generation took ${round(generateMs / 1000, 1)} s)`);
const missed = rows.filter((r) => !r.met);
console.log(missed.length ? `!! ${missed.length} of ${rows.length} targets NOT met: ${missed.map((r) => r.op).join('; ')}` : `every target met (${rows.length} rows)`);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(rows, null, 2) + '\n');
if (jsonToStdout) console.log(JSON.stringify(rows, null, 2));
if (!args.keep) fs.rmSync(work, { recursive: true, force: true });
