// `npm run build:electron`: bundles the Electron main process (ESM) and the sandboxed preload (must be CommonJS) into
// dist/electron and copies the SQL migrations beside main.mjs, where electron/db/migrate.ts looks for them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'electron');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

// Runtime dependencies stay external: electron-builder ships them in node_modules, better-sqlite3 is a native module
// that cannot be bundled, and exceljs is CommonJS full of dynamic requires. Anything else imported gets bundled.
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

fs.rmSync(out, { recursive: true, force: true });

await build({
  entryPoints: [path.join(root, 'electron', 'main.ts')],
  outfile: path.join(out, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  logLevel: 'warning',
});

await build({
  entryPoints: [path.join(root, 'electron', 'preload.ts')],
  outfile: path.join(out, 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  logLevel: 'warning',
});

fs.cpSync(path.join(root, 'electron', 'db', 'migrations'), path.join(out, 'migrations'), {
  recursive: true,
  filter: (src) => fs.statSync(src).isDirectory() || src.endsWith('.sql'),
});

console.log(`Electron bundle → ${path.relative(root, out)}/ (main.mjs, preload.cjs, migrations/)`);
