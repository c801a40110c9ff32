// The Electron bundle's format, read from its text: main.mjs is ESM whose bare imports are only `electron`, Node
// built-ins and the package's declared dependencies (everything else must have been bundled, because dev
// dependencies are not packed); preload.cjs is CommonJS requiring only `electron` (a sandboxed preload has no Node).
import { builtinModules } from 'node:module';

const STATIC = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

export function importedSpecifiers(source: string): { static: string[]; dynamic: string[]; required: string[] } {
  const all = (re: RegExp) => [...new Set([...source.matchAll(re)].map((m) => m[1]))];
  return { static: all(STATIC), dynamic: all(DYNAMIC), required: all(REQUIRE) };
}

/** 'exceljs/dist/x' → 'exceljs', '@scope/pkg/x' → '@scope/pkg'. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

export function mainBundleProblems(source: string, dependencies: readonly string[]): string[] {
  const found = importedSpecifiers(source);
  const problems: string[] = [];
  if (!found.static.includes('electron')) problems.push('main.mjs: no static `import … from "electron"` — not an ESM bundle of electron/main.ts');
  if (/^\s*(?:module\.exports|exports\.\w+)\s*=/m.test(source)) problems.push('main.mjs: assigns module.exports — CommonJS, not ESM');
  for (const s of [...found.static, ...found.dynamic, ...found.required]) {
    if (s.startsWith('.') || s.startsWith('/')) problems.push(`main.mjs: imports the file "${s}", which is not packed beside it`);
    else if (s !== 'electron' && !isBuiltin(s) && !dependencies.includes(packageName(s))) {
      problems.push(`main.mjs: imports "${s}", which is not a declared dependency (dev dependencies are not packed)`);
    }
  }
  return problems;
}

export function preloadBundleProblems(source: string): string[] {
  const found = importedSpecifiers(source);
  const problems: string[] = [];
  if (found.static.length || /^\s*(?:import|export)\s[^(]/m.test(source)) problems.push('preload.cjs: has ESM import/export — a sandboxed preload must be CommonJS');
  for (const s of [...found.required, ...found.dynamic]) {
    if (s !== 'electron') problems.push(`preload.cjs: requires "${s}" — a sandboxed preload can require only "electron"`);
  }
  if (!found.required.includes('electron')) problems.push('preload.cjs: does not require "electron"');
  return problems;
}
