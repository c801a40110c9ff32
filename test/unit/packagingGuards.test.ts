// The pieces `npm run dist:check` and the release's afterPack hook are built from: reading a .node file's platform
// and ABI from its bytes, refusing a package whose native module Electron cannot load, the bundle-format rules and
// the dependency walk that compares the packed app.asar with what npm installed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainBundleProblems, preloadBundleProblems } from '../../build/distCheck/bundleFormat';
import { dependencyProblems } from '../../build/distCheck/packedLayout';

const require = createRequire(import.meta.url);
const native = require('../../build/native/nativeModule.cjs') as typeof import('../../build/native/nativeModule.cjs');
const afterPack = require('../../build/native/afterPack.cjs') as (context: unknown) => Promise<void>;
const root = path.resolve(__dirname, '../..');
const installedSqlite = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const electronAbi = Number(fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8'));

/** Just enough of each executable format for the header readers, plus the registration symbol an addon exports. */
function fakeBinary(format: 'PE' | 'ELF' | 'Mach-O', symbol: string): Buffer {
  const b = Buffer.alloc(512);
  if (format === 'ELF') {
    b.writeUInt32BE(0x7f454c46, 0);
    b[5] = 1; // little-endian
    b.writeUInt16LE(0x3e, 18); // x86-64
  } else if (format === 'PE') {
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x80, 0x3c);
    b.write('PE\0\0', 0x80, 'latin1');
    b.writeUInt16LE(0x8664, 0x84);
  } else {
    b.writeUInt32LE(0xfeedfacf, 0);
    b.writeUInt32LE(0x0100000c, 4); // arm64
  }
  b.write(symbol, 300, 'latin1');
  return b;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-native-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** An unpacked app folder as electron-builder leaves it, with `bytes` as better-sqlite3's binary. */
function packedApp(name: string, bytes: Buffer): string {
  const out = path.join(scratch, name);
  const dir = path.join(out, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'better_sqlite3.node'), bytes);
  return out;
}
const context = (appOutDir: string, electronPlatformName: string) => ({
  appOutDir,
  electronPlatformName,
  arch: 1, // builder-util Arch.x64
  packager: { projectDir: root, info: { framework: { version: require('electron/package.json').version } }, appInfo: { productFilename: 'Staffbook' } },
});

describe('reading a native module', () => {
  it('reads the installed better-sqlite3 as this machine’s format and Node’s ABI', () => {
    const bytes = fs.readFileSync(installedSqlite);
    expect(native.binaryFormat(bytes)).toEqual({ format: process.platform === 'win32' ? 'PE' : 'ELF', arch: process.arch });
    expect(native.moduleAbi(bytes)).toBe(Number(process.versions.modules));
  });

  it('tells PE, ELF and Mach-O apart with their CPU, and N-API from versioned addons', () => {
    expect(native.binaryFormat(fakeBinary('PE', ''))).toEqual({ format: 'PE', arch: 'x64' });
    expect(native.binaryFormat(fakeBinary('ELF', ''))).toEqual({ format: 'ELF', arch: 'x64' });
    expect(native.binaryFormat(fakeBinary('Mach-O', ''))).toEqual({ format: 'Mach-O', arch: 'arm64' });
    expect(native.binaryFormat(Buffer.from('#!/bin/sh'))).toEqual({ format: 'unknown', arch: 'unknown' });
    expect(native.moduleAbi(fakeBinary('PE', 'node_register_module_v150'))).toBe(150);
    expect(native.moduleAbi(fakeBinary('PE', 'napi_register_module_v1'))).toBe('napi');
    expect(native.moduleAbi(fakeBinary('PE', 'nothing here'))).toBeNull();
  });

  it('names a wrong platform and a wrong ABI separately', () => {
    const file = path.join(packedApp('named', fakeBinary('ELF', 'node_register_module_v115')), 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const r = native.nativeModuleProblems(file, { platform: 'win32', arch: 'x64', abi: 150 });
    expect(r.problems).toEqual([
      'better_sqlite3.node is a ELF x64 binary, but the app is for win32 x64 (needs PE x64)',
      'better_sqlite3.node was built for NODE_MODULE_VERSION 115, but Electron needs 150 (abi_version)',
    ]);
    expect(native.nativeModuleProblems(file, { platform: 'linux', arch: 'x64', abi: 115 }).problems).toEqual([]);
  });

  it("knows Electron's ABI from node_modules/electron/abi_version", () => {
    expect(native.electronAbi(require('electron/package.json').version, root)).toBe(electronAbi);
  });
});

describe('the afterPack hook (a real release build)', () => {
  it('fails a Windows package holding a Linux, Node-ABI better-sqlite3 — the binary npm installed here', async () => {
    const out = packedApp('win-from-linux', fs.readFileSync(installedSqlite));
    await expect(afterPack(context(out, 'win32'))).rejects.toThrow(/needs PE x64[\s\S]*NODE_MODULE_VERSION \d+, but Electron needs \d+[\s\S]*install-app-deps --platform win32 --arch x64/);
  });

  it('passes a package whose better-sqlite3 was rebuilt for the target and Electron', async () => {
    await expect(afterPack(context(packedApp('win-ok', fakeBinary('PE', `node_register_module_v${electronAbi}`)), 'win32'))).resolves.toBeUndefined();
    await expect(afterPack(context(packedApp('linux-ok', fakeBinary('ELF', `node_register_module_v${electronAbi}`)), 'linux'))).resolves.toBeUndefined();
  });

  it('fails a package with no native module at all', async () => {
    const out = path.join(scratch, 'empty');
    fs.mkdirSync(path.join(out, 'resources'), { recursive: true });
    await expect(afterPack(context(out, 'linux'))).rejects.toThrow(/no \.node file/);
  });
});

describe('bundle format', () => {
  const deps = ['better-sqlite3', 'exceljs'];
  it('accepts ESM importing electron, node: built-ins and declared dependencies', () => {
    const main = 'import fs from "node:fs";\nimport { app } from "electron";\nimport Database from "better-sqlite3";\nconst x = await import("exceljs");\nvar r = __require("path");';
    expect(mainBundleProblems(main, deps)).toEqual([]);
  });
  it('names an undeclared package, a relative file and a CommonJS main', () => {
    const main = 'import { app } from "electron";\nimport v from "vue";\nimport x from "./chunk.js";\nmodule.exports = {};';
    expect(mainBundleProblems(main, deps)).toEqual([
      'main.mjs: assigns module.exports — CommonJS, not ESM',
      'main.mjs: imports "vue", which is not a declared dependency (dev dependencies are not packed)',
      'main.mjs: imports the file "./chunk.js", which is not packed beside it',
    ]);
    expect(mainBundleProblems('const e = require("electron");', deps)[0]).toMatch(/not an ESM bundle/);
  });
  it('wants a CommonJS preload requiring only electron', () => {
    expect(preloadBundleProblems('"use strict";\nvar import_electron = require("electron");')).toEqual([]);
    expect(preloadBundleProblems('import { contextBridge } from "electron";')).toContain('preload.cjs: has ESM import/export — a sandboxed preload must be CommonJS');
    expect(preloadBundleProblems('require("electron"); require("node:fs");')).toEqual(['preload.cjs: requires "node:fs" — a sandboxed preload can require only "electron"']);
  });
});

describe('production dependencies in the packed app', () => {
  type M = { version?: string; dependencies?: Record<string, string> };
  const tree = (files: Record<string, M>) => ({ manifest: (dir: string) => files[dir] ?? null });
  const disk = tree({
    '': { dependencies: { exceljs: '^4' } },
    'node_modules/exceljs': { version: '4.4.0', dependencies: { bluebird: '3.4.7' } },
    'node_modules/exceljs/node_modules/bluebird': { version: '3.4.7' },
    'node_modules/bluebird': { version: '3.7.2' }, // a dev tool's copy
  });

  it('accepts a re-hoisted layout where Node still resolves the installed versions', () => {
    const packed = tree({
      '': {},
      'node_modules/exceljs': { version: '4.4.0' },
      'node_modules/bluebird': { version: '3.4.7' },
    });
    expect(dependencyProblems(disk, packed)).toEqual({ checked: 2, problems: [] });
  });

  it('names a dependency that is missing or resolves to another version', () => {
    expect(dependencyProblems(disk, tree({ '': {}, 'node_modules/exceljs': { version: '4.4.0' } })).problems).toEqual(['exceljs → bluebird@3.4.7: not in app.asar']);
    const wrong = tree({ '': {}, 'node_modules/exceljs': { version: '4.4.0' }, 'node_modules/bluebird': { version: '3.7.2' } });
    expect(dependencyProblems(disk, wrong).problems).toEqual(['exceljs → bluebird@3.4.7: resolves to 3.7.2 at node_modules/bluebird']);
  });
});
