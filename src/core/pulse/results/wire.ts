/**
 * What `GET /api/pulse/results` sends, one shape for the relay and the page. The relay decides a
 * round's release across everything HR can see (`releaseRound`), cuts it to the caller's scope
 * (`viewOf`), then to what may leave it ({@link wireRelease}):
 *
 * - no `published` counts (the relay keeps them, encrypted, in the round's own place);
 * - no cell, participation count or comment list withheld as `tooFew`: the release lists the
 *   cells that have respondents, so listing a small one would tell that somebody in it answered
 *   (the page shows a known group missing from the answer as too small, whatever its size);
 * - the org tree only for the sites, lines and crews the remaining cells name;
 * - a comment as its text, its question and its thread's opaque id (`ShownComment`), nothing of
 *   its entry (no token, author tag or group).
 */
import type { CellKey, Filter } from './cells';
import { parseCellKey, PLANT } from './cells';
import type { OrgTree } from './scope';
import type { CommentList, GroupResult, ParticipationResult, RoundRelease } from './release';
import type { ResultsQuestion } from './types';

/** Whose view the caller gets: HR (the plant, every cell), a leader (their crews and above), an employee (the plant). */
export type ResultsViewerRole = 'hr' | 'leader' | 'employee';

export interface ResultsViewerBody {
  readonly role: ResultsViewerRole;
  /** The groups a leader leads (crews whose Teams team they own); empty for others. */
  readonly leads: readonly Filter[];
}

/** A round's release as it leaves the relay. */
export type WireRelease = Omit<RoundRelease, 'published'>;

/** Why a closed round's figures are not published: its box check (`relay/src/pulse/integrity.ts`). */
export type RoundRefusal = 'boxCheckFailed' | 'boxCheckPending';

export interface RoundResultsInfo {
  readonly roundId: number;
  readonly surveyId: number;
  readonly title: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly questions: readonly ResultsQuestion[];
}

/** A crew as the rosters knew it when the round was published: its Teams name and place, never from the answers. */
export interface RosterCrew {
  readonly name?: string;
  readonly site?: string;
  readonly line?: string;
}

export interface RoundResultsShown extends RoundResultsInfo {
  readonly release: WireRelease;
  /**
   * The round's crews the viewer may see (HR: every crew the rosters placed in the audience's
   * reach; a leader: theirs), by key, as the rosters knew them when the round was published:
   * named, and listed whether or not anyone in them answered (a crew missing from the release is
   * too small to show). None before publication.
   */
  readonly crews?: { readonly [crew: string]: RosterCrew };
}

export interface RoundResultsRefused extends RoundResultsInfo {
  readonly refused: RoundRefusal;
  /** HR only: what the box check found (`answersMissing`, `answersExtra`, `boxEditedByOthers`, `pending`). */
  readonly check?: string;
}

export type RoundResults = RoundResultsShown | RoundResultsRefused;

export interface PulseResultsBody {
  readonly viewer: ResultsViewerBody;
  /** The latest rounds that have opened, newest first. */
  readonly rounds: readonly RoundResults[];
}

export function isRefused(round: RoundResults): round is RoundResultsRefused {
  return (round as RoundResultsRefused).refused !== undefined;
}

function withheldTooFew(entry: GroupResult | ParticipationResult | CommentList): boolean {
  return 'withheld' in entry && entry.withheld === 'tooFew';
}

/** The org tree cut to the sites, lines and crews the cells name. */
function treeFor(tree: OrgTree, keys: readonly CellKey[]): OrgTree {
  const lines = new Set<string>();
  const crews = new Set<string>();
  keys.forEach((key) => {
    (key === PLANT ? [] : parseCellKey(key) ?? []).forEach((filter) => {
      if (filter.dimension === 'crew') {
        crews.add(filter.value);
      } else if (filter.dimension === 'line') {
        lines.add(filter.value);
      }
    });
  });
  const lineOfCrew: { [crew: string]: string } = {};
  crews.forEach((crew) => {
    if (Object.prototype.hasOwnProperty.call(tree.lineOfCrew, crew)) {
      lineOfCrew[crew] = tree.lineOfCrew[crew];
      lines.add(tree.lineOfCrew[crew]);
    }
  });
  const siteOfLine: { [line: string]: string } = {};
  lines.forEach((line) => {
    if (Object.prototype.hasOwnProperty.call(tree.siteOfLine, line)) {
      siteOfLine[line] = tree.siteOfLine[line];
    }
  });
  // A site named only by a cell needs no entry: the tree maps lines and crews upwards.
  return { siteOfLine, lineOfCrew };
}

/** A viewer's release (`viewOf`) as it may leave the relay (above). */
export function wireRelease(view: RoundRelease): WireRelease {
  const groups = view.groups.filter((group) => !withheldTooFew(group));
  const participation = view.participation.filter((entry) => !withheldTooFew(entry));
  const comments = view.comments.filter((list) => !withheldTooFew(list));
  const keys = groups.map((group) => ('other' in group && group.other ? group.other.parent : group.key));
  return {
    roundId: view.roundId,
    availability: view.availability,
    thresholds: view.thresholds,
    engagementBasis: view.engagementBasis,
    measureIds: view.measureIds,
    groups,
    participation,
    comments,
    org: treeFor(view.org, keys.concat(participation.map((entry) => entry.key), comments.map((list) => list.key)))
  };
}

/** Why the results could not be read, for the parts to put into words. */
export type PulseResultsErrorCode = 'noRelay' | 'notSetUp' | 'relayFault' | 'unavailable' | 'rateLimited' | 'accessDenied' | 'unexpected';

export class PulseResultsError extends Error {
  public constructor(
    public readonly code: PulseResultsErrorCode,
    message: string,
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'PulseResultsError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Where the parts read results from (the relay; nothing else computes them). */
export interface PulseResultsSource {
  results(): Promise<PulseResultsBody>;
}
