/**
 * A reader that goes away: `cowork … | head -1` closes cowork's stdout while it still writes. The
 * command ends quietly, with the exit code it would have had, never a stack trace (only a process
 * shows this). And a pipe that takes no more for a while: cowork writes a pipe directly
 * (src/ui/streams.ts) until the pipe says it would block, then through Node's stream.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, createReadStream, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox } from '../helpers/cli.js';

describe('stdout a pipe or a file', () => {
  const sb = sandbox({ seedDemo: true });
  // Enough rows to fill a pipe's buffer many times over.
  const seeded = sb.run(['seed', '--orders', '400']);

  it.each([
    ['orders list --format ndjson', ['orders', 'list', '--format', 'ndjson']],
    ['orders list --json', ['orders', 'list', '--json']],
    ['orders list --format csv', ['orders', 'list', '--format', 'csv']],
    ['pay list --format ndjson', ['pay', 'list', '--format', 'ndjson']],
    ['orders list (table, piped)', ['orders', 'list', '--limit', '1000']],
  ])('%s | head -1: one line out, exit 0, nothing on stderr', (_name, args) => {
    expect(seeded.code).toBe(0);
    const quoted = args.map((a) => `'${a}'`).join(' ');
    const r = spawnSync(
      'bash',
      ['-c', `'${process.execPath}' '${BIN}' ${quoted} 2>"$ERR" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "$ERR"`],
      {
        env: { ...sb.env, ERR: `${sb.dir}/stderr.txt` },
        encoding: 'utf8',
      },
    );
    const [status, ...rest] = r.stdout.split('\n');
    expect(status).toBe('0');
    expect(rest.join('\n').trim()).toBe('');
  });

  it('a pipe made non-blocking by another process, full for a while: everything arrives, in order', async () => {
    expect(seeded.code).toBe(0);
    const args = ['orders', 'list', '--format', 'ndjson'];
    const expected = sb.run(args);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(4 * 65536);

    const fifo = `${sb.dir}/out.fifo`;
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writeEnd = openSync(fifo, constants.O_RDWR);
    const readEnd = openSync(fifo, 'r');
    // Node makes a child's stdout blocking; another program may not (a Node parent whose own
    // stdout is the same pipe, say). Python sets it non-blocking and becomes cowork: cowork's
    // writes that do not fit fail with EAGAIN rather than wait.
    const nonBlocking =
      'import fcntl, os, sys; fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK); os.execv(sys.argv[1], sys.argv[1:])';
    const child = spawn('python3', ['-c', nonBlocking, process.execPath, BIN, ...args], {
      env: sb.env,
      stdio: ['ignore', writeEnd, 'pipe'],
    });
    closeSync(writeEnd);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    // Nobody reads for a while: the pipe's buffer fills, and cowork must wait for it.
    await sleep(300);
    const chunks: Buffer[] = [];
    await new Promise<void>((done, fail) =>
      createReadStream('', { fd: readEnd })
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', done)
        .on('error', fail),
    );
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.stdout);
  });

  it('a file: what a pipe gets', () => {
    const file = `${sb.dir}/out.ndjson`;
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' orders list --format ndjson > '${file}'`], {
      env: sb.env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(sb.run(['orders', 'list', '--format', 'ndjson']).stdout);
  });
});
