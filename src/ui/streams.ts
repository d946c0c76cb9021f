/**
 * The process's stdout and stderr as cowork writes to them. A reader that goes away (`cowork orders
 * list | head -1`) closes the pipe: the next write fails with EPIPE, which Node reports as an
 * 'error' event that would end the process with a stack trace. Here a closed stream is noted,
 * later writes go nowhere, a writer waiting for the pipe to drain is released, and a list stops
 * reading rows nobody will see. The command then ends as it would have (its exit code stands).
 */
import type { Writer } from '../deps.js';

export interface Sink extends Writer {
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
    write: (chunk: string) => (closed ? true : stream.write(chunk)),
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
