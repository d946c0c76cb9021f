import type { Command } from 'commander';
import { assertAdmin } from '../../core/access.js';
import { NotFoundError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { serviceJson } from '../../ui/json.js';
import { notice, positiveInt, printJson, printLines } from '../shared.js';
import { addServiceFlags, buildServiceInput, type ServiceFlags } from './shared.js';

type SetOptions = ServiceFlags & { name?: string; capacity?: number };

export function register(parent: Command, deps: Deps): void {
  const cmd = parent
    .command('set')
    .description("change a service's settings (admins only); what is not given stays")
    .argument('<slug>', 'the service')
    .option('--name <text>', 'a new name')
    .option('--capacity <seats>', 'seats', positiveInt('--capacity'));
  addServiceFlags(cmd);
  cmd.action((slug: string, opts: SetOptions) => setRun(slug, opts, deps));
}

export async function setRun(slug: string, opts: SetOptions, deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  assertAdmin(me, 'change services');
  const s = await store.service(slug);
  if (!s) throw new NotFoundError(`service "${slug}" not found`);
  const users = await store.users();
  const idOf = new Map(users.map((u) => [u.login, u.id]));
  const input = await buildServiceInput(store, opts, {
    slug,
    locationId: s.location.id,
    name: opts.name ?? s.name,
    capacity: opts.capacity ?? s.capacity,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    partialPayment: s.partialPayment,
    minPrepaymentPercent: s.minPrepaymentPercent,
    tariffs: s.tariffs,
    managerIds: s.managers.map((m) => idOf.get(m)!),
  });
  await store.write((tx) => tx.writeService(input));
  const after = (await store.service(slug))!;
  if (deps.json()) printJson(deps, serviceJson(after));
  else {
    printLines(deps, after.slug);
    notice(deps, deps.lang() === 'ru' ? `Услуга изменена: ${after.name}.` : `Service changed: ${after.name}.`);
  }
}
