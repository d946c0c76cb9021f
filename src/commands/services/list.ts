import { Option, type Command } from 'commander';
import { servicesToList } from '../../app/services.js';
import type { Deps } from '../../deps.js';
import { serviceJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import { serviceColumns, serviceCsvColumns } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.services.list.description)
    .option('--all', h.services.list.all)
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((opts: { all?: boolean; format?: string; excel?: boolean }) => listRun(opts, deps));
}

export async function listRun(opts: { all?: boolean; format?: string; excel?: boolean }, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  const store = await deps.store();
  const me = await deps.operator();
  // --all no longer widens the list: a rental manager knows only their services (rule 8a).
  const services = await servicesToList(store, me);
  const columns = format === 'csv' ? serviceCsvColumns : serviceColumns(deps.t(), deps.lang());
  await writeList(deps, services, { format, excel: opts.excel, columns, json: serviceJson });
}
