/** What the history writers share: the people by crew, the random source and the clock. */
import type { SharePointStore } from '../../sharepoint/store';
import type { Directory, Person } from '../directory';
import { CREWS, CrewDefinition, RELAY } from '../plantModel';
import type { Random } from '../random';
import { crewShiftOn, shiftTimes, teamIdOf } from '../rosters';
import type { ShiftKind } from '../plantModel';
import { addDays, localDayOf } from '../time';

export const DAY_MS = 86400000;

export interface CrewPeople {
  readonly crew: CrewDefinition;
  /** The crew's Teams team id: the CrewKey the product writes (and the seed writes too). */
  readonly teamId: string;
  readonly leader: Person;
  /** Operators, without the leader. */
  readonly operators: readonly Person[];
  /** Leader and operators. */
  readonly everyone: readonly Person[];
}

export interface HistoryContext {
  readonly sp: SharePointStore;
  readonly directory: Directory;
  readonly rng: Random;
  readonly today: Date;
  readonly people: readonly Person[];
  readonly crews: readonly CrewPeople[];
  readonly crewByKey: ReadonlyMap<string, CrewPeople>;
  readonly relaySpUserId: number;
  /** Server-relative URL of the engagement site, e.g. `/sites/engage`. */
  readonly siteUrlPath: string;
  /** HR person at a site (the first one). */
  hrAt(siteCode: string): Person;
  /** Writes an item; returns its id. */
  add(list: string, values: Record<string, unknown>, authorId: number, created?: Date): number;
}

export function createHistoryContext(
  sp: SharePointStore,
  directory: Directory,
  rng: Random,
  today: Date,
  siteUrlPath: string
): HistoryContext {
  const people = directory.all().filter((p) => !p.isApp);
  const crews: CrewPeople[] = [];
  for (const crew of CREWS) {
    const members = people.filter((p) => p.crewKey === crew.key);
    const leader = members.find((p) => p.role === 'teamLeader');
    if (!leader) {
      continue;
    }
    const operators = members.filter((p) => p.role === 'operator');
    crews.push({ crew, teamId: teamIdOf(crew.key), leader, operators, everyone: [leader].concat(operators) });
  }
  const hrBySite = new Map<string, Person>();
  for (const person of people) {
    if (person.isHr && !hrBySite.has(person.siteCode)) {
      hrBySite.set(person.siteCode, person);
    }
  }
  return {
    sp,
    directory,
    rng,
    today,
    people,
    crews,
    crewByKey: new Map(crews.map((c) => [c.crew.key, c])),
    relaySpUserId: directory.bySpUserId(RELAY.spUserId)?.spUserId ?? RELAY.spUserId,
    siteUrlPath,
    hrAt: (siteCode) => {
      const hr = hrBySite.get(siteCode) ?? people.find((p) => p.isHr);
      if (!hr) {
        throw new Error('The directory has no HR person.');
      }
      return hr;
    },
    add: (list, values, authorId, created) => sp.addItem(list, values, { authorId, created })
  };
}

/**
 * A moment during a shift the crew worked, `daysBack` days before today (searching further
 * back for a working day), with the shift kind. Undefined when no working day is found.
 */
export function momentOnShift(
  context: HistoryContext,
  crew: CrewDefinition,
  daysBack: number
): { at: Date; shift: ShiftKind } | undefined {
  const zone = crew.site.timeZone;
  const todayLocal = localDayOf(zone, context.today);
  for (let back = daysBack; back < daysBack + 8; back += 1) {
    const day = addDays(todayLocal, -back);
    const kind = crewShiftOn(crew, day);
    if (kind) {
      const { start } = shiftTimes(zone, day, kind);
      const at = new Date(start.getTime() + context.rng.int(30, 7 * 60) * 60000);
      if (at.getTime() < context.today.getTime()) {
        return { at, shift: kind };
      }
    }
  }
  return undefined;
}

/** ISO 8601 UTC without milliseconds, as SharePoint REST returns DateTime values. */
export function spDate(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** The org-unit path used as a pulse group key: `got/weld2/a`, or `got/staff` for people without a crew. */
export function groupKeyOf(person: Person): string {
  const site = person.siteCode.toLowerCase();
  if (!person.crewKey || !person.lineCode) {
    return `${site}/staff`;
  }
  const line = person.lineCode.toLowerCase().replace(`${site}-`, '');
  const crewLetter = person.crewKey.slice(person.lineCode.length + 1).toLowerCase();
  return `${site}/${line}/${crewLetter}`;
}
