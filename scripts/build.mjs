// Bundles the CLI into dist/: one CommonJS file, dist/cli.cjs, that bin/cowork compiles with V8's
// code cache (see bin/cowork). One file, because each module a run loads costs its resolve, read
// and compile, and ES modules cost more than that (the loader's URL resolution, linking); on
// Node 20 an ES module cannot use a code cache at all. What few commands need stays lazy: esbuild
// compiles a dynamic import() of a bundled module into a function that runs the module's top level
// on first call, so a run evaluates only what it reaches; and the largest libraries of a few
// commands are side bundles of their own (SIDE, below).
//
// The bundle is ASCII (bin/cowork reads it as Latin-1). Each bundle's last line names its hash
// (`//# cowork-build=…`): bin/cowork names its code cache by it, so a new build never meets an old
// cache. Beside them: cli.cjs.map (the source map) and meta.json (esbuild's metafile: which module
// imports which, and how; test/e2e/startup.test.ts reads it).
//
// The new build is written beside dist/ and each file renamed into place, the bundle last: a
// cowork already running from dist/ (a test, a benchmark, an operator's command) has read its
// bundle whole when it started.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyBuiltins } from './lazy-builtins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const next = join(root, `dist.next-${process.pid}`);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The libraries of a few commands go to bundles of their own, loaded the first time a command
// imports one of them: the bundle that every run reads, compiles and caches is the smaller for it.
// vendor.cjs: the encodings of a statement, the fixture and mapping schemas, the CSV reader (half
// of the code by size); prompts.cjs: the prompts of a terminal (with the editor's encoding guesser).
const SIDE = { 'vendor.cjs': ['zod', 'iconv-lite', 'csv-parse/sync'], 'prompts.cjs': ['@inquirer/prompts'] };
/** What a bundle's text is put between: a function of a CommonJS module's five names, on a line of its own. */
const WRAP = ['(function (exports, require, module, __filename, __dirname) {\n', '\n});\n'];
const sideOf = new Map(Object.entries(SIDE).flatMap(([file, names]) => names.map((n) => [n, file])));
const vendored = {
  name: 'vendored',
  setup(b) {
    const names = new RegExp(`^(${[...sideOf.keys()].map((v) => v.replace(/[/@-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter: names }, (args) => ({ path: args.path, namespace: 'vendored' }));
    b.onLoad({ filter: /.*/, namespace: 'vendored' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(sideOf.get(args.path))}))[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

/**
 * Writes the program into `out`: cli.cjs (ASCII, its hash on its last line), cli.cjs.map, the
 * side bundles (SIDE) and meta.json. `plugins` go first: the single executable's build
 * (scripts/package.mjs) inlines what this build leaves to node_modules. Returns cli.cjs's hash.
 */
export async function buildProgram(out, { plugins = [], external = ['pg', 'pg-native', 'bindings'] } = {}) {
  for (const [file, names] of Object.entries(SIDE)) {
    await build({
      stdin: {
        contents: `module.exports = { ${names.map((v) => `${JSON.stringify(v)}: require(${JSON.stringify(v)})`).join(', ')} };`,
        resolveDir: root,
        loader: 'js',
      },
      outfile: join(out, file),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      logLevel: 'warning',
    });
  }
  const result = await build({
    plugins: [...plugins, lazyBuiltins, vendored],
    entryPoints: { cli: join(root, 'src/cli.ts') },
    outExtension: { '.js': '.cjs' },
    outdir: out,
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
    external,
    // import.meta has no meaning in CommonJS: the store's import.meta.filename and dirname (which
    // find the driver and pg) are the bundle's own.
    define: { __COWORK_VERSION__: JSON.stringify(version), 'import.meta.filename': '__filename', 'import.meta.dirname': '__dirname' },
    logLevel: 'warning',
  });

  const bundle = readFileSync(join(out, 'cli.cjs'));
  // bin/cowork reads the bundle as Latin-1, a byte a character, which costs a run far less than
  // decoding UTF-8: esbuild writes non-ASCII text in strings as \u escapes, but not in a regular
  // expression, which must say it another way.
  const foreign = bundle.findIndex((b) => b > 0x7f);
  if (foreign !== -1) {
    const at = bundle.subarray(Math.max(0, foreign - 60), foreign + 20).toString('utf8');
    throw new Error(`cli.cjs must be ASCII; a regular expression holds other text? …${at}…`);
  }
  // Each bundle is the function Node would wrap a CommonJS module in, which bin/cowork compiles and
  // calls: wrapping the text at run time made a run copy the whole bundle once more. Its last line
  // names its hash: bin/cowork names the bundle's code cache by it.
  const named = (file) => {
    const text = Buffer.concat([Buffer.from(WRAP[0]), readFileSync(join(out, file)), Buffer.from(WRAP[1])]);
    const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
    writeFileSync(join(out, file), Buffer.concat([text, Buffer.from(`//# cowork-build=${id}\n`)]));
    return id;
  };
  for (const file of Object.keys(SIDE)) named(file);
  const id = named('cli.cjs');
  // The wrapper's first line moves the program one line down.
  const map = JSON.parse(readFileSync(join(out, 'cli.cjs.map'), 'utf8'));
  writeFileSync(join(out, 'cli.cjs.map'), JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
  writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
  return id;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rmSync(next, { recursive: true, force: true });
  try {
    await buildProgram(next);
  } catch (e) {
    console.error(`build: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  mkdirSync(dist, { recursive: true });
  for (const f of ['meta.json', ...Object.keys(SIDE), 'cli.cjs.map', 'cli.cjs']) renameSync(join(next, f), join(dist, f));
  rmSync(next, { recursive: true, force: true });
  // The ES module build that came before this one.
  for (const f of ['cli.js', 'cli.js.map', 'chunks']) rmSync(join(dist, f), { recursive: true, force: true });
}
