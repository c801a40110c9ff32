// doctor, backup, restore: the database's own care from the command line.
import type { Command } from 'commander';
import path from 'node:path';
import { call, printJson, withBackend } from './common';
import { newPassphrase } from './passphrase';

export function registerSystemCommands(program: Command): void {
  program
    .command('doctor')
    .description('檢查資料庫：SQLite 版本、日誌模式、同步、外鍵、quick_check、foreign_key_check、最近備份、加密')
    .option('--json', '輸出 JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const d = await call(b, 'system.doctor', {});
        if (opts.json) return printJson(d);
        const ok = (v: boolean) => (v ? '正常' : '異常');
        console.log(`資料庫：${d.dbPath}（結構版本 ${d.schemaVersion}）`);
        console.log(`SQLite ${d.sqliteVersion}（${ok(d.sqliteVersionOk)}）　日誌 ${d.journalMode}　同步 ${d.synchronous}　外鍵 ${d.foreignKeys ? '開' : '關'}`);
        console.log(`quick_check：${d.quickCheck}　foreign_key_check：${d.foreignKeyProblems} 筆問題　加密：${d.encryption === 'on' ? `開（${d.cipher}）` : '關'}`);
        console.log(`最近備份：${d.lastBackup ? `${d.lastBackup.takenAt} ${d.lastBackup.file}` : '（尚無）'}`);
        if (d.damaged) console.log(`注意：${d.damaged}`);
      }),
    );

  program
    .command('backup')
    .description('備份資料庫（SQLite 備份 API，完成後檢查完整性）')
    .option('--to <dir>', '備份到這個資料夾（預設：資料庫旁的 backups）')
    .action((opts: { to?: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const { file } = await call(b, 'system.backup', { toDir: opts.to ? path.resolve(opts.to) : undefined });
        console.log(`已備份：${file}`);
      }),
    );

  const showRecoveryKey = (recoveryKey: string) => {
    console.log('復原金鑰（只顯示這一次；請抄寫或列印後鎖在安全處。忘記密語或換電腦時，只有它能開啟資料庫與備份）：');
    console.log(`  ${recoveryKey}`);
  };

  program
    .command('encrypt')
    .description('啟用加密：資料庫與全部備份以隨機金鑰加密（先備份並驗證）；密語取自 STAFFBOOK_PASSPHRASE 或提示輸入')
    .action((_opts, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const { recoveryKey } = await call(b, 'system.encrypt', { passphrase: await newPassphrase() });
        console.log('已啟用加密（ChaCha20-Poly1305），全部備份也已加密。');
        showRecoveryKey(recoveryKey);
      }),
    );

  program
    .command('rekey')
    .description('更換金鑰：資料庫與全部備份改用新的隨機金鑰；新密語取自 STAFFBOOK_NEW_PASSPHRASE、STAFFBOOK_PASSPHRASE 或提示輸入')
    .action((_opts, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const { recoveryKey } = await call(b, 'system.rekey', { passphrase: await newPassphrase() });
        console.log('已更換金鑰；舊的復原金鑰已失效。');
        showRecoveryKey(recoveryKey);
      }),
    );

  program
    .command('decrypt')
    .description('關閉加密：資料庫與全部備份改回不加密（先備份並驗證）')
    .action((_opts, cmd: Command) =>
      withBackend(cmd, async (b) => {
        await call(b, 'system.decrypt', {});
        console.log('已關閉加密；資料庫與備份不再加密。');
      }),
    );

  program
    .command('restore')
    .description('從備份檔還原（先檢查備份檔，並保留目前的資料庫為備份）')
    .argument('<file>', '備份檔')
    .action((file: string, _opts, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const r = await call(b, 'system.restore', { file: path.resolve(file) });
        console.log(`已從 ${r.restoredFrom} 還原${r.safetyBackup ? `；還原前的資料庫已備份為 ${r.safetyBackup}` : ''}`);
      }),
    );
}
