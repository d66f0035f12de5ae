import { isCalendarDate } from '../text/isCalendarDate.js';
import { UsageError } from '../errors.js';
import { sanitize } from '../text/sanitize.js';

/** The value of a date option (`--as-of`, `--since`) when it is YYYY-MM-DD naming a real day; else a usage error. */
export function calendarOption(value: string, option: string): string {
  if (isCalendarDate(value)) return value;
  throw new UsageError(`${option} ${sanitize(value)}: not a calendar date (expected YYYY-MM-DD, e.g. 2026-06-30)`);
}
