/**
 * What the pulse results are computed from, read with the relay's own identity
 * (docs/relay.md "Pulse results"):
 *
 * - **the rounds**: the latest rounds that have opened, with their survey and questions, each only
 *   when trusted (`trustedConfig.ts`), with the strictest of the thresholds on the round's row and
 *   those the timer sealed when it opened the round (`resultsSeal.ts`); each question with its
 *   words in the product's languages and the survey's, so the page shows them without a read of
 *   its own (`resultLanguages`);
 * - **the answers**: every box and the inbox of the round (`readRoundBoxes`; only items the relay
 *   wrote), each token once (`distinctEntries`), in the order of their tokens;
 * - **the crews' shift patterns** (read by the timer when it publishes, `resultsPublish.ts`): from
 *   the crews' Shifts rosters (`crews.ts`): a crew with a shift on a Saturday or Sunday in the four
 *   weeks read works a `continuous` pattern, one with shifts on weekdays only a `weekday` pattern;
 *   a crew with none is `unknown`;
 * - **the published record**: when the timer's closing run publishes a round, the counts released
 *   (`published`), the pattern map, each crew's site, line and name, the thresholds and who was
 *   asked in each group shown (`audience`, `resultsAudience.ts`) are kept in
 *   SE_Responses, in the round's own place `<roundId>:published` (Title and BoxKey), sealed like a
 *   box and bound to that place, and its digest is sealed into every box of the round
 *   (`resultsSeal.ts`). Its plain text is a ballot box with no entries, so whatever reads the
 *   round's boxes counts nothing from it. Only a record the relay wrote (Author and Editor its own
 *   identity, `ownIdentity.ts`) that opens counts; of several, the oldest stands.
 * - **who leads which crew**: the Teams teams (Microsoft 365 groups) the caller owns,
 *   `GET /users/{upn}/ownedObjects?$select=id` (application `User.Read.All`, the relay's grant,
 *   least privileged for that call in Graph's permissions reference).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { SHIPPED_LANGUAGES } from '../../../src/core/models/common';
import type { RoundStatus } from '../../../src/core/models/pulse';
import { answerEntries, type BallotBox, commentEntries, distinctEntries } from '../../../src/core/pulse/ballot';
import type { CrewPatterns, ResultsQuestion, ResultsRound, RoundData } from '../../../src/core/pulse/results/types';
import type { Thresholds } from '../../../src/core/pulse/results/minimumSize';
import { type AudienceCounts, parseAudienceCounts } from '../../../src/core/pulse/results/participation';
import type { PublishedCounts } from '../../../src/core/pulse/results/watching';
import { LISTS } from '../../../src/core/schema/lists';
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError } from '../directory';
import { readRoundBoxes } from './ballotStore';
import type { CrewRoster } from './crews';
import type { PulseKeyring } from './envelope';
import { relayLogin } from './ownIdentity';
import { digestOf, readSealedPlace, readSealedThresholds, strictest, writeSealedPlace } from './resultsSeal';
import { type PulseRound, readQuestions, readRound } from './rounds';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from './trustedConfig';

const ROUNDS = LISTS.surveyRounds;

type Row = Record<string, unknown>;
type Log = (line: string) => void;

/** Rounds answered at most per call: enough for a trend, small enough to compute at once. */
export const RESULT_ROUNDS = 6;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A round the results may be asked for: its survey's facts and the round's own. */
export interface ResultRound {
  readonly pulse: PulseRound;
  /** The round's facts, thresholds the strictest of its row and what the timer sealed at opening. */
  readonly results: ResultsRound;
  readonly questions: readonly ResultsQuestion[];
  /** The relay opened the round (its row's author) but its sealed thresholds are gone: deleted by someone. */
  readonly thresholdsUnsealed: boolean;
}

const STATUSES: readonly RoundStatus[] = ['scheduled', 'open', 'closed'];

/**
 * The languages the results carry each question's words in: the product's (the page may be in
 * any of them, whatever the survey asked in) and the survey's own, lower case.
 */
export function resultLanguages(round: Pick<PulseRound, 'languages'>): string[] {
  const tags = (SHIPPED_LANGUAGES as readonly string[]).concat(round.languages.map((tag) => tag.toLowerCase()));
  return tags.filter((tag, index) => tag !== '' && tags.indexOf(tag) === index);
}

/**
 * The latest trusted rounds that have opened (by `OpensAt`, newest first), with survey and
 * questions, and the thresholds sealed at opening.
 */
export async function readResultRounds(sp: SPFI, keys: PulseKeyring, now: Date, log: Log): Promise<ResultRound[]> {
  const [own, read] = await Promise.all([
    relayLogin(sp),
    sp.web.lists
      .getByTitle(ROUNDS.title)
      .items.select('ID', ROUNDS.fields.opensAt, ROUNDS.fields.status, ROUNDS.fields.thresholdsLocked, 'Author/Name', ...EDITOR_COLUMNS)
      .expand(EDITOR, 'Author')
      .orderBy('ID', false)
      .top(500)<Row[]>()
  ]);
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
    const [questions, sealed] = await Promise.all([readQuestions(sp, pulse, log, resultLanguages(pulse)), readSealedThresholds(sp, keys, pulse.roundId, log)]);
    const openedByRelay = String((row.Author as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase() === own;
    const thresholds = strictest({ minGroupSize: pulse.minGroupSize, minCommentGroupSize: pulse.minCommentGroupSize }, sealed);
    out.push({
      pulse,
      questions: questions.map((q) => ({ key: q.key, driver: q.driver, kind: q.kind, texts: q.texts }) as ResultsQuestion),
      results: { id: pulse.roundId, status, closesAt: pulse.closesAt, thresholdsLocked: true, ...thresholds },
      thresholdsUnsealed: openedByRelay && sealed === undefined
    });
  }
  return out;
}

/**
 * The round's answers and comments: every box and the inbox the relay wrote, each token once, in
 * the order of their tokens. The release's checks may withhold one cell or another depending on the
 * order they meet the answers in; the boxes are shuffled at every write, so without a fixed order
 * the same answers could give a release other than the one published.
 */
export async function readRoundEntries(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<Pick<RoundData, 'answers' | 'comments'>> {
  return entriesOfBoxes(await readRoundBoxes(sp, keys, roundId, log));
}

/** The same, from boxes already read (the box check's). */
export function entriesOfBoxes(boxes: readonly BallotBox[]): Pick<RoundData, 'answers' | 'comments'> {
  const entries = distinctEntries(boxes).sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
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

/** Where the roster placed a crew at the round's close (site and line codes as the entries write them). */
export interface CrewPlace {
  readonly site: string;
  readonly line: string;
}

/** What the relay keeps of a round's publication, sealed by the timer's closing run. */
export interface PublishedRecord {
  readonly published: PublishedCounts;
  readonly crewPatterns: CrewPatterns;
  /** The thresholds the round was published with (locked at opening, never lowered). */
  readonly thresholds: Thresholds;
  /** Each crew's site and line from the roster at the close: the groups above it a leader sees. */
  readonly crewPlaces: { readonly [crew: string]: CrewPlace | undefined };
  /**
   * Each rostered crew's Teams name at the close (keyed as `crewPlaces`), from the rosters, never
   * from the answers: the results name crews by it, and list those the rosters know, answered or not.
   */
  readonly crewNames?: { readonly [crew: string]: string | undefined };
  /**
   * Who was asked in each group the release showed at publication whose members the rosters tell
   * (`resultsAudience.ts`): the results' participation rates. Records published before it was
   * kept, or of an audience the rosters cannot tell, have none: no rates.
   */
  readonly audience?: AudienceCounts;
}

/** The published record's place: its Title, BoxKey and the place its envelope is bound to. */
export function publishedPlace(roundId: number): string {
  return `${roundId}:published`;
}

function recordOf<T>(value: unknown, item: (entry: unknown) => entry is T): { [key: string]: T } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const out: { [key: string]: T } = {};
  for (const [key, entry] of Object.entries(value as Row)) {
    if (!item(entry)) {
      return undefined;
    }
    out[key] = entry;
  }
  return out;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isString = (value: unknown): value is string => typeof value === 'string';
const isPlace = (value: unknown): value is CrewPlace => typeof value === 'object' && value !== null && isString((value as Row).site) && isString((value as Row).line);

/** The round's published record and the digest its boxes' mark names; undefined when none stands. */
export async function readPublished(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<{ record: PublishedRecord; digest: string } | undefined> {
  const plain = await readSealedPlace(sp, keys, roundId, publishedPlace(roundId), log);
  if (plain === undefined) {
    return undefined;
  }
  const value = JSON.parse(plain) as { published?: unknown; crewPatterns?: unknown; thresholds?: unknown; crewPlaces?: unknown; crewNames?: unknown; audience?: unknown };
  const published = recordOf(value.published, isNumber);
  const crewPatterns = recordOf(value.crewPatterns, isString);
  const thresholds = recordOf(value.thresholds, isNumber);
  const crewPlaces = recordOf(value.crewPlaces, isPlace);
  if (!published || !crewPatterns || !thresholds || !crewPlaces || !isNumber(thresholds.minGroupSize) || !isNumber(thresholds.minCommentGroupSize)) {
    log(`pulse results: the published record of round ${roundId} is not one.`);
    return undefined;
  }
  // Records published before names were kept have none: the crews show by their keys.
  const crewNames = recordOf(value.crewNames, (entry): entry is string => typeof entry === 'string') ?? {};
  const audience = parseAudienceCounts(value.audience);
  return {
    record: { published, crewPatterns, crewPlaces, crewNames, audience, thresholds: { minGroupSize: thresholds.minGroupSize, minCommentGroupSize: thresholds.minCommentGroupSize } },
    digest: digestOf(plain)
  };
}

/** Keeps the round's publication; the record that stands afterwards (the oldest, when two runs published at once). */
export async function writePublished(sp: SPFI, keys: PulseKeyring, round: { readonly roundId: number; readonly surveyId: number }, record: PublishedRecord, log: Log): Promise<{ record: PublishedRecord; digest: string } | undefined> {
  await writeSealedPlace(sp, keys, round, publishedPlace(round.roundId), record);
  return readPublished(sp, keys, round.roundId, log);
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
