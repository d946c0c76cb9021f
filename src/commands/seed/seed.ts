import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { seedOrders } from '../../app/seed.js';
import { UsageError } from '../../core/errors.js';
import type { Fixture } from '../../core/fixture.js';
import { FixtureError } from '../../core/fixture-refs.js';
import type { Deps } from '../../deps.js';
import { demoFixture } from './demo.js';
import { notice, positiveInt, printJson } from '../shared.js';

export interface SeedOptions {
  file?: string;
  demo?: boolean;
  orders?: number;
  randomSeed?: number;
  dryRun?: boolean;
}

/** The operator `seed --demo` sets when none is set: the demo's manager of both services. */
const DEMO_OPERATOR = 'manager';

export function register(program: Command, deps: Deps): void {
  const h = deps.t().help.seed;
  program
    .command('seed')
    .description(h.description)
    .argument('[file]', h.file)
    .option('--demo', h.demo)
    .option('--orders <n>', h.orders, positiveInt('--orders'))
    .option('--random-seed <s>', h.randomSeed, positiveInt('--random-seed'))
    .option('--dry-run', h.dryRun)
    .action((file: string | undefined, opts: SeedOptions) => seedRun({ ...opts, file }, deps));
}

export async function seedRun(opts: SeedOptions, deps: Deps): Promise<void> {
  const t = deps.t();
  const modes = [opts.demo === true, opts.file !== undefined, opts.orders !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('seedOneMode');
  if (opts.randomSeed !== undefined && opts.orders === undefined)
    throw new UsageError('goesWith', { flag: '--random-seed', with: '--orders N' });
  const dryRun = opts.dryRun === true;

  if (opts.orders !== undefined) {
    const report = await seedOrders(await deps.store(), { count: opts.orders, seed: opts.randomSeed ?? 1, now: deps.now(), dryRun });
    if (deps.json()) printJson(deps, { dryRun, ...report });
    else notice(deps, t.notices.seed.generated({ ...report, dryRun }));
    return;
  }

  const source = opts.file ?? 'demo';
  const fixture = opts.file === undefined ? await demo() : await readFixture(deps, opts.file);
  // Loaded on use, as the fixture's schema: no other command needs either.
  const { loadFixture } = await import('../../app/fixture.js');
  const report = await loadFixture(await deps.store(), { fixture, source, at: deps.now().toISOString(), dryRun });
  if (deps.json()) printJson(deps, { dryRun, ...report });
  else notice(deps, t.notices.seed.loaded({ ...report, dryRun }));

  if (opts.demo && !dryRun && !deps.operatorLogin()) {
    deps.config.write({ login: DEMO_OPERATOR });
    const name = demoFixture.users?.find((u) => u.login === DEMO_OPERATOR)?.name ?? DEMO_OPERATOR;
    notice(deps, t.notices.seed.operatorSet({ login: DEMO_OPERATOR, name }));
  }
}

/** The demo, through the same checks as any fixture file (the schema library loads here). */
async function demo(): Promise<Fixture> {
  const { parseFixture } = await import('../../core/fixture.js');
  const r = parseFixture(demoFixture);
  if ('problems' in r) throw new FixtureError('demo', r.problems);
  return r.fixture;
}

async function readFixture(deps: Deps, file: string): Promise<Fixture> {
  const { parseFixture } = await import('../../core/fixture.js');
  let text: string;
  try {
    text = file === '-' ? await readStdin(deps) : await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError('cannotRead', { file, reason: errorReason(e) });
  }
  let data: unknown;
  try {
    // A byte-order mark, as editors on Windows save UTF-8, is no part of the JSON.
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError('notJson', { file, reason: e instanceof Error ? e.message : String(e) });
  }
  const r = parseFixture(data);
  if ('problems' in r) throw new FixtureError(file, r.problems);
  return r.fixture;
}

/** A file error's code (ENOENT, EACCES…) when it has one: the same in every language. */
function errorReason(e: unknown): string {
  if (e instanceof Error) {
    const code = 'code' in e ? e.code : undefined;
    return typeof code === 'string' ? code : e.message;
  }
  return String(e);
}

async function readStdin(deps: Deps): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of deps.io.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  return Buffer.concat(chunks).toString('utf8');
}
