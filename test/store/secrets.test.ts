/** A database password is never printed, in any form of PostgreSQL URL (whoami, db status, errors). */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { withoutSecrets } from '../../src/store/open.js';
import { newPostgresDatabase, onPostgres } from '../helpers/targets.js';

describe('withoutSecrets', () => {
  it.each([
    ['postgres://u:s3cret@h:5432/db', 'postgres://u:***@h:5432/db'],
    ['postgres://u:p%40ss%40word@h/db', 'postgres://u:***@h/db'],
    ['postgresql://u@h/db?password=s3cret&sslmode=disable', 'postgresql://u@h/db?password=***&sslmode=disable'],
    ['postgres://h/db?PASSWORD=s3cret', 'postgres://h/db?PASSWORD=***'],
    ['postgres://u:x@h/db?sslpassword=k', 'postgres://u:***@h/db?sslpassword=***'],
    ['postgres://u@h/db', 'postgres://u@h/db'],
  ])('%s → %s', (url, shown) => {
    expect(withoutSecrets(url)).toBe(shown);
    expect(withoutSecrets(url)).not.toMatch(/s3cret|p%40ss%40word|=k\b/);
  });

  it('a URL it cannot read is not shown at all', () => {
    expect(withoutSecrets('postgres://u:s3cret@[bad')).toBe('postgres://***');
  });
});

describe.runIf(onPostgres)('whoami and db status on a URL with a password', () => {
  it.each([['user:password@'], ['?password=']])('%s: not printed', async (form) => {
    const url = new URL(await newPostgresDatabase());
    if (form === '?password=') url.searchParams.set('password', 'p@ss-s3cret');
    else url.password = 'p@ss-s3cret';
    for (const argv of [
      ['db', 'migrate'],
      ['db', 'status'],
      ['db', 'status', '--json'],
    ]) {
      let out = '';
      let err = '';
      const code = await main([...argv, '--db', url.toString()], {
        io: {
          stdout: { write: (s: string) => ((out += s), true) },
          stderr: { write: (s: string) => ((err += s), true) },
          stdin: new PassThrough(),
          stdinIsTTY: false,
          stdoutIsTTY: false,
          stderrIsTTY: false,
        },
        env: { LANG: 'C' },
      });
      expect(code, err).toBe(0);
      expect(out + err).not.toMatch(/s3cret|p%40ss/);
      if (argv[1] === 'status') expect(out).toContain('***');
    }
  });
});
