/**
 * The process's stdout and stderr as cowork writes to them. A reader that goes away (`cowork orders
 * list | head -1`) closes the pipe: the next write fails with EPIPE, which Node reports as an
 * 'error' event that would end the process with a stack trace. Here a closed stream is noted,
 * later writes go nowhere, a writer waiting for the pipe to drain is released, and a list stops
 * reading rows nobody will see. The command then ends as it would have (its exit code stands).
 */
import { fstatSync, writeSync } from 'node:fs';
import type { Writer } from '../deps.js';

export interface Sink extends Writer {
  /** false: the reader is behind; wait for 'drain' before writing more. */
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain', cb: () => void): unknown;
  /** Whether the reader has gone: nothing written from now on is read. */
  readonly closed: boolean;
}

export function sinkOf(stream: NodeJS.WriteStream): Sink {
  let closed = false;
  const waiting: (() => void)[] = [];
  const close = () => {
    closed = true;
    for (const cb of waiting.splice(0)) cb();
  };
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') close();
    else throw e;
  });
  stream.on('close', close);
  return {
    get closed() {
      return closed;
    },
    write: (chunk: string | Uint8Array) => (closed ? true : stream.write(chunk)),
    once(_event, cb) {
      if (closed) return cb();
      const done = () => {
        const i = waiting.indexOf(done);
        if (i >= 0) waiting.splice(i, 1);
        cb();
      };
      waiting.push(done);
      stream.once('drain', done);
    },
  };
}

/**
 * stderr stays the stream itself (prompts draw on it), and a reader that has gone from it ends
 * nothing: what is written after that is lost, as it would be.
 */
export function quietOnClose(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
  return stream;
}

/** The process's stdout as cowork writes to it (processStdout). */
export interface Stdout extends Sink {
  readonly isTTY: boolean;
  /** The terminal's width; unset off a terminal. */
  readonly columns: number | undefined;
  /** Whether text written waits still for its reader. */
  pending(): boolean;
}

/** Whether a descriptor is a pipe, a socket (what Node's child processes get) or a file. */
function takesWrites(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isSocket() || st.isFile();
  } catch {
    return false;
  }
}

/**
 * stdout. A pipe, a socket or a file is written directly, each write whole before the next, as
 * Node's own stream writes them on Linux: making that stream costs a run a few milliseconds (for
 * a pipe, Node's network and stream modules), and scripts run cowork thousands of times. A
 * terminal, or anything else, gets the stream (sinkOf); so does the rest of a write that a pipe
 * set non-blocking by another process cannot take now, and every write after it, in order. `tee`
 * sees every text written.
 */
export function processStdout(tee?: (text: string) => void): Stdout {
  let stream: Sink | undefined;
  const viaStream = () => (stream ??= sinkOf(process.stdout));
  const direct = takesWrites(1);
  if (!direct) viaStream();
  let closed = false;
  return {
    get closed() {
      return stream ? stream.closed : closed;
    },
    write(text: string) {
      tee?.(text);
      if (stream) return stream.write(text);
      if (closed) return true;
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length;) {
        try {
          at += writeSync(1, bytes, at);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') return viaStream().write(bytes.subarray(at));
          if (code !== 'EPIPE') throw e;
          // The reader has gone (`| head -1`): nothing more is read.
          closed = true;
          return true;
        }
      }
      return true;
    },
    once(event, cb) {
      if (stream) return stream.once(event, cb);
      cb();
    },
    isTTY: !direct && process.stdout.isTTY === true,
    columns: direct ? undefined : process.stdout.columns,
    pending: () => stream !== undefined && process.stdout.writableLength > 0,
  };
}
