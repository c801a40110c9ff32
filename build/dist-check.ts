// `npm run dist:check` — the desktop app proven without its binary (offline; CI runs it after `npm test`).
// 1. builds the renderer and the Electron bundle and checks the bundle's module format;
// 2. packs it with electron-builder's real file selection against a stub Electron folder (no binary, fuses off) for
//    Linux and Windows, to directories under dist/pack-check;
// 3. checks each app.asar holds every path main.ts loads and every production dependency, with the native module
//    unpacked;
// 4. starts the packed main.mjs under a recording `electron` stub (build/distCheck/probe.mjs): start-up order,
//    preload, app:// serving every asset, a first sign-in;
// 5. checks the packed native module's executable format and ABI against Electron's abi_version — the same check
//    electron-builder's afterPack hook runs in a real release. A mismatch is named; it fails this command only with
//    --strict-native, because a machine that cannot download Electron cannot rebuild better-sqlite3 for it either.
// Exit 1 on any failed layout, format or start-up check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import { mainBundleProblems, preloadBundleProblems } from './distCheck/bundleFormat';
import { asarLayoutProblems, asarTree, dependencyProblems, diskTree, pathsMainLoads } from './distCheck/packedLayout';

const require = createRequire(import.meta.url);
const native = require('./native/nativeModule.cjs') as typeof import('./native/nativeModule.cjs');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'dist', 'pack-check');
const strictNative = process.argv.includes('--strict-native');
const ARCH = 'x64';
const PLATFORMS = [
  { platform: 'linux', builderFlag: 'linux', exe: 'electron', outDir: 'linux-unpacked' },
  { platform: 'win32', builderFlag: 'win', exe: 'electron.exe', outDir: 'win-unpacked' },
] as const;

let failed = 0;
const warnings: string[] = [];
function report(ok: boolean, name: string, detail = ''): void {
  if (!ok) failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  — ${detail}` : ''}`);
}
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// 1. build + bundle format
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const electronPkg = require('electron/package.json') as { version: string };
const build = run('npm', ['run', '--silent', 'build']);
report(build.ok, 'renderer and Electron bundle build', build.ok ? '' : build.out.slice(-2000));
if (!build.ok) process.exit(1);
const mainProblems = mainBundleProblems(fs.readFileSync(path.join(root, 'dist/electron/main.mjs'), 'utf8'), Object.keys(pkg.dependencies));
report(mainProblems.length === 0, 'main.mjs is ESM importing only electron, node: built-ins and declared dependencies', mainProblems.join('; '));
const preloadProblems = preloadBundleProblems(fs.readFileSync(path.join(root, 'dist/electron/preload.cjs'), 'utf8'));
report(preloadProblems.length === 0, 'preload.cjs is CommonJS requiring only electron', preloadProblems.join('; '));

// 2. pack against a stub Electron folder
fs.rmSync(work, { recursive: true, force: true });
const stubDist = path.join(work, 'electron-stub');
fs.mkdirSync(stubDist, { recursive: true });
for (const p of PLATFORMS) fs.writeFileSync(path.join(stubDist, p.exe), '#!/bin/sh\necho "stub Electron for dist:check"\n', { mode: 0o755 });
fs.writeFileSync(path.join(stubDist, 'version'), electronPkg.version);
const checkConfig = path.join(work, 'electron-builder.check.cjs');
fs.writeFileSync(
  checkConfig,
  `// Written by build/dist-check.ts: the release config, pointed at a stub Electron and a scratch output folder.
const base = require(${JSON.stringify(path.join(root, 'build/electron-builder.config.cjs'))});
module.exports = {
  ...base,
  electronDist: ${JSON.stringify(stubDist)},
  electronVersion: ${JSON.stringify(electronPkg.version)},
  electronFuses: null,          // fuses are flipped inside the real binary, which a stub is not
  disableAsarIntegrity: true,   // likewise embedded into the real electron.exe
  afterPack: null,              // dist:check runs the native check itself and reports rather than throws
  win: { ...base.win, signAndEditExecutable: false },
  directories: { ...base.directories, output: ${JSON.stringify(work)} },
};
`,
);
const pack = run('npx', ['electron-builder', '--config', checkConfig, '--x64', '--publish', 'never', ...PLATFORMS.flatMap((p) => [`--${p.builderFlag}`, 'dir'])]);
report(pack.ok, `electron-builder packs ${PLATFORMS.map((p) => p.platform).join(' + ')} ${ARCH} to directories (${elapsed()})`, pack.ok ? '' : pack.out.slice(-3000));
if (!pack.ok) process.exit(1);

// 3. asar contents
const required = pathsMainLoads(root);
for (const p of PLATFORMS) {
  const archive = path.join(work, p.outDir, 'resources', 'app.asar');
  const layout = asarLayoutProblems(archive, required);
  report(layout.missing.length === 0, `${p.platform}: app.asar holds every path main.ts loads (${required.length}; ${layout.files} entries in all)`, layout.missing.slice(0, 10).join(', '));
  const deps = dependencyProblems(diskTree(root), asarTree(archive));
  report(deps.problems.length === 0, `${p.platform}: every production dependency resolves in app.asar at the installed version (${deps.checked})`, deps.problems.slice(0, 10).join('; '));
  report(layout.notUnpacked.length === 0, `${p.platform}: better_sqlite3.node is unpacked beside the asar`, layout.notUnpacked.join(', '));
}

// 4. start the packed Linux app under the stub
const appDir = path.join(work, 'app-extracted');
asar.extractAll(path.join(work, 'linux-unpacked', 'resources', 'app.asar'), appDir);
const home = path.join(work, 'home');
fs.mkdirSync(home, { recursive: true });
const stubDir = path.join(root, 'build', 'distCheck');
const probe = run(process.execPath, ['--import', path.join(stubDir, 'registerStub.mjs'), path.join(stubDir, 'probe.mjs'), appDir], {
  STAFFBOOK_HOME: home,
  STAFFBOOK_DB: '',
});
const line = /@@probe (.+)$/m.exec(probe.out)?.[1];
if (!line) report(false, 'start-up probe ran', probe.out.slice(-3000));
else for (const c of JSON.parse(line) as { name: string; ok: boolean; detail: string }[]) report(c.ok, `start-up: ${c.name}`, c.ok ? '' : c.detail);

// 5. native module against each target's Electron ABI
const abi = native.electronAbi(electronPkg.version, root);
for (const p of PLATFORMS) {
  const files = native.findNativeModules(path.join(work, p.outDir, 'resources', 'app.asar.unpacked'));
  for (const file of files) {
    const r = native.nativeModuleProblems(file, { platform: p.platform, arch: ARCH, abi });
    const what = `${p.platform}: ${path.relative(work, file)} is ${r.format} ${r.arch}, ABI ${r.abi}; Electron ${electronPkg.version} needs ${native.FORMAT_OF_PLATFORM[p.platform]} ${ARCH}, ABI ${abi}`;
    if (r.problems.length === 0) console.log(`PASS  native ${what}`);
    else {
      warnings.push(...r.problems.map((x) => `${p.platform}: ${x}`));
      console.log(`${strictNative ? 'FAIL' : 'MISMATCH'}  native ${what}\n          ${r.problems.join('\n          ')}`);
      if (strictNative) failed++;
    }
  }
  if (files.length === 0) report(false, `${p.platform}: a native module is packed`);
}

console.log(`\ndist:check ${failed ? `FAILED (${failed})` : 'passed'} in ${elapsed()}.`);
if (warnings.length) {
  console.log(
    `!!! ${warnings.length} native-module problem(s): this package would not open its database. A real release rebuilds ` +
      `better-sqlite3 per target (npx electron-builder install-app-deps --platform <p> --arch x64) and the afterPack ` +
      `hook refuses to finish otherwise.`,
  );
}
process.exit(failed ? 1 : 0);
