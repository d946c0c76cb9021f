/** A command line as a script types it, split at spaces: `argv('orders create --service coworking-2 …')`. */
export function argv(line: string): string[] {
  return line.trim().split(/\s+/);
}
