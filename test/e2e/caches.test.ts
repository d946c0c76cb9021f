/**
 * bin/cowork's two caches, in `$XDG_CACHE_HOME/cowork` (here the sandbox's `~/.cache/cowork`):
 * V8's code cache of the program, one file per build, Node and command, and the help text of
 * `cowork --help`, one per build, language and width. A cache only ever saves time: what a run
 * prints is the same with it, without it, with a broken one, and where none can be written.
 */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const BUILD = /cowork-build=(\w+)\s*$/.exec(readFileSync(resolve(import.meta.dirname, '../../dist/cli.cjs'), 'latin1').slice(-64))![1]!;

describe('the code cache', () => {
  it('is left by the first run of a command and used by the next, which prints the same', () => {
    const sb = sandbox({ seedDemo: true });
    const key = `${BUILD}-${process.version}-${process.arch}-orders-show`;
    const v8 = join(sb.dir, '.cache', 'cowork', 'v8');
    const first = sb.run(['orders', 'show', '1006313', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(v8)).toContain(key);
    // The side bundle a command requires has a cache of its own: seed --demo (the sandbox's) reads
    // the fixture with zod, from vendor.cjs.
    expect(readdirSync(v8).filter((f) => f.endsWith('-seed-vendor'))).toHaveLength(1);
    const made = readFileSync(join(v8, key));
    const second = sb.run(['orders', 'show', '1006313', '--json']);
    expect(second).toEqual(first);
    // A cache V8 takes is not written again.
    expect(readFileSync(join(v8, key)).equals(made)).toBe(true);
    // A run under other flags (which V8 would refuse that cache for) keeps one of its own.
    expect(sb.run(['orders', 'show', '1006313', '--json'], { env: { NODE_OPTIONS: '--no-warnings' } })).toEqual(first);
    expect(readdirSync(v8).filter((f) => f.endsWith('-orders-show'))).toHaveLength(2);
    expect(readFileSync(join(v8, key)).equals(made)).toBe(true);
  });

  it('Node’s compile cache (Node 22.1 and later) is kept for a run on PostgreSQL only, which loads pg from node_modules', () => {
    const sb = sandbox();
    // A cache folder of this test's own: the sandbox's database may be PostgreSQL's.
    const env = { XDG_CACHE_HOME: join(sb.dir, 'own-cache') };
    const compile = join(sb.dir, 'own-cache', 'cowork', 'compile');
    expect(sb.run(['db', 'status', '--db', join(sb.dir, 'none.db')], { env }).code).not.toBe(0);
    expect(existsSync(compile)).toBe(false);
    // Nothing answers on port 9: the run fails to connect, after loading pg.
    expect(sb.run(['db', 'status', '--db', 'postgres://127.0.0.1:9/none?connect_timeout=2'], { env }).code).not.toBe(0);
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(existsSync(compile)).toBe(major > 22 || (major === 22 && minor >= 1));
  });

  it('one that V8 refuses is made anew, and the run goes on as if there were none', () => {
    const sb = sandbox({ seedDemo: true });
    const key = `${BUILD}-${process.version}-${process.arch}-whoami`;
    const clean = sb.run(['whoami']);
    const file = join(sb.dir, '.cache', 'cowork', 'v8', key);
    writeFileSync(file, 'not a code cache');
    const after = sb.run(['whoami']);
    expect(after).toEqual(clean);
    expect(readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it('keeps what was written in the last 30 days: a new cache clears older files (older builds’ mostly)', () => {
    const sb = sandbox({ seedDemo: true });
    const v8 = join(sb.dir, '.cache', 'cowork', 'v8');
    const stale = join(v8, '0000000000000000-v0.0.0-x64-orders-show');
    const recent = join(v8, '1111111111111111-v0.0.0-x64-orders-show');
    writeFileSync(stale, 'old');
    writeFileSync(recent, 'recent');
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(stale, longAgo, longAgo);
    expect(sb.run(['whoami']).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it('is no condition of a run: with a cache folder that cannot be made, commands run as ever', () => {
    const sb = sandbox({ seedDemo: true });
    const blocked = join(sb.dir, 'a-file');
    writeFileSync(blocked, '');
    const env = { XDG_CACHE_HOME: blocked };
    const shown = sb.run(['orders', 'show', '1006313', '--json'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number: 1006313 });
    const help = sb.run(['--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cowork/);
  });
});

describe('the help cache', () => {
  it('keeps `cowork --help` by language and width, and prints what the program printed', () => {
    const sb = sandbox();
    const help = join(sb.dir, '.cache', 'cowork', 'help');
    const en = sb.run(['--help']);
    expect(en.code).toBe(0);
    expect(readdirSync(help)).toEqual([`${BUILD}-en-pipe.txt`]);
    expect(readFileSync(join(help, `${BUILD}-en-pipe.txt`), 'utf8')).toBe(en.stdout);

    const ru = sb.run(['-h'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stdout).toMatch(/^Использование: cowork/);
    expect(readdirSync(help).sort()).toEqual([`${BUILD}-en-pipe.txt`, `${BUILD}-ru-pipe.txt`]);

    // Later runs print the kept text (which is the program's own, as above), in their language.
    expect(sb.run(['--help'])).toEqual(en);
    expect(sb.run(['--help'], { env: { COWORK_LANG: 'ru' } })).toEqual(ru);
    writeFileSync(join(help, `${BUILD}-en-pipe.txt`), 'kept\n');
    expect(sb.run(['--help']).stdout).toBe('kept\n');
  });

  it('decides the language as the program does: a variable set to nothing still counts', () => {
    const sb = sandbox();
    // COWORK_LANG set but empty: the program reads it, and speaks English whatever LANG says.
    const empty = sb.run(['--help'], { env: { COWORK_LANG: '', LANG: 'ru_RU.UTF-8' } });
    expect(empty.stdout).toMatch(/^Usage: cowork/);
    expect(sb.run(['--help'], { env: { LANG: 'ru_RU.UTF-8' } }).stdout).toMatch(/^Использование: cowork/);
    expect(sb.run(['--help'], { env: { COWORK_LANG: '', LANG: 'ru_RU.UTF-8' } })).toEqual(empty);
  });

  it('answers only `--help` alone: with anything else the program decides', () => {
    const sb = sandbox();
    const help = join(sb.dir, '.cache', 'cowork', 'help');
    const ru = sb.run(['--help', '--lang', 'ru']);
    expect(ru.stdout).toMatch(/^Использование: cowork/);
    const orders = sb.run(['orders', '--help']);
    expect(orders.stdout).toMatch(/^Usage: cowork orders/);
    expect(() => readdirSync(help)).toThrow();
  });
});
