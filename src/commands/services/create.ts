import type { Command } from 'commander';
import { assertAdmin } from '../../core/access.js';
import { NotFoundError, RuleError, UsageError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { serviceJson } from '../../ui/json.js';
import { notice, positiveInt, printJson, printLines } from '../shared.js';
import { addServiceFlags, buildServiceInput, type ServiceFlags } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  const cmd = parent
    .command('create')
    .description('create a coworking service (admins only)')
    .requiredOption('--slug <slug>', 'lower-case letters, digits and "-"')
    .requiredOption('--name <text>', 'the name guests see, such as «Коворкинг на 2 этаже»')
    .requiredOption('--capacity <seats>', 'seats: how many bookings may overlap', positiveInt('--capacity'))
    .option('--location <key>', 'the location (default: the only one)');
  addServiceFlags(cmd);
  cmd.action((opts: ServiceFlags & { slug: string; name: string; capacity: number; location?: string }) => createRun(opts, deps));
}

export async function createRun(opts: ServiceFlags & { slug: string; name: string; capacity: number; location?: string }, deps: Deps): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.slug)) throw new UsageError(`--slug: "${opts.slug}" may hold lower-case letters, digits and "-" only`);
  if (!opts.tariff?.length) throw new UsageError('--tariff NAME:hour|day:PRICE is required at least once');
  const store = await deps.store();
  const me = await deps.operator();
  assertAdmin(me, 'create services');
  if (await store.service(opts.slug)) throw new RuleError('SERVICE_EXISTS', `a service "${opts.slug}" exists already: change it with \`services set\``);
  const locations = await store.locations();
  const location = opts.location === undefined ? (locations.length === 1 ? locations[0] : undefined) : locations.find((l) => l.key === opts.location);
  if (!location) {
    if (opts.location !== undefined) throw new NotFoundError(`location "${opts.location}" not found`);
    throw new UsageError(`--location is required: there are ${locations.length} locations (${locations.map((l) => l.key).join(', ') || 'none: load one with `cowork seed FILE`'})`);
  }
  const input = await buildServiceInput(store, opts, {
    slug: opts.slug,
    locationId: location.id,
    name: opts.name,
    capacity: opts.capacity,
    opensAt: '08:00',
    closesAt: '22:00',
    partialPayment: false,
    minPrepaymentPercent: 0,
    tariffs: [],
    managerIds: [],
  });
  await store.write((tx) => tx.writeService(input));
  const s = (await (await deps.store()).service(opts.slug))!;
  if (deps.json()) printJson(deps, serviceJson(s));
  else {
    printLines(deps, s.slug);
    notice(deps, deps.lang() === 'ru' ? `Услуга создана: ${s.name}.` : `Service created: ${s.name}.`);
  }
}
