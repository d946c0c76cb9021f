/** Runs the built CLI in a real pseudo-terminal (python's pty), answering its prompts step by step. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { BIN, type Sandbox } from './cli.js';

const DRIVER = resolve(import.meta.dirname, 'terminal_driver.py');

/** Whether this machine can drive a pseudo-terminal. */
export const hasPty = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

export type Step =
  | { expect: string; timeout?: number; fresh?: boolean }
  | { send: string; /** Seconds to wait before sending (default 0.15). */ delay?: number };

export const ENTER = '\r';
export const UP = '\u001b[A';
export const DOWN = '\u001b[B';
/** Ctrl-U: clears the line typed so far (a suggested default). */
export const CLEAR = '\u0015';

/** The terminal's size in characters; without one the terminal reports none (0×0). */
export interface TerminalSize {
  columns: number;
  rows: number;
}

export function inPty(
  sb: Sandbox,
  args: string[],
  steps: Step[],
  env: Record<string, string | undefined> = { NO_COLOR: '1' },
  size?: TerminalSize,
): { code: number; screen: string; failed: string | null } {
  const merged: Record<string, string> = { ...sb.env, TERM: 'xterm-256color' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const sizing = size ? ['--size', `${size.columns}x${size.rows}`] : [];
  const r = spawnSync('python3', [DRIVER, JSON.stringify(steps), ...sizing, '--', process.execPath, BIN, ...args], {
    env: merged,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number; screen: string; failed: string | null };
}
