/**
 * Colour for the terminal. chalk is loaded only when colour is on: a piped or NO_COLOR run never
 * pays for it.
 */
export type Style = (s: string) => string;

export interface Paint {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
  cyan: Style;
  magenta: Style;
}

const id: Style = (s) => s;
export const plain: Paint = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id, magenta: id };

export async function painter(enabled: boolean): Promise<Paint> {
  if (!enabled) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
