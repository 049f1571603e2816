/**
 * What the relay asks Microsoft Graph about the person answering, with its own identity
 * (`User.Read.All`, as `directory.ts`): their department, office location, employment type,
 * hire date and language, and their crews. Never from the page: a person could otherwise claim
 * another site's or crew's audience, or another group's attributes.
 *
 * A crew is what it is everywhere in the product (`src/core/plant/types.ts`): the Teams team whose
 * Shifts schedule the person works on. Of the teams they joined, only those with a shift of theirs
 * in the fortnight around now count (`GET /teams/{id}/schedule/shifts`, `Schedule.Read.All`, the
 * permission the timer's reminders need too), the one with most shifts first. A hobby team, a
 * project team or any team without their shifts is not a crew: it would otherwise become a group
 * attribute of their answer and put them in an audience HR meant for a crew. A team whose
 * schedule the relay may not read (403, 404: Shifts not set up, the permission not granted) is no
 * crew. A team's shifts are kept for 30 minutes per relay instance.
 */
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError, type RelayDirectory } from '../directory';

export interface DirectoryFacts {
  readonly department?: string;
  readonly officeLocation?: string;
  /** Graph `employeeType`, e.g. `Employee`, `Agency`. */
  readonly employmentType?: string;
  /** Graph `employeeHireDate`. */
  readonly hireDate?: string;
  readonly preferredLanguage?: string;
  /** The person's crews: ids of the joined Teams teams they work shifts on, most shifts first. */
  readonly teamIds: readonly string[];
}

/** The person's facts; `at` is the relay's clock (crews are read from the schedule around it). */
export type PulseFactsSource = (userPrincipalName: string, at?: Date) => Promise<DirectoryFacts>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

const DAY = 86_400_000;
/** The schedule read around now: a week back and a week ahead (a rotating roster's fortnight). */
const CREW_WINDOW_MS = 7 * DAY;
const SCHEDULE_FOR_MS = 30 * 60_000;
/** Pages of a team's shifts read at most. */
const MAX_SHIFT_PAGES = 40;

type ShiftCounts = ReadonlyMap<string, number>;

export interface PulseFactsOptions {
  readonly graphUrl?: string;
  readonly tokens: TokenProvider;
  readonly directory: RelayDirectory;
  readonly fetch?: typeof fetch;
  /** The clock when a call gives no time (milliseconds since the epoch); `Date.now` unless given. */
  readonly now?: () => number;
}

export function graphPulseFacts(options: PulseFactsOptions): PulseFactsSource {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const schedules = new Map<string, { readonly counts: Promise<ShiftCounts>; readonly until: number }>();

  /** Shifts per person (directory id) on the team's schedule around now; empty when it has none the relay may read. */
  async function readCounts(teamId: string, token: string, at: number): Promise<ShiftCounts> {
    const iso = (ms: number): string => new Date(ms).toISOString();
    let url: string | undefined = `${root}/teams/${encodeURIComponent(teamId)}/schedule/shifts?$filter=sharedShift/startDateTime ge ${iso(at - CREW_WINDOW_MS)} and sharedShift/endDateTime le ${iso(at + CREW_WINDOW_MS)}`;
    const counts = new Map<string, number>();
    for (let page = 0; url !== undefined && page < MAX_SHIFT_PAGES; page += 1) {
      const response = await doFetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      if (response.status === 403 || response.status === 404) {
        return new Map();
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for a team's shifts.`, response.status);
      }
      const body = (await response.json()) as { value?: Array<{ userId?: unknown }>; '@odata.nextLink'?: unknown };
      for (const shift of body.value ?? []) {
        const person = text(shift.userId)?.toLowerCase();
        if (person !== undefined) {
          counts.set(person, (counts.get(person) ?? 0) + 1);
        }
      }
      url = text(body['@odata.nextLink']);
    }
    return counts;
  }

  function shiftCounts(teamId: string, token: string, at: number): Promise<ShiftCounts> {
    const kept = schedules.get(teamId);
    if (kept && at < kept.until && at >= kept.until - SCHEDULE_FOR_MS) {
      return kept.counts;
    }
    const counts = readCounts(teamId, token, at);
    // A failed read is not kept.
    counts.catch(() => schedules.delete(teamId));
    schedules.set(teamId, { counts, until: at + SCHEDULE_FOR_MS });
    return counts;
  }

  /** The joined teams the person works shifts on, most shifts first. */
  async function crewsOf(personId: string | undefined, teamIds: readonly string[], token: string, at: number): Promise<string[]> {
    if (personId === undefined) {
      return [];
    }
    const mine = await Promise.all(teamIds.map(async (id) => ({ id, shifts: (await shiftCounts(id, token, at)).get(personId.toLowerCase()) ?? 0 })));
    return mine
      .filter((team) => team.shifts > 0)
      .sort((a, b) => b.shifts - a.shifts)
      .map((team) => team.id);
  }

  return async (userPrincipalName, at) => {
    const token = await options.tokens(GRAPH_RESOURCE);
    const [response, joined] = await Promise.all([
      doFetch(`${root}/users/${encodeURIComponent(userPrincipalName)}?$select=id,department,officeLocation,employeeType,employeeHireDate,preferredLanguage`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' }
      }),
      options.directory.teamsOf(userPrincipalName)
    ]);
    if (response.status === 404) {
      return { teamIds: [] };
    }
    if (!response.ok) {
      throw new GraphCallError(`Graph answered ${response.status} for the person's profile.`, response.status);
    }
    const body = (await response.json()) as Record<string, unknown>;
    return {
      department: text(body.department),
      officeLocation: text(body.officeLocation),
      employmentType: text(body.employeeType),
      hireDate: text(body.employeeHireDate),
      preferredLanguage: text(body.preferredLanguage),
      teamIds: await crewsOf(text(body.id), joined, token, at?.getTime() ?? now())
    };
  };
}
