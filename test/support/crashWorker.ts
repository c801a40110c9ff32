// The child of test/integration/crashSafety.test.ts: imports and edits a real Staffbook database in an endless loop,
// through the dispatcher, until the parent SIGKILLs it. Everything it writes is tagged so the parent can check, from
// the database alone, that each change is all-or-nothing and that each change has its audit row.
//
//   npx tsx test/support/crashWorker.ts      then type:  go <dbPath> <run>
//
// It starts, loads every module, prints `ready` and waits for `go` on stdin, so the parent can start the next child
// while the current one is still running. Before and after every operation it prints `B <op>` / `E <op>` with a
// synchronous write, so the parent knows whether a kill landed inside an operation.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { openBackend, type Backend } from '../../electron/backend';
import { ROSTER_TEMPLATE_HEADERS } from '../../shared/domain/rosterImport';
import { CASELOAD_TEMPLATE_HEADERS } from '../../shared/domain/caseloadImport';
import { BATCH, batchTag, caseloadFileName, prng, rosterFileName } from './crashPlan';

function say(line: string): void {
  fs.writeSync(1, `${line}\n`); // synchronous: the line is in the pipe before the next write to the database
}

const csvLine = (cells: string[]) => cells.join(',');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function rosterCsv(tag: string): string {
  const keys = ROSTER_TEMPLATE_HEADERS.map((h) => h.replace(/[（(].*$/, ''));
  const rows = Array.from({ length: BATCH }, (_, i) => {
    const v: Record<string, string> = { 姓名: `崩${tag}P${i}`, 員工編號: `${tag}-${i}`, 人力來源: '補助', 職稱代碼: '個管', 業務組: '綜合規劃組', 到職日: i % 2 ? '113/01/02' : '2024-01-02', 學歷: '大學' };
    return csvLine(keys.map((k) => v[k] ?? ''));
  });
  return [ROSTER_TEMPLATE_HEADERS.join(','), ...rows].join('\r\n') + '\r\n';
}

function caseloadCsv(tag: string): string {
  const rows = Array.from({ length: BATCH }, (_, i) => csvLine([`崩${tag}P${i}`, '', '113/06/30', String(20 + i), String(i)]));
  return [CASELOAD_TEMPLATE_HEADERS.join(','), ...rows].join('\r\n') + '\r\n';
}

async function must(b: Backend, method: string, input: unknown): Promise<any> {
  const r = await b.dispatch(method, input);
  if (!r.ok) {
    say(`X ${method} ${JSON.stringify(r.error).slice(0, 500)}`);
    process.exit(3);
  }
  return r.data;
}

/** The worker's own housekeeping: every import takes a pre-import backup; keep the newest three so the disk stays small. */
function pruneBackups(dbPath: string): void {
  const dir = path.join(path.dirname(dbPath), 'backups');
  if (!fs.existsSync(dir)) return;
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.db')).sort();
  for (const n of names.slice(0, -3)) fs.rmSync(path.join(dir, n), { force: true });
}

async function work(dbPath: string, run: number): Promise<void> {
  say('B open');
  const b = openBackend(dbPath, { actor: `crash-${run}`, today: () => '2024-12-31' });
  say('E open');
  pruneBackups(dbPath);
  const random = prng(run * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const singles: number[] = []; // people created by this run whose only period has ended, so a second one fits
  let batch = 0;
  let single = 0;
  for (;;) {
    const r = random();
    if (r < 0.4) {
      const tag = batchTag(run, batch++);
      say(`B import ${tag}`);
      await must(b, 'import.roster.commit', { fileName: rosterFileName(tag), contentBase64: b64(rosterCsv(tag)) });
      say(`E import ${tag}`);
      if (random() < 0.6) {
        say(`B caseloads ${tag}`);
        await must(b, 'import.caseload.commit', { fileName: caseloadFileName(tag), contentBase64: b64(caseloadCsv(tag)) });
        say(`E caseloads ${tag}`);
      }
    } else if (r < 0.65) {
      const name = `單R${run}S${single++}`;
      say(`B create ${name}`);
      const d = await must(b, 'people.create', {
        person: { name, nationalId: null, employeeNo: name, education: '大學', department: null, certificate: null, contact: null },
        period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2023-01-02', endDate: '2023-12-29', endReason: '離職' },
      });
      singles.push(d.person.id);
      say(`E create ${name}`);
    } else if (r < 0.8 && singles.length) {
      const personId = singles.splice(Math.floor(random() * singles.length), 1)[0];
      say(`B period ${personId}`);
      await must(b, 'periods.add', {
        personId,
        period: { roleCode: 'SCM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2024-02-01', endDate: null, endReason: null },
      });
      say(`E period ${personId}`);
    } else {
      const ids = b.db.prepare('SELECT id FROM people ORDER BY id DESC LIMIT 50').all() as { id: number }[];
      if (!ids.length) continue;
      const personId = pick(ids).id;
      if (r < 0.9) {
        const monthEnd = pick(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
        say(`B caseload ${personId}`);
        // 在案 never above 累計 (the back end refuses that as a typing slip)
        const cumulative = Math.floor(random() * 60);
        await must(b, 'caseload.record', { personId, monthEnd, cumulative, active: Math.floor(random() * Math.min(40, cumulative + 1)) });
        say(`E caseload ${personId}`);
      } else {
        const d = await must(b, 'people.get', { id: personId });
        const { id: _id, nationalIdMasked: _m, ...person } = d.person;
        say(`B update ${personId}`);
        await must(b, 'people.update', { id: personId, person: { ...person, education: pick(['大學', '碩士', '博士', '專科']), contact: `R${run}-${random()}` } });
        say(`E update ${personId}`);
      }
    }
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.once('line', (line) => {
  const [cmd, dbPath, run] = line.trim().split(/\s+/);
  if (cmd !== 'go' || !dbPath || !run) {
    say(`X bad command: ${line}`);
    process.exit(2);
  }
  lines.close();
  work(dbPath, Number(run)).catch((e) => {
    say(`X ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(4);
  });
});
say('ready');
