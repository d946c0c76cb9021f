/** Phones are stored as `+73422545454` and shown as `+7 (342) 254-54-54`. */

/**
 * Normalises what people type: `+7 (342) 254-54-54`, `8 342 254 54 54`, `+73422545454`.
 * Returns null when it is not a phone number.
 */
export function normalizePhone(text: string): string | null {
  const compact = text.replace(/[\s()\-.]/g, '');
  if (/^8\d{10}$/.test(compact)) return `+7${compact.slice(1)}`;
  if (/^\+\d{10,15}$/.test(compact)) return compact;
  return null;
}
