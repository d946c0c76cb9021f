import { Option, type Command } from 'commander';
import { listUsers } from '../../app/users.js';
import { parseSearch } from '../../core/search.js';
import { ROLES, type Role } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { userFullJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import { nonBlank, positiveInt } from '../shared.js';
import { userColumns, userCsvColumns } from './shared.js';

export interface UsersListOptions {
  role?: Role;
  search?: string;
  limit?: number;
  format?: string;
  excel?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.users.list.description)
    .addOption(new Option('--role <role>', h.users.list.role).choices(ROLES))
    .option('--search <text>', h.users.list.search, nonBlank('--search'))
    .option('--limit <n>', h.users.list.limit, positiveInt('--limit'))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((opts: UsersListOptions) => listRun(opts, deps));
}

export async function listRun(opts: UsersListOptions, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  const store = await deps.store();
  const filter = { search: opts.search === undefined ? undefined : (parseSearch(opts.search) ?? undefined), limit: opts.limit };
  const users = await listUsers(store, await deps.operator(), opts.role, filter);
  const columns = format === 'csv' ? userCsvColumns : userColumns(deps.t());
  await writeList(deps, users, {
    format,
    excel: opts.excel,
    columns,
    json: userFullJson,
    shown: opts.limit,
    total: () => store.countUsers(opts.role, filter),
  });
}
