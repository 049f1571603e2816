/**
 * The crews HR can put in a pulse audience, and what the shortest round needs to know of each
 * (docs/relay.md "Crews for HR"), read from Microsoft Graph with the relay's identity: HR is
 * rarely on a crew's roster, so the page cannot read the crews' schedules as HR.
 *
 * A crew is what it is everywhere in the product (`src/core/plant/types.ts`, `facts.ts`): a Teams
 * team whose Shifts schedule has shifts. So:
 *
 * - the teams: `GET /teams?$select=id,displayName` (application `Team.ReadBasic.All`, least
 *   privileged for it), every page;
 * - each team's shifts over the five weeks from yesterday (UTC):
 *   `GET /teams/{id}/schedule/shifts?$filter=sharedShift/startDateTime ge … and sharedShift/endDateTime le …`
 *   (application `Schedule.Read.All`, as the answers and reminders). A team with none, or whose
 *   schedule answers 403 or 404 (Shifts never set up), is no crew; every team answering 403 is the
 *   permission not granted, and fails;
 * - the rostered people's department and office location, to place a crew on the plant map:
 *   `GET /users?$select=id,department,officeLocation` (application `User.Read.All`, the relay's grant).
 *
 * What leaves this module is per crew: its id, its name, the site and line most of its rostered
 * people work on (when the plant map tells), and its own shortest round (`roundLength.ts`), over
 * one period of its pattern when the four weeks from the plant's today show it
 * (`repeatingPeriodDays`), else over the four weeks.
 * Never a person, never a shift. The Graph reads are kept 15 minutes per relay instance.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security/item';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { holds } from '../../../src/connectors/sharepoint/recognition/adminRights';
import { lineForDepartment, siteForOffice } from '../../../src/core/plant/workplace';
import type { PlantMap } from '../../../src/core/plant/types';
import { minimumRoundLengthFromShifts, repeatingPeriodDays } from '../../../src/core/pulse/roundLength';
import { formatLocalDate, localDateOf } from '../../../src/core/pulse/zonedTime';
import type { Shift } from '../../../src/core/roster/types';
import { LISTS } from '../../../src/core/schema/lists';
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError } from '../directory';

/** What the rule and the placement need of one crew, inside the relay only. */
export interface CrewRoster {
  readonly teamId: string;
  readonly name: string;
  /** The crew's shifts (start and end only; who works them is not kept). */
  readonly shifts: readonly Shift[];
  /** Each rostered person's directory department and office location, once per person. */
  readonly people: ReadonlyArray<{ readonly department?: string; readonly officeLocation?: string }>;
}

/** The crews' rosters around `at` (the relay's clock). */
export type CrewRosterSource = (at: Date) => Promise<CrewRoster[]>;

/** One crew as the route answers it. */
export interface CrewSummary {
  readonly crewKey: string;
  readonly name: string;
  readonly siteCode?: string;
  readonly lineCode?: string;
  /** The crew's own shortest round in whole days; null when its period held no shift. */
  // eslint-disable-next-line @rushstack/no-new-null -- JSON has no undefined: the page reads null as "cannot tell"
  readonly minimumRoundDays: number | null;
}

export interface CrewsAnswer {
  readonly periodStart: string;
  readonly periodDays: number;
  readonly crews: CrewSummary[];
}

const DAY = 86_400_000;
/** The roster period the shortest round is computed over: four weeks (as the page did before). */
export const CREW_PERIOD_DAYS = 28;
/** Read from yesterday (UTC) for 31 days: the period in any time zone, and its last shift's end. */
const READ_BEFORE_MS = DAY;
const READ_DAYS = CREW_PERIOD_DAYS + 3;
const KEEP_FOR_MS = 15 * 60_000;
/** Pages of one team's shifts read at most. */
const MAX_SHIFT_PAGES = 40;
/** Teams' schedules read at the same time. */
const PARALLEL_TEAMS = 8;

type Row = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (read: Row[] | number): Row[] => (typeof read === 'number' ? [] : read);

export interface CrewRosterOptions {
  readonly graphUrl?: string;
  readonly tokens: TokenProvider;
  readonly fetch?: typeof fetch;
}

/** Runs `work` over `items`, `parallel` at a time, in order. */
async function inTurns<T, R>(items: readonly T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      out[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return out;
}

export function graphCrewRosters(options: CrewRosterOptions): CrewRosterSource {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  let kept: { readonly from: number; readonly until: number; readonly rosters: Promise<CrewRoster[]> } | undefined;

  /** Every page from `url`; Graph's 403 or 404 as a number when `missing` allows it. */
  async function pages(url: string, token: string, what: string, maxPages: number, missing: boolean): Promise<Row[] | number> {
    const rows: Row[] = [];
    let next: string | undefined = url;
    for (let page = 0; next !== undefined && page < maxPages; page += 1) {
      const response = await doFetch(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      if (missing && (response.status === 403 || response.status === 404)) {
        return response.status;
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for ${what}.`, response.status);
      }
      const body = (await response.json()) as Row;
      rows.push(...(Array.isArray(body.value) ? body.value.filter(isRecord) : []));
      next = text(body['@odata.nextLink']);
    }
    return rows;
  }

  async function read(from: number): Promise<CrewRoster[]> {
    const token = await options.tokens(GRAPH_RESOURCE);
    const iso = (ms: number): string => new Date(ms).toISOString();
    const teams = rowsOf(await pages(`${root}/teams?$select=id,displayName`, token, 'the teams', Infinity, false));
    const window = `sharedShift/startDateTime ge ${iso(from)} and sharedShift/endDateTime le ${iso(from + READ_DAYS * DAY)}`;
    const schedules = await inTurns(teams, PARALLEL_TEAMS, async (team) => {
      const id = text(team.id);
      const rows = id ? await pages(`${root}/teams/${encodeURIComponent(id)}/schedule/shifts?$filter=${window}`, token, 'a team\'s shifts', MAX_SHIFT_PAGES, true) : [];
      return { id, name: text(team.displayName), rows };
    });
    if (teams.length > 0 && schedules.every((schedule) => schedule.rows === 403)) {
      // Not one schedule readable: the relay lacks Schedule.Read.All, not every team its Shifts.
      throw new GraphCallError('Graph refused every team\'s schedule (Schedule.Read.All not granted?).', 403);
    }
    const crews = schedules.filter((schedule) => schedule.id !== undefined && rowsOf(schedule.rows).length > 0);
    if (crews.length === 0) {
      return [];
    }
    const directory = new Map<string, Row>();
    for (const person of rowsOf(await pages(`${root}/users?$select=id,department,officeLocation&$top=999`, token, 'the people', Infinity, false))) {
      const id = text(person.id);
      if (id) {
        directory.set(id.toLowerCase(), person);
      }
    }
    return crews.map((crew) => {
      const shifts: Shift[] = [];
      const rostered = new Set<string>();
      for (const row of rowsOf(crew.rows)) {
        const shared = isRecord(row.sharedShift) ? row.sharedShift : {};
        const start = text(shared.startDateTime);
        const end = text(shared.endDateTime);
        if (start && end) {
          shifts.push({ id: text(row.id) ?? `${shifts.length}`, start: new Date(start).toISOString(), end: new Date(end).toISOString(), status: 'scheduled' });
        }
        const person = text(row.userId)?.toLowerCase();
        if (person) {
          rostered.add(person);
        }
      }
      const people = [...rostered].map((id) => directory.get(id) ?? {}).map((person) => ({ department: text(person.department), officeLocation: text(person.officeLocation) }));
      return { teamId: crew.id as string, name: crew.name ?? (crew.id as string), shifts, people };
    });
  }

  return (at) => {
    const from = Math.floor(at.getTime() / DAY) * DAY - READ_BEFORE_MS;
    const now = at.getTime();
    if (!kept || kept.from !== from || now >= kept.until || now < kept.until - KEEP_FOR_MS) {
      const rosters = read(from);
      const mine = { from, until: now + KEEP_FOR_MS, rosters };
      // A failed read is not kept.
      rosters.catch(() => {
        if (kept === mine) {
          kept = undefined;
        }
      });
      kept = mine;
    }
    return kept.rosters;
  };
}

/** The code most of `codes` hold (more than half of them all), if one does. */
function most(codes: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  codes.forEach((code) => code !== undefined && counts.set(code, (counts.get(code) ?? 0) + 1));
  return [...counts].find(([, count]) => count * 2 > codes.length)?.[0];
}

/** Where the plant map places a crew: the line (and its site) most of its people work on, else the site most of them are at. */
function placeOf(roster: CrewRoster, map: PlantMap): { siteCode?: string; lineCode?: string } {
  const sites = roster.people.map((person) => siteForOffice(map, person.officeLocation)?.code);
  const lines = roster.people.map((person, index) => lineForDepartment(map, person.department, sites[index]));
  const lineCode = most(lines.map((line) => line?.code));
  const line = lines.find((candidate) => candidate?.code === lineCode);
  const siteCode = line?.siteCode ?? most(sites);
  return { ...(siteCode !== undefined ? { siteCode } : {}), ...(lineCode !== undefined ? { lineCode } : {}) };
}

/**
 * The crews as the route answers them, for rounds opening at `opensAt` in `timeZone`: each one's
 * shortest round over the four weeks from the plant's today, by name.
 */
export function summariseCrews(rosters: readonly CrewRoster[], map: PlantMap, round: { readonly opensAt: string; readonly timeZone: string; readonly at: Date }): CrewsAnswer {
  const periodStart = formatLocalDate(localDateOf(round.timeZone, round.at));
  const crews = rosters.map((roster) => {
    const window = { periodStart, periodDays: CREW_PERIOD_DAYS, timeZone: round.timeZone };
    // One period of the crew's pattern when the four weeks show it (the rule takes its period to repeat).
    const periodDays = repeatingPeriodDays(roster.shifts, window) ?? CREW_PERIOD_DAYS;
    const minimum = minimumRoundLengthFromShifts([roster.shifts], { ...window, periodDays, opensAt: round.opensAt });
    return { crewKey: roster.teamId, name: roster.name, ...placeOf(roster, map), minimumRoundDays: minimum.ok ? minimum.minimumDays : null };
  });
  crews.sort((a, b) => (a.siteCode ?? '~').localeCompare(b.siteCode ?? '~') || (a.lineCode ?? '~').localeCompare(b.lineCode ?? '~') || a.name.localeCompare(b.name));
  return { periodStart, periodDays: CREW_PERIOD_DAYS, crews };
}

/** `SPBasePermissions` kinds: add and edit items, Override List Behaviors (CancelCheckout). */
const ADD_LIST_ITEMS = 2;
const EDIT_LIST_ITEMS = 3;
const OVERRIDE_LIST_BEHAVIORS = 9;

/**
 * Whether the person (claims `login`) may author pulse surveys, by the rule HR's admin part
 * shows (`src/connectors/sharepoint/pulseAdminStore.ts`): on the site, add and edit items and
 * Override List Behaviors (HR at Design, site owners; SE_Surveys' item rules bind everyone else).
 * Asked with `getUserEffectivePermissions` on the question bank's first item, as
 * `trustedConfig.ts` asks: the product's lists and items inherit the site's permissions.
 * Undefined when the question bank has no item to ask on (the package's lists are not there).
 */
export async function mayAuthorSurveys(sp: SPFI, login: string): Promise<boolean | undefined> {
  const questions = sp.web.lists.getByTitle(LISTS.questions.title);
  const [first] = await questions.items.select('ID').orderBy('ID', true).top(1)<Array<{ ID: number }>>();
  if (!first) {
    return undefined;
  }
  try {
    const mask = await questions.items.getById(first.ID).getUserEffectivePermissions(login.replace(/'/g, "''"));
    return holds(mask, OVERRIDE_LIST_BEHAVIORS) && holds(mask, ADD_LIST_ITEMS) && holds(mask, EDIT_LIST_ITEMS);
  } catch (error) {
    // A login SharePoint does not know may do nothing.
    if (httpStatusOf(error) === 404) {
      return false;
    }
    throw error;
  }
}
