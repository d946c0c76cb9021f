/**
 * Prompts, on stderr so that stdout carries data only. @inquirer/prompts is loaded only when a
 * prompt is actually shown. Tests pass a scripted Prompter instead, or drive a real terminal.
 */
import { InterruptedError } from '../core/errors.js';
import type { IO } from '../deps.js';
import type { Catalog } from './i18n.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  input(opts: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  editor(opts: { message: string; validate?: (v: string) => true | string }): Promise<string>;
}

function interrupted(e: unknown): never {
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
  };
}

export async function inquirerPrompter(io: IO, t: Catalog): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  const context = { input: io.stdin, output: io.stderr as NodeJS.WritableStream, clearPromptOnDone: false };
  const theme = themes(t);
  return {
    input: (o) => p.input({ message: o.message, default: o.default, validate: o.validate }, context).catch(interrupted),
    select: <T>(o: { message: string; choices: Choice<T>[]; default?: T }) =>
      p
        .select<T>({ message: o.message, choices: o.choices, default: o.default, pageSize: 12, theme: theme.select }, context)
        .catch(interrupted),
    confirm: (o) => p.confirm({ message: o.message, default: o.default ?? false, theme: theme.confirm }, context).catch(interrupted),
    editor: (o) => p.editor({ message: o.message, validate: o.validate, waitForUserInput: false }, context).catch(interrupted),
  };
}
