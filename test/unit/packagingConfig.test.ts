import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../build/electron-builder.config.cjs');

type Target = { target: string; arch: string[] };

describe('electron-builder config', () => {
  it('ships the bundles and unpacks native modules from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
    expect(config.extraMetadata.main).toBe('dist/electron/main.mjs');
    expect(config.npmRebuild).toBe(false);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('builds an x64 NSIS installer and an AppImage', () => {
    expect(config.win.target).toContainEqual<Target>({ target: 'nsis', arch: ['x64'] });
    expect(config.linux.target.map((t: Target) => t.target)).toContain('AppImage');
  });

  it('installs per user in one click: no all-users page, no elevation, data kept on uninstall', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(config.nsis.allowToChangeInstallationDirectory).toBeUndefined(); // that option brings back the assisted pages
    expect(config.nsis.selectPerMachineByDefault).toBeUndefined();
  });

  it('has an icon, a publisher and SHA-256 signing settings', () => {
    const root = path.resolve(__dirname, '../..');
    const ico = fs.readFileSync(path.join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // ICONDIR, type icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(fs.readFileSync(path.join(root, config.icon)).subarray(1, 4).toString()).toBe('PNG');
    expect(config.nsis.installerIcon).toBe(config.win.icon);
    expect(config.extraMetadata.author.name).toBeTruthy();
    expect(config.win.signtoolOptions.publisherName).toEqual([config.extraMetadata.author.name]);
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
  });

  it('runs the native-module check after packing and leaves build leftovers out', () => {
    expect(config.afterPack).toBe(require('../../build/native/afterPack.cjs'));
    expect(config.files).toContain('!node_modules/better-sqlite3/build/Release/test_extension.node');
  });

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
