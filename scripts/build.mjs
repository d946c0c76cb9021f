// Bundles the CLI into dist/. Code splitting keeps start-up small: the entry chunk holds commander
// and the command table; the command code (src/commands/catalog.ts and what it imports), the store
// (kysely, better-sqlite3), prompts, tables, colour, the CSV reader and the fixture schema (zod) are
// chunks loaded by dynamic import only when a run needs them. esbuild makes a chunk for every set
// of dynamic imports that share a module, and each ES module a run loads costs its resolve, read,
// compile and link: so cowork's own code has few dynamic imports of its own modules.
//
// The new build is written beside dist/ and moved in file by file, entry last, and chunks that the
// new build no longer has stay a while: a cowork already running from dist/ (a test, a benchmark,
// an operator's command) keeps finding the chunks it loads later.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyChildProcess } from './lazy-child-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const next = join(root, `dist.next-${process.pid}`);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(next, { recursive: true, force: true });
await build({
  plugins: [lazyChildProcess],
  entryPoints: { cli: join(root, 'src/cli.ts') },
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // Resolved from node_modules at run time: pg (and its optional native part), and `bindings`,
  // which better-sqlite3 would use to find its addon if the store did not name the addon itself.
  // better-sqlite3's JavaScript is bundled: loading its dozen small files one by one costs more.
  external: ['pg', 'pg-native', 'bindings'],
  banner: {
    js: "import { createRequire as __cowork_createRequire } from 'node:module'; const require = __cowork_createRequire(import.meta.url);",
  },
  define: { __COWORK_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});

// Chunks are named by their content's hash: one of the same name is the same file.
mkdirSync(join(dist, 'chunks'), { recursive: true });
const fresh = new Set(readdirSync(join(next, 'chunks')));
for (const f of fresh) copyFileSync(join(next, 'chunks', f), join(dist, 'chunks', `.${f}.tmp`));
for (const f of fresh) renameSync(join(dist, 'chunks', `.${f}.tmp`), join(dist, 'chunks', f));
for (const f of ['cli.js.map', 'cli.js']) renameSync(join(next, f), join(dist, f));
rmSync(next, { recursive: true, force: true });

// Old chunks go once no run could still want them.
const stale = Date.now() - 60 * 60_000;
for (const f of readdirSync(join(dist, 'chunks'))) {
  const p = join(dist, 'chunks', f);
  if (!fresh.has(f) && existsSync(p) && statSync(p).mtimeMs < stale) rmSync(p, { force: true });
}
