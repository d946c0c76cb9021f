/**
 * A reader that goes away: `cowork … | head -1` closes cowork's stdout while it still writes. The
 * command ends quietly, with the exit code it would have had, never a stack trace (only a process
 * shows this).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, sandbox } from '../helpers/cli.js';

describe('a closed stdout', () => {
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
});
