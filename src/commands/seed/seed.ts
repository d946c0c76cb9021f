import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../core/errors.js';
import type { Fixture } from '../../core/fixture.js';
import type { Deps } from '../../deps.js';
import type { FixtureReport } from '../../store/index.js';
import { FixtureError } from '../../store/fixture.js';
import { demoFixture } from './demo.js';
import { notice, positiveInt, printJson } from '../shared.js';

export interface SeedOptions {
  file?: string;
  demo?: boolean;
  orders?: number;
  randomSeed?: number;
  dryRun?: boolean;
}

export function register(program: Command, deps: Deps): void {
  program
    .command('seed')
    .description('load data: the demo, a fixture file (one transaction, idempotent), or generated orders')
    .argument('[file]', 'a fixture file (JSON; see examples/fixture.json), or - for stdin')
    .option('--demo', 'the demo: a coworking in Perm, its managers and guests, the order 1006313')
    .option('--orders <n>', 'generate N realistic orders (deterministic)', positiveInt('--orders'))
    .option('--random-seed <s>', 'the seed of --orders (default 1)', positiveInt('--random-seed'))
    .option('--dry-run', 'check and report, write nothing')
    .action((file: string | undefined, opts: SeedOptions) => seedRun({ ...opts, file }, deps));
}

async function readFixture(deps: Deps, file: string): Promise<Fixture> {
  const { parseFixture } = await import('../../core/fixture.js');
  let text: string;
  try {
    text = file === '-' ? await readStdin(deps) : await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not JSON: ${(e as Error).message}`);
  }
  const r = parseFixture(data);
  if ('problems' in r) throw new UsageError(r.problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n'));
  return r.fixture;
}

async function readStdin(deps: Deps): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of deps.io.stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

function summary(r: FixtureReport, ru: boolean): string {
  return ru
    ? `локации: +${r.locations.created} ~${r.locations.updated}; пользователи: +${r.users.created} ~${r.users.updated}; услуги: +${r.services.created} ~${r.services.updated}; заказы: +${r.orders.created}, без изменений ${r.orders.unchanged}; оплаты: +${r.payments}; сообщения: +${r.messages}`
    : `locations: +${r.locations.created} ~${r.locations.updated}; users: +${r.users.created} ~${r.users.updated}; services: +${r.services.created} ~${r.services.updated}; orders: +${r.orders.created}, ${r.orders.unchanged} unchanged; payments: +${r.payments}; messages: +${r.messages}`;
}

export async function seedRun(opts: SeedOptions, deps: Deps): Promise<void> {
  const modes = [opts.demo, opts.file !== undefined, opts.orders !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('seed takes one of: --demo, a FILE, or --orders N');
  if (opts.randomSeed !== undefined && opts.orders === undefined) throw new UsageError('--random-seed goes with --orders N');
  const ru = deps.lang() === 'ru';
  const dry = opts.dryRun === true;
  let fixture: Fixture;
  if (opts.demo) {
    const { parseFixture } = await import('../../core/fixture.js');
    const r = parseFixture(demoFixture);
    if ('problems' in r) throw new Error(`the demo fixture is invalid: ${r.problems[0]?.path}: ${r.problems[0]?.message}`);
    fixture = r.fixture;
  } else if (opts.file !== undefined) {
    fixture = await readFixture(deps, opts.file);
  } else {
    const store = await deps.store();
    const report = await store.generateOrders({ count: opts.orders!, seed: opts.randomSeed ?? 1, now: deps.now(), dryRun: dry });
    if (deps.json()) printJson(deps, { dryRun: dry, ...report });
    else notice(deps, `${dry ? (ru ? 'Проверено, ничего не записано: ' : 'Dry run, nothing written: ') : ''}${ru ? 'создано заказов' : 'orders created'}: ${report.orders}, ${ru ? 'оплат' : 'payments'}: ${report.payments}, ${ru ? 'сообщений' : 'messages'}: ${report.messages}`);
    return;
  }
  const store = await deps.store();
  let report: FixtureReport;
  try {
    report = await store.loadFixture(fixture, deps.now().toISOString(), { dryRun: dry });
  } catch (e) {
    if (e instanceof FixtureError) {
      const where = opts.file ?? 'demo';
      throw new UsageError(e.problems.map((p) => `${where}: ${p.path}: ${p.message}`).join('\n'));
    }
    throw e;
  }
  if (deps.json()) printJson(deps, { dryRun: dry, ...report });
  else notice(deps, `${dry ? (ru ? 'Проверено, ничего не записано: ' : 'Dry run, nothing written: ') : ''}${summary(report, ru)}`);

  if (opts.demo && !dry && !deps.operatorLogin()) {
    deps.config.write({ login: 'manager' });
    notice(
      deps,
      ru
        ? `Текущий оператор: manager (Ольга Смирнова). Сменить: cowork login ЛОГИН, или --as ЛОГИН.`
        : `The current operator is now manager (Ольга Смирнова). Change it with \`cowork login LOGIN\` or --as LOGIN.`,
    );
  }
}
