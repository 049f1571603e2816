/**
 * Coverage per coming shift, from the roster: for each shift of a crew, the stations nobody on
 * it covers (no one at U or O, valid for the whole shift), and the stations only one person on
 * it covers (a single point of failure). Shifts are instants from the roster source, so a night
 * shift across midnight, or one on the night the clocks change (7 or 9 hours long), is one shift.
 */
import type { SkillLevel } from '../models/learning';
import type { Shift, TimeOff } from '../roster/types';
import { SkillValidity, validThrough } from './expiry';
import { isQualified } from './levels';

/** A level a person (directory id, as the roster names them) holds on a station, with its validity now. */
export interface RosterQualification {
  readonly personId: string;
  readonly station: string;
  readonly level: SkillLevel;
  readonly validity: SkillValidity;
}

/** One shift of a crew: everyone rostered from `start` to `end`. */
export interface CrewShift {
  readonly crewId?: string;
  readonly start: string;
  readonly end: string;
  readonly label?: string;
  /** Directory ids of the people on it (not cancelled, not on leave), in roster order. */
  readonly personIds: readonly string[];
}

export interface ShiftCoverage {
  readonly shift: CrewShift;
  /** Stations with no one on the shift at U or O. */
  readonly uncovered: readonly string[];
  /** Stations with exactly one such person, and who. */
  readonly single: ReadonlyArray<{ readonly station: string; readonly personId: string }>;
}

function ms(iso: string): number {
  return Date.parse(iso);
}

/**
 * The crews' coming shifts: roster shifts grouped by crew, start and end; cancelled ones and
 * people on leave during (part of) the shift are left out; shifts that ended before `now` or start
 * after `until` too. A shift running at `now` is still coming: it can still be covered.
 */
export function crewShifts(shifts: readonly Shift[], timeOff: readonly TimeOff[], now: Date, until: Date): CrewShift[] {
  const groups = new Map<string, { crewId?: string; start: string; end: string; label?: string; personIds: string[] }>();
  shifts
    .filter((s) => s.status !== 'cancelled' && s.personId !== undefined && ms(s.end) > ms(s.start))
    .filter((s) => ms(s.end) > now.getTime() && ms(s.start) < until.getTime())
    .filter((s) => !timeOff.some((off) => off.personId === s.personId && ms(off.start) < ms(s.end) && ms(off.end) > ms(s.start)))
    .sort((a, b) => ms(a.start) - ms(b.start) || ms(a.end) - ms(b.end))
    .forEach((s) => {
      const start = new Date(ms(s.start)).toISOString();
      const end = new Date(ms(s.end)).toISOString();
      const key = `${s.crewId ?? ''}|${start}|${end}`;
      const group = groups.get(key) ?? { ...(s.crewId ? { crewId: s.crewId } : {}), start, end, ...(s.label ? { label: s.label } : {}), personIds: [] };
      if (group.personIds.indexOf(s.personId as string) < 0) group.personIds.push(s.personId as string);
      groups.set(key, group);
    });
  const result: CrewShift[] = [];
  groups.forEach((group) => result.push(group));
  return result;
}

/** Coverage of `stations` on each shift. */
export function shiftCoverage(shifts: readonly CrewShift[], stations: readonly string[], qualifications: readonly RosterQualification[]): ShiftCoverage[] {
  return shifts.map((shift) => {
    const start = new Date(ms(shift.start));
    const end = new Date(ms(shift.end));
    const uncovered: string[] = [];
    const single: Array<{ station: string; personId: string }> = [];
    stations.forEach((station) => {
      const code = station.toLowerCase();
      const qualified = shift.personIds.filter((personId) =>
        qualifications.some(
          (q) => q.personId === personId && q.station.toLowerCase() === code && isQualified(q.level) && validThrough(q.validity, start, end)
        )
      );
      if (qualified.length === 0) uncovered.push(station);
      if (qualified.length === 1) single.push({ station, personId: qualified[0] });
    });
    return { shift, uncovered, single };
  });
}
