// Element Plus's styles per component, beside the code that uses them, instead of its whole stylesheet up front; and its
// configuration (the app's zh-TW), imported first by every module that uses one of its components, so it is in place
// before any of them draws and the start-up screens, which use none, never load it.
// The full sheet is ~330 KB of CSS the browser parses before the first module runs and matches on every style pass;
// the roster page and the shell use a dozen components of the ~80. Every `import { ElX } from 'element-plus'` in the
// renderer also imports `element-plus/es/components/x/style/css` (the library's own per-component entry, which brings
// the shared base variables), so a page loaded later brings its components' styles with its own chunk.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']element-plus["']/g;

/** `ElTableV2` → `table-v2`, `ElMessageBox` → `message-box`. */
export function componentDir(name: string): string {
  return name
    .slice(2)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([a-z])([0-9])/g, '$1-$2')
    .toLowerCase();
}

/** The style entries for the components a module imports from element-plus (types and non-components skipped). */
export function styleImports(code: string, hasStyle: (dir: string) => boolean): string[] {
  const dirs = new Set<string>();
  for (const m of code.matchAll(IMPORT)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0].trim();
      // a directive (`vLoading`) is styled as its component (`ElLoading`)
      const component = /^v[A-Z]\w*$/.test(name) ? `El${name.slice(1)}` : name;
      if (!/^El[A-Z]\w*$/.test(component)) continue; // `type X`, TableV2SortOrder, …
      const dir = componentDir(component);
      if (hasStyle(dir)) dirs.add(dir);
    }
  }
  return [...dirs].map((d) => `element-plus/es/components/${d}/style/css`);
}

/** `config`: the module that configures Element Plus for the app (absolute path), imported by every module using it. */
export function elementStyles(opts: { config?: string } = {}): Plugin {
  const componentsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('element-plus/package.json')), 'es', 'components');
  // a layout this does not know would otherwise ship every page unstyled without a word
  if (!fs.existsSync(path.join(componentsDir, 'button', 'style', 'css.mjs'))) throw new Error(`element-plus per-component styles not found under ${componentsDir}`);
  const known = new Map<string, boolean>();
  const hasStyle = (dir: string) => {
    if (!known.has(dir)) known.set(dir, fs.existsSync(path.join(componentsDir, dir, 'style', 'css.mjs')));
    return known.get(dir)!;
  };
  return {
    name: 'staffbook-element-styles',
    enforce: 'post', // after the SFC compiler: a .vue file is plain JavaScript by then
    transform(code, id) {
      // a .vue file's script arrives as its own module, `App.vue?vue&type=script&setup=true&lang.ts`
      const [file, query = ''] = id.split('?');
      if (file.includes('node_modules') || !/\.(vue|ts)$/.test(file) || (query && !query.includes('type=script'))) return null;
      const styles = styleImports(code, hasStyle);
      if (!styles.length) return null;
      const imports = opts.config && path.resolve(file) !== path.resolve(opts.config) ? [JSON.stringify(opts.config), ...styles.map((s) => `'${s}'`)] : styles.map((s) => `'${s}'`);
      // on the first line, before the code: no line moves, so the source map stays right without a new one
      return { code: imports.map((s) => `import ${s};`).join('') + code, map: null };
    },
  };
}
