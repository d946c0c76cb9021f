// Bundles the CLI into dist/. Code splitting keeps start-up small: the entry chunk holds commander,
// the command definitions and the core; the store (kysely, better-sqlite3), prompts and tables are
// separate chunks loaded by dynamic import only when a command needs them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // Native or optional: resolved from node_modules at run time.
  external: ['better-sqlite3', 'pg', 'pg-native'],
  banner: {
    js: "import { createRequire as __cowork_createRequire } from 'node:module'; const require = __cowork_createRequire(import.meta.url);",
  },
  define: { __COWORK_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
