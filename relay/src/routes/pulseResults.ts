/**
 * GET /api/pulse/results
 *   → 200 {viewer: {role, leads}, rounds: [{roundId, surveyId, title, opensAt, closesAt, questions, release} | {…, refused, check?}]}
 *
 * The results of the latest pulse rounds that have opened, computed by the relay from the
 * decrypted answers (docs/relay.md "Pulse results", docs/pulse-results.md). Aggregates only: the
 * release rules are the framework-free core's (`releaseRound`, `viewOf`, `wireRelease`); this route
 * only reads and decides who the caller is. It never publishes and never reads a roster.
 *
 * - **Who sees what, from the token only** (the request has no parameter; a query string never
 *   reaches the route): HR (whoever may author surveys, the rule of `POST /api/pulse/crews`) sees
 *   the whole plant; a person who owns the Teams team of a crew HR named in the round's audience
 *   (`crewKeys`) leads it and sees it and the line and site the roster placed it on when the round
 *   was published; anyone else sees the plant. Never from the answers: leading a crew says nothing
 *   about whether anyone in it answered.
 * - **No watching**: an open round gives participation counts only; so does a closed round until
 *   the timer's closing run has published it (`resultsPublish.ts`: after the closing drain and a
 *   consistent box check, `closingRunDone`). A closed round whose box check is not `consistent` is
 *   refused (`boxCheckFailed`, or `boxCheckPending`).
 * - **Participation rates** only beside the counts the release shows, against the audience the
 *   closing run counted from the rosters and sealed (`resultsAudience.ts`): never from the
 *   answers, never for a group too small to show.
 * - **Questions** carry their words in the product's languages and the survey's (`texts`).
 * - **Comments** carry their thread's opaque id (`relay/src/pulse/threads.ts`); a comment its
 *   author deleted is in no list, one HR hid in no leader's list.
 * - **Published stays published**: figures are computed with the record the closing run sealed
 *   (counts, shift patterns, crews' places, thresholds, who was asked) and held against its counts
 *   (`changedSincePublished`). A round whose boxes carry the published mark but whose record is gone
 *   or another, or whose thresholds sealed at opening are gone, is refused (`boxCheckFailed`; HR
 *   reads `publicationTampered` or `thresholdsRemoved`).
 */
import type { SPFI } from '@pnp/sp';

import { memberLogin } from '../../../src/core/people/claims';
import { cellKey, type Filter } from '../../../src/core/pulse/results/cells';
import { type RoundRelease, releaseRound, viewOf } from '../../../src/core/pulse/results/release';
import type { ResultsRound } from '../../../src/core/pulse/results/types';
import { crewsInAudience, normaliseText } from '../../../src/core/pulse/audience';
import { availabilityOf } from '../../../src/core/pulse/results/watching';
import { type PulseResultsBody, type ResultsViewerBody, type RosterCrew, type RoundResults, wireRelease } from '../../../src/core/pulse/results/wire';
import { LISTS } from '../../../src/core/schema/lists';
import { RELAY_SCOPE } from '../auth';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import { setupGate } from '../setupGate';
import { sharePointProblem } from '../sharepoint';
import { shuffleRandom } from '../pulse/ballotStore';
import { mayAuthorSurveys } from '../pulse/crews';
import type { PulseKeyring } from '../pulse/envelope';
import { readRoundBoxes } from '../pulse/ballotStore';
import { checkRoundBoxes } from '../pulse/integrity';
import { type CrewPlace, type OwnedGroupsSource, type PublishedRecord, entriesOfBoxes, readResultRounds, type ResultRound } from '../pulse/results';
import { publicationOf } from '../pulse/resultsPublish';
import { strictest } from '../pulse/resultsSeal';
import { readRoundThreads, withoutHidden } from '../pulse/threads';

export interface PulseResultsRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The pulse keys; without them no answer can be read (502). */
  readonly keys?: PulseKeyring;
  /** The Teams teams a person owns (the crews they lead). */
  readonly ownedGroups?: OwnedGroupsSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** For shuffling comments; the secure source unless given. */
  readonly random?: () => number;
}

/**
 * The crews the caller leads in a round: the teams they own that HR named in the round's audience
 * (`crewKeys`, trusted configuration), never crews read from the answers, so leading says nothing
 * about who answered. A round whose audience names no crews has no leaders: the rosters' crews are
 * Teams teams anyone can create, fill with colleagues and put on Shifts, and owning one must not
 * open a view of a group its owner chose.
 */
function ledCrews(round: ResultRound, owned: ReadonlySet<string>): Filter[] {
  const named = (round.pulse.audience.crewKeys ?? []).filter((crew) => owned.has(crew.toLowerCase()));
  return Array.from(new Set(named.map((crew) => normaliseText(crew)))).map((value) => ({ dimension: 'crew', value }));
}

/**
 * The round's crews as the rosters knew them when it was published (names and places sealed with
 * the publication), never as the answers place them: HR every crew in the audience's reach, a
 * leader the crews they lead. Listed answered or not, so a crew's absence from the release says
 * only that it is too small to show.
 */
function rosterCrews(round: ResultRound, record: PublishedRecord, leads: readonly Filter[] | undefined): { [crew: string]: RosterCrew } {
  const names = record.crewNames ?? {};
  const keys = Array.from(new Set(Object.keys(record.crewPlaces).concat(Object.keys(names))));
  const named = (round.pulse.audience.crewKeys ?? []).map((crew) => normaliseText(crew));
  const reached = crewsInAudience(
    keys.map((crewKey) => ({ crewKey, siteCode: record.crewPlaces[crewKey]?.site, lineCode: record.crewPlaces[crewKey]?.line })),
    { ...round.pulse.audience, crewKeys: named }
  ).map((crew) => crew.crewKey);
  const allowed = leads ? reached.filter((crew) => leads.some((led) => led.value === crew)) : reached;
  const out: { [crew: string]: RosterCrew } = {};
  allowed.forEach((crew) => {
    const place = record.crewPlaces[crew];
    const name = names[crew];
    out[crew] = { ...(name ? { name } : {}), ...(place ? { site: place.site, line: place.line } : {}) };
  });
  return out;
}

/**
 * A leader's part of the release: their crews, and the line and site above each as the roster
 * placed it when the round was published (never as the answers place it: whether the groups above
 * show would otherwise tell whether anyone in the crew answered); a crew not placed has only the
 * plant above it.
 */
function leaderView(release: RoundRelease, leads: readonly Filter[], places: { readonly [crew: string]: CrewPlace | undefined }): RoundRelease {
  const lineOfCrew: { [crew: string]: string } = { ...release.org.lineOfCrew };
  const siteOfLine: { [line: string]: string } = { ...release.org.siteOfLine };
  leads.forEach((led) => {
    const place = places[led.value];
    if (place) {
      lineOfCrew[led.value] = place.line;
      siteOfLine[place.line] = siteOfLine[place.line] ?? place.site;
    } else {
      delete lineOfCrew[led.value];
    }
  });
  const view = viewOf({ ...release, org: { siteOfLine, lineOfCrew } }, { role: 'leader', leads });
  // The led crews themselves, placed or not (one without answers is too few, as any small one).
  const own = new Set(leads.map((led) => cellKey([led])));
  const add = <T extends { readonly key: string }>(shown: readonly T[], all: readonly T[]): T[] => shown.concat(all.filter((entry) => own.has(entry.key) && !shown.some((s) => s.key === entry.key)));
  return { ...view, groups: add(view.groups, release.groups), participation: add(view.participation, release.participation) };
}

const MISCONFIGURED = (what: string): RelayProblem =>
  new RelayProblem(problem(502, 'relayMisconfigured', `The relay cannot read ${what}. Tell your IT admin.`), new Error(`No ${what} source.`));

export function pulseResultsRoute(options: PulseResultsRouteOptions): UserRoute {
  const log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());
  // The answers' lists must be the relay's alone before it reads or writes there.
  const gate = setupGate(options.site, [LISTS.responses.title, LISTS.participation.title], options.now);

  /** One round as the caller may see it. */
  async function roundResults(sp: SPFI, keys: PulseKeyring, round: ResultRound, who: { hr: boolean; owned: ReadonlySet<string> }, at: Date): Promise<{ body: RoundResults; leads: Filter[] }> {
    const info = {
      roundId: round.pulse.roundId,
      surveyId: round.pulse.surveyId,
      title: round.pulse.title,
      opensAt: round.pulse.opensAt,
      closesAt: round.pulse.closesAt,
      questions: round.questions
    };
    const refuse = (check: string): { body: RoundResults; leads: Filter[] } => ({ body: { ...info, refused: 'boxCheckFailed', ...(who.hr ? { check } : {}) }, leads: [] });
    if (round.thresholdsUnsealed) {
      return refuse('thresholdsRemoved');
    }
    let record: PublishedRecord | undefined;
    // Over (closed, or its time up): the box check, then only what the timer's closing run published.
    // The round's boxes, read once: for the box check and for the figures.
    const boxes = await readRoundBoxes(sp, keys, info.roundId, log);
    if (availabilityOf({ ...round.results, closingRunDone: true }, at) === 'results') {
      const check = await checkRoundBoxes(sp, keys, info.roundId, log, boxes);
      if (check.status !== 'consistent') {
        return { body: { ...info, refused: check.status === 'pending' ? 'boxCheckPending' : 'boxCheckFailed', ...(who.hr ? { check: check.status } : {}) }, leads: [] };
      }
      const publication = await publicationOf(sp, keys, info.roundId, log);
      if (publication.state === 'tampered') {
        return refuse('publicationTampered');
      }
      // Published by the closing run (a box written again since is marked again by the next run).
      record = 'record' in publication ? publication.record : undefined;
    }
    const entries = entriesOfBoxes(boxes);
    // Comment threads: each shown comment's thread id; comments their authors deleted left out.
    const threads = await readRoundThreads(sp, keys, info.roundId, at, log);
    // Until the timer's closing run has published the round, a closed round shows what an open one does: counts only.
    const results: ResultsRound = record
      ? { ...round.results, closingRunDone: true, ...strictest({ minGroupSize: round.results.minGroupSize, minCommentGroupSize: round.results.minCommentGroupSize }, record.thresholds) }
      : { ...round.results, closingRunDone: false };
    const release = releaseRound(
      { round: results, questions: round.questions, answers: entries.answers, comments: threads.shownToOthers(entries.comments), crewPatterns: record?.crewPatterns ?? {} },
      { now: at, random: options.random ?? shuffleRandom, published: record?.published, audience: record?.audience, threadIdOf: threads.threadIdOf }
    );
    const leads = who.hr ? [] : ledCrews(round, who.owned);
    const crews = record && (who.hr || leads.length > 0) ? rosterCrews(round, record, who.hr ? undefined : leads) : undefined;
    const view = who.hr ? viewOf(release, { role: 'hr' }) : leads.length > 0 ? withoutHidden(leaderView(release, leads, record?.crewPlaces ?? {}), threads) : viewOf(release, { role: 'employee' });
    return { body: { ...info, release: wireRelease(view), ...(crews ? { crews } : {}) }, leads };
  }

  async function results(userPrincipalName: string): Promise<RelayAnswer> {
    const keys = options.keys;
    if (!keys) {
      throw new RelayProblem(problem(502, 'relayMisconfigured', 'The relay has no pulse keys (SE_PULSE_KEYS). Tell your IT admin.'), new Error('SE_PULSE_KEYS is not set.'));
    }
    const refusal = await gate.refusal();
    if (refusal) {
      return refusal;
    }
    const sp = options.site();
    const at = now();
    const hr = await mayAuthorSurveys(sp, memberLogin(userPrincipalName));
    if (hr === undefined) {
      return problem(409, 'notSetUp', 'The engagement site has no pulse question bank yet. Tell your IT admin.');
    }
    const ownedGroups = options.ownedGroups;
    if (!ownedGroups) {
      throw MISCONFIGURED('the directory');
    }
    const [rounds, owned] = await Promise.all([readResultRounds(sp, keys, at, log), hr ? Promise.resolve(new Set<string>()) : ownedGroups(userPrincipalName)]);
    const out: RoundResults[] = [];
    const leads = new Map<string, Filter>();
    for (const round of rounds) {
      const one = await roundResults(sp, keys, round, { hr, owned }, at);
      out.push(one.body);
      one.leads.forEach((filter) => leads.set(filter.value, filter));
    }
    const viewer: ResultsViewerBody = hr ? { role: 'hr', leads: [] } : leads.size > 0 ? { role: 'leader', leads: Array.from(leads.values()) } : { role: 'employee', leads: [] };
    const body: PulseResultsBody = { viewer, rounds: out };
    return { status: 200, body };
  }

  return {
    method: 'GET',
    path: '/api/pulse/results',
    userToken: { scope: RELAY_SCOPE },
    body: 'none',
    rateLimit: RATE_LIMITS.pulseResults,
    handle: async ({ caller }) => {
      try {
        return await results(caller.userPrincipalName);
      } catch (error) {
        // Graph's refusals carry their status as SharePoint's do: a missing grant is 502, busy 503.
        throw error instanceof RelayProblem ? error : sharePointProblem(error, 'compute the pulse results');
      }
    }
  };
}
