/**
 * Shift times as people read them, in their language and time zone (Intl, DST-correct):
 * "Mon 06:00–14:00", a night shift "Sat 22:00 – Sun 06:00", leave "Fri, Oct 23".
 * Clock times are always 24-hour: rosters on the shop floor are written that way in every
 * language the product ships (and it avoids "6:00 AM – 2:00 PM" on a medium card).
 */

export interface TimeFormat {
  /** BCP 47, any case (`en-us`, `sv-SE`). */
  readonly locale: string;
  /** IANA time zone, e.g. `Europe/Stockholm`. */
  readonly timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(format: TimeFormat, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${format.locale}|${format.timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(format.locale, { ...options, timeZone: format.timeZone });
    formatters.set(key, found);
  }
  return found;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): number {
  const found = parts.find((p) => p.type === type);
  return found ? Number(found.value) : 0;
}

interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The wall-clock time of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = formatter(
    { locale: 'en-GB', timeZone },
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }
  ).formatToParts(instant);
  return {
    year: part(parts, 'year'),
    month: part(parts, 'month'),
    day: part(parts, 'day'),
    // Some engines write midnight as 24 with hour12: false.
    hour: part(parts, 'hour') % 24,
    minute: part(parts, 'minute')
  };
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `06:00`, `22:00` in the time zone. */
export function clock(instant: Date, timeZone: string): string {
  const local = localTime(instant, timeZone);
  return `${pad(local.hour)}:${pad(local.minute)}`;
}

/** Days since 1970-01-01 of the local calendar day of an instant (compare days, not hours). */
export function localDayNumber(instant: Date, timeZone: string): number {
  const local = localTime(instant, timeZone);
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
}

function isLocalMidnight(instant: Date, timeZone: string): boolean {
  const local = localTime(instant, timeZone);
  return local.hour === 0 && local.minute === 0;
}

/**
 * The last moment that belongs to a range ending at `end` (exclusive): a shift ending at
 * 00:00 belongs to the day before, as does a day of leave that ends at the next midnight.
 */
function lastMoment(end: Date): Date {
  return new Date(end.getTime() - 1);
}

/** `Mon` / `ma` / `mån`. */
export function weekdayShort(instant: Date, format: TimeFormat): string {
  return formatter(format, { weekday: 'short' }).format(instant);
}

/** `Fri, Oct 23` / `vr 23 okt` / `fre 23 okt.`: a day in the next weeks. */
export function dayLabel(instant: Date, format: TimeFormat): string {
  return formatter(format, { weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
}

/** `Monday, October 12` / `maandag 12 oktober` / `måndag 12 oktober`. */
export function longDate(instant: Date, format: TimeFormat): string {
  return formatter(format, { weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}

/** The weekday, with the date once the day is a week or more away ("Mon" is ambiguous then). */
function startDayLabel(start: Date, format: TimeFormat, now: Date): string {
  const daysAway = localDayNumber(start, format.timeZone) - localDayNumber(now, format.timeZone);
  return daysAway >= 7 ? dayLabel(start, format) : weekdayShort(start, format);
}

/**
 * When a shift is: `Mon 06:00–14:00`, or across midnight `Sat 22:00 – Sun 06:00` (spaces
 * around the dash when each side has its own day).
 */
export function shiftWhen(start: Date, end: Date, format: TimeFormat, now: Date): string {
  const startLabel = startDayLabel(start, format, now);
  const sameDay = localDayNumber(start, format.timeZone) === localDayNumber(lastMoment(end), format.timeZone);
  if (sameDay) {
    return `${startLabel} ${clock(start, format.timeZone)}–${clock(end, format.timeZone)}`;
  }
  return `${startLabel} ${clock(start, format.timeZone)} – ${weekdayShort(end, format)} ${clock(end, format.timeZone)}`;
}

/** Just the times: `06:00–14:00`, or `22:00 – Sun 06:00` across midnight. */
export function shiftTimes(start: Date, end: Date, format: TimeFormat): string {
  const sameDay = localDayNumber(start, format.timeZone) === localDayNumber(lastMoment(end), format.timeZone);
  return sameDay
    ? `${clock(start, format.timeZone)}–${clock(end, format.timeZone)}`
    : `${clock(start, format.timeZone)} – ${weekdayShort(end, format)} ${clock(end, format.timeZone)}`;
}

/**
 * The last day of leave that ends at `end` (exclusive): whole days when it ends at midnight
 * (`Fri, Oct 23`), else the day and time it ends (`Fri, Oct 23 12:00`).
 */
export function leaveUntil(end: Date, format: TimeFormat): string {
  return isLocalMidnight(end, format.timeZone)
    ? dayLabel(lastMoment(end), format)
    : `${dayLabel(end, format)} ${clock(end, format.timeZone)}`;
}

/** A period of leave: `Mon, Oct 19 – Fri, Oct 23`, one day `Mon, Oct 19`, or with times. */
export function leavePeriod(start: Date, end: Date, format: TimeFormat): string {
  const wholeDays = isLocalMidnight(start, format.timeZone) && isLocalMidnight(end, format.timeZone);
  if (wholeDays) {
    const first = dayLabel(start, format);
    const last = dayLabel(lastMoment(end), format);
    return first === last ? first : `${first} – ${last}`;
  }
  return `${dayLabel(start, format)} ${clock(start, format.timeZone)} – ${dayLabel(end, format)} ${clock(end, format.timeZone)}`;
}
