// demo, import, roster
import { Option, type Command } from 'commander';
import os from 'node:os';
import { formatRoc, todayIso } from '../../shared/dates/roc';
import { auditEvent } from '../db/audit';
import { createDemoOffice, isEmpty } from '../demo/demoOffice';
import { createNationalDatasetFile } from '../demo/nationalScale';
import { ROSTER_FIELDS } from '../../shared/domain/rosterImport';
import { call, dateArg, dbPathOf, fileInput, readFrom, report, withBackend } from './common';
import { importHelp } from './importHelp';

export function registerRosterCommands(program: Command): void {
  program
    .command('demo')
    .description('建立合成的示範單位資料（約 30 人、多年任職、升遷、離職、留職停薪）；--scale national 建立全國規模測試資料')
    .addOption(new Option('--scale <scale>', 'office：示範單位約 30 人；national：22 縣市 10 年約 5,000 人（效能測試用）').choices(['office', 'national']).default('office'))
    .action((opts: { scale: 'office' | 'national' }, cmd: Command) =>
      withBackend(cmd, ({ db }) => {
        if (!isEmpty(db)) {
          console.error(`錯誤：資料庫 ${dbPathOf(cmd)} 已有資料；示範資料只建立在空的資料庫`);
          process.exit(1);
        }
        if (opts.scale === 'national') {
          const started = Date.now();
          const n = createNationalDatasetFile(dbPathOf(cmd), db);
          const what = `人員 ${n.people}、任職期間 ${n.periods}、留職停薪 ${n.leaves}、月底案量 ${n.caseloads}、督導指派 ${n.assignments}、訓練紀錄 ${n.attendances}、志工 ${n.volunteers}（時數 ${n.volunteerHours} 筆）`;
          auditEvent(db, `cli:${os.userInfo().username}`, 'demo', `全國規模合成資料：${what}`);
          console.log(`已建立全國規模合成資料（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${what}（${dbPathOf(cmd)}）`);
          return;
        }
        const { people } = createDemoOffice(db);
        console.log(`已建立示範單位：${people} 人（${dbPathOf(cmd)}）`);
      }),
    );

  program
    .command('import')
    .description('匯入人員名冊（.xlsx、.ods 或 .csv；標題列、欄名與用語依下列對照）；有任何錯誤則不寫入')
    .argument('<file>', '名冊檔案（.xlsx、.ods 或 .csv）')
    .option('--sheet <name>', '工作表名稱（預設為活頁簿開啟時的工作表）')
    .addHelpText('after', () => importHelp(ROSTER_FIELDS))
    .action((file: string, opts: { sheet?: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const { summary: s, reading } = await call(b, 'import.roster.commit', fileInput(file, opts.sheet));
        console.log(`匯入完成（${readFrom(reading)}）：新增 ${s.newPeople} 人、更新 ${s.updatedPeople} 人、任職期間 ${s.periods} 筆、留職停薪 ${s.leaves} 筆`);
      }),
    );

  report(
    program.command('roster').description('某日的在職名冊').option('--at <date>', '日期（民國或西元）', dateArg, todayIso()),
    (b, opts: { at: string }) => call(b, 'roster.at', { date: opts.at }),
    (data, opts) => {
      console.log(`${formatRoc(opts.at)} 在職 ${data.rows.length} 人`);
      for (const r of data.rows) {
        const cols = [r.name, r.roleName, r.funding, r.businessGroup ?? '', `任職起 ${formatRoc(r.periodStart)}`, `年資起 ${formatRoc(r.serviceStart)}`];
        console.log([...cols, r.onLeave ? '留職停薪中' : ''].join('\t'));
      }
    },
  );
}
