// `npm start [-- --demo] [--db <file>]`: the desktop app when an Electron binary is available, otherwise browser mode.
// Offline machines cannot fetch the binary and `require('electron')` then prints a download failure, so we look for
// the binary quietly first and fall back with a single explanatory line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary named by electron's own path.txt, if it was downloaded; never triggers a download. */
function installedElectron(dir: string): string | null {
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const name = fs.readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const exe = path.join(distDir, name);
  return name && fs.existsSync(exe) ? exe : null;
}

/** Lets electron's lazy installer try (online machines) in a child whose stderr is discarded. */
function downloadElectron(timeoutMs = 5 * 60_000): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', "console.log('\\nELECTRON_PATH=' + require('electron'))"], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: timeoutMs,
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    // Only a real download takes this long; an offline failure is over in well under a second.
    const notice = setTimeout(() => console.log('正在下載 Electron 執行檔…'), 3000);
    child.on('close', (code) => {
      clearTimeout(notice);
      const exe = /ELECTRON_PATH=(.+)\s*$/.exec(out)?.[1]?.trim();
      resolve(code === 0 && exe && fs.existsSync(exe) ? exe : null);
    });
    child.on('error', () => {
      clearTimeout(notice);
      resolve(null);
    });
  });
}

async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function main(): Promise<void> {
  const dir = electronPackageDir();
  const electron = dir ? (installedElectron(dir) ?? (await downloadElectron())) : null;

  if (!electron) {
    console.log('找不到 Electron 執行檔（離線環境無法下載），改以瀏覽器模式啟動：');
    await buildRenderer();
    // In this process, so Ctrl+C and `timeout` reach the server directly; webMain reads the same argv.
    await import('./webMain');
    return;
  }

  await buildRenderer();
  await import('../build/bundle-electron');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary act as plain Node
  const child = spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
