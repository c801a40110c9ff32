// Is a native module (.node) loadable by the Electron we ship? Read straight from the file's bytes, so it works for a
// Windows binary on a Linux machine: the executable format (PE / ELF / Mach-O) and CPU say which OS and arch it was
// built for, and the `node_register_module_v<N>` symbol every non-N-API addon exports says which NODE_MODULE_VERSION
// (ABI) it was compiled against. Electron 45 is ABI 150; Node 20 is 115 — a 115 binary in the app makes the clerk's
// first launch end in 「無法開啟資料庫 … NODE_MODULE_VERSION」.
// Plain CommonJS because electron-builder require()s the afterPack hook that uses it; build/distCheck.ts imports it too.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const FORMAT_OF_PLATFORM = { win32: 'PE', linux: 'ELF', darwin: 'Mach-O' };
const ELF_MACHINE = { 0x03: 'ia32', 0x3e: 'x64', 0x28: 'armv7l', 0xb7: 'arm64' };
const PE_MACHINE = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' };
const MACHO_CPU = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

/**
 * @param {Buffer} bytes
 * @returns {{ format: 'PE' | 'ELF' | 'Mach-O' | 'unknown', arch: string }}
 */
function binaryFormat(bytes) {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    const little = bytes[5] === 1;
    const machine = little ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18);
    return { format: 'ELF', arch: ELF_MACHINE[machine] ?? `machine 0x${machine.toString(16)}` };
  }
  if (bytes.length >= 0x40 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = bytes.readUInt16LE(pe + 4);
      return { format: 'PE', arch: PE_MACHINE[machine] ?? `machine 0x${machine.toString(16)}` };
    }
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    return { format: 'Mach-O', arch: MACHO_CPU[cpu] ?? `cpu 0x${cpu.toString(16)}` };
  }
  return { format: 'unknown', arch: 'unknown' };
}

/**
 * The NODE_MODULE_VERSION the addon was built for; 'napi' for an N-API-only addon (ABI-stable); null if unreadable.
 * @param {Buffer} bytes
 * @returns {number | 'napi' | null}
 */
function moduleAbi(bytes) {
  const text = bytes.toString('latin1');
  const versioned = /node_register_module_v(\d+)/.exec(text);
  if (versioned) return Number(versioned[1]);
  return text.includes('napi_register_module_v') ? 'napi' : null;
}

/**
 * Every problem that stops `file` loading in Electron of ABI `abi` on `platform`/`arch`; an empty list means fine.
 * @param {string} file
 * @param {{ platform: string, arch: string, abi: number }} target
 */
function nativeModuleProblems(file, target) {
  const bytes = fs.readFileSync(file);
  const found = binaryFormat(bytes);
  const abi = moduleAbi(bytes);
  const want = FORMAT_OF_PLATFORM[target.platform] ?? 'unknown';
  const name = path.basename(file);
  const problems = [];
  if (found.format !== want || found.arch !== target.arch) {
    problems.push(`${name} is a ${found.format} ${found.arch} binary, but the app is for ${target.platform} ${target.arch} (needs ${want} ${target.arch})`);
  }
  if (abi === null) problems.push(`${name}: no node_register_module_v<N> symbol, its ABI cannot be read`);
  else if (abi !== 'napi' && abi !== target.abi) {
    problems.push(`${name} was built for NODE_MODULE_VERSION ${abi}, but Electron needs ${target.abi} (abi_version)`);
  }
  return { file, format: found.format, arch: found.arch, abi, problems };
}

/** Every .node file under dir (the packed app's resources, typically app.asar.unpacked). Build leftovers such as
 * better-sqlite3's test_extension.node are checked too: anything shipped must load. */
function findNativeModules(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.node'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Electron's ABI: node_modules/electron/abi_version when that is the Electron being packed, else node-abi's table. */
function electronAbi(electronVersion, projectDir) {
  try {
    const dir = path.dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    if (!electronVersion || installed === electronVersion) return Number(fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim());
  } catch {
    // fall through to node-abi
  }
  return Number(require(require.resolve('node-abi', { paths: [projectDir] })).getAbi(electronVersion, 'electron'));
}

module.exports = { binaryFormat, moduleAbi, nativeModuleProblems, findNativeModules, electronAbi, FORMAT_OF_PLATFORM };
