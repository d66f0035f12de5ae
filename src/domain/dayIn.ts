const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day, YYYY-MM-DD, that `date` falls on in the IANA zone `timeZone`: "today" for a workspace. */
export function dayIn(date: Date, timeZone: string): string {
  if (timeZone === 'UTC') return date.toISOString().slice(0, 10);
  const quick = clockDay(date, timeZone);
  if (quick !== undefined) return quick;
  const parts = Object.fromEntries(dayFormat(timeZone).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC' || clockDay(new Date(), timeZone) !== undefined) return true;
  try {
    dayFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

// One formatter per zone, made once: the check that a zone exists makes the one dayIn then uses.
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

// A zone named Area/Location, as IANA names every zone but a few legacy ones.
const AREA_ZONE = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z][\w+-]*(?:\/[A-Za-z][\w+-]*)?$/;

/**
 * The day from the runtime's own clock set to the zone: the first Intl.DateTimeFormat costs more
 * than the rest of a `plan list` (its locale data), the clock a millisecond. The clock reads an
 * unknown zone as UTC, so a zone at UTC all year (or a misspelt one) is left to Intl: undefined.
 */
function clockDay(date: Date, timeZone: string): string | undefined {
  if (!AREA_ZONE.test(timeZone)) return undefined;
  const saved = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    const year = date.getUTCFullYear();
    if (new Date(Date.UTC(year, 0, 1)).getTimezoneOffset() === 0 && new Date(Date.UTC(year, 6, 1)).getTimezoneOffset() === 0) return undefined;
    const two = (n: number) => String(n).padStart(2, '0');
    return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
