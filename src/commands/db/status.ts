import type { Command } from 'commander';
import type { Deps } from '../../deps.js';
import { printJson, printLines } from '../shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('status')
    .description("the database: where it is, its schema's migrations, applied and pending")
    .action(() => statusRun(deps));
}

export async function statusRun(deps: Deps): Promise<void> {
  const store = await deps.store({ migrate: false });
  const s = await store.migrationStatus();
  if (deps.json()) {
    printJson(deps, { database: store.location, dialect: store.dialect, ...s, upToDate: s.pending.length === 0 });
    return;
  }
  printLines(
    deps,
    [
      `database: ${store.location} (${store.dialect})`,
      `schema:   ${s.current ?? '(empty)'}${s.pending.length ? `; pending: ${s.pending.join(', ')} (run \`cowork db migrate\`)` : ', up to date'}`,
      ...s.applied.map((m) => `  ${m.name}  ${m.executedAt}`),
    ].join('\n'),
  );
}
