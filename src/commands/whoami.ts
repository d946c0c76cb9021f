import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { formatPhone } from '../ui/format.js';
import { userFullJson } from '../ui/json.js';
import { safeLine } from '../ui/text.js';
import { printJson, printLines } from './shared.js';

export function register(program: Command, deps: Deps): void {
  program
    .command('whoami')
    .description(deps.t().help.nouns.whoami)
    .action(() => whoamiRun(deps));
}

export async function whoamiRun(deps: Deps): Promise<void> {
  const store = await deps.store();
  const me = await deps.operator();
  const managed = [...(await store.services()).values()].filter((s) => s.managers.includes(me.login)).map((s) => s.slug);
  if (deps.json()) {
    printJson(deps, { ...userFullJson(me), services: managed, database: store.location });
    return;
  }
  const t = deps.t();
  printLines(
    deps,
    [
      `${safeLine(me.login)}: ${safeLine(me.name)}, ${t.role[me.role]}${me.phone ? `, ${safeLine(formatPhone(me.phone))}` : ''}`,
      ...(managed.length ? [`${t.words.services}: ${safeLine(managed.join(', '))}`] : []),
      `${t.words.database}: ${store.location}`,
    ].join('\n'),
  );
}
