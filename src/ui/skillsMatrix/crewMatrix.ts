/**
 * What the crew skills matrix part shows, from what it read: the matrix of the leader and the
 * people whose manager they are in Entra ID (and nobody else), over the stations those people
 * hold levels on, and coverage per coming shift of those people as the roster has them.
 *
 * SharePoint knows a person as a site user (`SE_Skills.Person`), the roster as a directory id:
 * the two meet at the person's sign-in name (the claims login ends in the UPN). Coverage counts
 * the people of the matrix rostered on a shift: someone else on the same shift (not led by the
 * reader) is not counted, so a gap may be closed by a colleague the matrix does not show.
 */
import { crewShifts, type RosterQualification, type ShiftCoverage, shiftCoverage } from '../../core/learning/coverage';
import { buildMatrix, type MatrixPerson, type MatrixStation, type SkillsMatrix, validityOf } from '../../core/learning/matrix';
import type { LeaderCrews, LedPerson, ReadSkill, SkillsSource } from './types';

type CrewRoster = Awaited<ReturnType<SkillsSource['roster']>>;

/** Days before an end a level is marked expiring. */
export const WARN_DAYS = 30;
/** How far ahead coverage looks. */
export const COVERAGE_DAYS = 7;

export interface CrewMatrixView {
  readonly matrix: SkillsMatrix;
  /** The leader's row is the first. */
  readonly leaderRow: number;
  /** Directory id per matrix person id. */
  readonly directoryIds: ReadonlyMap<number, string>;
  /** Names by directory id (the matrix's people). */
  readonly names: ReadonlyMap<string, string>;
  readonly skills: readonly ReadSkill[];
}

function upnOf(login: string): string {
  const bar = login.lastIndexOf('|');
  return (bar >= 0 ? login.slice(bar + 1) : login).toLowerCase();
}

/** The matrix of the leader and their direct reports at `now` (see above). */
export function crewMatrix(crews: LeaderCrews, skills: readonly ReadSkill[], now: Date, timeZone: string): CrewMatrixView {
  const led: LedPerson[] = [crews.me, ...[...crews.reports].sort((a, b) => a.displayName.localeCompare(b.displayName))];
  const siteIds = new Map<string, number>();
  skills.forEach((skill) => siteIds.set(upnOf(skill.personLogin), skill.personId));
  // Someone without a level yet has no site user here: a row of their own all the same.
  const people: MatrixPerson[] = led.map((person, index) => ({ id: siteIds.get(person.userPrincipalName) ?? -(index + 1), displayName: person.displayName }));
  const ids = new Set(people.map((p) => p.id));
  const theirs = skills.filter((skill) => ids.has(skill.personId));
  const stations = new Map<string, MatrixStation>();
  theirs.forEach((skill) => {
    if (!stations.has(skill.station.toLowerCase())) {
      stations.set(skill.station.toLowerCase(), { code: skill.station, name: skill.stationName });
    }
  });
  const ordered = Array.from(stations.values()).sort((a, b) => a.code.localeCompare(b.code));
  const directoryIds = new Map<number, string>();
  const names = new Map<string, string>();
  people.forEach((person, index) => {
    directoryIds.set(person.id, led[index].id);
    names.set(led[index].id, person.displayName);
  });
  return { matrix: buildMatrix(people, ordered, theirs, now, timeZone, WARN_DAYS), leaderRow: 0, directoryIds, names, skills: theirs };
}

/** Coverage of the matrix's stations on each coming shift (next `COVERAGE_DAYS`) with someone of the matrix on it. */
export function crewCoverage(view: CrewMatrixView, roster: CrewRoster, now: Date, timeZone: string): ShiftCoverage[] {
  const led = new Set(view.directoryIds.values());
  const until = new Date(now.getTime() + COVERAGE_DAYS * 86_400_000);
  const shifts = crewShifts(
    roster.shifts.filter((s) => s.personId !== undefined && led.has(s.personId)),
    roster.timeOff,
    now,
    until
  );
  const qualifications: RosterQualification[] = view.skills
    .filter((skill) => view.directoryIds.has(skill.personId))
    .map((skill) => ({
      personId: view.directoryIds.get(skill.personId) as string,
      station: skill.station,
      level: skill.level,
      validity: validityOf(skill, now, timeZone, WARN_DAYS)
    }));
  return shiftCoverage(
    shifts,
    view.matrix.stations.map((s) => s.code),
    qualifications
  );
}
