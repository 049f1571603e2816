/**
 * Teams (one per crew) and eight weeks of Shifts schedules around `today`: four weeks back,
 * four ahead. Local shift times (06–14, 14–22, 22–06) in each plant's zone become real UTC
 * instants, so a night shift crosses midnight and a shift across a DST change is 7 or 9 hours.
 */
import type { Person } from './directory';
import type { GeneratedPeople } from './people';
import { CREWS, CrewDefinition, shiftByKind, ShiftKind } from './plantModel';
import { createRandom, hashText, Random } from './random';
import type { ScheduleRecord, TeamMemberRecord, TeamRecord } from './store';
import { addDays, daysBetween, graphDateTime, LocalDay, localDayOf, weekday, zonedTimeToUtc } from './time';

export const ROSTER_DAYS_BACK = 28;
export const ROSTER_DAYS_AHEAD = 28;
/** The default persona has no time off, so "my next shift" always has something to show. */
const FIXED_OPERATOR_UPN = 'asa.backstrom@contoso-plant.example';

/** A Monday long ago: the rotation is anchored here so it does not depend on `today`. */
const ANCHOR: LocalDay = { year: 2024, month: 1, day: 1 };
const CONTINUOUS_CYCLE: ReadonlyArray<ShiftKind | undefined> = [
  'morning', 'morning', 'afternoon', 'afternoon', 'night', 'night', undefined, undefined
];
const SHIFT_KINDS: readonly ShiftKind[] = ['morning', 'afternoon', 'night'];
const START_HOUR: Record<ShiftKind, number> = { morning: 6, afternoon: 14, night: 22 };
const THEME: Record<ShiftKind, string> = { morning: 'yellow', afternoon: 'blue', night: 'darkPurple' };
const REASONS: Record<string, ReadonlyArray<{ key: string; displayName: string; iconType: string }>> = {
  GOT: [
    { key: 'vacation', displayName: 'Semester', iconType: 'plane' },
    { key: 'sick', displayName: 'Sjuk', iconType: 'firstAid' },
    { key: 'parental', displayName: 'Föräldraledig', iconType: 'notWorking' }
  ],
  EIN: [
    { key: 'vacation', displayName: 'Vakantie', iconType: 'plane' },
    { key: 'sick', displayName: 'Ziek', iconType: 'firstAid' },
    { key: 'parental', displayName: 'Ouderschapsverlof', iconType: 'notWorking' }
  ]
};

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Which shift a crew works on a local day (undefined = rest day). */
export function crewShiftOn(crew: CrewDefinition, day: LocalDay): ShiftKind | undefined {
  const days = daysBetween(ANCHOR, day);
  if (crew.line.pattern === 'continuous') {
    return CONTINUOUS_CYCLE[mod(days + 2 * crew.index, CONTINUOUS_CYCLE.length)];
  }
  const dow = weekday(day);
  if (dow === 0 || dow === 6) {
    return undefined;
  }
  return SHIFT_KINDS[mod(Math.floor(days / 7) + crew.index, SHIFT_KINDS.length)];
}

const shiftTimeCache = new Map<string, { start: Date; end: Date }>();

/** The UTC start and end of a shift that starts on a local day (memoised: Intl lookups are slow). */
export function shiftTimes(timeZone: string, day: LocalDay, kind: ShiftKind): { start: Date; end: Date } {
  const key = `${timeZone}|${day.year}-${day.month}-${day.day}|${kind}`;
  const cached = shiftTimeCache.get(key);
  if (cached) {
    return { start: new Date(cached.start.getTime()), end: new Date(cached.end.getTime()) };
  }
  const startHour = START_HOUR[kind];
  const start = zonedTimeToUtc(timeZone, day, startHour);
  const end = kind === 'night' ? zonedTimeToUtc(timeZone, addDays(day, 1), 6) : zonedTimeToUtc(timeZone, day, startHour + 8);
  shiftTimeCache.set(key, { start, end });
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

export interface RosterOutput {
  readonly teams: TeamRecord[];
  readonly members: TeamMemberRecord[];
  readonly schedulingGroups: Array<{ teamId: string; json: Record<string, unknown> }>;
  readonly timeOffReasons: Array<{ teamId: string; json: Record<string, unknown> }>;
  readonly shifts: ScheduleRecord[];
  readonly timesOff: ScheduleRecord[];
}

interface Identity {
  readonly application: null;
  readonly device: null;
  readonly user: { readonly id: string; readonly displayName: string };
}

function identity(person: Person): Identity {
  return { application: null, device: null, user: { id: person.id, displayName: person.displayName } };
}

interface MutableShift {
  readonly id: string;
  readonly person: Person;
  readonly day: LocalDay;
  /** Days since the first day of the roster. */
  readonly offset: number;
  kind: ShiftKind;
  notes: string;
  modified?: Date;
}

export function teamIdOf(crewKey: string): string {
  return createRandom(hashText(`team:${crewKey}`)).guid();
}

interface CrewRoster {
  readonly crew: CrewDefinition;
  readonly teamId: string;
  readonly groupId: string;
  readonly leader: Person;
  readonly first: LocalDay;
  readonly shifts: MutableShift[];
}

export function generateRosters(seed: number, today: Date, plant: GeneratedPeople): RosterOutput {
  const output: RosterOutput = { teams: [], members: [], schedulingGroups: [], timeOffReasons: [], shifts: [], timesOff: [] };
  const rng = createRandom(seed).fork('rosters');
  const created = new Date(today.getTime() - (ROSTER_DAYS_BACK + 14) * 86400000);
  const stamp = { createdDateTime: graphDateTime(created), lastModifiedDateTime: graphDateTime(created) };
  const rosters: CrewRoster[] = [];

  for (const crew of CREWS) {
    const crewPeople = plant.crews.get(crew.key);
    const lineManager = plant.lineManagers.get(crew.line.code);
    if (!crewPeople || !lineManager) {
      throw new Error(`Crew ${crew.key} has no people.`);
    }
    const { leader, operators } = crewPeople;
    const teamId = teamIdOf(crew.key);
    const zone = crew.site.timeZone;
    output.teams.push({
      id: teamId,
      crewKey: crew.key,
      displayName: crew.displayName,
      description: crew.site.code === 'GOT' ? `Skiftlag ${crew.letter}, ${crew.line.name}` : `Ploeg ${crew.letter}, ${crew.line.name}`,
      siteCode: crew.site.code,
      lineCode: crew.line.code,
      timeZone: zone,
      pattern: crew.line.pattern,
      created: '2024-01-08T08:00:00Z'
    });
    output.members.push({ teamId, personId: leader.id, role: 'owner' });
    output.members.push({ teamId, personId: lineManager.id, role: 'owner' });
    for (const operator of operators) {
      output.members.push({ teamId, personId: operator.id, role: 'member' });
    }
    const teamRng = rng.fork(crew.key);
    const groupId = `TAG_${teamRng.guid()}`;
    const rostered = [leader].concat(operators);
    output.schedulingGroups.push({
      teamId,
      json: {
        id: groupId,
        ...stamp,
        displayName: crew.site.code === 'GOT' ? 'Operatörer' : 'Operators',
        isActive: true,
        code: null,
        userIds: rostered.map((p) => p.id),
        createdBy: identity(leader),
        lastModifiedBy: identity(leader)
      }
    });
    const reasonIds: Record<string, string> = {};
    for (const reason of REASONS[crew.site.code]) {
      const id = `TOR_${teamRng.guid()}`;
      reasonIds[reason.key] = id;
      output.timeOffReasons.push({
        teamId,
        json: {
          id,
          ...stamp,
          displayName: reason.displayName,
          iconType: reason.iconType,
          code: null,
          isActive: true,
          createdBy: identity(leader),
          lastModifiedBy: identity(leader)
        }
      });
    }

    const first = addDays(localDayOf(zone, today), -ROSTER_DAYS_BACK);
    const shifts: MutableShift[] = [];
    for (let offset = 0; offset < ROSTER_DAYS_BACK + ROSTER_DAYS_AHEAD; offset += 1) {
      const day = addDays(first, offset);
      const kind = crewShiftOn(crew, day);
      if (kind) {
        for (const person of rostered) {
          shifts.push({ id: `SHFT_${teamRng.guid()}`, person, day, offset, kind, notes: crew.line.name });
        }
      }
    }

    // Time off: vacation blocks, sick days, a rare parental leave; their shifts leave the roster.
    const off = new Set<string>();
    for (const person of rostered) {
      if (person.userPrincipalName === FIXED_OPERATOR_UPN) {
        continue;
      }
      const blocks: Array<{ reason: string; startOffset: number; length: number }> = [];
      if (teamRng.chance(0.12)) {
        blocks.push({ reason: 'vacation', startOffset: teamRng.int(0, 50), length: teamRng.int(5, 10) });
      }
      if (teamRng.chance(0.07)) {
        blocks.push({ reason: 'sick', startOffset: teamRng.int(0, ROSTER_DAYS_BACK + 2), length: teamRng.int(1, 3) });
      }
      if (person.role === 'operator' && teamRng.chance(0.01)) {
        blocks.push({ reason: 'parental', startOffset: 0, length: ROSTER_DAYS_BACK + ROSTER_DAYS_AHEAD });
      }
      for (const block of blocks) {
        const startDay = addDays(first, block.startOffset);
        for (let i = 0; i < block.length; i += 1) {
          off.add(`${person.id}|${block.startOffset + i}`);
        }
        const start = zonedTimeToUtc(zone, startDay, 0);
        const end = zonedTimeToUtc(zone, addDays(startDay, block.length), 0);
        const id = `TOFF_${teamRng.guid()}`;
        output.timesOff.push({
          id,
          teamId,
          userId: person.id,
          startUtc: start.toISOString(),
          endUtc: end.toISOString(),
          json: {
            id,
            ...stamp,
            userId: person.id,
            isStagedForDeletion: false,
            draftTimeOff: null,
            sharedTimeOff: {
              startDateTime: graphDateTime(start),
              endDateTime: graphDateTime(end),
              timeOffReasonId: reasonIds[block.reason],
              theme: block.reason === 'sick' ? 'pink' : 'gray'
            },
            createdBy: identity(leader),
            lastModifiedBy: identity(leader)
          }
        });
      }
    }
    const kept = shifts.filter((shift) => !off.has(`${shift.person.id}|${shift.offset}`));
    rosters.push({ crew, teamId, groupId, leader, first, shifts: kept });
  }

  for (const lineCode of Array.from(new Set(CREWS.map((crew) => crew.line.code)))) {
    applySwaps(
      rosters.filter((roster) => roster.crew.line.code === lineCode),
      rng.fork(`swaps:${lineCode}`),
      today
    );
  }

  for (const roster of rosters) {
    const zone = roster.crew.site.timeZone;
    for (const shift of roster.shifts) {
      const { start, end } = shiftTimes(zone, shift.day, shift.kind);
      output.shifts.push({
        id: shift.id,
        teamId: roster.teamId,
        userId: shift.person.id,
        startUtc: start.toISOString(),
        endUtc: end.toISOString(),
        json: {
          id: shift.id,
          createdDateTime: graphDateTime(created),
          lastModifiedDateTime: graphDateTime(shift.modified ?? created),
          schedulingGroupId: roster.groupId,
          userId: shift.person.id,
          isStagedForDeletion: false,
          draftShift: null,
          sharedShift: {
            displayName: shiftByKind(shift.kind).labels[roster.crew.site.code],
            startDateTime: graphDateTime(start),
            endDateTime: graphDateTime(end),
            notes: shift.notes,
            theme: THEME[shift.kind],
            activities: []
          },
          createdBy: identity(roster.leader),
          lastModifiedBy: identity(roster.leader)
        }
      });
    }
  }
  return output;
}

/**
 * Shift swaps between two crews of one line on one day (a morning for an afternoon): each of
 * two operators takes the other's shift, and both shifts carry a note naming the other person.
 * Each person stays in their own team's schedule, as in Teams Shifts.
 */
function applySwaps(rosters: readonly CrewRoster[], rng: Random, today: Date): void {
  const swaps = rosters.length >= 4 ? 5 : 3;
  const swapped = new Set<MutableShift>();
  for (let attempt = 0, done = 0; attempt < 60 && done < swaps; attempt += 1) {
    const offset = rng.int(0, ROSTER_DAYS_BACK + ROSTER_DAYS_AHEAD - 1);
    const candidates = (kind: ShiftKind): Array<{ roster: CrewRoster; shift: MutableShift }> => {
      const found: Array<{ roster: CrewRoster; shift: MutableShift }> = [];
      for (const roster of rosters) {
        for (const shift of roster.shifts) {
          if (shift.offset === offset && shift.kind === kind && shift.person.role === 'operator' && !swapped.has(shift)) {
            found.push({ roster, shift });
          }
        }
      }
      return found;
    };
    const mornings = candidates('morning');
    const afternoons = candidates('afternoon');
    if (mornings.length === 0 || afternoons.length === 0) {
      continue;
    }
    const a = rng.pick(mornings);
    const b = rng.pick(afternoons);
    const note = (roster: CrewRoster, other: Person, otherCrew: CrewDefinition): string =>
      roster.crew.site.code === 'GOT'
        ? `Bytt pass med ${other.displayName} (${otherCrew.displayName})`
        : `Dienst geruild met ${other.displayName} (${otherCrew.displayName})`;
    const dayStart = zonedTimeToUtc(a.roster.crew.site.timeZone, a.shift.day, 0).getTime();
    const modified = new Date(Math.min(today.getTime() - rng.int(1, 4) * 86400000, dayStart - 2 * 86400000));
    a.shift.kind = 'afternoon';
    b.shift.kind = 'morning';
    a.shift.notes = note(a.roster, b.shift.person, b.roster.crew);
    b.shift.notes = note(b.roster, a.shift.person, a.roster.crew);
    a.shift.modified = modified;
    b.shift.modified = modified;
    swapped.add(a.shift);
    swapped.add(b.shift);
    done += 1;
  }
}
