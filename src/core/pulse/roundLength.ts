/**
 * How long a round must stay open so that every crew, whatever the point of its rotation the
 * round opens at, works at least one whole shift while it is open: the default round length HR
 * is shown, and the least the rules accept. Framework-free.
 *
 * Computed in the plant's wall-clock time (each day 24 hours, as the schedule counts round
 * lengths in local days): for each day of the pattern the round could open on, at the time
 * rounds open, the time until the end of the first shift that lies wholly after it; the longest
 * of these, rounded up to whole days, is the minimum. A night shift running when the round opens
 * does not count (it is not whole), nor does one the round closes in the middle of.
 *
 * Two ways in: a rotation described day by day (`MMAANN--` with the shifts' times), or a crew's
 * shifts over one period of its pattern (from Teams Shifts or a WFM feed).
 */
import type { IsoDate } from '../models/common';
import type { SurveyCadence } from '../models/pulse';
import type { Shift } from '../roster/types';
import { DEFAULT_OPENS_AT, MAX_ROUND_LENGTH_DAYS } from './definition';
import { isTimeZone, localDateOf, localDaysBetween, localMinuteOf, parseLocalDate, parseLocalTime } from './zonedTime';

const DAY_MINUTES = 1440;

/** A shift's local start and end (`HH:MM`); an end not after the start is on the next day. */
export interface ShiftTimes {
  readonly start: string;
  readonly end: string;
}

/** One period of a rotation, day by day: a shift, or `undefined` for a rest day. */
export interface Rotation {
  readonly days: ReadonlyArray<ShiftTimes | undefined>;
}

export type RoundLengthErrorCode =
  /** No shift at all in a rotation (or in a crew's period): no round length reaches it. */
  | 'noShifts'
  /** A rotation with no days, a time that is not `HH:MM`, a code without times. */
  | 'invalidRotation'
  | 'invalidOpeningTime'
  | 'invalidPeriod'
  | 'invalidTimeZone';

export type RoundLengthResult =
  | { readonly ok: true; readonly minimumDays: number }
  | { readonly ok: false; readonly code: RoundLengthErrorCode; /** Which rotation or crew (0-based). */ readonly index?: number };

/** A shift as minutes from the start of the period (local midnight of its first day). */
interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The longest wait, over every opening day of the period, for a whole shift: in whole days. */
function minimumDaysOf(intervals: readonly Interval[], periodDays: number, opensAt: number): number {
  const period = periodDays * DAY_MINUTES;
  let longest = 0;
  for (let day = 0; day < periodDays; day += 1) {
    const opens = day * DAY_MINUTES + opensAt;
    let soonest = Infinity;
    intervals.forEach((shift) => {
      // The shift in this period or, when it started before the round opened, in the next one.
      const lap = shift.start >= opens ? 0 : Math.ceil((opens - shift.start) / period) * period;
      soonest = Math.min(soonest, shift.end + lap - opens);
    });
    longest = Math.max(longest, soonest);
  }
  return Math.max(1, Math.ceil(longest / DAY_MINUTES));
}

function rotationIntervals(rotation: Rotation): Interval[] | undefined {
  const intervals: Interval[] = [];
  for (let day = 0; day < rotation.days.length; day += 1) {
    const shift = rotation.days[day];
    if (shift) {
      const start = parseLocalTime(shift.start);
      const end = parseLocalTime(shift.end);
      if (start === undefined || end === undefined) {
        return undefined;
      }
      const base = day * DAY_MINUTES;
      intervals.push({ start: base + start, end: base + end + (end <= start ? DAY_MINUTES : 0) });
    }
  }
  return intervals;
}

function combine(perCrew: ReadonlyArray<() => RoundLengthResult>): RoundLengthResult {
  if (perCrew.length === 0) {
    return { ok: false, code: 'noShifts' };
  }
  let minimumDays = 1;
  for (let index = 0; index < perCrew.length; index += 1) {
    const result = perCrew[index]();
    if (!result.ok) {
      return { ...result, index };
    }
    minimumDays = Math.max(minimumDays, result.minimumDays);
  }
  return { ok: true, minimumDays };
}

/**
 * The minimum round length for rotations described day by day; the longest any of them needs.
 * Every crew on one rotation at another offset needs the same, as every opening day is tried.
 */
export function minimumRoundLength(rotations: readonly Rotation[], opensAt: string = DEFAULT_OPENS_AT): RoundLengthResult {
  const opens = parseLocalTime(opensAt);
  if (opens === undefined) {
    return { ok: false, code: 'invalidOpeningTime' };
  }
  return combine(
    rotations.map((rotation) => (): RoundLengthResult => {
      if (!Array.isArray(rotation.days) || rotation.days.length === 0) {
        return { ok: false, code: 'invalidRotation' };
      }
      const intervals = rotationIntervals(rotation);
      if (!intervals) {
        return { ok: false, code: 'invalidRotation' };
      }
      return intervals.length === 0 ? { ok: false, code: 'noShifts' } : { ok: true, minimumDays: minimumDaysOf(intervals, rotation.days.length, opens) };
    })
  );
}

/**
 * A rotation from a line of codes, one a day (`MMAANN--`): each code a shift of `shifts`, and
 * `-` or `.` a rest day. Undefined when a code has no times.
 */
export function parseRotation(codes: string, shifts: { readonly [code: string]: ShiftTimes | undefined }): Rotation | undefined {
  const days: Array<ShiftTimes | undefined> = [];
  const letters = codes.replace(/\s+/g, '').split('');
  for (let i = 0; i < letters.length; i += 1) {
    const code = letters[i];
    const rest = code === '-' || code === '.';
    if (!rest && !shifts[code]) {
      return undefined;
    }
    days.push(rest ? undefined : shifts[code]);
  }
  return { days };
}

export interface ShiftPeriod {
  /** The plant's local day the period starts on (`YYYY-MM-DD`). */
  readonly periodStart: IsoDate;
  /** The pattern's length in days (8 for 2-2-2-2, 21 for three crews rotating weekly). */
  readonly periodDays: number;
  /** The plant's IANA time zone. */
  readonly timeZone: string;
  /** Local time rounds open (`HH:MM`), default midnight. */
  readonly opensAt?: string;
}

/**
 * The minimum round length from each crew's shifts over one period of its pattern (shifts that
 * start in the period count; cancelled ones do not), taking the pattern to repeat. The longest
 * any crew needs.
 */
export function minimumRoundLengthFromShifts(crews: ReadonlyArray<readonly Shift[]>, period: ShiftPeriod): RoundLengthResult {
  const first = parseLocalDate(period.periodStart);
  const opens = parseLocalTime(period.opensAt ?? DEFAULT_OPENS_AT);
  const days = period.periodDays;
  if (!first || typeof days !== 'number' || Math.floor(days) !== days || days < 1 || days > 366) {
    return { ok: false, code: 'invalidPeriod' };
  }
  if (!isTimeZone(period.timeZone)) {
    return { ok: false, code: 'invalidTimeZone' };
  }
  if (opens === undefined) {
    return { ok: false, code: 'invalidOpeningTime' };
  }
  const zone = period.timeZone;
  const localMinutes = (iso: string): number => {
    const instant = new Date(iso);
    return localDaysBetween(first, localDateOf(zone, instant)) * DAY_MINUTES + localMinuteOf(zone, instant);
  };
  return combine(
    crews.map((shifts) => (): RoundLengthResult => {
      const intervals = shifts
        .filter((shift) => shift.status !== 'cancelled' && Date.parse(shift.end) > Date.parse(shift.start))
        .map((shift) => ({ start: localMinutes(shift.start), end: localMinutes(shift.end) }))
        .filter((shift) => shift.start >= 0 && shift.start < days * DAY_MINUTES);
      return intervals.length === 0 ? { ok: false, code: 'noShifts' } : { ok: true, minimumDays: minimumDaysOf(intervals, days, opens) };
    })
  );
}

/**
 * The minimum round length of an audience from each of its crews' own minimum (what
 * {@link minimumRoundLengthFromShifts} gave for that crew alone, `undefined` when its period held
 * no shift): the longest. No crew, or a crew whose roster cannot tell, is `noShifts` (with the
 * crew's index): the form then falls back, as it does when the roster cannot tell.
 */
export function minimumRoundLengthOfCrews(crewMinimums: ReadonlyArray<number | undefined>): RoundLengthResult {
  return combine(
    crewMinimums.map((days) => (): RoundLengthResult =>
      typeof days === 'number' && Math.floor(days) === days && days >= 1 ? { ok: true, minimumDays: days } : { ok: false, code: 'noShifts' }
    )
  );
}

/** How many days of a read schedule must repeat before its pattern's period counts as found. */
const MIN_REPEAT_DAYS = 7;

/**
 * The period of a crew's pattern in a schedule read over `period.periodDays` days from
 * `periodStart`: the fewest days `p` after which every day's shifts (their local start and end,
 * whoever works them) come again, checked on at least a week of days (so a window of four weeks
 * finds up to three-week rotations). Undefined when none repeats: the window is then one period.
 * Taking a window that is no whole number of periods as one would join its end to its start,
 * a jump the rotation never makes.
 */
export function repeatingPeriodDays(shifts: readonly Shift[], period: ShiftPeriod): number | undefined {
  const first = parseLocalDate(period.periodStart);
  if (!first || !isTimeZone(period.timeZone)) {
    return undefined;
  }
  const zone = period.timeZone;
  const days: string[][] = [];
  for (let day = 0; day < Math.floor(period.periodDays); day += 1) {
    days.push([]);
  }
  shifts
    .filter((shift) => shift.status !== 'cancelled' && Date.parse(shift.end) > Date.parse(shift.start))
    .forEach((shift) => {
      const start = new Date(shift.start);
      const end = new Date(shift.end);
      const day = localDaysBetween(first, localDateOf(zone, start));
      const key = `${localMinuteOf(zone, start)}+${localDaysBetween(first, localDateOf(zone, end)) - day}d${localMinuteOf(zone, end)}`;
      if (day >= 0 && day < days.length && days[day].indexOf(key) < 0) {
        days[day].push(key);
      }
    });
  // Each day's distinct shift times, in one order: two days are alike when their texts are.
  const signatures = days.map((keys) => keys.sort().join(' '));
  for (let p = 1; p + MIN_REPEAT_DAYS <= signatures.length; p += 1) {
    let repeats = true;
    for (let day = 0; repeats && day + p < signatures.length; day += 1) {
      repeats = signatures[day] === signatures[day + p];
    }
    if (repeats && signatures.some((signature) => signature !== '')) {
      return p;
    }
  }
  return undefined;
}

/** When the roster cannot tell (no pattern known): two weeks, or the cadence's longest round if shorter. */
export const FALLBACK_ROUND_LENGTH_DAYS = 14;

/**
 * The round length HR's form starts with: the computed minimum (when the cadence cannot hold it,
 * the rules say so and HR picks a longer cadence), or {@link FALLBACK_ROUND_LENGTH_DAYS} within
 * the cadence when the roster cannot tell.
 */
export function defaultRoundLengthDays(minimum: RoundLengthResult | undefined, cadence: SurveyCadence): number {
  return minimum && minimum.ok ? minimum.minimumDays : Math.min(FALLBACK_ROUND_LENGTH_DAYS, MAX_ROUND_LENGTH_DAYS[cadence]);
}
