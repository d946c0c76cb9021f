import { Option, type Command } from 'commander';
import { assertStaff } from '../../core/access.js';
import { ROLES, type Role } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { userFullJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList } from '../../ui/output.js';
import { userColumns, userCsvColumns } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('list')
    .description('list users (rental managers and admins)')
    .addOption(new Option('--role <role>', 'only users of this role').choices(ROLES))
    .addOption(new Option('--format <format>', 'table, json, ndjson or csv').choices(FORMATS))
    .action((opts: { role?: Role; format?: string }) => listRun(opts, deps));
}

export async function listRun(opts: { role?: Role; format?: string }, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format);
  const store = await deps.store();
  assertStaff(await deps.operator());
  const users = await store.users(opts.role);
  const lang = deps.lang();
  const columns = format === 'csv' ? userCsvColumns : userColumns(lang);
  await writeList(deps, users, { format, columns, json: userFullJson });
}
