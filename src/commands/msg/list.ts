import { Option, type Command } from 'commander';
import { readFeed } from '../../app/messages.js';
import type { Message } from '../../core/types.js';
import type { Deps } from '../../deps.js';
import { painter } from '../../ui/color.js';
import { eventText } from '../../ui/i18n.js';
import { messageJson } from '../../ui/json.js';
import { excelTime, FORMATS, resolveFormat, writeList, type Column } from '../../ui/output.js';
import { positiveInt, printLines } from '../shared.js';
import { renderFeed } from '../orders/shared.js';

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('list')
    .description(h.msg.list.description)
    .argument('<order>', h.orderNumber, positiveInt(h.orderNumber))
    .addOption(new Option('--format <format>', h.msg.list.format).choices(FORMATS))
    .option('--excel', h.excel)
    .action((number: number, opts: { format?: string; excel?: boolean }) => msgListRun({ ...opts, number }, deps));
}

export async function msgListRun(opts: { number: number; format?: string; excel?: boolean }, deps: Deps): Promise<void> {
  const format = resolveFormat(deps, opts.format, opts.excel);
  const store = await deps.store();
  const me = await deps.operator();
  const { order, messages } = await readFeed(store, me, opts.number);
  const t = deps.t();
  if (format === 'table') {
    printLines(deps, renderFeed(messages, order.service.location.timeZone, deps, await painter(deps.color())).join('\n'));
    return;
  }
  // The machine formats: codes and exact text, as in JSON; only the rendered body is in the reader's language.
  const zone = order.service.location.timeZone;
  const columns: Column<Message>[] = [
    { header: 'id', key: 'id', value: (m) => m.id },
    { header: 'createdAt', key: 'createdAt', value: (m) => m.createdAt, excel: (m) => excelTime(m.createdAt, zone) },
    { header: 'visibility', key: 'visibility', value: (m) => m.visibility },
    { header: 'author', key: 'author', value: (m) => m.author?.login ?? '', text: true },
    { header: 'event', key: 'event', value: (m) => m.event?.code ?? '' },
    { header: 'body', key: 'body', value: (m) => (m.event ? eventText(m.event, t) : (m.text ?? '')), text: true },
  ];
  await writeList(deps, messages, { format, excel: opts.excel, columns, json: (m) => messageJson(m, t) });
}
