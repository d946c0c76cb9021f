import { Option, type Command } from 'commander';
import { assertCanView, canSee } from '../../core/access.js';
import type { Message } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { eventText } from '../../ui/i18n.js';
import { messageJson } from '../../ui/json.js';
import { FORMATS, resolveFormat, writeList, type Column } from '../../ui/output.js';
import { positiveInt, printLines, requireOrder } from '../shared.js';
import { renderFeed } from '../orders/shared.js';

export function register(parent: Command, deps: Deps): void {
  parent
    .command('list')
    .description("an order's feed: system events, public and internal messages, oldest first")
    .argument('<order>', 'the order number', positiveInt('the order number'))
    .addOption(new Option('--format <format>', 'table (the feed), json, ndjson or csv').choices(FORMATS))
    .action((number: number, opts: { format?: string }) => msgListRun({ ...opts, number }, deps));
}

export async function msgListRun(opts: { number: number; format?: string }, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format);
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireOrder(store, opts.number);
  assertCanView(me, order);
  const messages = (await store.messages(order.number)).filter((m) => canSee(me, order.service, m.visibility));
  const lang = deps.lang();
  if (format === 'table') {
    printLines(deps, renderFeed(messages, order.service.location.timeZone, deps, await painter(deps.color())).join('\n'));
    return;
  }
  const columns: Column<Message>[] = [
    { header: 'id', key: 'id', value: (m) => m.id },
    { header: 'createdAt', key: 'createdAt', value: (m) => m.createdAt },
    { header: 'visibility', key: 'visibility', value: (m) => m.visibility },
    { header: 'author', key: 'author', value: (m) => m.author?.login ?? '', text: true },
    { header: 'event', key: 'event', value: (m) => m.event?.code ?? '' },
    { header: 'body', key: 'body', value: (m) => (m.event ? eventText(m.event, lang) : (m.text ?? '')), text: true },
  ];
  await writeList(deps, messages, { format, columns, json: (m) => messageJson(m, lang) });
}
