// `npm run web [-- --demo] [--db <file>] [--port <n>]`: browser mode from the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dailyBackup, openBackend } from './backend';
import { keySourcesFor } from './cli/passphrase';
import { createDemoOffice } from './demo/demoOffice';
import { resolveDbPath } from './db/defaultLocation';
import { startWebServer } from './web';

const { values } = parseArgs({
  options: { demo: { type: 'boolean' }, db: { type: 'string' }, port: { type: 'string' } },
  allowPositionals: true,
});

let dbPath = values.db ?? '';
let backend: ReturnType<typeof openBackend>;
try {
  dbPath = values.demo ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-demo-')), 'demo.db') : resolveDbPath(values.db);
  backend = openBackend(dbPath, { actor: 'web', requireLogin: true, keys: await keySourcesFor(dbPath) });
} catch (e) {
  console.error(`錯誤：${e instanceof Error ? e.message : String(e)}`); // one Chinese sentence, no stack trace
  process.exit(1);
}
if (values.demo) createDemoOffice(backend.db);
else await dailyBackup(backend).catch((e) => console.error(`每日備份失敗：${e instanceof Error ? e.message : e}`));
if (backend.damaged()) console.error(`注意：${backend.damaged()}`);
const server = await startWebServer({ dispatch: backend.dispatch, port: values.port ? Number(values.port) : undefined });
console.log(`人力簿 Staffbook 瀏覽器模式：${server.url}`);
console.log(`資料庫：${dbPath}${values.demo ? '（示範資料，關閉後不保留）' : ''}　按 Ctrl+C 結束`);

const stop = async () => {
  await server.close();
  backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
