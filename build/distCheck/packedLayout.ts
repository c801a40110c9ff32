// What the packed app must contain: every file electron/main.ts loads (its paths come from import.meta.url, so they
// only exist if the asar has them at the same relative place), every production dependency, and the native module
// outside the asar (a .node file cannot be dlopen()ed from inside an archive).
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';

export const NATIVE_SQLITE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

/** node's lookup order: from <root>/node_modules/a/node_modules/b the next place to look is <root>/node_modules/a. */
function owningPackageDir(dir: string): string {
  let up = path.posix.dirname(dir);
  if (path.posix.basename(up).startsWith('@')) up = path.posix.dirname(up);
  if (path.posix.basename(up) === 'node_modules') up = path.posix.dirname(up);
  return up;
}

/** A package tree to resolve in: the project on disk, or the packed app.asar. Paths are posix, '' is the root. */
interface Tree {
  manifest(dir: string): { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> } | null;
}

function resolveIn(tree: Tree, fromDir: string, name: string): string | null {
  for (let dir = fromDir; ; dir = owningPackageDir(dir)) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (tree.manifest(candidate)) return candidate;
    if (dir === '' || dir === '.') return null;
  }
}

export function diskTree(root: string): Tree {
  return {
    manifest: (dir) => {
      const file = path.join(root, dir, 'package.json');
      return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
    },
  };
}

export function asarTree(archive: string): Tree {
  const listed = new Set(asar.listPackage(archive, { isPack: false }).map((p) => p.split(path.sep).join('/').replace(/^\//, '')));
  return {
    manifest: (dir) => {
      const file = path.posix.join(dir, 'package.json');
      return listed.has(file) ? JSON.parse(asar.extractFile(archive, file).toString('utf8')) : null;
    },
  };
}

/**
 * Walks the production dependency graph as npm installed it and, step by step, resolves the same names in the packed
 * app the way Node would from the dependent's packed location: each must be found, at the version npm installed.
 * electron-builder re-hoists packages (e.g. exceljs's nested bluebird 3.4.7 becomes the top-level one), so paths
 * alone prove nothing. Returns the number of packages checked and each problem ("exceljs → bluebird: …").
 */
export function dependencyProblems(disk: Tree, packed: Tree): { checked: number; problems: string[] } {
  const seen = new Set<string>();
  const problems: string[] = [];
  const visit = (diskDir: string, packedDir: string, label: string) => {
    const m = disk.manifest(diskDir);
    const optional = new Set(Object.keys(m?.optionalDependencies ?? {}));
    for (const name of Object.keys({ ...m?.dependencies, ...m?.optionalDependencies })) {
      const onDisk = resolveIn(disk, diskDir, name);
      if (!onDisk) {
        if (!optional.has(name)) problems.push(`${label} → ${name}: not installed`);
        continue;
      }
      const want = disk.manifest(onDisk)?.version;
      const inApp = resolveIn(packed, packedDir, name);
      const got = inApp ? packed.manifest(inApp)?.version : null;
      if (got !== want) problems.push(`${label} → ${name}@${want}: ${inApp ? `resolves to ${got} at ${inApp}` : 'not in app.asar'}`);
      const key = `${onDisk}|${inApp}`;
      if (inApp && !seen.has(key)) {
        seen.add(key);
        visit(onDisk, inApp, name);
      }
    }
  };
  visit('', '', 'app');
  return { checked: seen.size, problems };
}

export interface LayoutReport {
  missing: string[];
  notUnpacked: string[];
  files: number;
}

/** Compares app.asar with what the app needs: `required` are paths relative to the app root ("dist/electron/x"). */
export function asarLayoutProblems(archive: string, required: readonly string[]): LayoutReport {
  const listed = new Set(asar.listPackage(archive, { isPack: false }).map((p) => p.split(path.sep).join('/').replace(/^\//, '')));
  const missing = required.filter((r) => !listed.has(r));
  const notUnpacked: string[] = [];
  if (!listed.has(NATIVE_SQLITE)) missing.push(NATIVE_SQLITE);
  else {
    const stat = asar.statFile(archive, NATIVE_SQLITE) as { unpacked?: boolean };
    const onDisk = path.join(`${archive}.unpacked`, NATIVE_SQLITE);
    if (!stat.unpacked || !fs.existsSync(onDisk)) notUnpacked.push(NATIVE_SQLITE);
  }
  return { missing, notUnpacked, files: listed.size };
}

/** The relative paths main.ts loads at run time, from the bundle on disk (dist/). */
export function pathsMainLoads(root: string): string[] {
  const list = (dir: string) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.map'))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return ['package.json', ...list('dist/electron'), ...list('dist/renderer')];
}
