// Command line: `npm run cli -- <command>`. A thin shell over the dispatcher; commands live in electron/cli/.
import { Command } from 'commander';
import { registerExportCommands } from './cli/exportCommands';
import { registerFigureCommands, registerReminderCommands } from './cli/figureCommands';
import { registerIndicatorCommands } from './cli/indicatorCommands';
import { registerRosterCommands } from './cli/rosterCommands';
import { registerSubmissionCommands } from './cli/submissionCommands';
import { registerSystemCommands } from './cli/systemCommands';
import { registerTrainingCommands } from './cli/trainingCommands';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0); // output piped into head & co.
});

const program = new Command('staffbook')
  .description('人力簿 Staffbook 命令列')
  .option('--db <file>', '資料庫檔案（預設：STAFFBOOK_DB，或 STAFFBOOK_HOME／本機使用者資料夾下的 staffbook.db）')
  .showHelpAfterError();
registerRosterCommands(program);
registerFigureCommands(program);
registerReminderCommands(program);
registerTrainingCommands(program);
registerExportCommands(program);
registerIndicatorCommands(program);
registerSystemCommands(program);
registerSubmissionCommands(program);

// commander answers `<unknown> --help` with the general help and exit 0; scripts probing for a command need a clear no.
const firstWord = process.argv.slice(2).find((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--db');
if (firstWord && firstWord !== 'help' && !program.commands.some((c) => c.name() === firstWord)) {
  console.error(`錯誤：沒有「${firstWord}」這個指令；可用：${program.commands.map((c) => c.name()).join('、')}`);
  process.exit(1);
}

program.parseAsync(process.argv).catch((e) => {
  console.error(`錯誤：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
