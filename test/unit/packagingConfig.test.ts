import { createRequire } from 'node:module';
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
