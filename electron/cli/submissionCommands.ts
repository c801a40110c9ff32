// submit | submissions [show | diff]: the archive of what was sent to the ministry (issue 16), over the dispatcher.
import type { Command } from 'commander';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatRoc } from '../../shared/dates/roc';
import { halfLabel } from '../../shared/domain/registerSheet';
import { rocDateTime } from '../../shared/domain/submissionDiff';
import { writeFileAtomic } from '../exports/atomicWrite';
import { call, halfAndYear, printJson, rocYearArg, withBackend } from './common';

function idArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`錯誤：「${text}」不是送出紀錄編號`);
    process.exit(1);
  }
  return n;
}

export function registerSubmissionCommands(program: Command): void {
  halfAndYear(program.command('submit').description('送出：凍結該期的報表包（所有檔案及其 SHA-256、數據、來源資料、資料檢查結果），印出送出編號'))
    .option('--note <text>', '備註（如文號）')
    .option('--replaces <id>', '更正：取代先前的送出編號', idArg)
    .action((opts: { half: 1 | 2; year: number; note?: string; replaces?: number }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const s = await call(b, 'submissions.submit', { rocYear: opts.year, half: opts.half, note: opts.note ?? null, replacesId: opts.replaces });
        for (const m of s.missing) console.error(`注意：${m.name} 未能產出：${m.reason}`);
        console.log(String(s.id));
      }),
    );

  const subs = program
    .command('submissions')
    .description('送出紀錄：列出（show <id> --out <dir> 寫出凍結的檔案；diff <id> 與今日資料比較）')
    .option('--year <rocYear>', '只列此民國年度', rocYearArg)
    .option('--json', '輸出 JSON')
    .action((opts: { year?: number; json?: boolean }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const list = await call(b, 'submissions.list', { rocYear: opts.year });
        if (opts.json) {
          return printJson(list.map((s) => ({ id: s.id, year: s.rocYear, half: s.half, submittedAt: s.submittedAt, by: s.by, note: s.note, files: s.files.map((f) => ({ name: f.name, sha256: f.sha256 })) })));
        }
        if (!list.length) return console.log('尚無送出紀錄。');
        for (const s of list) {
          const links = [s.replacesId ? `取代第 ${s.replacesId} 號` : '', s.replacedById ? `已由第 ${s.replacedById} 號取代` : ''].filter(Boolean).join('，');
          console.log(`第 ${s.id} 號  ${s.rocYear} 年${halfLabel(s.half)}（基準日 ${formatRoc(s.refDate)}）  ${rocDateTime(s.submittedAt)}  ${s.byName}${s.note ? `  ${s.note}` : ''}${links ? `  （${links}）` : ''}`);
          for (const f of s.files) console.log(`  ${f.sha256}  ${f.name}`);
          for (const m of s.missing) console.log(`  （未能產出）${m.name}：${m.reason}`);
        }
      }),
    );

  subs
    .command('show <id>')
    .description('把該次送出的檔案原封不動寫到資料夾（檔名同列表）')
    .requiredOption('--out <dir>', '輸出資料夾')
    .action((idText: string, opts: { out: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const s = await call(b, 'submissions.show', { id: idArg(idText) });
        const dir = path.resolve(opts.out);
        fs.mkdirSync(dir, { recursive: true });
        for (const f of s.contents) {
          const bytes = Buffer.from(f.contentBase64, 'base64');
          const stored = s.files.find((m) => m.name === f.name)?.sha256;
          // the stored hash is checked before anything is handed out: a damaged archive must not pass for the original
          if (crypto.createHash('sha256').update(bytes).digest('hex') !== stored) {
            console.error(`錯誤：${f.name} 的內容與送出時的 SHA-256 不符，資料庫可能已損壞`);
            process.exit(1);
          }
          writeFileAtomic(path.join(dir, path.basename(f.name)), bytes);
          console.log(path.join(dir, path.basename(f.name)));
        }
        for (const m of s.missing) console.error(`注意：送出時 ${m.name} 未能產出：${m.reason}`);
      }),
    );

  subs
    .command('diff <id>')
    .description('該次送出與今日資料的差異：清冊逐人逐欄、各項數據，並列出造成變動的操作紀錄')
    .option('--json', '輸出 JSON')
    .action((idText: string, opts: { json?: boolean }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const d = await call(b, 'submissions.diff', { id: idArg(idText) });
        if (opts.json) return printJson(d);
        const s = d.submission;
        console.log(`第 ${s.id} 號（${s.rocYear} 年${halfLabel(s.half)}，${rocDateTime(s.submittedAt)} ${s.byName} 送出）與 ${formatRoc(d.comparedOn)} 資料比較：`);
        for (const line of d.words) console.log(`  ${line}`);
      }),
    );
}
