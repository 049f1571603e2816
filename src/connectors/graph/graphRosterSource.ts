/**
 * Rosters from Teams Shifts through Microsoft Graph v1.0: the signed-in person's teams
 * (`/me/joinedTeams`), each team's published shifts and time off
 * (`/teams/{id}/schedule/shifts|timesOff?$filter=…`), all in JSON batches, cached per session.
 * Scopes: Team.ReadBasic.All (joined teams), Schedule.Read.All (shifts, time off),
 * User.ReadBasic.All (names of the crew).
 *
 * Round trips on a cold session: one `$batch` with `/me` and `/me/joinedTeams`, then one with
 * every team's shifts and time off, each team's shifts asked for in slices of a few days so that
 * every answer fits in one page (no `@odata.nextLink` round trips for a crew of usual size). A
 * device that has seen the person before keeps their team ids (`TeamIdCache`): then the kept
 * teams' schedules go in the first `$batch`, beside the team list they are checked against (a team
 * joined since is read right after; a team left since is ignored). The names of the crew on a
 * shift are one more `$batch`, read only when asked for (`crewOnShift`).
 */
import { overlaps } from '../../core/roster/rules';
import type { TeamIdCache } from '../../core/roster/teamIdCache';
import { type CrewMember, RosterError, type RosterSource, type Shift, type TimeOff, type TimeRange } from '../../core/roster/types';
import { type BatchRequest, type BatchResponse, collectPages, DEFAULT_RETRY_POLICY, expectOk, failureCode, GraphFailure, MAX_BATCH_SIZE, type RetryPolicy } from './graphBatch';
import { GraphCache } from './graphCache';
import { GraphCoalescer } from './graphCoalescer';
import type { GraphClientLike } from './graphClient';

const DAY = 86_400_000;
/** Graph: a shift lasts at most 24 hours. */
const LONGEST_SHIFT = DAY;
const CONTEXT_TTL = 60 * 60_000;
const SCHEDULE_TTL = 5 * 60_000;
const NAME_TTL = 60 * 60_000;
const CONTEXT_KEY = 'roster:context';
/** Requests of the first `$batch` besides the schedules: `/me` and `/me/joinedTeams`. */
const CONTEXT_REQUESTS = 2;

interface RosterContext {
  readonly meId: string;
  readonly teamIds: string[];
}

interface TeamSchedule {
  readonly teamId: string;
  readonly shifts: Shift[];
  readonly timeOff: TimeOff[];
}

interface QueryWindow {
  readonly start: string;
  readonly end: string;
  readonly key: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** An instant Graph sent, as ISO; undefined when missing or not a date. */
function instant(value: unknown): string | undefined {
  const at = Date.parse(text(value) ?? '');
  return isNaN(at) ? undefined : new Date(at).toISOString();
}

/** A published shift of `teamId` as Graph sends it (`sharedShift`); undefined when malformed. */
export function toShift(value: unknown, teamId: string): Shift | undefined {
  if (!isRecord(value) || !isRecord(value.sharedShift)) {
    return undefined;
  }
  const shared = value.sharedShift;
  const id = text(value.id);
  const start = instant(shared.startDateTime);
  const end = instant(shared.endDateTime);
  if (!id || !start || !end) {
    return undefined;
  }
  return {
    id,
    personId: text(value.userId),
    crewId: teamId,
    start,
    end,
    label: text(shared.displayName),
    notes: text(shared.notes),
    status: 'scheduled'
  };
}

/** Published time off as Graph sends it (`sharedTimeOff`); undefined when malformed. */
export function toTimeOff(value: unknown): TimeOff | undefined {
  if (!isRecord(value) || !isRecord(value.sharedTimeOff)) {
    return undefined;
  }
  const shared = value.sharedTimeOff;
  const id = text(value.id);
  const start = instant(shared.startDateTime);
  const end = instant(shared.endDateTime);
  if (!id || !start || !end) {
    return undefined;
  }
  return { id, personId: text(value.userId), start, end, reason: text(shared.timeOffReasonId) };
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RosterError) {
      throw error;
    }
    if (error instanceof GraphFailure) {
      throw new RosterError(failureCode(error.status), error.message);
    }
    throw new RosterError('unexpected', error instanceof Error ? error.message : String(error));
  }
}

/** Whole UTC days around the range, so a shift that began before the range is found too. */
function queryWindow(range: TimeRange): QueryWindow {
  const start = new Date(Math.floor((range.start.getTime() - DAY) / DAY) * DAY);
  const end = new Date(Math.ceil((range.end.getTime() + DAY) / DAY) * DAY);
  return { start: start.toISOString(), end: end.toISOString(), key: `${start.toISOString()}/${end.toISOString()}` };
}

/**
 * How far around a range time off is read. Graph filters time off only as "starts on or after A
 * and ends by B" (its List timeOff page; one property may not appear twice in a filter), so leave
 * that began before the range or ends after it is found only by reading wider; what overlaps the
 * range is kept afterwards. Leave longer than this either side of the range is not seen (the relay's
 * reminders look as far).
 */
const LEAVE_LOOKAROUND_MS = 62 * DAY;

function leaveWindow(range: TimeRange): QueryWindow {
  return queryWindow({ start: new Date(range.start.getTime() - LEAVE_LOOKAROUND_MS), end: new Date(range.end.getTime() + LEAVE_LOOKAROUND_MS) });
}

/**
 * The `$filter`s that read a team's shifts over `window` in at most `slices` requests of whole
 * days. A slice asks for the shifts that start on or after its first day and end by the next
 * slice's first day plus the longest shift (24 hours), so a shift that starts in a slice is in
 * that slice's answer whatever its length; the last slice ends with the window. Together they
 * answer exactly what one filter over the window would (start at or after the window's start, end
 * by its end), a shift near a slice's end possibly twice (kept once, by id). A one-day slice holds
 * about two days of a team's shifts, so it fits in one page for a crew of up to about 25 people
 * (the local tenant pages shifts by 50; Graph documents neither a page size nor `$top` for shifts,
 * and pages that do come are still followed). Graph accepts each property once in a shifts filter,
 * hence start and end rather than two bounds on the start.
 */
export function shiftFilters(window: Pick<QueryWindow, 'start' | 'end'>, slices: number): string[] {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const days = Math.max(1, Math.ceil((end - start) / DAY));
  const width = Math.ceil(days / Math.max(1, Math.min(Math.floor(slices), days))) * DAY;
  const filters: string[] = [];
  for (let from = start; from < end || filters.length === 0; from += width) {
    const to = Math.min(from + width + LONGEST_SHIFT, end);
    filters.push(`sharedShift/startDateTime ge ${new Date(from).toISOString()} and sharedShift/endDateTime le ${new Date(to).toISOString()}`);
  }
  return filters;
}

/** Shift slices per team when `teams` teams (each with one time-off request) share a `$batch` with `reserved` other requests. */
export function slicesPerTeam(teams: number, reserved = 0): number {
  return Math.max(1, Math.floor((MAX_BATCH_SIZE - reserved) / Math.max(1, teams)) - 1);
}

export interface GraphRosterOptions {
  readonly cache?: GraphCache;
  readonly retry?: RetryPolicy;
  /** The page's shared coalescer: the roster's first reads join other parts' Graph `$batch`. */
  readonly batcher?: GraphCoalescer;
  /**
   * The person's team ids kept on the device across sessions: a cold session asks for the kept
   * teams' schedules in the same `$batch` as the team list, which confirms them (or not).
   */
  readonly teamIds?: TeamIdCache;
}

export class GraphRosterSource implements RosterSource {
  private readonly cache: GraphCache;
  private readonly retry: RetryPolicy;
  private readonly batcher: GraphCoalescer;
  private readonly keptTeams: TeamIdCache | undefined;
  private readonly read: Array<{ schedule: TeamSchedule; covers: TimeRange }> = [];

  public constructor(
    private readonly graph: GraphClientLike,
    options: GraphRosterOptions = {}
  ) {
    this.cache = options.cache ?? new GraphCache('anonymous');
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.batcher = options.batcher ?? new GraphCoalescer(graph, this.retry);
    this.keptTeams = options.teamIds;
  }

  /** Requests started in the same tick go out as one `$batch` (with any other reader's of the page). */
  private send(requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
    return Promise.all(requests.map((request) => this.batcher.send(request)));
  }

  private context(): Promise<RosterContext> {
    return this.cache.get(CONTEXT_KEY, CONTEXT_TTL, async () => {
      const [me, teams] = await this.send([{ url: '/me?$select=id' }, { url: '/me/joinedTeams' }]);
      const meBody = expectOk(me, 'Reading the signed-in user');
      const teamValues = await collectPages(this.graph, expectOk(teams, 'Reading your teams'), 10, this.retry);
      const meId = isRecord(meBody) ? text(meBody.id) : undefined;
      if (!meId) {
        throw new RosterError('unexpected', 'Graph returned no id for the signed-in user.');
      }
      const teamIds = teamValues.map((t) => (isRecord(t) ? text(t.id) : undefined)).filter((id): id is string => id !== undefined);
      // Confirmed (or forgotten, when there are none) for the next cold session on this device.
      this.keptTeams?.write(teamIds);
      return { meId, teamIds };
    });
  }

  private scheduleKey(teamId: string, shiftWindow: QueryWindow, offWindow: QueryWindow): string {
    return `roster:schedule:${teamId}:${shiftWindow.key}:${offWindow.key}`;
  }

  /** One team's shifts over one window (in `slices` requests) and time off over another, cached for the session. */
  private teamSchedule(teamId: string, shiftWindow: QueryWindow, offWindow: QueryWindow, slices: number): Promise<TeamSchedule> {
    return this.cache.get(this.scheduleKey(teamId, shiftWindow, offWindow), SCHEDULE_TTL, async () => {
      const team = `/teams/${encodeURIComponent(teamId)}/schedule`;
      const [timesOffResponse, ...shiftResponses] = await this.send([
        { url: `${team}/timesOff?$filter=sharedTimeOff/startDateTime ge ${offWindow.start} and sharedTimeOff/endDateTime le ${offWindow.end}` },
        ...shiftFilters(shiftWindow, slices).map((filter) => ({ url: `${team}/shifts?$filter=${filter}` }))
      ]);
      const [timesOff, ...slicesRead] = await Promise.all([
        this.values(timesOffResponse, `Reading the time off of team ${teamId}`),
        ...shiftResponses.map((response) => this.values(response, `Reading the shifts of team ${teamId}`))
      ]);
      const shifts = new Map<string, Shift>();
      for (const value of slicesRead.flat()) {
        const shift = toShift(value, teamId);
        if (shift && !shifts.has(shift.id)) {
          shifts.set(shift.id, shift);
        }
      }
      return {
        teamId,
        shifts: Array.from(shifts.values()),
        timeOff: timesOff.map(toTimeOff).filter((o): o is TimeOff => o !== undefined)
      };
    });
  }

  /**
   * The schedules of `teamIds`, those not in the session cache in one `$batch` (shared with
   * `reserved` other requests), each team's shifts in as many slices as the batch has room for.
   */
  private schedulesOf(teamIds: readonly string[], shiftWindow: QueryWindow, offWindow: QueryWindow, reserved = 0): Promise<TeamSchedule[]> {
    const toRead = teamIds.filter((id) => this.cache.peek(this.scheduleKey(id, shiftWindow, offWindow)) === undefined).length;
    const slices = slicesPerTeam(toRead, reserved);
    return Promise.all(teamIds.map((teamId) => this.teamSchedule(teamId, shiftWindow, offWindow, slices)));
  }

  /** Remembers what was read (also when it came from the session cache) for crewOnShift. */
  private remember(schedules: readonly TeamSchedule[], shiftWindow: QueryWindow): void {
    const covers = { start: new Date(shiftWindow.start), end: new Date(shiftWindow.end) };
    this.read.push(...schedules.map((schedule) => ({ schedule, covers })));
  }

  /**
   * A team's schedule already read that holds every shift overlapping `range`: its window starts
   * a whole shift (24 hours) before the range and ends after it.
   */
  private alreadyRead(teamId: string, range: TimeRange): TeamSchedule | undefined {
    return this.read.find(
      (r) => r.schedule.teamId === teamId && r.covers.start.getTime() <= range.start.getTime() - LONGEST_SHIFT && r.covers.end >= range.end
    )?.schedule;
  }

  private async values(response: BatchResponse, what: string): Promise<unknown[]> {
    return collectPages(this.graph, expectOk(response, what), 20, this.retry);
  }

  /**
   * The signed-in person's id and the schedules of their teams. On a cold session of a person
   * this device has seen, the kept teams' schedules are asked for in the same tick as the team
   * list (one `$batch`); the schedules of the teams read there are then the ones used, and only a
   * team joined since is read after it.
   */
  private async myTeams(shiftRange: TimeRange, timeOffRange: TimeRange): Promise<{ meId: string; schedules: TeamSchedule[] }> {
    const shiftWindow = queryWindow(shiftRange);
    const offWindow = leaveWindow(timeOffRange);
    const kept = this.cache.peek(CONTEXT_KEY) === undefined ? this.keptTeams?.read() : undefined;
    if (kept) {
      // A team left since answers 403 or 404 here: ignored, the team list decides.
      this.schedulesOf(kept, shiftWindow, offWindow, CONTEXT_REQUESTS).catch(() => undefined);
    }
    const { meId, teamIds } = await this.context();
    if (teamIds.length === 0) {
      throw new RosterError('notConfigured', 'You are not in a team with a Shifts schedule.');
    }
    const schedules = await this.schedulesOf(teamIds, shiftWindow, offWindow);
    this.remember(schedules, shiftWindow);
    return { meId, schedules };
  }

  /** The signed-in person's shifts and time off in their teams' schedules, each once. */
  private async mine(shiftRange: TimeRange, timeOffRange: TimeRange): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }> {
    const { meId, schedules } = await this.myTeams(shiftRange, timeOffRange);
    const once = <T extends { personId?: string }>(items: T[]): T[] => {
      const seen = new Set<string>();
      return items
        .filter((item) => item.personId === meId)
        .filter((item) => {
          const key = JSON.stringify(item);
          return seen.has(key) ? false : (seen.add(key), true);
        });
    };
    return { shifts: once(schedules.flatMap((s) => s.shifts)), timeOff: once(schedules.flatMap((s) => s.timeOff)) };
  }

  public myShifts(range: TimeRange): Promise<Shift[]> {
    return guarded(async () => (await this.mine(range, range)).shifts.filter((s) => overlaps(s, range)));
  }

  public myTimeOff(range: TimeRange): Promise<TimeOff[]> {
    return guarded(async () => (await this.mine(range, range)).timeOff.filter((o) => overlaps(o, range)));
  }

  /** Shifts and time off, each over its own range, in one batch. */
  public myRoster(shiftRange: TimeRange, timeOffRange: TimeRange): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }> {
    return guarded(async () => {
      const { shifts, timeOff } = await this.mine(shiftRange, timeOffRange);
      return { shifts: shifts.filter((s) => overlaps(s, shiftRange)), timeOff: timeOff.filter((o) => overlaps(o, timeOffRange)) };
    });
  }

  public crewOnShift(shift: Shift): Promise<CrewMember[]> {
    return guarded(async () => {
      const { meId } = await this.context();
      if (!shift.crewId) {
        return [];
      }
      const range = { start: new Date(shift.start), end: new Date(shift.end) };
      let schedule = this.alreadyRead(shift.crewId, range);
      if (!schedule) {
        const window = queryWindow(range);
        [schedule] = await this.schedulesOf([shift.crewId], window, window);
        this.remember([schedule], window);
      }
      const ids = Array.from(new Set(schedule.shifts.filter((s) => s.personId && s.personId !== meId && overlaps(s, range)).map((s) => s.personId as string)));
      return this.names(ids);
    });
  }

  private async names(ids: readonly string[]): Promise<CrewMember[]> {
    const missing = ids.filter((id) => this.cache.peek(`name:${id}`) === undefined);
    if (missing.length > 0) {
      const responses = await this.send(missing.map((id) => ({ url: `/users/${encodeURIComponent(id)}?$select=id,displayName` })));
      responses.forEach((response, index) => {
        const body = response.status === 200 ? response.body : undefined;
        const name = isRecord(body) ? text(body.displayName) : undefined;
        if (name) {
          this.cache.set(`name:${missing[index]}`, name, NAME_TTL);
        }
      });
    }
    return ids
      .map((id) => ({ personId: id, displayName: this.cache.peek(`name:${id}`) }))
      .filter((m): m is CrewMember => typeof m.displayName === 'string');
  }
}
