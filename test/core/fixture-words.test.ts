/** A fixture's shape problems are words of the catalogs, in both languages, never the schema library's. */
import { describe, expect, it } from 'vitest';
import { parseFixture } from '../../src/core/fixture.js';
import { catalog } from '../../src/ui/i18n.js';
import { fixtureIssue } from '../../src/ui/messages/en.js';

function issues(data: unknown) {
  const r = parseFixture(data);
  if ('fixture' in r) throw new Error('expected problems');
  return r.problems;
}

describe('fixture shape problems', () => {
  const bad = {
    locations: [{ key: 'k', name: 'N', timeZone: 'Mars/Base', minRemaining: -1, extra: 1 }],
    users: [{ login: 'a b', name: '', role: 'boss' }],
    services: [{ slug: 'Hall', location: 'k', name: 'H', capacity: '3', tariffs: [] }],
  };

  it('each says what the value should have been, in English', () => {
    expect(issues(bad).map((p) => [p.path, fixtureIssue(p.issue)])).toEqual([
      ['locations[0].timeZone', 'expected an IANA time zone, such as Europe/Moscow'],
      ['locations[0].minRemaining', 'expected at least 0'],
      ['locations[0]', 'unknown key "extra"'],
      ['users[0].login', 'expected a login of letters, digits, ".", "_" or "-"'],
      ['users[0].name', 'expected text, not an empty one'],
      ['users[0].role', 'expected one of "guest", "rental_manager", "admin"'],
      ['services[0].slug', 'expected a slug of lower-case letters, digits and "-"'],
      ['services[0].capacity', 'expected a number'],
      ['services[0].tariffs', 'expected at least 1 item'],
    ]);
  });

  it('and in Russian, with no English word of the schema library', () => {
    const ru = catalog('ru');
    const words = issues(bad).map((p) => ru.errors.fixtureProblems({ file: 'f.json', problems: [p] }));
    for (const w of words) expect(w).not.toMatch(/Invalid|expected|Too small|Unrecognized/);
    expect(words.join('\n')).toContain('ожидается часовой пояс IANA');
    expect(words.join('\n')).toContain('неизвестный ключ «extra»');
    expect(words.join('\n')).toContain('ожидается одно из: «guest», «rental_manager», «admin»');
  });
});
