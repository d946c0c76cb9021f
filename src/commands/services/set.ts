import type { Command } from 'commander';
import { changeService } from '../../app/services.js';
import { UsageError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { serviceJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { positiveInt, written } from '../shared.js';
import { addServiceFlags, settingsFrom, type ServiceFlags } from './shared.js';

export type SetOptions = ServiceFlags & { name?: string; capacity?: number };

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.services;
  const cmd = parent
    .command('set')
    .description(h.set.description)
    .argument('<slug>', h.slug)
    .option('--name <text>', h.set.name)
    .option('--capacity <seats>', h.set.capacity, positiveInt('--capacity'));
  addServiceFlags(cmd, deps);
  cmd.action((slug: string, opts: SetOptions) => setRun(slug, opts, deps));
}

export async function setRun(slug: string, opts: SetOptions, deps: Deps): Promise<void> {
  if (opts.name !== undefined && !opts.name.trim()) throw new UsageError('emptyValue', { flag: '--name' });
  const settings = settingsFrom(opts);
  if (opts.name !== undefined) settings.name = opts.name;
  if (opts.capacity !== undefined) settings.capacity = opts.capacity;
  const store = await deps.store();
  const me = await deps.operator();
  const s = await changeService(store, me, slug, settings);
  written(deps, {
    id: s.slug,
    json: () => serviceJson(s),
    said: deps.t().notices.services.changed({ slug: safeLine(s.slug), name: safeLine(s.name) }),
  });
}
