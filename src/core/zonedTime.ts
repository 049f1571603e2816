/**
 * Wall-clock time in an IANA time zone ⇄ UTC instants, through Intl only (no tz database of
 * our own). One place for the product: the WFM connectors (REST feeds with local times without
 * offset, iCalendar feeds that name a TZID without defining its VTIMEZONE) and the pulse
 * schedule (rounds that open at a plant's local time, `src/core/pulse/zonedTime.ts`).
 *
 * Non-existent local times (the spring-forward gap) move forward by the gap; ambiguous local
 * times (the autumn overlap) take the earlier instant — Temporal's "compatible" choice.
 */

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond?: number;
}

export interface ZoneTransition {
  /** First instant (UTC ms) of the new offset. */
  readonly at: number;
  /** Offsets east of UTC, in minutes. */
  readonly offsetBefore: number;
  readonly offsetAfter: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour12: false,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when the engine knows the IANA zone (`Europe/Stockholm`, `UTC`…). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) {
    return false;
  }
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at an instant in a zone (whole seconds). */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    // Some engines write midnight as 24 with hour12: false.
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second')
  };
}

function wallAsUtc(wall: WallTime): number {
  const ms = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond ?? 0);
  // Date.UTC maps years 0–99 to 1900–1999.
  return wall.year < 100 ? new Date(ms).setUTCFullYear(wall.year) : ms;
}

/** The zone's offset east of UTC at an instant, in minutes (+60 for CET, +120 for CEST). */
export function offsetMinutesAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((wallAsUtc(wallTimeAt(whole, timeZone)) - whole) / MINUTE);
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/** The UTC instant (ms) of a wall-clock time in a zone, DST-correct. */
export function zonedToUtc(wall: WallTime, timeZone: string): number {
  const asUtc = wallAsUtc(wall);
  const before = offsetMinutesAt(asUtc - DAY, timeZone);
  const after = offsetMinutesAt(asUtc + DAY, timeZone);
  const candidates = [asUtc - before * MINUTE, asUtc - after * MINUTE].filter((t) => sameWall(wallTimeAt(t, timeZone), wall));
  if (candidates.length > 0) {
    return Math.min(...candidates);
  }
  // In the gap: read with the offset before the change, which lands after it.
  return asUtc - before * MINUTE;
}

/** Offset changes of a zone between two instants (found weekly, then to the second). */
export function zoneTransitions(timeZone: string, from: number, to: number): ZoneTransition[] {
  const step = 7 * DAY;
  const result: ZoneTransition[] = [];
  let t = from;
  let offset = offsetMinutesAt(t, timeZone);
  while (t < to) {
    const next = Math.min(t + step, to);
    const nextOffset = offsetMinutesAt(next, timeZone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (mid <= lo || mid >= hi) {
          break;
        }
        if (offsetMinutesAt(mid, timeZone) === offset) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      result.push({ at: hi, offsetBefore: offset, offsetAfter: offsetMinutesAt(hi, timeZone) });
    }
    t = next;
    offset = nextOffset;
  }
  return result;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type ParsedInstant = { readonly ok: true; readonly instant: number; readonly dateOnly: boolean } | { readonly ok: false; readonly problem: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO 8601 date or date-time. With `Z` or an offset it is an instant; without one
 * (`2026-03-28T22:00`, `2026-07-01`) it is wall time in `timeZone`, which is then required.
 */
export function parseIsoInstant(text: string, timeZone?: string): ParsedInstant {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) {
    return { ok: false, problem: `"${text}" is not an ISO 8601 date or date-time` };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  const millisecond = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, problem: `"${text}" is not a real date and time` };
  }
  const wall: WallTime = { year, month, day, hour, minute, second, millisecond };
  const dateOnly = match[4] === undefined;
  const offsetText = match[8];
  if (offsetText) {
    if (offsetText.toUpperCase() === 'Z') {
      return { ok: true, instant: wallAsUtc(wall), dateOnly };
    }
    const digits = offsetText.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
    return { ok: true, instant: wallAsUtc(wall) - offset * MINUTE, dateOnly };
  }
  if (!timeZone) {
    return { ok: false, problem: `"${text}" has no UTC offset and no time zone is configured for local times` };
  }
  return { ok: true, instant: zonedToUtc(wall, timeZone), dateOnly };
}
