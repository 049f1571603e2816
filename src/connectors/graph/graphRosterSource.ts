/**
 * Rosters from Teams Shifts through Microsoft Graph v1.0: the signed-in person's teams
 * (`/me/joinedTeams`), each team's published shifts and time off
 * (`/teams/{id}/schedule/shifts|timesOff?$filter=…`), all in JSON batches, cached per session.
 * Scopes: Team.ReadBasic.All (joined teams), Schedule.Read.All (shifts, time off),
 * User.ReadBasic.All (names of the crew).
 */
import { overlaps } from '../../core/roster/rules';
import { type CrewMember, RosterError, type RosterSource, type Shift, type TimeOff, type TimeRange } from '../../core/roster/types';
import { type BatchResponse, collectPages, DEFAULT_RETRY_POLICY, expectOk, failureCode, GraphFailure, type RetryPolicy, sendBatch } from './graphBatch';
import { GraphCache } from './graphCache';
import type { GraphCoalescer } from './graphCoalescer';
import type { GraphClientLike } from './graphClient';

const DAY = 86_400_000;
const CONTEXT_TTL = 60 * 60_000;
const SCHEDULE_TTL = 5 * 60_000;
const NAME_TTL = 60 * 60_000;

interface RosterContext {
  readonly meId: string;
  readonly teamIds: string[];
}

interface TeamSchedule {
  readonly teamId: string;
  readonly shifts: Shift[];
  readonly timeOff: TimeOff[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function toShift(value: unknown, teamId: string): Shift | undefined {
  if (!isRecord(value) || !isRecord(value.sharedShift)) {
    return undefined;
  }
  const shared = value.sharedShift;
  const id = text(value.id);
  const start = text(shared.startDateTime);
  const end = text(shared.endDateTime);
  if (!id || !start || !end) {
    return undefined;
  }
  return {
    id,
    personId: text(value.userId),
    crewId: teamId,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    label: text(shared.displayName),
    notes: text(shared.notes),
    status: 'scheduled'
  };
}

function toTimeOff(value: unknown): TimeOff | undefined {
  if (!isRecord(value) || !isRecord(value.sharedTimeOff)) {
    return undefined;
  }
  const shared = value.sharedTimeOff;
  const id = text(value.id);
  const start = text(shared.startDateTime);
  const end = text(shared.endDateTime);
  if (!id || !start || !end) {
    return undefined;
  }
  return { id, personId: text(value.userId), start: new Date(start).toISOString(), end: new Date(end).toISOString(), reason: text(shared.timeOffReasonId) };
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
function queryWindow(range: TimeRange): { start: string; end: string; key: string } {
  const start = new Date(Math.floor((range.start.getTime() - DAY) / DAY) * DAY);
  const end = new Date(Math.ceil((range.end.getTime() + DAY) / DAY) * DAY);
  return { start: start.toISOString(), end: end.toISOString(), key: `${start.toISOString()}/${end.toISOString()}` };
}

export interface GraphRosterOptions {
  readonly cache?: GraphCache;
  readonly retry?: RetryPolicy;
  /** The page's shared coalescer: the roster's first reads join other parts' Graph `$batch`. */
  readonly batcher?: GraphCoalescer;
}

export class GraphRosterSource implements RosterSource {
  private readonly cache: GraphCache;
  private readonly retry: RetryPolicy;
  private readonly batcher: GraphCoalescer | undefined;
  private readonly read: Array<{ schedule: TeamSchedule; covers: TimeRange }> = [];

  public constructor(
    private readonly graph: GraphClientLike,
    options: GraphRosterOptions = {}
  ) {
    this.cache = options.cache ?? new GraphCache('anonymous');
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.batcher = options.batcher;
  }

  /** Requests sent together: through the page's coalescer when there is one, else as one `$batch`. */
  private send(requests: ReadonlyArray<{ url: string }>): Promise<BatchResponse[]> {
    const batcher = this.batcher;
    return batcher ? Promise.all(requests.map((request) => batcher.send(request))) : sendBatch(this.graph, requests, this.retry);
  }

  private context(): Promise<RosterContext> {
    return this.cache.get('roster:context', CONTEXT_TTL, async () => {
      const [me, teams] = await this.send([{ url: '/me?$select=id' }, { url: '/me/joinedTeams' }]);
      const meBody = expectOk(me, 'Reading the signed-in user');
      const teamValues = await collectPages(this.graph, expectOk(teams, 'Reading your teams'), 10, this.retry);
      const meId = isRecord(meBody) ? text(meBody.id) : undefined;
      if (!meId) {
        throw new RosterError('unexpected', 'Graph returned no id for the signed-in user.');
      }
      return { meId, teamIds: teamValues.map((t) => (isRecord(t) ? text(t.id) : undefined)).filter((id): id is string => id !== undefined) };
    });
  }

  /**
   * Each team's shifts over one window and time off over another, in one batch. Every read is
   * remembered with its window, so the crew on a shift comes from what was already read.
   */
  private async schedules(teamIds: readonly string[], shiftRange: TimeRange, timeOffRange: TimeRange = shiftRange): Promise<TeamSchedule[]> {
    const shiftWindow = queryWindow(shiftRange);
    const offWindow = queryWindow(timeOffRange);
    const schedules = await this.cache.get(`roster:schedules:${teamIds.join(',')}:${shiftWindow.key}:${offWindow.key}`, SCHEDULE_TTL, async () => {
      const requests = teamIds.flatMap((teamId) => [
        {
          url: `/teams/${encodeURIComponent(teamId)}/schedule/shifts?$filter=sharedShift/startDateTime ge ${shiftWindow.start} and sharedShift/endDateTime le ${shiftWindow.end}`
        },
        {
          url: `/teams/${encodeURIComponent(teamId)}/schedule/timesOff?$filter=sharedTimeOff/startDateTime ge ${offWindow.start} and sharedTimeOff/endDateTime le ${offWindow.end}`
        }
      ]);
      const responses = await sendBatch(this.graph, requests, this.retry);
      const result: TeamSchedule[] = [];
      for (let i = 0; i < teamIds.length; i += 1) {
        const teamId = teamIds[i];
        const shifts = await this.values(responses[i * 2], `Reading the shifts of team ${teamId}`);
        const timesOff = await this.values(responses[i * 2 + 1], `Reading the time off of team ${teamId}`);
        result.push({
          teamId,
          shifts: shifts.map((s) => toShift(s, teamId)).filter((s): s is Shift => s !== undefined),
          timeOff: timesOff.map(toTimeOff).filter((o): o is TimeOff => o !== undefined)
        });
      }
      return result;
    });
    // Remember what was read (also when it came from the session cache) for crewOnShift.
    const covers = { start: new Date(shiftWindow.start), end: new Date(shiftWindow.end) };
    this.read.push(...schedules.map((schedule) => ({ schedule, covers })));
    return schedules;
  }

  /** A team's schedule already read whose shift window covers `range`. */
  private alreadyRead(teamId: string, range: TimeRange): TeamSchedule | undefined {
    return this.read.find(
      (r) => r.schedule.teamId === teamId && r.covers.start <= range.start && r.covers.end >= range.end
    )?.schedule;
  }

  private async values(response: BatchResponse, what: string): Promise<unknown[]> {
    return collectPages(this.graph, expectOk(response, what), 20, this.retry);
  }

  private async mine<T extends { personId?: string }>(
    shiftRange: TimeRange,
    timeOffRange: TimeRange,
    pick: (s: TeamSchedule) => T[]
  ): Promise<T[]> {
    const { meId, teamIds } = await this.context();
    if (teamIds.length === 0) {
      throw new RosterError('notConfigured', 'You are not in a team with a Shifts schedule.');
    }
    const schedules = await this.schedules(teamIds, shiftRange, timeOffRange);
    const seen = new Set<string>();
    return schedules
      .flatMap(pick)
      .filter((item) => item.personId === meId)
      .filter((item) => {
        const key = JSON.stringify(item);
        return seen.has(key) ? false : (seen.add(key), true);
      });
  }

  public myShifts(range: TimeRange): Promise<Shift[]> {
    return guarded(async () => (await this.mine(range, range, (s) => s.shifts)).filter((s) => overlaps(s, range)));
  }

  public myTimeOff(range: TimeRange): Promise<TimeOff[]> {
    return guarded(async () => (await this.mine(range, range, (s) => s.timeOff)).filter((o) => overlaps(o, range)));
  }

  /** Shifts and time off, each over its own range, in one batch. */
  public myRoster(shiftRange: TimeRange, timeOffRange: TimeRange): Promise<{ shifts: Shift[]; timeOff: TimeOff[] }> {
    return guarded(async () => {
      const [shifts, timeOff] = await Promise.all([
        this.mine(shiftRange, timeOffRange, (s) => s.shifts),
        this.mine(shiftRange, timeOffRange, (s) => s.timeOff)
      ]);
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
      const schedule = this.alreadyRead(shift.crewId, range) ?? (await this.schedules([shift.crewId], range))[0];
      const ids = Array.from(new Set(schedule.shifts.filter((s) => s.personId && s.personId !== meId && overlaps(s, range)).map((s) => s.personId as string)));
      return this.names(ids);
    });
  }

  private async names(ids: readonly string[]): Promise<CrewMember[]> {
    const missing = ids.filter((id) => this.cache.peek(`name:${id}`) === undefined);
    if (missing.length > 0) {
      const responses = await sendBatch(this.graph, missing.map((id) => ({ url: `/users/${encodeURIComponent(id)}?$select=id,displayName` })), this.retry);
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
