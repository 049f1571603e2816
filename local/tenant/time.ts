/**
 * Local wall-clock time in a named time zone → UTC instants, DST-correct, using only Intl
 * (the offset of the zone at an instant is read from `Intl.DateTimeFormat`).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in minutes (Stockholm in summer: +120). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - seconds) / 60000);
}

/** A calendar day, e.g. { year: 2026, month: 10, day: 25 } (month 1–12). */
export interface LocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The UTC instant of a local wall-clock time. Times in a spring-forward gap move forward by
 * the gap; times in the autumn overlap take the first (summer-time) occurrence.
 */
export function zonedTimeToUtc(timeZone: string, day: LocalDay, hour: number, minute = 0): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const firstGuess = wall - zoneOffsetMinutes(timeZone, new Date(wall)) * 60000;
  const offset = zoneOffsetMinutes(timeZone, new Date(firstGuess));
  const candidate = wall - offset * 60000;
  const earlier = candidate - 3600000;
  if (wall - zoneOffsetMinutes(timeZone, new Date(earlier)) * 60000 === earlier) {
    return new Date(earlier);
  }
  return new Date(candidate);
}

/** The local calendar day of an instant in a zone. */
export function localDayOf(timeZone: string, instant: Date): LocalDay {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(timeZone, instant) * 60000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function addDays(day: LocalDay, days: number): LocalDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDay, b: LocalDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: LocalDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

export function isoDay(day: LocalDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/** ISO 8601 in UTC with milliseconds, as Graph returns DateTimeOffset values: `2026-11-02T05:00:00Z`. */
export function graphDateTime(instant: Date): string {
  return instant.toISOString().replace('.000Z', 'Z');
}
