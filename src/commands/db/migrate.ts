import type { Command } from 'commander';
import type { Deps } from '../../deps.js';
import { notice, printJson } from '../shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('migrate')
    .description('bring the database schema up to date (safe to run from several desks at once)')
    .action(() => migrateRun(deps));
}

export async function migrateRun(deps: Deps): Promise<void> {
  const store = await deps.store({ migrate: false });
  const applied = await store.migrate();
  const s = await store.migrationStatus();
  if (deps.json()) printJson(deps, { database: store.location, applied, current: s.current });
  else notice(deps, applied.length ? `applied: ${applied.join(', ')}; schema at ${s.current}` : `nothing to apply: schema at ${s.current}`);
}
