import { Option, type Command } from 'commander';
import { canProcess } from '../../core/access.js';
import type { Deps } from '../../deps.js';
import { serviceJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import { serviceColumns, serviceCsvColumns } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('list')
    .description('list the services (a rental manager sees those they are responsible for)')
    .option('--all', 'every service, not only yours')
    .addOption(new Option('--format <format>', 'table, json, ndjson or csv').choices(FORMATS))
    .action((opts: { all?: boolean; format?: string }) => listRun(opts, deps));
}

export async function listRun(opts: { all?: boolean; format?: string }, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format);
  const store = await deps.store();
  const me = await deps.operator();
  const all = [...(await store.services()).values()];
  const services = opts.all || me.role !== 'rental_manager' ? all : all.filter((s) => canProcess(me, s));
  await writeList(deps, services, { format, columns: format === 'csv' ? serviceCsvColumns : serviceColumns(deps.lang()), json: serviceJson });
}
