import type { Command } from 'commander';
import { serviceToShow } from '../../app/services.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { serviceJson } from '../../ui/json.js';
import { printJson, printLines } from '../shared.js';
import { renderService } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help.services;
  parent
    .command('show')
    .description(h.show.description)
    .argument('<slug>', h.slug)
    .action((slug: string) => showRun({ slug }, deps));
}

export async function showRun(opts: { slug: string }, deps: Deps): Promise<void> {
  const store = await deps.store();
  const s = await serviceToShow(store, await deps.operator(), opts.slug);
  if (deps.json()) printJson(deps, serviceJson(s));
  else printLines(deps, renderService(s, deps, await painter(deps.color())));
}
