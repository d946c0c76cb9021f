import type { Command } from 'commander';
import { NotFoundError } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { safeLine } from '../ui/text.js';
import { written } from './shared.js';

export function register(program: Command, deps: Deps): void {
  const h = deps.t().help;
  program
    .command('login')
    .description(h.nouns.login)
    .argument('<login>', h.login.login)
    .action((login: string) => loginRun({ login }, deps));
}

/** Saves the operator for later runs: prints the login (a write: what it changed), or with --json the saved settings. */
export async function loginRun(opts: { login: string }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const user = await store.user(opts.login);
  if (!user) throw new NotFoundError('userNotFound', { login: opts.login });
  deps.config.write({ login: user.login });
  written(deps, {
    id: user.login,
    json: () => ({ login: user.login, name: user.name, role: user.role, config: deps.config.path }),
    said: deps.t().notices.login.saved({ login: safeLine(user.login), name: safeLine(user.name) }),
  });
}
