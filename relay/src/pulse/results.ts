/**
 * What the pulse results are computed from, read with the relay's own identity
 * (docs/relay.md "Pulse results"):
 *
 * - **the rounds**: the latest rounds that have opened, with their survey and questions, each only
 *   when trusted (`trustedConfig.ts`), with the thresholds locked on the round;
 * - **the answers**: every box and the inbox of the round (`readRoundBoxes`; only items the relay
 *   wrote), each token once (`distinctEntries`);
 * - **the crews' shift patterns**: from the crews' Shifts rosters (`crews.ts`): a crew with a shift
 *   on a Saturday or Sunday in the four weeks read works a `continuous` pattern, one with shifts on
 *   weekdays only a `weekday` pattern; a crew with none is `unknown`;
 * - **the published record**: when a round's figures are first published, the counts released
 *   (`published`) and the pattern map they were computed with are kept in SE_Responses, in the
 *   round's own place `<roundId>:published` (Title and BoxKey), sealed like a box and bound to that
 *   place. Its plain text is a ballot box with no entries, so whatever reads the round's boxes
 *   counts nothing from it. Only a record the relay wrote (Author and Editor its own identity,
 *   `ownIdentity.ts`) that opens counts; of several, the oldest stands.
 * - **who leads which crew**: the Teams teams (Microsoft 365 groups) the caller owns,
 *   `GET /users/{upn}/ownedObjects?$select=id` (application `User.Read.All`, the relay's grant,
 *   least privileged for that call in Graph's permissions reference).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import type { RoundStatus } from '../../../src/core/models/pulse';
import { answerEntries, commentEntries, distinctEntries, parseBox } from '../../../src/core/pulse/ballot';
import type { CrewPatterns, ResultsQuestion, ResultsRound, RoundData } from '../../../src/core/pulse/results/types';
import type { PublishedCounts } from '../../../src/core/pulse/results/watching';
import { LISTS } from '../../../src/core/schema/lists';
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError } from '../directory';
import { readRoundBoxes } from './ballotStore';
import type { CrewRoster } from './crews';
import { boxContext, type PulseKeyring } from './envelope';
import { relayLogin } from './ownIdentity';
import { type PulseRound, readQuestions, readRound } from './rounds';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from './trustedConfig';

const ROUNDS = LISTS.surveyRounds;
const RESPONSES = LISTS.responses;

type Row = Record<string, unknown>;
type Log = (line: string) => void;

/** Rounds answered at most per call: enough for a trend, small enough to compute at once. */
export const RESULT_ROUNDS = 6;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A round the results may be asked for: its survey's facts and the round's own. */
export interface ResultRound {
  readonly pulse: PulseRound;
  readonly results: ResultsRound;
  readonly questions: readonly ResultsQuestion[];
}

const STATUSES: readonly RoundStatus[] = ['scheduled', 'open', 'closed'];

/** The latest trusted rounds that have opened (by `OpensAt`, newest first), with survey and questions. */
export async function readResultRounds(sp: SPFI, now: Date, log: Log): Promise<ResultRound[]> {
  const read = await sp.web.lists
    .getByTitle(ROUNDS.title)
    .items.select('ID', ROUNDS.fields.opensAt, ROUNDS.fields.status, ROUNDS.fields.thresholdsLocked, ...EDITOR_COLUMNS)
    .expand(EDITOR)
    .orderBy('ID', false)
    .top(500)<Row[]>();
  const rows = (await trustedRows(sp, ROUNDS.title, read, log))
    .filter((row) => Date.parse(str(row[ROUNDS.fields.opensAt])) <= now.getTime() && row[ROUNDS.fields.status] !== 'scheduled' && row[ROUNDS.fields.thresholdsLocked] === true)
    .sort((a, b) => Date.parse(str(b[ROUNDS.fields.opensAt])) - Date.parse(str(a[ROUNDS.fields.opensAt])));
  const out: ResultRound[] = [];
  for (const row of rows) {
    if (out.length >= RESULT_ROUNDS) {
      break;
    }
    // The round with its survey, each trusted (a survey a member wrote counts for nothing).
    const pulse = await readRound(sp, Number(row.ID), now, log);
    if (!pulse) {
      continue;
    }
    const status = STATUSES.indexOf(row[ROUNDS.fields.status] as RoundStatus) >= 0 ? (row[ROUNDS.fields.status] as RoundStatus) : 'open';
    const questions = (await readQuestions(sp, pulse, log)).map((q) => ({ key: q.key, driver: q.driver, kind: q.kind }) as ResultsQuestion);
    out.push({
      pulse,
      questions,
      results: {
        id: pulse.roundId,
        status,
        closesAt: pulse.closesAt,
        thresholdsLocked: true,
        minGroupSize: pulse.minGroupSize,
        minCommentGroupSize: pulse.minCommentGroupSize
      }
    });
  }
  return out;
}

/** The round's answers and comments: every box and the inbox the relay wrote, each token once. */
export async function readRoundEntries(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<Pick<RoundData, 'answers' | 'comments'>> {
  const entries = distinctEntries(await readRoundBoxes(sp, keys, roundId, log));
  return { answers: answerEntries(entries), comments: commentEntries(entries) };
}

/** The shift pattern of each crew, from its roster (above). */
export function crewPatternsOf(rosters: readonly CrewRoster[]): CrewPatterns {
  const patterns: { [crew: string]: string } = {};
  rosters.forEach((roster) => {
    if (roster.shifts.length === 0) {
      return;
    }
    // A shift counts on the day of its middle (a night from Sunday to Monday is Monday's).
    const weekend = roster.shifts.some((shift) => {
      const middle = new Date((Date.parse(shift.start) + Date.parse(shift.end)) / 2).getUTCDay();
      return middle === 0 || middle === 6;
    });
    patterns[roster.teamId.toLowerCase()] = weekend ? 'continuous' : 'weekday';
  });
  return patterns;
}

/** The pattern map keyed as the entries name crews (team ids as stored; Graph's ids compared without case). */
export function patternsForEntries(patterns: CrewPatterns, crews: readonly string[]): CrewPatterns {
  const out: { [crew: string]: string } = {};
  crews.forEach((crew) => {
    const pattern = patterns[crew.toLowerCase()];
    if (pattern !== undefined) {
      out[crew] = pattern;
    }
  });
  return out;
}

/** What the relay keeps of a round's first publication. */
export interface PublishedRecord {
  readonly published: PublishedCounts;
  readonly crewPatterns: CrewPatterns;
}

/** The published record's place: its Title, BoxKey and the place its envelope is bound to. */
export function publishedPlace(roundId: number): string {
  return `${roundId}:published`;
}

function countsOf(value: unknown): { [key: string]: number } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const out: { [key: string]: number } = {};
  for (const [key, count] of Object.entries(value as Row)) {
    if (typeof count !== 'number') {
      return undefined;
    }
    out[key] = count;
  }
  return out;
}

function patternsOfRecord(value: unknown): { [crew: string]: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const out: { [crew: string]: string } = {};
  for (const [crew, pattern] of Object.entries(value as Row)) {
    if (typeof pattern !== 'string') {
      return undefined;
    }
    out[crew] = pattern;
  }
  return out;
}

/** The round's published record: the oldest the relay wrote (and last wrote) that opens; undefined when none. */
export async function readPublished(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<PublishedRecord | undefined> {
  const place = publishedPlace(roundId);
  const [own, rows] = await Promise.all([
    relayLogin(sp),
    sp.web.lists
      .getByTitle(RESPONSES.title)
      .items.select('ID', 'Title', RESPONSES.fields.envelope, 'Author/Name', 'Editor/Name')
      .expand('Author', 'Editor')
      .filter(`${RESPONSES.fields.boxKey} eq '${place}'`)
      .orderBy('ID', true)
      .top(100)<Row[]>()
  ]);
  const nameOf = (value: unknown): string => String((value as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase();
  for (const row of rows) {
    if (nameOf(row.Author) !== own || nameOf(row.Editor) !== own || row.Title !== place) {
      log(`pulse results: SE_Responses item ${String(row.ID)} at ${place} is not used: the relay did not write it.`);
      continue;
    }
    try {
      const plain = keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, place));
      parseBox(plain);
      const value = JSON.parse(plain) as { published?: unknown; crewPatterns?: unknown };
      const published = countsOf(value.published);
      const crewPatterns = patternsOfRecord(value.crewPatterns);
      if (published && crewPatterns) {
        return { published, crewPatterns };
      }
      log(`pulse results: SE_Responses item ${String(row.ID)} at ${place} holds no published record.`);
    } catch (error) {
      log(`pulse results: SE_Responses item ${String(row.ID)} at ${place} does not open: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return undefined;
}

/** Keeps the round's first publication; the record that stands afterwards (another call's, when two published at once). */
export async function writePublished(sp: SPFI, keys: PulseKeyring, round: { readonly roundId: number; readonly surveyId: number }, record: PublishedRecord, log: Log): Promise<PublishedRecord> {
  const place = publishedPlace(round.roundId);
  // An empty ballot box to whatever reads the round's boxes; the record beside its entries.
  const plain = JSON.stringify({ version: 1, entries: [], published: record.published, crewPatterns: record.crewPatterns });
  await sp.web.lists.getByTitle(RESPONSES.title).items.add({
    Title: place,
    [RESPONSES.fields.roundId]: round.roundId,
    [RESPONSES.fields.surveyId]: round.surveyId,
    [RESPONSES.fields.boxKey]: place,
    [RESPONSES.fields.envelope]: keys.seal(plain, boxContext(round.roundId, place))
  });
  return (await readPublished(sp, keys, round.roundId, log)) ?? record;
}

/** The ids of the Microsoft 365 groups (Teams teams) the person owns, lower case. */
export type OwnedGroupsSource = (userPrincipalName: string) => Promise<ReadonlySet<string>>;

/** Pages of owned objects read at most (999 is no page size ownedObjects promises; Graph's own pages are followed). */
const MAX_OWNED_PAGES = 20;

export function graphOwnedGroups(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly fetch?: typeof fetch }): OwnedGroupsSource {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return async (userPrincipalName) => {
    const token = await options.tokens(GRAPH_RESOURCE);
    const owned = new Set<string>();
    let next: string | undefined = `${root}/users/${encodeURIComponent(userPrincipalName)}/ownedObjects?$select=id`;
    for (let page = 0; next !== undefined && page < MAX_OWNED_PAGES; page += 1) {
      const response = await doFetch(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      if (response.status === 404) {
        return owned;
      }
      if (!response.ok) {
        throw new GraphCallError(`Graph answered ${response.status} for the owned objects.`, response.status);
      }
      const body = (await response.json()) as { value?: Array<{ id?: unknown; '@odata.type'?: unknown }>; '@odata.nextLink'?: unknown };
      (body.value ?? []).forEach((item) => {
        if (item['@odata.type'] === '#microsoft.graph.group' && typeof item.id === 'string') {
          owned.add(item.id.toLowerCase());
        }
      });
      next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
    }
    return owned;
  };
}
