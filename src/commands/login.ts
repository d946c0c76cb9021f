import type { Command } from 'commander';
import { NotFoundError } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { safeLine } from '../ui/text.js';
import { notice, printJson } from './shared.js';

export function register(program: Command, deps: Deps): void {
  program
    .command('login')
    .description('save LOGIN as the operator for later runs (--as and COWORK_USER still win)')
    .argument('<login>', 'a user of the database')
    .action((login: string) => loginRun({ login }, deps));
}

export async function loginRun(opts: { login: string }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const user = await store.user(opts.login);
  if (!user) throw new NotFoundError(`user "${opts.login}" not found`);
  deps.config.write({ login: user.login });
  if (deps.json()) printJson(deps, { login: user.login, name: user.name, role: user.role, config: deps.config.path });
  else notice(deps, `${deps.lang() === 'ru' ? 'Оператор' : 'Operator'}: ${safeLine(user.login)} (${safeLine(user.name)})`);
}
