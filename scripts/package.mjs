#!/usr/bin/env node
// `npm run package`: cowork as one executable file for linux-x64, dist-sea/cowork, that needs no
// Node, npm or compiler where it runs (Node's single executable applications).
//
// - Node: 24 (scripts/node.mjs fetches it from the npm registry once), the newest LTS. The file
//   carries its own Node, so the newest supported one costs the operator nothing; and Node 24
//   loads better-sqlite3 13, whose Node-API addon comes prebuilt in its package: nothing to compile
//   here either.
// - The code: the executable's main script is bin/cowork itself, built with its single-executable
//   branches on (the version, the build and the addon's hash as constants), with V8's code cache
//   (`useCodeCache`). The program (scripts/build.mjs's cli.cjs, with pg inside, since there is no
//   node_modules to load it from) and its side bundles are assets, compiled as bin/cowork compiles
//   them from dist/: with the code cache of each command, kept in the user's cache folder. So the
//   executable starts as `node bin/cowork` does, from the same caches and fast paths. (A start-up
//   snapshot of the whole program, tried before, made every run deserialize all of it: `--version`
//   took 1.45× `node -e 0`.)
// - SQLite's addon: carried as an asset (`sea.getAsset`), written out on the first run.
// - Node's binary is stripped of its debug symbols when `strip` is there (18 MB less), then the
//   blob is injected into it with postject.
//
// The build goes to dist-sea/.next-PID and is renamed into place at the end (`--keep` keeps the
// bundle and the blob there). `--check` also runs the result once (`--version`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { buildProgram } from './build.mjs';
import { Failure, provideNode, run } from './node.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist-sea');
const NODE_MAJOR = 24;
const require = createRequire(join(ROOT, 'package.json'));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const started = Date.now();

// The store loads pg by `createRequire(import.meta.filename)('pg')`, which the npm build keeps as a
// run-time require from node_modules; here there is no node_modules, so it becomes a plain require
// that the bundle includes.
const inlineRequires = {
  name: 'inline-requires',
  setup(b) {
    b.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: text.replace(/createRequire\(import\.meta\.filename\)\(/g, 'require('), loader: 'ts' };
    });
  },
};

async function pack(work) {
  const { node } = provideNode(NODE_MAJOR);

  // better-sqlite3 13's prebuilt addon for glibc Linux on x64, the one Node 24 loads.
  const addon = join(dirname(require.resolve('better-sqlite3-napi/package.json')), 'prebuilds', 'linux-x64.node');
  if (!existsSync(addon)) throw new Failure(`${addon} is missing (npm ci installs it)`);
  const addonHash = createHash('sha256').update(readFileSync(addon)).digest('hex').slice(0, 12);

  // The program as dist/ has it, but with pg inside (there is no node_modules to load it from).
  const build = await buildProgram(work, { plugins: [inlineRequires], external: ['pg-native'] });
  // The executable's main script: bin/cowork itself, its single-executable branches on.
  const main = join(work, 'main.cjs');
  await esbuild({
    stdin: {
      contents: readFileSync(join(ROOT, 'bin', 'cowork'), 'utf8'),
      resolveDir: join(ROOT, 'bin'),
      loader: 'js',
      sourcefile: 'cowork',
    },
    outfile: main,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: `node${NODE_MAJOR}`,
    minify: true,
    define: {
      __COWORK_SEA__: 'true',
      __COWORK_VERSION__: JSON.stringify(version),
      __COWORK_BUILD__: JSON.stringify(build),
      __COWORK_ADDON__: JSON.stringify(addonHash),
    },
    logLevel: 'warning',
  });
  if (/createRequire\(__filename\)\(/.test(readFileSync(join(work, 'cli.cjs'), 'utf8')))
    throw new Failure('the program still loads a module from node_modules at run time');

  const blob = join(work, 'cowork.blob');
  const config = join(work, 'sea-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      main,
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: true,
      assets: {
        'cli.cjs': join(work, 'cli.cjs'),
        'vendor.cjs': join(work, 'vendor.cjs'),
        'prompts.cjs': join(work, 'prompts.cjs'),
        'better_sqlite3.node': addon,
      },
    }),
  );
  run(node, ['--experimental-sea-config', config], { cwd: work });

  const exe = join(work, 'cowork');
  const strip = spawnSync('strip', ['-o', exe, node], { stdio: 'ignore' });
  if (strip.error || strip.status !== 0) copyFileSync(node, exe);
  chmodSync(exe, 0o755);
  const postject = join(dirname(require.resolve('postject/package.json')), 'dist', 'cli.js');
  run(process.execPath, [postject, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2']);

  if (process.argv.includes('--check')) {
    const home = mkdtempSync(join(tmpdir(), 'cowork-package-'));
    try {
      const said = run(exe, ['--version'], { env: { PATH: '/usr/bin:/bin', HOME: home } }).trim();
      if (said !== version) throw new Failure(`the executable's --version said ${JSON.stringify(said)}, not ${version}`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  renameSync(exe, join(OUT, 'cowork'));
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`package: builds for linux-x64 only, not ${process.platform}-${process.arch}`);
  process.exit(1);
}
const work = join(OUT, `.next-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
try {
  await pack(work);
} catch (e) {
  // esbuild has printed its errors already; the others are one line.
  console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`package: the bundle and the blob are kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (!process.exitCode) {
  const size = (statSync(join(OUT, 'cowork')).size / 1024 / 1024).toFixed(1);
  console.log(
    `dist-sea/cowork: cowork ${version} on Node ${NODE_MAJOR}, ${size} MB, built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
