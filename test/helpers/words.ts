/** What an error says to an operator, in English or Russian: the catalog's words for its key. */
import { CoworkError } from '../../src/core/errors.js';
import { catalog, errorText } from '../../src/ui/i18n.js';

export function english(e: unknown): string {
  if (!(e instanceof CoworkError)) throw e;
  return errorText(e, catalog('en'));
}

export function russian(e: unknown): string {
  if (!(e instanceof CoworkError)) throw e;
  return errorText(e, catalog('ru'));
}

/** The English words of the error `fn` throws. */
export function saysEnglish(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return english(e);
  }
  throw new Error('expected an error');
}
