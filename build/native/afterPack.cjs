// electron-builder afterPack hook: refuses to finish a package whose native modules the packed Electron cannot load
// (wrong OS, wrong CPU, or built for Node's ABI instead of Electron's). Runs before fuses and signing, so a bad
// installer is never produced. `npm run dist:check` runs the same check and reports instead of failing.
'use strict';
const path = require('node:path');
const { electronAbi, findNativeModules, nativeModuleProblems } = require('./nativeModule.cjs');

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // builder-util's Arch enum, by value

/** The packed app's resources folder (macOS keeps it inside the .app bundle). */
function resourcesDir(context) {
  if (context.electronPlatformName !== 'darwin') return path.join(context.appOutDir, 'resources');
  const app = `${context.packager.appInfo.productFilename}.app`;
  return path.join(context.appOutDir, app, 'Contents', 'Resources');
}

/** @param {import('electron-builder').AfterPackContext} context */
async function afterPack(context) {
  const target = {
    platform: context.electronPlatformName,
    arch: ARCH_NAMES[context.arch] ?? String(context.arch),
    abi: electronAbi(context.packager.info.framework.version, context.packager.projectDir),
  };
  const files = findNativeModules(resourcesDir(context));
  const problems = files.flatMap((f) => nativeModuleProblems(f, target).problems);
  if (files.length === 0) problems.push('no .node file found in the packed app: better-sqlite3 is missing from app.asar.unpacked');
  if (problems.length) {
    throw new Error(
      `Native modules do not match ${target.platform} ${target.arch} Electron (ABI ${target.abi}):\n  ${problems.join('\n  ')}\n` +
        `Rebuild them for the target first: npx electron-builder install-app-deps --platform ${target.platform} --arch ${target.arch}`,
    );
  }
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.resourcesDir = resourcesDir;
