/**
 * What the roster tells the learning timer (docs/learning.md "Assignment", "Expiry and renewal"):
 *
 * - **A person's crews** (`crewsFromRoster`): the Teams teams whose Shifts schedule has shifts of
 *   theirs, the one with most shifts first: the product's crew everywhere (the pulse's facts, the
 *   assignment's `CrewKey`). Cancelled shifts do not count; a tie goes to the lower team id, so
 *   two runs agree. Someone with no shift in the window has no crew known: nothing is guessed.
 * - **Practice at a station** (`stationShifts`, `practisedSince`): a rostered shift ties to a
 *   station only where the roster names it: a Shifts activity (`sharedShift.activities[]`) whose
 *   `code` is the station's code, for that activity's time. A shift's name (`Morning`), theme (a
 *   colour) or notes (free text; the demo plant writes the line's name there, and a line has
 *   several stations) name no station, and no station is guessed from them.
 * - **Forward only**: `LastPractisedAt` moves to a later practice, never back (`lastPractice`).
 */
import { lastPractice, type StationShift } from './expiry';

/** One activity of a shift: part of the shift at a station, when `code` names one. */
export interface RosteredActivity {
  readonly code?: string;
  readonly start: Date;
  readonly end: Date;
}

/** A shift as the learning timer reads it from Teams Shifts. */
export interface RosteredShift {
  /** The person's directory (Entra ID) id. */
  readonly personId: string;
  /** The crew: the Teams team whose schedule holds the shift. */
  readonly teamId: string;
  readonly start: Date;
  readonly end: Date;
  /** Staged for deletion (cancelled) in Shifts. */
  readonly cancelled?: boolean;
  readonly activities: readonly RosteredActivity[];
}

const lower = (value: string): string => value.trim().toLowerCase();

/** Each person's crews (directory id in lower case → team ids), the one with most shifts first. */
export function crewsFromRoster(shifts: readonly RosteredShift[]): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  shifts
    .filter((shift) => !shift.cancelled && shift.personId.trim() !== '' && shift.teamId.trim() !== '')
    .forEach((shift) => {
      const person = lower(shift.personId);
      const mine = counts.get(person) ?? new Map<string, number>();
      mine.set(shift.teamId, (mine.get(shift.teamId) ?? 0) + 1);
      counts.set(person, mine);
    });
  const out = new Map<string, string[]>();
  counts.forEach((teams, person) => {
    // forEach, not spread: the product builds for ES5, where a Map does not spread.
    const ordered: Array<[string, number]> = [];
    teams.forEach((shiftCount, team) => ordered.push([team, shiftCount]));
    ordered.sort((a, b) => b[1] - a[1] || (lower(a[0]) < lower(b[0]) ? -1 : lower(a[0]) > lower(b[0]) ? 1 : 0));
    out.set(
      person,
      ordered.map(([team]) => team)
    );
  });
  return out;
}

/** The person's practice at stations from the roster: one per activity that names a station. */
/** Practice at a station as the roster tells it, with the crew (Teams team) whose schedule holds it. */
export type CrewStationShift = StationShift & { readonly teamId: string };

export function stationShifts(shifts: readonly RosteredShift[], personId: string): CrewStationShift[] {
  const person = lower(personId);
  const out: CrewStationShift[] = [];
  shifts
    .filter((shift) => lower(shift.personId) === person)
    .forEach((shift) =>
      shift.activities.forEach((activity) => {
        const station = activity.code?.trim() ?? '';
        if (station !== '') {
          out.push({ station, start: activity.start, end: activity.end, teamId: shift.teamId, ...(shift.cancelled ? { cancelled: true } : {}) });
        }
      })
    );
  return out;
}

/**
 * The new `LastPractisedAt` of a level at `station` from the roster: the last practice there
 * before `now` (an activity's end, or now while it runs), when it is later than `stored`;
 * undefined when nothing moves it forward.
 */
export function practisedSince(station: string, shifts: readonly StationShift[], now: Date, stored?: Date): Date | undefined {
  const last = lastPractice(station, [], shifts, now, stored);
  if (!last) return undefined;
  return stored === undefined || isNaN(stored.getTime()) || last.getTime() > stored.getTime() ? last : undefined;
}
