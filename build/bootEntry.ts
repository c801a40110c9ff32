// The renderer's boot module (renderer/boot.ts) as an entry of its own, named in index.html before the app's entry.
// Vite folds every module script of an HTML page into one chunk, which runs only once the whole app has loaded; as a
// separate entry the small boot chunk runs as soon as it arrives and starts the first calls while the rest loads.
// It is `async`: a deferred module script waits for the document's style sheets too (HTML's "style sheet that is
// blocking scripts"), and the app's 50 KB of CSS held the first calls back. The app imports the boot chunk (it holds
// the early answers both use: see initialChunk), so the app never runs before it. It goes right before the app's
// script, i.e. after the CSP meta, so the page's policy covers it too.
import path from 'node:path';
import type { Plugin } from 'vite';

export function bootEntry(root: string, file = 'boot.ts'): Plugin {
  const name = path.basename(file, path.extname(file));
  return {
    name: 'staffbook-boot-entry',
    config: () => ({ build: { rolldownOptions: { input: { index: path.join(root, 'index.html'), [name]: path.join(root, file) } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = ctx.bundle && Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === name);
        if (ctx.bundle && !chunk) throw new Error(`boot entry ${file} missing from the bundle`);
        const src = chunk ? `./${chunk.fileName}` : `./${file}`;
        const at = html.search(/<script type="module"/);
        if (at < 0) throw new Error('index.html has no module script to put the boot entry before');
        return `${html.slice(0, at)}<script type="module" async crossorigin src="${src}"></script>\n    ${html.slice(at)}`;
      },
    },
  };
}

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** The modules `from` loads statically, itself included. */
function staticClosure(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const dep of graph.getModuleInfo(id)?.importedIds ?? []) visit(dep);
  };
  visit(from);
  return seen;
}

/**
 * A code-splitting group: every module the page loads at start-up in one chunk (`app`), and the boot module's own in the
 * boot entry's chunk. Left to itself the bundler cut the start-up code into ~10 chunks shared with the lazy pages; a
 * cold start then waited on that many requests (6 at a time per host) before the first module could run. The modules
 * boot shares with the app (the early answers, the transport, dates) went to a chunk of their own, which boot had to
 * fetch before it could run; named after the entry, the group is the entry's chunk: boot imports nothing.
 */
export function initialChunk(root: string, file = 'boot.ts') {
  const bootName = path.basename(file, path.extname(file));
  let boot: Set<string> | null = null;
  return {
    name: (id: string, graph: ModuleGraph) => {
      if (!boot) {
        const bootId = path.resolve(root, file);
        // a path that does not match would put the boot module's own code in `app`: boot would wait for the whole app
        if (!graph.getModuleInfo(bootId)) throw new Error(`boot entry ${bootId} is not in the module graph`);
        boot = staticClosure(graph, bootId);
      }
      return boot.has(id) ? bootName : 'app';
    },
    tags: ['$initial' as const],
    // the boot module's dependencies must not be pulled into `app` (boot would then wait for the whole app)
    includeDependenciesRecursively: false,
  };
}
