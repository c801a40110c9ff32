// demo, import, roster
import type { Command } from 'commander';
import { formatRoc, todayIso } from '../../shared/dates/roc';
import { createDemoOffice, isEmpty } from '../demo/demoOffice';
import { call, dateArg, dbPathOf, fileInput, printJson, withBackend } from './common';

export function registerRosterCommands(program: Command): void {
  program
    .command('demo')
    .description('建立合成的示範單位資料（約 30 人、多年任職、升遷、離職、留職停薪）')
    .action((_opts, cmd: Command) =>
      withBackend(cmd, ({ db }) => {
        if (!isEmpty(db)) {
          console.error(`錯誤：資料庫 ${dbPathOf(cmd)} 已有資料；示範資料只建立在空的資料庫`);
          process.exit(1);
        }
        const { people } = createDemoOffice(db);
        console.log(`已建立示範單位：${people} 人（${dbPathOf(cmd)}）`);
      }),
    );

  program
    .command('import')
    .description('匯入人員名冊（.xlsx 或 .csv，依匯入範本欄位）；有任何錯誤則不寫入')
    .argument('<file>', '名冊檔案')
    .action((file: string, _opts, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const { summary: s } = await call(b, 'import.roster.commit', fileInput(file));
        console.log(`匯入完成：新增 ${s.newPeople} 人、更新 ${s.updatedPeople} 人、任職期間 ${s.periods} 筆、留職停薪 ${s.leaves} 筆`);
      }),
    );

  program
    .command('roster')
    .description('某日的在職名冊')
    .option('--at <date>', '日期（民國或西元）', dateArg, todayIso())
    .option('--json', '輸出 JSON')
    .action((opts: { at: string; json?: boolean }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const data = await call(b, 'roster.at', { date: opts.at });
        if (opts.json) return printJson(data);
        console.log(`${formatRoc(opts.at)} 在職 ${data.rows.length} 人`);
        for (const r of data.rows) {
          const cols = [r.name, r.roleName, r.funding, r.businessGroup ?? '', `任職起 ${formatRoc(r.periodStart)}`, `年資起 ${formatRoc(r.serviceStart)}`];
          console.log([...cols, r.onLeave ? '留職停薪中' : ''].join('\t'));
        }
      }),
    );
}
