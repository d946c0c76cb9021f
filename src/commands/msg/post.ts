import type { Command } from 'commander';
import { assertCanView, canProcess } from '../../core/access.js';
import { NotAllowedError, NotFoundError, UsageError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { messageJson } from '../../ui/json.js';
import { notice, positiveInt, printJson, requireOrder } from '../shared.js';

export interface PostOptions {
  number: number;
  text?: string;
  internal?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  parent
    .command('post')
    .description("write on an order's feed: public (the guest sees it) or --internal (responsible managers and admins)")
    .argument('<order>', 'the order number', positiveInt('the order number'))
    .option('--text <text>', 'the message; - reads it from stdin (prompted on a terminal)')
    .option('--internal', 'only for the rental managers responsible for the service, and admins')
    .action((number: number, opts: Omit<PostOptions, 'number'>) => postRun({ ...opts, number }, deps));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

export async function postRun(opts: PostOptions, deps: Deps): Promise<void> {
  const ru = deps.lang() === 'ru';
  if (opts.text === undefined && !deps.interactive()) {
    throw new UsageError('--text is required (no prompt: input is not a terminal or is disabled); --text - reads stdin');
  }
  const store = await deps.store();
  const me = await deps.operator();
  const order = await requireOrder(store, opts.number);
  assertCanView(me, order);
  const visibility = opts.internal ? 'internal' : 'public';
  if (visibility === 'internal' && !canProcess(me, order.service)) {
    throw new NotAllowedError('only the rental managers responsible for the service, and admins, write internal messages');
  }
  let text = opts.text === '-' ? await readAll(deps.io.stdin) : opts.text;
  if (text === undefined) {
    const prompter = await deps.prompter();
    const validate = (v: string) => (v.trim() ? true : ru ? 'Сообщение пустое' : 'The message is empty');
    text = deps.env.EDITOR || deps.env.VISUAL
      ? await prompter.editor({ message: ru ? 'Сообщение' : 'Message', validate })
      : await prompter.input({ message: ru ? 'Написать сообщение...' : 'Write a message...', validate });
  }
  // Stored exactly as written; only an empty message is refused.
  if (text.trim() === '') throw new UsageError('--text: the message is empty');
  const id = await store.write(async (tx) => {
    if (!(await tx.lockOrder(order.number))) throw new NotFoundError(`order ${order.number} not found`);
    return tx.writeMessage({ orderNumber: order.number, visibility, authorId: me.id, text: text!, at: deps.now().toISOString() });
  });
  const posted = (await store.messages(order.number)).find((m) => m.id === String(id))!;
  if (deps.json()) printJson(deps, messageJson(posted, deps.lang()));
  else {
    deps.io.stdout.write(`${id}\n`);
    notice(deps, ru ? `Сообщение ${visibility === 'internal' ? 'внутреннее' : 'публичное'} добавлено к заказу ${order.number}.` : `${visibility === 'internal' ? 'Internal' : 'Public'} message posted on order ${order.number}.`);
  }
}
