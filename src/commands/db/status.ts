import type { Command } from 'commander';
import type { Deps } from '../../deps.js';
import { printJson, printLines } from '../shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('status')
    .description(deps.t().help.db.status.description)
    .action(() => statusRun(deps));
}

export async function statusRun(deps: Deps): Promise<void> {
  const store = await deps.store({ migrate: false });
  const s = await store.migrationStatus();
  if (deps.json()) {
    printJson(deps, { database: store.location, dialect: store.dialect, ...s });
    return;
  }
  const w = deps.t().words;
  printLines(
    deps,
    [
      `${w.database}: ${store.location} (${store.dialect})`,
      `${w.db.schema}: ${s.current ?? w.db.empty}${s.newer ? `, ${w.db.newer({ latest: s.latest })}` : s.pending.length ? `; ${w.db.pending({ names: s.pending })}` : `, ${w.db.upToDate}`}`,
      ...s.applied.map((m) => `  ${m.name}  ${m.executedAt}`),
    ].join('\n'),
  );
}
