// An esbuild plugin for both builds (scripts/build.mjs, scripts/package.mjs). commander loads
// child_process at its top for executable subcommands, which cowork has none of; loading it costs
// a few milliseconds of every run. This stands in for it and loads it on first use.
import { join } from 'node:path';

export const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'lazy-child-process', namespace: 'cowork' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'cowork' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};
