/**
 * Crews from Teams Shifts through Microsoft Graph v1.0. A crew is the Teams team whose Shifts
 * schedule a person works on; its CrewKey is the team id.
 *
 * - The signed-in person's teams: `GET /me/joinedTeams` (with `GET /me?$select=id`, one `$batch`).
 * - Every team's published shifts over a window around today: `GET /teams/{id}/schedule/shifts
 *   ?$filter=sharedShift/startDateTime ge … and sharedShift/endDateTime le …`, all teams in one
 *   `$batch` (20 per batch, in parallel), then the pages Graph sends.
 * - My crews: the teams I have shifts on. Someone else's crew: the one of my teams whose
 *   schedule they are on (most shifts in the window wins). Not on any: unknown.
 *
 * Read once per window and cached for the session (GraphCache: memory + sessionStorage).
 * Scopes: User.Read (`/me`), Team.ReadBasic.All (joined teams), Schedule.Read.All (shifts).
 * A team without a readable schedule (404, 403: Shifts not set up, or no access) has no crew.
 */
import { type CrewDirectory, type CrewRef, WorkplaceError } from '../../core/plant/types';
import { type BatchResponse, collectPages, DEFAULT_RETRY_POLICY, expectOk, failureCode, GraphFailure, type RetryPolicy, sendBatch } from './graphBatch';
import { GraphCache } from './graphCache';
import type { GraphClientLike } from './graphClient';
import { GraphCoalescer } from './graphCoalescer';

const DAY = 86_400_000;
const CREW_TTL = 30 * 60_000;
/** Pages of shifts read per team at most (Graph pages shifts; 50 per page in practice). */
const MAX_SHIFT_PAGES = 40;

export interface GraphCrewDirectoryOptions {
  readonly cache?: GraphCache;
  readonly retry?: RetryPolicy;
  /** Days of schedule read before today (default 7: a week of a rotating roster). */
  readonly daysBack?: number;
  /** Days of schedule read after today (default 7). */
  readonly daysAhead?: number;
  readonly now?: () => Date;
  /** Shared with the other Graph readers of the part, so their first requests go in one `$batch`. */
  readonly batcher?: GraphCoalescer;
}

/** Per person on a team's schedule: shifts in the window and the latest start (ms). */
type Presence = [count: number, latestStart: number];

interface CrewTeam {
  readonly id: string;
  readonly name: string;
  readonly people: Readonly<Record<string, Presence>>;
}

/** What one read yields; plain JSON, so the session cache can keep it. */
interface CrewSnapshot {
  readonly meId: string;
  readonly teams: readonly CrewTeam[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkplaceError) {
      throw error;
    }
    if (error instanceof GraphFailure) {
      throw new WorkplaceError(failureCode(error.status), error.message);
    }
    throw new WorkplaceError('unexpected', error instanceof Error ? error.message : String(error));
  }
}

/** Who is on a list of shifts, and how often. Only published (shared) shifts count. */
function presence(shifts: readonly unknown[]): Record<string, Presence> {
  const people: Record<string, Presence> = {};
  for (const shift of shifts) {
    if (!isRecord(shift) || !isRecord(shift.sharedShift)) {
      continue;
    }
    const userId = text(shift.userId);
    const start = Date.parse(text(shift.sharedShift.startDateTime) ?? '');
    if (!userId || Number.isNaN(start)) {
      continue;
    }
    const known = people[userId];
    people[userId] = known ? [known[0] + 1, Math.max(known[1], start)] : [1, start];
  }
  return people;
}

/** The teams a person is on, the one with most shifts (then the latest shift) first. */
function teamsOf(snapshot: CrewSnapshot, personId: string): CrewRef[] {
  return snapshot.teams
    .map((team, order) => ({ team, order, seen: team.people[personId] }))
    .filter((entry): entry is { team: CrewTeam; order: number; seen: Presence } => entry.seen !== undefined)
    .sort((a, b) => b.seen[0] - a.seen[0] || b.seen[1] - a.seen[1] || a.order - b.order)
    .map(({ team }) => ({ crewKey: team.id, crewName: team.name }));
}

export class GraphCrewDirectory implements CrewDirectory {
  private readonly cache: GraphCache;
  private readonly retry: RetryPolicy;
  private readonly daysBack: number;
  private readonly daysAhead: number;
  private readonly now: () => Date;
  private readonly batcher: GraphCoalescer;

  public constructor(
    private readonly graph: GraphClientLike,
    options: GraphCrewDirectoryOptions = {}
  ) {
    this.cache = options.cache ?? new GraphCache('anonymous');
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.daysBack = options.daysBack ?? 7;
    this.daysAhead = options.daysAhead ?? 7;
    this.now = options.now ?? (() => new Date());
    this.batcher = options.batcher ?? new GraphCoalescer(graph, this.retry);
  }

  /** Whole UTC days, so the window (and the cache key) stays the same all day. */
  private window(): { start: string; end: string } {
    const now = this.now().getTime();
    const start = new Date(Math.floor((now - this.daysBack * DAY) / DAY) * DAY).toISOString();
    const end = new Date(Math.ceil((now + this.daysAhead * DAY) / DAY) * DAY).toISOString();
    return { start, end };
  }

  private snapshot(): Promise<CrewSnapshot> {
    const { start, end } = this.window();
    return this.cache.get(`crews:${start}/${end}`, CREW_TTL, async () => {
      const [meResponse, teamsResponse] = await Promise.all([this.batcher.send({ url: '/me?$select=id' }), this.batcher.send({ url: '/me/joinedTeams' })]);
      const me = expectOk(meResponse, 'Reading the signed-in user');
      const meId = isRecord(me) ? text(me.id) : undefined;
      if (!meId) {
        throw new WorkplaceError('unexpected', 'Graph returned no id for the signed-in user.');
      }
      const joined = await collectPages(this.graph, expectOk(teamsResponse, 'Reading your teams'), 10, this.retry);
      const teams = joined
        .map((team) => (isRecord(team) ? { id: text(team.id), name: text(team.displayName) } : {}))
        .filter((team): team is { id: string; name: string | undefined } => team.id !== undefined)
        .map((team) => ({ id: team.id, name: team.name ?? team.id }));
      if (teams.length === 0) {
        return { meId, teams: [] };
      }
      const filter = `sharedShift/startDateTime ge ${start} and sharedShift/endDateTime le ${end}`;
      const responses = await sendBatch(
        this.graph,
        teams.map((team) => ({ url: `/teams/${encodeURIComponent(team.id)}/schedule/shifts?$filter=${filter}` })),
        this.retry
      );
      const read = await Promise.all(
        teams.map(async (team, index): Promise<CrewTeam | undefined> => {
          const shifts = await this.shifts(responses[index], team.name);
          return shifts ? { id: team.id, name: team.name, people: presence(shifts) } : undefined;
        })
      );
      return { meId, teams: read.filter((team): team is CrewTeam => team !== undefined) };
    });
  }

  /** A team's shifts; undefined when the team has no schedule the signed-in person can read. */
  private async shifts(response: BatchResponse, teamName: string): Promise<unknown[] | undefined> {
    if (response.status === 403 || response.status === 404) {
      return undefined;
    }
    return collectPages(this.graph, expectOk(response, `Reading the shifts of ${teamName}`), MAX_SHIFT_PAGES, this.retry);
  }

  public myCrews(): Promise<CrewRef[]> {
    return guarded(async () => {
      const snapshot = await this.snapshot();
      return teamsOf(snapshot, snapshot.meId);
    });
  }

  public myCrewKeys(): Promise<string[]> {
    return guarded(async () => (await this.myCrews()).map((crew) => crew.crewKey));
  }

  public crewOf(personDirectoryIds: readonly string[]): Promise<Map<string, CrewRef>> {
    return guarded(async () => {
      const result = new Map<string, CrewRef>();
      const ids = personDirectoryIds.filter((id) => typeof id === 'string' && id.length > 0);
      if (ids.length === 0) {
        return result;
      }
      const snapshot = await this.snapshot();
      for (const id of ids) {
        const [crew] = teamsOf(snapshot, id);
        if (crew) {
          result.set(id, crew);
        }
      }
      return result;
    });
  }
}
