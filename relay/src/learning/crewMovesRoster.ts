/**
 * The roster the learning timer reads, once a run for both of its roster steps (crew moves,
 * `crewMovesStep.ts`; practice at a station, `practiceStep.ts`), from Microsoft Graph with the
 * relay's identity and the grants it has already (docs/relay.md "What the relay's identity needs"):
 *
 * - the crews: `GET /teams?$select=id,displayName` (application `Team.ReadBasic.All`), every page;
 * - each team's published shifts from two weeks back to a week ahead:
 *   `GET /teams/{id}/schedule/shifts?$filter=sharedShift/startDateTime ge … and sharedShift/endDateTime le …`
 *   (application `Schedule.Read.All`), with each shift's person (`userId`), times, whether it is
 *   staged for deletion, and its activities (`code`, times). A team whose schedule answers 403 or
 *   404 (Shifts not set up) is no crew; every team answering 403 is the grant missing, and fails;
 * - the people's user principal names: `GET /users?$select=id,userPrincipalName&$top=999`
 *   (the relay's application `User.Read.All`; `User.ReadBasic.All` would be the least for this
 *   call alone), every page, to find their rows (a learning row names its person
 *   by site user, whose login holds the user principal name).
 *
 * What a run reads is kept for five minutes for the same window, so the two steps of one run
 * read it once.
 */
import type { RosteredShift } from '../../../src/core/learning/rosterPractice';
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError } from '../directory';

/** What the learning timer's roster steps read. */
export interface LearningRosterRead {
  /** Every crew's published shifts in the window, with their people and activities. */
  readonly shifts: readonly RosteredShift[];
  /** Directory id (lower case) → user principal name (lower case). */
  readonly people: ReadonlyMap<string, string>;
}

/** The roster around `now`: two weeks back, a week ahead. */
export type LearningRoster = (now: Date) => Promise<LearningRosterRead>;

const DAY = 86_400_000;
/** Two weeks back: a rotating fortnight, and the practice of a timer that missed runs. */
export const ROSTER_BACK_MS = 14 * DAY;
/** A week ahead: the shifts a person's crews are told by (`crewMovesStep.ts`). */
export const ROSTER_AHEAD_MS = 7 * DAY;
const KEEP_FOR_MS = 5 * 60_000;
const MAX_PAGES = 40;
const PARALLEL_TEAMS = 8;

type Json = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const dateOf = (value: unknown): Date | undefined => {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  return at && !isNaN(at.getTime()) ? at : undefined;
};

/** A published shift of team `teamId` as the rules take it; undefined when it has no person or times. */
export function rosteredShiftOf(row: Json, teamId: string): RosteredShift | undefined {
  const shared = isRecord(row.sharedShift) ? row.sharedShift : undefined;
  const personId = text(row.userId);
  const start = dateOf(shared?.startDateTime);
  const end = dateOf(shared?.endDateTime);
  if (!shared || !personId || !start || !end) {
    return undefined;
  }
  const activities = (Array.isArray(shared.activities) ? shared.activities.filter(isRecord) : []).flatMap((activity) => {
    const from = dateOf(activity.startDateTime);
    const to = dateOf(activity.endDateTime);
    const code = text(activity.code);
    return from && to ? [{ ...(code ? { code } : {}), start: from, end: to }] : [];
  });
  return { personId, teamId, start, end, ...(row.isStagedForDeletion === true ? { cancelled: true } : {}), activities };
}

export function graphLearningRoster(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly fetch?: typeof fetch }): LearningRoster {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  let kept: { readonly at: number; readonly until: number; readonly read: Promise<LearningRosterRead> } | undefined;

  /** Every page from `url`; Graph's 403 or 404 as a number when `missing` allows it. */
  async function pages(url: string, token: string, what: string, missing: boolean): Promise<Json[] | number> {
    const rows: Json[] = [];
    let next: string | undefined = url;
    for (let page = 0; next !== undefined && page < MAX_PAGES; page += 1) {
      const response = await doFetch(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      if (missing && (response.status === 403 || response.status === 404)) {
        return response.status;
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for ${what}.`, response.status);
      }
      const body = (await response.json()) as Json;
      rows.push(...(Array.isArray(body.value) ? body.value.filter(isRecord) : []));
      next = text(body['@odata.nextLink']);
    }
    return rows;
  }

  const rowsOf = (read: Json[] | number): Json[] => (typeof read === 'number' ? [] : read);

  async function read(now: Date): Promise<LearningRosterRead> {
    const token = await options.tokens(GRAPH_RESOURCE);
    const iso = (ms: number): string => new Date(ms).toISOString();
    const teams = rowsOf(await pages(`${root}/teams?$select=id,displayName`, token, 'the teams', false));
    const window = `sharedShift/startDateTime ge ${iso(now.getTime() - ROSTER_BACK_MS)} and sharedShift/endDateTime le ${iso(now.getTime() + ROSTER_AHEAD_MS)}`;
    const schedules: Array<{ id?: string; rows: Json[] | number }> = [];
    for (let at = 0; at < teams.length; at += PARALLEL_TEAMS) {
      const group = teams.slice(at, at + PARALLEL_TEAMS);
      schedules.push(
        ...(await Promise.all(
          group.map(async (team) => {
            const id = text(team.id);
            return { id, rows: id ? await pages(`${root}/teams/${encodeURIComponent(id)}/schedule/shifts?$filter=${window}`, token, "a team's shifts", true) : [] };
          })
        ))
      );
    }
    if (teams.length > 0 && schedules.every((schedule) => schedule.rows === 403)) {
      // Not one schedule readable: the relay lacks Schedule.Read.All, not every team its Shifts.
      throw new GraphCallError("Graph refused every team's schedule (Schedule.Read.All not granted?).", 403);
    }
    const shifts = schedules.flatMap((schedule) =>
      schedule.id === undefined ? [] : rowsOf(schedule.rows).flatMap((row) => rosteredShiftOf(row, schedule.id as string) ?? [])
    );
    const people = new Map<string, string>();
    if (shifts.length > 0) {
      rowsOf(await pages(`${root}/users?$select=id,userPrincipalName&$top=999`, token, 'the people', false)).forEach((row) => {
        const id = text(row.id);
        const upn = text(row.userPrincipalName);
        if (id && upn) people.set(id.toLowerCase(), upn.toLowerCase());
      });
    }
    return { shifts, people };
  }

  return (now) => {
    const at = now.getTime();
    if (!kept || kept.at !== at || Date.now() >= kept.until) {
      const fresh = read(now);
      // A failed read is not kept.
      fresh.catch(() => {
        if (kept?.read === fresh) kept = undefined;
      });
      kept = { at, until: Date.now() + KEEP_FOR_MS, read: fresh };
    }
    return kept.read;
  };
}
