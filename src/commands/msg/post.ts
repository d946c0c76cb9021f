import type { Command } from 'commander';
import { MESSAGE_MAX_LENGTH, checkMessageText, orderToView, postMessage, type PostVisibility } from '../../app/messages.js';
import { canProcess } from '../../core/access.js';
import { NotAllowedError, UsageError } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { messageJson } from '../../ui/json.js';
import { positiveInt, written } from '../shared.js';

export interface PostOptions {
  number: number;
  text?: string;
  internal?: boolean;
}

export function register(parent: Command, deps: Deps): void {
  const h = deps.t().help;
  parent
    .command('post')
    .description(h.msg.post.description)
    .argument('<order>', h.orderNumber, positiveInt(h.orderNumber))
    .option('--text <text>', h.msg.post.text({ max: MESSAGE_MAX_LENGTH }))
    .option('--internal', h.msg.post.internal)
    .action((number: number, opts: Omit<PostOptions, 'number'>) => postRun({ ...opts, number }, deps));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

export async function postRun(opts: PostOptions, deps: Deps): Promise<void> {
  // A missing or malformed text is a usage error before anything is read.
  if (opts.text === undefined && !deps.interactive()) throw new UsageError('flagRequired', { flags: ['--text'] });
  if (opts.text !== undefined && opts.text !== '-') checkMessageText(opts.text);
  const store = await deps.store();
  const me = await deps.operator();
  let visibility: PostVisibility = opts.internal ? 'internal' : 'public';
  let text: string;
  if (opts.text === undefined) {
    // On a terminal: the order is read first, so that nobody is asked for what would be refused.
    const order = await orderToView(store, me, opts.number);
    const staff = canProcess(me, order.service);
    if (opts.internal && !staff) throw new NotAllowedError('internalStaffOnly');
    if (!opts.internal && staff) visibility = await askVisibility(deps);
    text = await askText(deps);
  } else {
    text = opts.text === '-' ? await readAll(deps.io.stdin) : opts.text;
  }
  const t = deps.t();
  const { message, order } = await postMessage(store, me, { number: opts.number, visibility, text }, deps.now());
  written(deps, {
    id: message.id,
    json: () => messageJson(message, t),
    said: t.notices.msg.posted({ number: order.number, visibility }),
  });
}

/** Staff choose, as the source screen's «Публичное | Внутреннее» tabs; public first. */
async function askVisibility(deps: Deps): Promise<PostVisibility> {
  const p = deps.t().prompts.msg;
  const prompter = await deps.prompter();
  return prompter.select<PostVisibility>({
    message: p.visibility,
    choices: [
      { name: p.public, value: 'public' },
      { name: p.internal, value: 'internal' },
    ],
    default: 'public',
  });
}

async function askText(deps: Deps): Promise<string> {
  const p = deps.t().prompts.msg;
  const prompter = await deps.prompter();
  const validate = (v: string): true | string => {
    if (v.trim() === '') return p.empty;
    const length = [...v].length;
    return length > MESSAGE_MAX_LENGTH ? p.tooLong({ length, max: MESSAGE_MAX_LENGTH }) : true;
  };
  return deps.env.EDITOR || deps.env.VISUAL
    ? prompter.editor({ message: p.editor, validate })
    : prompter.input({ message: p.text, validate });
}
