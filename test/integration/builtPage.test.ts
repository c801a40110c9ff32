// The built renderer's start-up (npm test builds it first): the boot module is async and imports nothing, so its first
// calls leave as soon as its one small file arrives — neither the app's style sheet (a deferred module script waits
// for it) nor a chunk shared with the app holds them back — and the app imports the boot chunk, so it never runs first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(__dirname, '../../dist/renderer');
const read = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');
const staticImports = (code: string) => [...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => m[1]);

describe('built page', () => {
  const html = read('index.html');
  const scripts = [...html.matchAll(/<script([^>]*)src="\.\/([^"]+)"/g)].map((m) => ({ attrs: m[1], file: m[2] }));

  it('loads the boot module first, async, then the app', () => {
    expect(scripts.map((s) => path.basename(s.file).split('-')[0])).toEqual(['boot', 'index']);
    expect(scripts[0].attrs).toMatch(/\basync\b/);
    expect(scripts[1].attrs).not.toMatch(/\basync\b/);
  });

  it('the boot chunk imports nothing at start-up; the app imports the boot chunk', () => {
    const [boot, app] = scripts.map((s) => s.file);
    expect(staticImports(read(boot))).toEqual([]);
    expect(staticImports(read(app)).map((f) => path.posix.join('assets', path.posix.basename(f)))).toContain(boot);
  });
});
