/**
 * The plant's calendar: local days, times of day and their instants in an IANA time zone, for
 * rounds that open and close at a local time. The zone arithmetic is `src/core/zonedTime.ts`.
 */
import { isValidTimeZone, wallTimeAt, zonedToUtc } from '../zonedTime';

/** A calendar day in the plant's zone (month 1–12). */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;
/** A timer asks for the same few round times over and over: they are kept (Intl is slow). */
const MAX_CACHED_INSTANTS = 2000;
const instants = new Map<string, number>();

/** Whether `timeZone` is an IANA zone this engine knows (`Europe/Stockholm`, `UTC`). */
export function isTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === 'string' && timeZone.trim() !== '' && isValidTimeZone(timeZone);
}

/** Minutes since midnight for `HH:MM` (24-hour), or undefined when it is not one. */
export function parseLocalTime(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim()) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** `YYYY-MM-DD` as a local date, or undefined when it is not a real day. */
export function parseLocalDate(value: unknown): LocalDate | undefined {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  if (!match) {
    return undefined;
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day ? date : undefined;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** The day `days` after `date` (negative: before). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/**
 * The same day `months` later; a day the month does not have becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  const first = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(date.day, lastDay) };
}

/** Whole days from `a` to `b` (b − a). */
export function localDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** The local day of an instant in a zone. */
export function localDateOf(timeZone: string, instant: Date): LocalDate {
  const wall = wallTimeAt(instant.getTime(), timeZone);
  return { year: wall.year, month: wall.month, day: wall.day };
}

/** Minutes since local midnight of an instant in a zone. */
export function localMinuteOf(timeZone: string, instant: Date): number {
  const wall = wallTimeAt(instant.getTime(), timeZone);
  return wall.hour * 60 + wall.minute;
}

/**
 * The instant of a local day and time (minutes after midnight) in a zone. A time that does not
 * exist (the hour the clocks skip in spring) moves on by the skipped time (02:30 → 03:30); a time
 * that happens twice (autumn) is its first occurrence.
 */
export function zonedInstant(timeZone: string, date: LocalDate, minutes: number): Date {
  const day = addLocalDays(date, Math.floor(minutes / 1440));
  const rest = minutes - Math.floor(minutes / 1440) * 1440;
  const key = `${timeZone}|${formatLocalDate(day)}|${rest}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= MAX_CACHED_INSTANTS) {
      instants.clear();
    }
    instant = zonedToUtc({ ...day, hour: Math.floor(rest / 60), minute: rest % 60, second: 0 }, timeZone);
    instants.set(key, instant);
  }
  return new Date(instant);
}
