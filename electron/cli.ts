// Command line: `npm run cli -- <command>`. A thin shell: parse arguments, call the dispatcher, print.
import { Command, InvalidArgumentError } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../shared/api/errors';
import { formatRoc, parseDate, todayIso } from '../shared/dates/roc';
import { openBackend, type Backend } from './backend';
import { createDemoOffice, isEmpty } from './demo/demoOffice';
import { defaultDbPath } from './paths';

function dateArg(text: string): string {
  const d = parseDate(text);
  if (!d) throw new InvalidArgumentError(`無法辨識的日期「${text}」（可寫 113/06/30 或 2024-06-30）`);
  return d;
}

/** Prints the Chinese error (and each row's problem) on stderr and exits non-zero. */
function unwrap<T>(r: ApiResult<T>): T {
  if (r.ok) return r.data;
  console.error(`錯誤：${r.error.message}`);
  for (const i of r.error.issues ?? []) console.error(`  ${i.message}`);
  process.exit(1);
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0); // output piped into head const program = new Command co.
});

const program = new Command('staffbook')
  .description('人力簿 Staffbook 命令列')
  .option('--db <file>', '資料庫檔案', process.env.STAFFBOOK_DB ?? defaultDbPath())
  .showHelpAfterError();

async function withBackend<T>(fn: (b: Backend) => Promise<T> | T): Promise<T> {
  const b = openBackend(program.opts().db);
  try {
    return await fn(b);
  } finally {
    b.close();
  }
}

program
  .command('demo')
  .description('建立合成的示範單位資料（約 30 人、多年任職、升遷、離職、留職停薪）')
  .action(() =>
    withBackend(({ db }) => {
      if (!isEmpty(db)) {
        console.error(`錯誤：資料庫 ${program.opts().db} 已有資料；示範資料只建立在空的資料庫`);
        process.exit(1);
      }
      const { people } = createDemoOffice(db);
      console.log(`已建立示範單位：${people} 人（${program.opts().db}）`);
    }),
  );

program
  .command('import')
  .description('匯入人員名冊（.xlsx 或 .csv，依匯入範本欄位）；有任何錯誤則不寫入')
  .argument('<file>', '名冊檔案')
  .action((file: string) =>
    withBackend(async ({ dispatch }) => {
      const input = { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') };
      const preview = unwrap((await dispatch('import.roster.commit', input)) as ApiResult<{ summary: Record<string, number> }>);
      const s = preview.summary;
      console.log(`匯入完成：新增 ${s.newPeople} 人、更新 ${s.updatedPeople} 人、任職期間 ${s.periods} 筆、留職停薪 ${s.leaves} 筆`);
    }),
  );

interface RosterRow {
  name: string;
  roleName: string;
  funding: string;
  businessGroup: string | null;
  periodStart: string;
  serviceStart: string;
  onLeave: boolean;
}

program
  .command('roster')
  .description('某日的在職名冊')
  .option('--at <date>', '日期（民國或西元）', dateArg, todayIso())
  .option('--json', '輸出 JSON')
  .action((opts: { at: string; json?: boolean }) =>
    withBackend(async ({ dispatch }) => {
      const data = unwrap((await dispatch('roster.at', { date: opts.at })) as ApiResult<{ rows: RosterRow[]; countsByRole: Record<string, number> }>);
      if (opts.json) return console.log(JSON.stringify(data, null, 2));
      console.log(`${formatRoc(opts.at)} 在職 ${data.rows.length} 人`);
      for (const r of data.rows) {
        console.log([r.name, r.roleName, r.funding, r.businessGroup ?? '', `任職起 ${formatRoc(r.periodStart)}`, `年資起 ${formatRoc(r.serviceStart)}`, r.onLeave ? '留職停薪中' : ''].join('\t'));
      }
    }),
  );

// commander answers `<unknown> --help` with the general help and exit 0; scripts probing for a command need a clear no.
const firstWord = process.argv.slice(2).find((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--db');
if (firstWord && !program.commands.some((c) => c.name() === firstWord) && firstWord !== 'help') {
  console.error(`錯誤：沒有「${firstWord}」這個指令；可用：${program.commands.map((c) => c.name()).join('、')}`);
  process.exit(1);
}

program.parseAsync(process.argv).catch((e) => {
  console.error(`錯誤：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
