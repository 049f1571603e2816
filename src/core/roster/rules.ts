/**
 * Rules over a roster. Framework-free and time-zone free: instants in, decisions out. The
 * caller supplies "now", so the rules are tested around midnight and daylight-saving changes.
 */
import type { Shift, TimeOff, TimeRange } from './types';

function ms(iso: string): number {
  return Date.parse(iso);
}

export function overlaps(a: { start: string; end: string }, range: TimeRange): boolean {
  return ms(a.start) < range.end.getTime() && ms(a.end) > range.start.getTime();
}

function active(shifts: readonly Shift[]): Shift[] {
  return shifts.filter((s) => s.status !== 'cancelled' && ms(s.end) > ms(s.start));
}

/** The shift running at `now` (start inclusive, end exclusive), if any. */
export function currentShift(shifts: readonly Shift[], now: Date): Shift | undefined {
  const t = now.getTime();
  return active(shifts).find((s) => ms(s.start) <= t && t < ms(s.end));
}

/** The next shift that starts after `now` (the current one is not "next"). */
export function nextShift(shifts: readonly Shift[], now: Date): Shift | undefined {
  const t = now.getTime();
  return active(shifts)
    .filter((s) => ms(s.start) > t)
    .sort((a, b) => ms(a.start) - ms(b.start))[0];
}

export function onLeave(timeOff: readonly TimeOff[], now: Date): TimeOff | undefined {
  const t = now.getTime();
  return timeOff.find((o) => ms(o.start) <= t && t < ms(o.end));
}

/** A daily quiet period in a time zone, e.g. 22:00–06:00 Europe/Stockholm (may cross midnight). */
export interface QuietHours {
  /** `HH:MM`, 24-hour. */
  readonly start: string;
  readonly end: string;
  /** IANA time zone, e.g. `Europe/Amsterdam`. */
  readonly timeZone: string;
}

export interface PromptSettings {
  /** No prompt in the first minutes of a shift (handover, safety briefing). */
  readonly startGraceMinutes: number;
  /** No prompt in the last minutes (clean-up, handover). */
  readonly endGraceMinutes: number;
  readonly quietHours: readonly QuietHours[];
}

export const DEFAULT_PROMPT_SETTINGS: PromptSettings = {
  startGraceMinutes: 15,
  endGraceMinutes: 15,
  quietHours: []
};

export type PromptDecision =
  | { readonly allowed: true; readonly shift: Shift }
  | { readonly allowed: false; readonly reason: 'onLeave' | 'notOnShift' | 'shiftStarting' | 'shiftEnding' | 'quietHours' };

function minutesOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) {
    throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes since local midnight of `now` in `timeZone` (DST-correct through Intl). */
export function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(now);
  // Some engines write midnight as 24 with hour12: false.
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24;
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  const current = localMinutes(now, quiet.timeZone);
  if (start === end) {
    return false;
  }
  return start < end ? current >= start && current < end : current >= start || current < end;
}

/**
 * May we prompt this person now (pulse prompt, notifications)? Only during paid shift time:
 * never on leave, never off shift, not in the first or last minutes, not in quiet hours.
 */
export function mayPromptNow(
  now: Date,
  shifts: readonly Shift[],
  timeOff: readonly TimeOff[],
  settings: PromptSettings = DEFAULT_PROMPT_SETTINGS
): PromptDecision {
  if (onLeave(timeOff, now)) {
    return { allowed: false, reason: 'onLeave' };
  }
  const shift = currentShift(shifts, now);
  if (!shift) {
    return { allowed: false, reason: 'notOnShift' };
  }
  const t = now.getTime();
  if (t < ms(shift.start) + settings.startGraceMinutes * 60_000) {
    return { allowed: false, reason: 'shiftStarting' };
  }
  if (t >= ms(shift.end) - settings.endGraceMinutes * 60_000) {
    return { allowed: false, reason: 'shiftEnding' };
  }
  if (settings.quietHours.some((q) => inQuietHours(now, q))) {
    return { allowed: false, reason: 'quietHours' };
  }
  return { allowed: true, shift };
}
