// `volunteers honours` and `export volunteer-honours | volunteer-hours` (issue 19): 志願服務法's counts from the command
// line. Added under the existing `volunteers` and `export` commands, so register this after them.
import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import { HONOUR_FORMATS } from '../../shared/api/volunteerHonours';
import { formatRoc } from '../../shared/dates/roc';
import type { Backend } from '../backend';
import { writeFileAtomic } from '../exports/atomicWrite';
import { call, dateArg, printJson, printNotes, withBackend } from './common';

type Format = (typeof HONOUR_FORMATS)[number];
function formatArg(text: string): Format {
  const f = text.replace(/^\./, '').toLowerCase() as Format;
  if (!HONOUR_FORMATS.includes(f)) throw new InvalidArgumentError(`格式須為 ${HONOUR_FORMATS.join('|')}`);
  return f;
}

function save(f: { fileName: string; contentBase64: string }, out: string): void {
  const bytes = Buffer.from(f.contentBase64, 'base64');
  writeFileAtomic(path.resolve(out), bytes);
  console.log(`已匯出 ${path.resolve(out)}（${f.fileName}，${bytes.length.toLocaleString('en-US')} bytes）`);
}

const subcommand = (program: Command, name: string) => {
  const c = program.commands.find((x) => x.name() === name);
  if (!c) throw new Error(`register the ${name} command first`);
  return c;
};

async function printHonours(b: Backend, at: string | undefined, json: boolean): Promise<void> {
  const r = await call(b, 'volunteers.honours', { date: at });
  if (json) {
    // the named fields first, as the issue lists them; then everything else the screen shows
    const rows = r.rows.map(({ name, eligible, serviceYears, serviceHours, reason, card, awardTier, ...rest }) => ({ name, eligible, serviceYears, serviceHours, reason, card, awardTier, ...rest }));
    return printJson({ asOf: r.asOf, params: r.params, rows, interpretation: r.interpretation });
  }
  console.log(`志願服務榮譽卡（資格計算日 ${formatRoc(r.asOf)}）：符合 ${r.eligible.length} 人；90 天內到期 ${r.expiring.length} 張；可申請績優獎勵 ${r.awardEligible.length} 人`);
  for (const x of r.rows) {
    const card = x.card ? `榮譽卡至 ${formatRoc(x.card.expiresOn)}${x.card.status === 'expiring' ? '（即將到期）' : x.card.status === 'expired' ? '（已到期）' : ''}` : '無榮譽卡';
    console.log(`  ${x.name}\t${x.eligible ? '符合' : '未符合'}\t${x.reason}\t${card}\t${x.awardTier ? `可申請${x.awardTier}` : x.awardReason}`);
  }
  printNotes(r.interpretation);
}

export function registerVolunteerHonourCommands(program: Command): void {
  subcommand(program, 'volunteers')
    .command('honours')
    .description('志願服務法：服務年資、榮譽卡時數、資格與理由、即將到期之榮譽卡、績優獎勵級別')
    .option('--at <date>', '資格計算日（預設今天）', dateArg)
    .option('--json', '輸出 JSON')
    // the parent `volunteers` reads --at and --json too: optsWithGlobals sees them wherever commander put them
    .action((_o, cmd: Command) => {
      const o = cmd.optsWithGlobals() as { at?: string; json?: boolean };
      return withBackend(cmd, (b) => printHonours(b, o.at, !!o.json));
    });

  const exp = subcommand(program, 'export');
  exp
    .command('volunteer-honours')
    .description('志願服務榮譽卡申請名冊（資格計算日符合者）')
    .option('--at <date>', '資格計算日（預設今天）', dateArg)
    .requiredOption('--format <xlsx|ods|pdf>', '檔案格式', formatArg)
    .requiredOption('--out <file>', '輸出檔案')
    .action((o: { at?: string; format: Format; out: string }, cmd: Command) =>
      withBackend(cmd, async (b) => save(await call(b, 'volunteers.honours.file', { date: o.at, format: o.format }), o.out)),
    );

  exp
    .command('volunteer-hours')
    .description('志工服務時數證明（一位志工、一段期間；服務與繼續教育時數分列）')
    .requiredOption('--volunteer <id|身分證字號>', '志工編號或身分證字號')
    .requiredOption('--from <date>', '期間起', dateArg)
    .requiredOption('--to <date>', '期間迄', dateArg)
    .requiredOption('--format <xlsx|ods|pdf>', '檔案格式', formatArg)
    .requiredOption('--out <file>', '輸出檔案')
    .action((o: { volunteer: string; from: string; to: string; format: Format; out: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const who = /^\d+$/.test(o.volunteer) ? { volunteerId: Number(o.volunteer) } : { nationalId: o.volunteer };
        save(await call(b, 'volunteers.hours.file', { ...who, from: o.from, to: o.to, format: o.format }), o.out);
      }),
    );
}
