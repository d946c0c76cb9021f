// Bundles the CLI into dist/: one CommonJS file, dist/cli.cjs, that bin/cowork compiles with V8's
// code cache (see bin/cowork). One file, because each module a run loads costs its resolve, read
// and compile, and ES modules cost more than that (the loader's URL resolution, linking); on
// Node 20 an ES module cannot use a code cache at all. The libraries few commands need (prompts,
// tables, colour, the CSV reader, the fixture schema, the encodings) stay lazy: esbuild compiles a
// dynamic import() of a bundled module into a function that runs the module's top level on first
// call, so a run evaluates only what it reaches.
//
// The bundle is ASCII (bin/cowork reads it as Latin-1). Its last line names its hash (`//# cowork-build=…`): bin/cowork names its code cache by
// it, so a new build never meets an old cache. Beside it: cli.cjs.map (the source map) and
// meta.json (esbuild's metafile: which module imports which, and how; test/e2e/startup.test.ts
// reads it).
//
// The new build is written beside dist/ and each file renamed into place, the bundle last: a
// cowork already running from dist/ (a test, a benchmark, an operator's command) has read its
// bundle whole when it started.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyChildProcess } from './lazy-child-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const next = join(root, `dist.next-${process.pid}`);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The libraries of a few commands, half of the code by size (the encodings of a statement, the
// fixture and mapping schemas, the CSV reader), go to a bundle of their own, dist/vendor.cjs: the
// bundle that every run reads, compiles and caches is the smaller for it. cli.cjs requires it the
// first time a command imports one of them.
const VENDOR = ['zod', 'iconv-lite', 'csv-parse/sync'];
const vendored = {
  name: 'vendored',
  setup(b) {
    const names = new RegExp(`^(${VENDOR.map((v) => v.replace(/[/-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: names }, (args) => ({ path: args.path, namespace: 'vendored' }));
    b.onLoad({ filter: /.*/, namespace: 'vendored' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, 'vendor.cjs'))[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

rmSync(next, { recursive: true, force: true });
await build({
  stdin: {
    contents: `module.exports = { ${VENDOR.map((v) => `${JSON.stringify(v)}: require(${JSON.stringify(v)})`).join(', ')} };`,
    resolveDir: root,
    loader: 'js',
  },
  outfile: join(next, 'vendor.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
});
const result = await build({
  plugins: [lazyChildProcess, vendored],
  entryPoints: { cli: join(root, 'src/cli.ts') },
  outExtension: { '.js': '.cjs' },
  outdir: next,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  // Every import() becomes a lazy require: a bundled module's top level runs on first use, and a
  // built-in module loads as it would from CommonJS.
  supported: { 'dynamic-import': false },
  // Resolved from node_modules at run time: pg (and its optional native part), and `bindings`,
  // which better-sqlite3 would use to find its addon if the store did not name the addon itself.
  external: ['pg', 'pg-native', 'bindings'],
  // import.meta has no meaning in CommonJS: the store's createRequire(import.meta.url) gets the
  // bundle's own URL.
  define: { __COWORK_VERSION__: JSON.stringify(version), 'import.meta.url': '__cowork_url' },
  banner: { js: "var __cowork_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

const bundle = readFileSync(join(next, 'cli.cjs'));
// bin/cowork reads the bundle as Latin-1, a byte a character, which costs a run far less than
// decoding UTF-8: esbuild writes non-ASCII text in strings as \u escapes, but not in a regular
// expression, which must say it another way.
const foreign = bundle.findIndex((b) => b > 0x7f);
if (foreign !== -1) {
  const at = bundle.subarray(Math.max(0, foreign - 60), foreign + 20).toString('utf8');
  console.error(`build: dist/cli.cjs must be ASCII; a regular expression holds other text? …${at}…`);
  process.exit(1);
}
const id = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
writeFileSync(join(next, 'cli.cjs'), Buffer.concat([bundle, Buffer.from(`//# cowork-build=${id}\n`)]));
writeFileSync(join(next, 'meta.json'), JSON.stringify(result.metafile));

mkdirSync(dist, { recursive: true });
for (const f of ['meta.json', 'vendor.cjs', 'cli.cjs.map', 'cli.cjs']) renameSync(join(next, f), join(dist, f));
rmSync(next, { recursive: true, force: true });
// The ES module build that came before this one.
for (const f of ['cli.js', 'cli.js.map', 'chunks']) rmSync(join(dist, f), { recursive: true, force: true });
