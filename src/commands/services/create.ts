import type { Command } from 'commander';
import { createService } from '../../app/services.js';
import { UsageError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { serviceJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { positiveInt, written } from '../shared.js';
import { addServiceFlags, settingsFrom, type ServiceFlags } from './shared.js';

export type CreateOptions = ServiceFlags & { slug: string; name: string; capacity: number; location?: string };

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.services.create;
  const cmd = parent
    .command('create')
    .description(h.description)
    .requiredOption('--slug <slug>', h.slug)
    .requiredOption('--name <text>', h.name)
    .requiredOption('--capacity <seats>', h.capacity, positiveInt('--capacity'))
    .option('--location <key>', h.location);
  addServiceFlags(cmd, deps);
  cmd.action((opts: CreateOptions) => createRun(opts, deps));
}

export async function createRun(opts: CreateOptions, deps: Deps): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(opts.slug)) throw new UsageError('notSlug', { value: opts.slug });
  if (!opts.name.trim()) throw new UsageError('emptyValue', { flag: '--name' });
  if (!opts.tariff?.length) throw new UsageError('flagRequiredAtLeastOnce', { flag: '--tariff' });
  const settings = settingsFrom(opts);
  const store = await deps.store();
  const me = await deps.operator();
  const s = await createService(store, me, {
    ...settings,
    slug: opts.slug,
    name: opts.name,
    capacity: opts.capacity,
    tariffs: settings.tariffs ?? [],
    location: opts.location,
  });
  written(deps, {
    id: s.slug,
    json: () => serviceJson(s),
    said: deps.t().notices.services.created({ slug: safeLine(s.slug), name: safeLine(s.name) }),
  });
}
