/**
 * The crew skills matrix's Microsoft Graph reads: whom the signed-in leader leads and their
 * crews' coming shifts (Teams Shifts), on the page's shared coalescer, so each is one `$batch`.
 *
 * - **Who leads** (docs/learning.md, "Who leads"): the people whose manager in Entra ID is the
 *   signed-in person (`GET /me/directReports`), as the "My crew" part decides, and nobody else.
 *   Owning or being in a Teams team does not make anyone a leader of its members: anyone can make
 *   a team. The leader's teams (`GET /me/joinedTeams`) only say where their people's levels are
 *   kept (`SE_Skills.CrewKey`) and whose Shifts schedules to read.
 * - **Shifts**: every team's published shifts and time off over the coming days, in slices of
 *   whole days that each fit one page (`shiftFilters`, as the roster reader asks), all teams in
 *   one `$batch`. A team without a Shifts schedule (403, 404) has no shifts; any other failure
 *   fails the roster read.
 *
 * Scopes: User.Read (`/me`, `/me/directReports`), Team.ReadBasic.All (joined teams),
 * Schedule.Read.All (shifts, time off), all already requested by the product.
 */
import type { Shift, TimeOff, TimeRange } from '../../../core/roster/types';
import { type BatchResponse, collectPages, DEFAULT_RETRY_POLICY, expectOk, failureCode, GraphFailure, type RetryPolicy } from '../../graph/graphBatch';
import type { GraphClientLike } from '../../graph/graphClient';
import type { GraphCoalescer } from '../../graph/graphCoalescer';
import { shiftFilters, slicesPerTeam, toShift, toTimeOff } from '../../graph/graphRosterSource';
import { SkillsReadError } from './skillsReader';

const DAY = 86_400_000;
const PERSON_SELECT = 'id,displayName,userPrincipalName';

/** A person as the directory names them. */
export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
}

export interface CrewTeam {
  readonly id: string;
  readonly name: string;
}

/** The signed-in leader, the people they lead and the teams they are in. */
export interface LeaderCrews {
  readonly me: DirectoryPerson;
  readonly reports: readonly DirectoryPerson[];
  readonly teams: readonly CrewTeam[];
}

export interface CrewRoster {
  readonly shifts: readonly Shift[];
  readonly timeOff: readonly TimeOff[];
}

type Raw = Readonly<Record<string, unknown>>;

function record(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function personOf(value: unknown): DirectoryPerson | undefined {
  const raw = record(value);
  const id = text(raw.id);
  return id ? { id, displayName: text(raw.displayName) ?? '', userPrincipalName: (text(raw.userPrincipalName) ?? '').toLowerCase() } : undefined;
}

async function guarded<T>(source: 'directory' | 'roster', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SkillsReadError) {
      throw error;
    }
    const code = error instanceof GraphFailure ? failureCode(error.status) : 'unexpected';
    throw new SkillsReadError(source, code, error instanceof Error ? error.message : String(error));
  }
}

export class CrewRosterReader {
  public constructor(
    private readonly graph: GraphClientLike,
    private readonly batcher: GraphCoalescer,
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY
  ) {}

  private values(response: BatchResponse, what: string): Promise<unknown[]> {
    return collectPages(this.graph, expectOk(response, what), 20, this.retry);
  }

  /** The leader, their direct reports and their teams: one `$batch` (with whatever else the page asks this tick). */
  public leaderCrews(): Promise<LeaderCrews> {
    return guarded('directory', async () => {
      const [meResponse, reportsResponse, teamsResponse] = await Promise.all([
        this.batcher.send({ url: `/me?$select=${PERSON_SELECT}` }),
        this.batcher.send({ url: `/me/directReports?$select=${PERSON_SELECT}` }),
        // Graph takes no query options on joinedTeams.
        this.batcher.send({ url: '/me/joinedTeams' })
      ]);
      const me = personOf(expectOk(meResponse, 'Reading the signed-in user'));
      if (!me) {
        throw new SkillsReadError('directory', 'unexpected', 'Graph returned no id for the signed-in user.');
      }
      const [reports, teams] = await Promise.all([this.values(reportsResponse, 'Reading your direct reports'), this.values(teamsResponse, 'Reading your teams')]);
      return {
        me,
        // A direct report may be a device or a contact: only users with an id count.
        reports: reports.map(personOf).filter((p): p is DirectoryPerson => p !== undefined && p.id !== me.id),
        teams: teams
          .map((t) => ({ id: text(record(t).id), name: text(record(t).displayName) ?? '' }))
          .filter((t): t is CrewTeam => t.id !== undefined)
      };
    });
  }

  /** The published shifts and time off of `teamIds` overlapping `range`: one `$batch`. */
  public crewRoster(teamIds: readonly string[], range: TimeRange): Promise<CrewRoster> {
    return guarded('roster', async () => {
      // Whole UTC days around the range: a shift that began the day before is found too.
      const start = new Date(Math.floor((range.start.getTime() - DAY) / DAY) * DAY).toISOString();
      const end = new Date(Math.ceil((range.end.getTime() + DAY) / DAY) * DAY).toISOString();
      const slices = slicesPerTeam(teamIds.length);
      const perTeam = await Promise.all(
        teamIds.map(async (teamId) => {
          const schedule = `/teams/${encodeURIComponent(teamId)}/schedule`;
          const [offResponse, ...shiftResponses] = await Promise.all([
            this.batcher.send({ url: `${schedule}/timesOff?$filter=sharedTimeOff/startDateTime ge ${start} and sharedTimeOff/endDateTime le ${end}` }),
            ...shiftFilters({ start, end }, slices).map((filter) => this.batcher.send({ url: `${schedule}/shifts?$filter=${filter}` }))
          ]);
          if ([offResponse, ...shiftResponses].some((r) => r.status === 403 || r.status === 404)) {
            return { shifts: [], timeOff: [] };
          }
          const [off, ...slicesRead] = await Promise.all([
            this.values(offResponse, `Reading the time off of team ${teamId}`),
            ...shiftResponses.map((r) => this.values(r, `Reading the shifts of team ${teamId}`))
          ]);
          const shifts = new Map<string, Shift>();
          slicesRead.flat().forEach((value) => {
            const shift = toShift(value, teamId);
            if (shift && !shifts.has(shift.id)) {
              shifts.set(shift.id, shift);
            }
          });
          const timeOff = off.map(toTimeOff).filter((o): o is TimeOff => o !== undefined);
          return { shifts: Array.from(shifts.values()), timeOff };
        })
      );
      return { shifts: perTeam.flatMap((t) => t.shifts), timeOff: perTeam.flatMap((t) => t.timeOff) };
    });
  }
}
