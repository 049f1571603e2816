/**
 * The timer's publication of closed rounds (docs/relay.md "The pulse timer", step 7): the only
 * place a round's figures are published, never a results call. For each of the latest rounds
 * (`readResultRounds`) that has closed, after the run's drain and box check:
 *
 * - nothing while the round's inbox still holds answers, its box check is not `consistent`, or
 *   the thresholds it opened with were removed;
 * - a round with neither record nor mark is published: the crew → shift pattern map and each
 *   crew's site, line and name are taken from the rosters now, once; the release is computed with
 *   the thresholds locked at opening (`resultsSeal.ts`), and the counts it shows, the patterns,
 *   the places, the names, the thresholds and the audience of each group it shows (who was asked,
 *   from the same rosters: `resultsAudience.ts`) are sealed as the published record
 *   (`results.ts`); then the record's digest is sealed into every slot's box (the mark);
 * - a record whose mark is not in every slot yet (a run that died half way, a late drain that
 *   wrote a box again) is marked;
 * - a mark without its record, or marks naming another record, is `tampered`: logged, and never
 *   published again (the results refuse the round). Publishing again would compute the patterns
 *   from a roster changed since, and the two publications side by side could single out a crew.
 */
import type { SPFI } from '@pnp/sp';

import { normaliseText } from '../../../src/core/pulse/audience';
import { BOX_SLOTS } from '../../../src/core/pulse/ballot';
import type { AudienceCounts } from '../../../src/core/pulse/results/participation';
import { releaseRound } from '../../../src/core/pulse/results/release';
import type { CellKey } from '../../../src/core/pulse/results/cells';
import { shuffleRandom } from './ballotStore';
import { type CrewRoster, type CrewRosterSource, summariseCrews } from './crews';
import type { PulseKeyring } from './envelope';
import { readRoundInbox } from './inbox';
import { type BoxCheck, checkRoundBoxes } from './integrity';
import { crewPatternsOf, type CrewPlace, patternsForEntries, type PublishedRecord, readPublished, readResultRounds, readRoundEntries, type ResultRound, writePublished } from './results';
import { roundAudience } from './resultsAudience';
import { markBoxes, readMarks } from './resultsSeal';
import { readPlantMap } from './rounds';
import type { PlantMap } from '../../../src/core/plant/types';

type Log = (line: string) => void;

/** Where a closed round's publication stands. */
export type PublicationState = 'published' | 'waiting' | 'tampered';

export interface PublicationReport {
  readonly roundId: number;
  readonly state: PublicationState;
}

/** A round's publication: its record and every slot marked, its record not marked everywhere yet, none, or tampered with. */
export type Publication =
  | { readonly state: 'published' | 'unmarked'; readonly record: PublishedRecord; readonly digest: string }
  | { readonly state: 'none' | 'tampered' };

/** Where the round's publication stands (above); what the results and the timer both go by. */
export async function publicationOf(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<Publication> {
  const [stored, marks] = await Promise.all([readPublished(sp, keys, roundId, log), readMarks(sp, keys, roundId)]);
  if (marks.digests.size > 0 && (!stored || marks.digests.size > 1 || !marks.digests.has(stored.digest))) {
    return { state: 'tampered' };
  }
  if (!stored) {
    return { state: 'none' };
  }
  return { state: marks.slotsMarked(stored.digest) === BOX_SLOTS ? 'published' : 'unmarked', ...stored };
}

export interface PublishOptions {
  /** The crews' rosters; without them every crew's pattern and place are unknown (logged). */
  readonly rosters?: CrewRosterSource;
  readonly random?: () => number;
  readonly log: Log;
}

/** What the publication takes from the rosters at `now`: the sealed facts, and the audience of the groups shown. */
interface RosterFacts {
  readonly facts: Pick<PublishedRecord, 'crewPatterns' | 'crewPlaces' | 'crewNames'>;
  /** Who was asked in each of `shown` (undefined: not told by the rosters, or none read). */
  readonly audience: (shown: readonly CellKey[]) => AudienceCounts | undefined;
}

/** The crew → pattern map, crews' places and names of the round's entries, from the rosters at `now`, and its audience. */
async function rosterFacts(sp: SPFI, now: Date, round: ResultRound, crews: readonly string[], options: PublishOptions): Promise<RosterFacts> {
  if (!options.rosters) {
    options.log('pulse timer: no roster source; rounds are published with every crew\'s shift pattern and place unknown, and no participation rates.');
    return { facts: { crewPatterns: {}, crewPlaces: {}, crewNames: {} }, audience: () => undefined };
  }
  const [rosters, map] = await Promise.all([options.rosters(now), readPlantMap(sp, options.log)]);
  return {
    facts: factsOf(rosters, map, crews, now),
    audience: (shown) => roundAudience(rosters, map, { roundId: round.pulse.roundId, audience: round.pulse.audience }, shown, now, options.log)
  };
}

function factsOf(rosters: readonly CrewRoster[], map: PlantMap, crews: readonly string[], now: Date): RosterFacts['facts'] {
  const crewPlaces: { [crew: string]: CrewPlace } = {};
  summariseCrews(rosters, map, { opensAt: now.toISOString(), timeZone: 'UTC', at: now }).crews.forEach((crew) => {
    if (crew.siteCode !== undefined && crew.lineCode !== undefined) {
      crewPlaces[normaliseText(crew.crewKey)] = { site: normaliseText(crew.siteCode), line: normaliseText(crew.lineCode) };
    }
  });
  const crewNames: { [crew: string]: string } = {};
  rosters.forEach((roster) => {
    if (roster.name.trim() !== '') {
      crewNames[normaliseText(roster.teamId)] = roster.name.trim();
    }
  });
  return { crewPatterns: patternsForEntries(crewPatternsOf(rosters), crews), crewPlaces, crewNames };
}

async function publishOne(sp: SPFI, keys: PulseKeyring, round: ResultRound, now: Date, check: BoxCheck | undefined, options: PublishOptions): Promise<PublicationState> {
  const { log } = options;
  const roundId = round.pulse.roundId;
  const ids = { roundId, surveyId: round.pulse.surveyId };
  const random = options.random ?? shuffleRandom;
  const publication = await publicationOf(sp, keys, roundId, log);
  if (publication.state === 'tampered') {
    log(`pulse timer: round ${roundId} was published, but its published record is gone or not the one its boxes name; it is not published again.`);
    return 'tampered';
  }
  if (publication.state !== 'none') {
    if (publication.state === 'unmarked') {
      await markBoxes(sp, keys, ids, publication.digest, random);
    }
    return 'published';
  }
  if (round.thresholdsUnsealed) {
    log(`pulse timer: round ${roundId} has lost the thresholds sealed when it opened; it is not published.`);
    return 'waiting';
  }
  const inbox = await readRoundInbox(sp, keys, roundId, log);
  if (inbox.some((item) => (item.lines ?? []).length > 0)) {
    return 'waiting';
  }
  const boxes = check ?? (await checkRoundBoxes(sp, keys, roundId, log));
  if (boxes.status !== 'consistent') {
    return 'waiting';
  }
  const entries = await readRoundEntries(sp, keys, roundId, log);
  const crews = Array.from(new Set(entries.answers.map((entry) => entry.groups.crew).concat(entries.comments.map((entry) => entry.groups.crew))));
  const { facts, audience } = await rosterFacts(sp, now, round, crews, options);
  // This is the closing run: the inbox is drained and the boxes checked.
  const release = releaseRound({ round: { ...round.results, closingRunDone: true }, questions: round.questions, answers: entries.answers, comments: entries.comments, crewPatterns: facts.crewPatterns }, { now, random });
  const thresholds = release.thresholds;
  // Who was asked, counted for the groups this release shows and for no other.
  const asked = audience(Object.keys(release.published));
  const standing = await writePublished(sp, keys, ids, { published: release.published, thresholds, ...facts, ...(asked ? { audience: asked } : {}) }, log);
  if (!standing) {
    throw new Error(`The published record of round ${roundId} just written does not read back.`);
  }
  await markBoxes(sp, keys, ids, standing.digest, random);
  log(`pulse timer: round ${roundId} published.`);
  return 'published';
}

/** Publishes every closed round of the latest that is not yet (above); a round that fails is logged and tried at the next run. */
export async function publishClosedRounds(sp: SPFI, keys: PulseKeyring, now: Date, checks: readonly BoxCheck[], options: PublishOptions): Promise<PublicationReport[]> {
  const out: PublicationReport[] = [];
  for (const round of await readResultRounds(sp, keys, now, options.log)) {
    const closed = round.results.status === 'closed' || Date.parse(round.results.closesAt) <= now.getTime();
    if (!closed) {
      continue;
    }
    try {
      out.push({ roundId: round.pulse.roundId, state: await publishOne(sp, keys, round, now, checks.find((c) => c.roundId === round.pulse.roundId), options) });
    } catch (error) {
      options.log(`pulse timer: round ${round.pulse.roundId} was not published this run (${error instanceof Error ? error.message : String(error)}); the next run tries again.`);
      out.push({ roundId: round.pulse.roundId, state: 'waiting' });
    }
  }
  return out;
}
