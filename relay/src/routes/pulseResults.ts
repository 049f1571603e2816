/**
 * GET /api/pulse/results
 *   → 200 {viewer: {role, leads}, rounds: [{roundId, surveyId, title, opensAt, closesAt, questions, release} | {…, refused, check?}]}
 *
 * The results of the latest pulse rounds that have opened, computed by the relay from the
 * decrypted answers (docs/relay.md "Pulse results", docs/pulse-results.md). Aggregates only: the
 * release rules are the framework-free core's (`releaseRound`, `viewOf`, `wireRelease`); this route
 * only reads, decides who the caller is, and keeps a round's first publication.
 *
 * - **Who sees what, from the token only** (the request has no parameter; a query string never
 *   reaches the route): HR (whoever may author surveys, the rule of `POST /api/pulse/crews`) sees
 *   the whole plant; a person who owns the Teams team of a crew in the round leads it and sees it,
 *   what is inside it and the groups above it; anyone else sees the plant.
 * - **No watching**: an open round gives participation counts only; a closed round's figures are
 *   published only when its box check is `consistent` (`checkRoundBoxes`), else the round is
 *   refused (`boxCheckFailed`, or `boxCheckPending` while participation is being settled).
 * - **Published stays published**: the first publication's counts and pattern map are kept
 *   (`writePublished`) and every later computation is held against them: answers that change the
 *   counts afterwards withhold the figures (`changedSincePublished`) instead of showing new ones.
 */
import type { SPFI } from '@pnp/sp';

import { memberLogin } from '../../../src/core/people/claims';
import type { Filter } from '../../../src/core/pulse/results/cells';
import { releaseRound, viewOf } from '../../../src/core/pulse/results/release';
import type { Viewer } from '../../../src/core/pulse/results/scope';
import { availabilityOf } from '../../../src/core/pulse/results/watching';
import { type PulseResultsBody, type ResultsViewerBody, type RoundResults, wireRelease } from '../../../src/core/pulse/results/wire';
import { LISTS } from '../../../src/core/schema/lists';
import { RELAY_SCOPE } from '../auth';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import { setupGate } from '../setupGate';
import { sharePointProblem } from '../sharepoint';
import { shuffleRandom } from '../pulse/ballotStore';
import { type CrewRosterSource, mayAuthorSurveys } from '../pulse/crews';
import type { PulseKeyring } from '../pulse/envelope';
import { checkRoundBoxes } from '../pulse/integrity';
import {
  crewPatternsOf,
  type OwnedGroupsSource,
  patternsForEntries,
  type PublishedRecord,
  readPublished,
  readResultRounds,
  readRoundEntries,
  type ResultRound,
  writePublished
} from '../pulse/results';

export interface PulseResultsRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The pulse keys; without them no answer can be read (502). */
  readonly keys?: PulseKeyring;
  /** The crews' rosters (their shift patterns). */
  readonly rosters?: CrewRosterSource;
  /** The Teams teams a person owns (the crews they lead). */
  readonly ownedGroups?: OwnedGroupsSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** For shuffling comments; the secure source unless given. */
  readonly random?: () => number;
}

const MISCONFIGURED = (what: string): RelayProblem =>
  new RelayProblem(problem(502, 'relayMisconfigured', `The relay cannot read ${what}. Tell your IT admin.`), new Error(`No ${what} source.`));

export function pulseResultsRoute(options: PulseResultsRouteOptions): UserRoute {
  const log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());
  // The answers' lists must be the relay's alone before it reads or writes there.
  const gate = setupGate(options.site, [LISTS.responses.title, LISTS.participation.title], options.now);

  /** One round as the caller may see it. */
  async function roundResults(sp: SPFI, keys: PulseKeyring, round: ResultRound, who: { hr: boolean; owned: ReadonlySet<string> }, at: Date, patterns: () => Promise<Readonly<Record<string, string | undefined>>>): Promise<{ body: RoundResults; leads: Filter[] }> {
    const info = {
      roundId: round.pulse.roundId,
      surveyId: round.pulse.surveyId,
      title: round.pulse.title,
      opensAt: round.pulse.opensAt,
      closesAt: round.pulse.closesAt,
      questions: round.questions
    };
    const availability = availabilityOf(round.results, at);
    if (availability === 'results') {
      const check = await checkRoundBoxes(sp, keys, info.roundId, log);
      if (check.status !== 'consistent') {
        const refused = check.status === 'pending' ? 'boxCheckPending' : 'boxCheckFailed';
        return { body: { ...info, refused, ...(who.hr ? { check: check.status } : {}) }, leads: [] };
      }
    }
    const [entries, stored] = await Promise.all([readRoundEntries(sp, keys, info.roundId, log), readPublished(sp, keys, info.roundId, log)]);
    const crews = Array.from(new Set(entries.answers.map((entry) => entry.groups.crew).concat(entries.comments.map((entry) => entry.groups.crew))));
    const crewPatterns = stored ? stored.crewPatterns : patternsForEntries(await patterns(), crews);
    const compute = (record: PublishedRecord | undefined): ReturnType<typeof releaseRound> =>
      releaseRound(
        { round: round.results, questions: round.questions, answers: entries.answers, comments: entries.comments, crewPatterns: record ? record.crewPatterns : crewPatterns },
        { now: at, random: options.random ?? shuffleRandom, published: record?.published }
      );
    let release = compute(stored);
    if (!stored && release.availability === 'results') {
      // The first publication: kept, and what stands afterwards is what every call is held to.
      const standing = await writePublished(sp, keys, info, { published: release.published, crewPatterns }, log);
      if (standing.published !== release.published) {
        release = compute(standing);
      }
    }
    const leads: Filter[] = Object.keys(release.org.lineOfCrew)
      .filter((crew) => who.owned.has(crew.toLowerCase()))
      .map((crew) => ({ dimension: 'crew', value: crew }));
    const viewer: Viewer = who.hr ? { role: 'hr' } : leads.length > 0 ? { role: 'leader', leads } : { role: 'employee' };
    return { body: { ...info, release: wireRelease(viewOf(release, viewer)) }, leads };
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
    const rosters = options.rosters;
    if (!ownedGroups) {
      throw MISCONFIGURED('the directory');
    }
    if (!rosters) {
      throw MISCONFIGURED('the rosters');
    }
    const [rounds, owned] = await Promise.all([readResultRounds(sp, at, log), hr ? Promise.resolve(new Set<string>()) : ownedGroups(userPrincipalName)]);
    let patterns: Promise<Readonly<Record<string, string | undefined>>> | undefined;
    const currentPatterns = (): Promise<Readonly<Record<string, string | undefined>>> => {
      patterns = patterns ?? rosters(at).then(crewPatternsOf);
      return patterns;
    };
    const out: RoundResults[] = [];
    const leads = new Map<string, Filter>();
    for (const round of rounds) {
      const one = await roundResults(sp, keys, round, { hr, owned }, at, currentPatterns);
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
