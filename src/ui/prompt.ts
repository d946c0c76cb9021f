/**
 * Prompts, on stderr so that stdout carries data only. @inquirer/prompts is loaded only when a
 * prompt is actually shown. Tests pass a scripted Prompter instead, or drive a real terminal.
 */
import { styleText } from 'node:util';
import { InterruptedError } from '../core/errors.js';
import type { IO } from '../deps.js';
import type { Catalog } from './i18n.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  /** Shown but not chosen (a line that says there are more, or none). */
  disabled?: boolean;
}

export interface Prompter {
  /** `validate` may read the store: a date is checked against that day's free seats as it is entered. */
  input(opts: { message: string; default?: string; validate?: (v: string) => true | string | Promise<true | string> }): Promise<string>;
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  /** A list that narrows as the operator types: `source` gives the choices for what is typed so far ('' at first). */
  search<T>(opts: { message: string; source: (term: string) => Promise<Choice<T>[]>; pageSize?: number }): Promise<T>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  editor(opts: { message: string; validate?: (v: string) => true | string }): Promise<string>;
}

/** Esc in a prompt that may go back (the desk's): the operator steps back, nothing else happens. */
export class BackError extends Error {
  constructor() {
    super('back');
    this.name = 'BackError';
  }
}

function interrupted(e: unknown): never {
  if (e instanceof BackError) throw e;
  if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
    throw new InterruptedError('interrupted');
  }
  throw e;
}

/** @inquirer's own words (yes and no, the key hints) in the operator's language. */
function themes(t: Catalog) {
  const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${t.prompts.keys[action] ?? action}`).join(' • ');
  return {
    confirm: { keywords: { yes: t.prompts.yes, no: t.prompts.no, error: t.prompts.yesOrNo } },
    select: { style: { keysHelpTip } },
    // The search prompt's one sentence of its own, when nothing matches what was typed.
    search: {
      style: {
        keysHelpTip,
        error: (text: string) => styleText('red', `> ${text === 'No results found' ? t.prompts.pick.noResults : text}`),
      },
    },
  };
}

/**
 * The prompts on the operator's terminal. `back`: Esc ends any prompt with {@link BackError} (the
 * desk goes back a step); without it Esc does nothing.
 */
export async function inquirerPrompter(io: IO, t: Catalog, opts: { back?: boolean } = {}): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  const plain = { input: io.stdin, output: io.stderr as NodeJS.WritableStream, clearPromptOnDone: false };
  // Each prompt gets its own context: with `back`, a signal that Esc aborts.
  const escapable = async <T>(ask: (context: typeof plain & { signal?: AbortSignal }) => Promise<T>): Promise<T> => {
    if (!opts.back) return ask(plain);
    const { emitKeypressEvents } = await import('node:readline');
    emitKeypressEvents(io.stdin);
    const controller = new AbortController();
    let escaped = false;
    const onKey = (_: unknown, key: { name?: string } | undefined) => {
      if (key?.name !== 'escape') return;
      escaped = true;
      controller.abort();
    };
    io.stdin.on('keypress', onKey);
    try {
      return await ask({ ...plain, signal: controller.signal });
    } catch (e) {
      if (escaped) throw new BackError();
      throw e;
    } finally {
      io.stdin.removeListener('keypress', onKey);
    }
  };
  const theme = themes(t);
  return {
    input: (o) => escapable((c) => p.input({ message: o.message, default: o.default, validate: o.validate }, c)).catch(interrupted),
    select: <T>(o: { message: string; choices: Choice<T>[]; default?: T }) =>
      escapable((c) =>
        p.select<T>({ message: o.message, choices: o.choices, default: o.default, pageSize: 12, theme: theme.select }, c),
      ).catch(interrupted),
    search: <T>(o: { message: string; source: (term: string) => Promise<Choice<T>[]>; pageSize?: number }) =>
      escapable((c) =>
        p.search<T>({ message: o.message, source: (term) => o.source(term ?? ''), pageSize: o.pageSize ?? 12, theme: theme.search }, c),
      ).catch(interrupted),
    confirm: (o) =>
      escapable((c) => p.confirm({ message: o.message, default: o.default ?? false, theme: theme.confirm }, c)).catch(interrupted),
    editor: (o) => escapable((c) => p.editor({ message: o.message, validate: o.validate, waitForUserInput: false }, c)).catch(interrupted),
  };
}
