import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { formatPhone, roleLabel } from '../ui/i18n.js';
import { userFullJson } from '../ui/json.js';
import { safeLine } from '../ui/text.js';
import { printJson, printLines } from './shared.js';

export function register(program: Command, deps: Deps): void {
  program
    .command('whoami')
    .description('show the operator: who cowork acts as, and where its database is')
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
  const lang = deps.lang();
  printLines(
    deps,
    [
      `${safeLine(me.login)}: ${safeLine(me.name)}, ${roleLabel(me.role, lang)}${me.phone ? `, ${safeLine(formatPhone(me.phone))}` : ''}`,
      ...(managed.length ? [`${lang === 'ru' ? 'Услуги' : 'Services'}: ${managed.join(', ')}`] : []),
      `${lang === 'ru' ? 'База данных' : 'Database'}: ${store.location}`,
    ].join('\n'),
  );
}
