import { Option, type Command } from 'commander';
import { assertCanAddUser } from '../../core/access.js';
import { RuleError, UsageError } from '../../core/errors.js';
import { normalizePhone } from '../../core/phone.js';
import { ROLES, type Role } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { userFullJson } from '../../ui/json.js';
import { safeLine } from '../../ui/text.js';
import { notice, printJson, printLines } from '../shared.js';

export interface AddOptions {
  login: string;
  name: string;
  phone?: string;
  email?: string;
  role: Role;
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('add')
    .description('add a user: a rental manager adds guests (a walk-in at the desk); an admin adds anyone')
    .requiredOption('--login <login>', 'letters, digits, ".", "_" or "-"')
    .requiredOption('--name <text>', 'the full name')
    .option('--phone <phone>', 'such as +7 (342) 254-54-54')
    .option('--email <email>', 'an email address')
    .addOption(new Option('--role <role>', 'guest, rental_manager or admin').choices(ROLES).default('guest'))
    .action((opts: AddOptions) => addRun(opts, deps));
}

export async function addRun(opts: AddOptions, deps: Deps): Promise<void> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(opts.login)) throw new UsageError(`--login: "${opts.login}" may hold letters, digits, ".", "_" and "-" only`);
  if (!opts.name.trim()) throw new UsageError('--name is empty');
  const phone = opts.phone === undefined ? null : normalizePhone(opts.phone);
  if (opts.phone !== undefined && phone === null) throw new UsageError(`--phone: "${opts.phone}" is not a phone number`);
  if (opts.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(opts.email)) throw new UsageError(`--email: "${opts.email}" is not an email address`);
  const store = await deps.store();
  const me = await deps.operator();
  assertCanAddUser(me, opts.role);
  const user = await store.write(async (tx) => {
    if (await tx.user(opts.login)) throw new RuleError('USER_EXISTS', `a user with the login "${opts.login}" exists already`);
    return tx.insertUser({ login: opts.login, name: opts.name, phone, email: opts.email ?? null, role: opts.role }, deps.now().toISOString());
  });
  if (deps.json()) printJson(deps, userFullJson(user));
  else {
    printLines(deps, user.login);
    notice(deps, deps.lang() === 'ru' ? `Пользователь добавлен: ${safeLine(user.name)}.` : `User added: ${safeLine(user.name)}.`);
  }
}
