/**
 * The wall clock of an instant in a zone, for what a person reads: the process's own zone is set to
 * it (TZ) and the Date's local fields read, which V8 answers from ICU's time-zone rules. The rules
 * of the domain use src/core/time.ts (Intl.DateTimeFormat), which gives the same parts
 * (test/ui/clock.test.ts compares them) but whose first use costs a run about 12 ms: ICU loads
 * its locale data to make one, more than all the rest of `orders list` takes.
 *
 * TZ stays at the last zone asked for. Nothing in cowork reads the process's zone otherwise (times
 * are stored and exchanged as UTC text), and switching it back after each call would make V8 reset
 * its date cache twice a call.
 */
import type { LocalParts } from '../core/time.js';

export function wallClock(instant: Date, timeZone: string): LocalParts {
  if (process.env.TZ !== timeZone) process.env.TZ = timeZone;
  return {
    year: instant.getFullYear(),
    month: instant.getMonth() + 1,
    day: instant.getDate(),
    hour: instant.getHours(),
    minute: instant.getMinutes(),
    second: instant.getSeconds(),
  };
}
