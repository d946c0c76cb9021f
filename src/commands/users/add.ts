import { Option, type Command } from 'commander';
import { addUser } from '../../app/users.js';
import { UsageError } from '../../core/errors.js';
import { normalizePhone } from '../../core/phone.js';
import { ROLES, type Role } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { userFullJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { written } from '../shared.js';

export interface AddOptions {
  login: string;
  name: string;
  phone?: string;
  email?: string;
  role: Role;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.users.add;
  parent
    .command('add')
    .description(h.description)
    .requiredOption('--login <login>', h.login)
    .requiredOption('--name <text>', h.name)
    .option('--phone <phone>', h.phone)
    .option('--email <email>', h.email)
    .addOption(new Option('--role <role>', h.role).choices(ROLES).default('guest'))
    .action((opts: AddOptions) => addRun(opts, deps));
}

export async function addRun(opts: AddOptions, deps: Deps): Promise<void> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(opts.login)) throw new UsageError('notLogin', { value: opts.login });
  if (!opts.name.trim()) throw new UsageError('emptyValue', { flag: '--name' });
  const phone = opts.phone === undefined ? null : normalizePhone(opts.phone);
  if (opts.phone !== undefined && phone === null) throw new UsageError('notPhone', { flag: '--phone', value: opts.phone });
  if (opts.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(opts.email))
    throw new UsageError('notEmail', { flag: '--email', value: opts.email });
  const store = await deps.store();
  const me = await deps.operator();
  const user = await addUser(
    store,
    me,
    { login: opts.login, name: opts.name, phone, email: opts.email ?? null, role: opts.role },
    deps.now(),
  );
  written(deps, {
    id: user.login,
    json: () => userFullJson(user),
    said: deps.t().notices.users.added({ login: user.login, name: safeLine(user.name), role: user.role }),
  });
}
