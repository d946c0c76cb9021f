import type { Command } from 'commander';
import { NotFoundError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { serviceJson } from '../../ui/json.js';
import { printJson, printLines } from '../shared.js';
import { renderService } from './shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('show')
    .description('show a service: capacity, hours, tariffs, partial payment, responsible managers')
    .argument('<slug>', 'the service')
    .action((slug: string) => showRun({ slug }, deps));
}

export async function showRun(opts: { slug: string }, deps: Deps): Promise<void> {
  const store = await deps.store();
  await deps.operator();
  const s = await store.service(opts.slug);
  if (!s) throw new NotFoundError(`service "${opts.slug}" not found`);
  if (deps.json()) printJson(deps, serviceJson(s));
  else printLines(deps, renderService(s, deps, await painter(deps.color())));
}
