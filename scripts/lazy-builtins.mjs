// An esbuild plugin for both builds (scripts/build.mjs, scripts/package.mjs): Node's built-in
// modules that the bundle imports at a module's top but a run seldom uses load on first use instead.
// Each costs a run tenths of a millisecond to load, paid by every command, and most runs use none:
// - child_process: commander's, for executable subcommands, of which cowork has none; the editor;
// - os: the home folder when HOME is not set; the temporary folder;
// - module: createRequire, for pg and for a driver that is not beside cowork (public `module` loads
//   the ES module loader with it);
// - tty: whether stdin is a terminal, asked only when a run could prompt (`cowork` alone opens the
//   desk on a terminal; a command asks for what its flags leave out); a terminal's stdout loads
//   it anyway.
// The stand-in exports each of the module's plain functions (a lower-case name), each calling the
// real one, by name and on its default export; importing anything else from it (a class, a
// constant) fails the build.
import { createRequire } from 'node:module';

const LAZY = ['child_process', 'os', 'module', 'tty'];
const require = createRequire(import.meta.url);

function standIn(name) {
  const real = require(`node:${name}`);
  const functions = Object.keys(real).filter((k) => /^[a-z]\w*$/.test(k) && typeof real[k] === 'function');
  return [
    'let m;',
    `const real = () => (m ??= require(${JSON.stringify(`node:${name}`)}));`,
    ...functions.map((f) => `export function ${f}(...a) { return real().${f}(...a); }`),
    `export default { ${functions.join(', ')} };`,
  ].join('\n');
}

export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY.join('|')})$`) }, (args) =>
      // The stand-in's own require is of the real module.
      args.namespace === 'lazy-builtin' ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: standIn(args.path), loader: 'js' }));
  },
};
