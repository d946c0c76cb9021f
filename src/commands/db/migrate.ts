import type { Command } from 'commander';
import type { Deps } from '../../deps.js';
import { notice, printJson, printLines } from '../shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('migrate')
    .description(deps.t().help.db.migrate.description)
    .action(() => migrateRun(deps));
}

/** A write: prints the migrations it applied, one a line (none when the schema was up to date). */
export async function migrateRun(deps: Deps): Promise<void> {
  const store = await deps.store({ migrate: false });
  const applied = await store.migrate();
  const s = await store.migrationStatus();
  const t = deps.t();
  const current = s.current ?? t.words.db.empty;
  if (deps.json()) printJson(deps, { database: store.location, applied, current: s.current });
  else if (applied.length) printLines(deps, applied.join('\n'));
  notice(deps, applied.length ? t.notices.db.migrated({ applied, current }) : t.notices.db.upToDate({ current }));
}
