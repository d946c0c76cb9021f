import { Option, type Command } from 'commander';
import { listUsers } from '../../app/users.js';
import { ROLES, type Role } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { userFullJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import { userColumns, userCsvColumns } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.users.list.description)
    .addOption(new Option('--role <role>', h.users.list.role).choices(ROLES))
    .addOption(new Option('--format <format>', h.format).choices(FORMATS))
    .action((opts: { role?: Role; format?: string }) => listRun(opts, deps));
}

export async function listRun(opts: { role?: Role; format?: string }, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format);
  const store = await deps.store();
  const users = await listUsers(store, await deps.operator(), opts.role);
  const columns = format === 'csv' ? userCsvColumns : userColumns(deps.t());
  await writeList(deps, users, { format, columns, json: userFullJson });
}
