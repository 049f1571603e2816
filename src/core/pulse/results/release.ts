/**
 * A round's release: every figure the relay may return, decided once for the round across every
 * cell the API accepts, then cut to what a viewer may see (`scope.ts`).
 *
 * 1. No watching (`watching.ts`): figures only when the round has closed; counts while open.
 * 2. Minimum group size (`minimumSize.ts`): cells below the round's minimum are withheld.
 * 3. No subtraction (`subtraction.ts`): a cell 1 to minimum − 1 respondents short of a released
 *    cell holding it is withheld.
 * 4. Complementary suppression (`complementary.ts`): until no combination of released cells
 *    singles out fewer than the minimum.
 * 5. Roll-up (`rollup.ts`): withheld children shown together as the parent's "other" group.
 * 6. Per figure (`figureChecks.ts`): respondents skip questions, so 3 and 4 run again for each
 *    question and measure, by its answers, over the groups shown; a figure that fails is withheld
 *    in that group alone.
 * 7. Comments (`comments.ts`): org groups at the comment minimum, checked as sets.
 * The same cells decide participation counts (the counts are the same sums' first figure), and a
 * rate goes beside a shown count of a published round where the publication sealed the group's
 * audience (`participation.ts`): the audience never enters the decision.
 */
import { aggregateAtoms, layoutOf, MeasureId, sumOf } from './aggregate';
import { CellKey, Filter, parseCellKey, ResultDimension } from './cells';
import { CellSet, cellSetOf, countOf } from './cellSet';
import { commentListsShown, commentsByAtom, commentsIn, ShownComment, ThreadIdOf } from './comments';
import { checkGroups, figuresWithheld } from './figureChecks';
import { FigureId, figuresOf, GroupFigures } from './figures';
import { thresholdsOf, Thresholds } from './minimumSize';
import { AudienceCounts, participationOf } from './participation';
import { otherGroups } from './rollup';
import { canSee, canSeeInside, OrgTree, orgTreeOf, Viewer } from './scope';
import type { RoundData, WithheldReason } from './types';
import { Availability, availabilityOf, changedSincePublished, PublishedCounts } from './watching';

export interface ShownGroup {
  readonly key: string;
  readonly filters: readonly Filter[];
  /** Set for an "other" group: the parent it is part of and the dimension it splits. */
  readonly other?: { readonly parent: CellKey; readonly dimension: ResultDimension };
  readonly figures: GroupFigures;
}

export interface WithheldGroup {
  readonly key: string;
  readonly filters: readonly Filter[];
  readonly withheld: WithheldReason;
}

export type GroupResult = ShownGroup | WithheldGroup;

export type ParticipationResult =
  | { readonly key: CellKey; readonly respondents: number; readonly audience?: number; readonly rate?: number }
  | { readonly key: CellKey; readonly withheld: WithheldReason };

export type CommentList = { readonly key: CellKey; readonly comments: readonly ShownComment[] } | { readonly key: CellKey; readonly withheld: WithheldReason };

export interface RoundRelease {
  readonly roundId: number;
  readonly availability: Availability;
  readonly thresholds: Thresholds;
  readonly engagementBasis: 'engagement' | 'all';
  readonly measureIds: readonly MeasureId[];
  readonly groups: readonly GroupResult[];
  readonly participation: readonly ParticipationResult[];
  readonly comments: readonly CommentList[];
  readonly org: OrgTree;
  /** Respondents per shown cell: kept by the relay when it first publishes the round. */
  readonly published: PublishedCounts;
}

export interface ReleaseOptions {
  readonly now: Date;
  /** Source of numbers in [0, 1) for shuffling comments. */
  readonly random: () => number;
  /** What was published for this round before, if it was. */
  readonly published?: PublishedCounts;
  /**
   * Those asked per cell, as sealed with the round's publication (`participation.ts`): a shown
   * group's participation gets its rate against it once the round's results are out. None: no rates.
   */
  readonly audience?: AudienceCounts;
  /**
   * The opaque thread id of each shown comment (the relay's keyed hash of the comment's token),
   * so HR and leaders can reply to it; none unless given. It must not depend on the author.
   */
  readonly threadIdOf?: ThreadIdOf;
  /** Switches the rules off, for the test that proves the attack solver finds leaks. Never set in the product. */
  readonly unsafeWithoutRules?: boolean;
  /** Switches the per-figure checks off (the groups' stay), for the test that proves the solver finds figures' leaks. Never set in the product. */
  readonly unsafeWithoutFigureRules?: boolean;
}

/** Which cells of a set may show, and why the others may not. */
export function decideCells(set: CellSet, universe: readonly CellKey[], minimum: number): { readonly shown: CellKey[]; readonly withheld: Map<CellKey, WithheldReason> } {
  const decision = checkGroups(set, universe, minimum);
  const withheld = new Map<CellKey, WithheldReason>();
  decision.tooFew.forEach((cell) => withheld.set(cell, 'tooFew'));
  decision.protectsAnother.forEach((cell) => withheld.set(cell, 'protectsAnother'));
  return { shown: decision.shown, withheld };
}

function weightsOf(accs: Map<string, Float64Array>): Map<string, number> {
  const weights = new Map<string, number>();
  accs.forEach((acc, atom) => weights.set(atom, acc[0]));
  return weights;
}

function filtersOf(key: CellKey): Filter[] {
  return parseCellKey(key) ?? [];
}

/** Every figure of the round that may be released to someone, and what is withheld. */
export function releaseRound(data: RoundData, options: ReleaseOptions): RoundRelease {
  const thresholds = thresholdsOf(data.round);
  const minimum = thresholds.minGroupSize;
  const layout = layoutOf(data.questions);
  const accs = aggregateAtoms(layout, data.answers, data.crewPatterns);
  const set = cellSetOf(weightsOf(accs));
  const universe: CellKey[] = Array.from(set.atomsOfCell.keys());
  const allAtoms: string[] = Array.from(set.weights.keys());
  const availability = availabilityOf(data.round, options.now);
  const decision = options.unsafeWithoutRules ? { shown: universe.filter((cell) => countOf(set, cell) > 0), withheld: new Map<CellKey, WithheldReason>() } : decideCells(set, universe, minimum);
  const published: { [cell: string]: number } = {};
  decision.shown.forEach((cell) => {
    published[cell] = countOf(set, cell);
  });
  const changed = availability === 'results' && options.published !== undefined && changedSincePublished(options.published, published).length > 0;
  const blocked: WithheldReason | undefined = changed ? 'changedSincePublished' : availability === 'results' ? undefined : 'roundOpen';
  const reasonOf = (cell: CellKey): WithheldReason => decision.withheld.get(cell) ?? 'tooFew';
  const isShown = new Set<CellKey>(decision.shown);
  const accOf = (atoms: readonly string[]): Float64Array => sumOf(layout, atoms.map((atom) => accs.get(atom)).filter((acc): acc is Float64Array => acc !== undefined));
  const others = blocked || options.unsafeWithoutRules ? [] : otherGroups(set, isShown, minimum);
  // Every group that shows figures, by its atoms: the per-figure checks run over exactly these.
  const figureGroups = new Map<string, readonly string[]>();
  decision.shown.forEach((cell) => figureGroups.set(cell, set.atomsOfCell.get(cell) ?? []));
  others.forEach((other) => figureGroups.set(other.key, other.atoms));
  const figuresHeld = blocked || options.unsafeWithoutRules || options.unsafeWithoutFigureRules ? new Map<string, Map<FigureId, WithheldReason>>() : figuresWithheld(layout, accs, figureGroups, minimum);
  const figuresOfGroup = (key: string, atoms: readonly string[]): GroupFigures => figuresOf(layout, accOf(atoms), minimum, figuresHeld.get(key));

  const groups: GroupResult[] = universe.map((key) => {
    const filters = filtersOf(key);
    if (!isShown.has(key)) {
      return { key, filters, withheld: reasonOf(key) };
    }
    if (blocked) {
      return { key, filters, withheld: blocked };
    }
    return { key, filters, figures: figuresOfGroup(key, set.atomsOfCell.get(key) ?? []) };
  });
  others.forEach((other) =>
    groups.push({ key: other.key, filters: filtersOf(other.parent), other: { parent: other.parent, dimension: other.dimension }, figures: figuresOfGroup(other.key, other.atoms) })
  );

  const participation: ParticipationResult[] = universe.map((key) => {
    if (availability === 'nothing' || changed || !isShown.has(key)) {
      return { key, withheld: changed ? 'changedSincePublished' : isShown.has(key) ? 'roundOpen' : reasonOf(key) };
    }
    // Rates only with the results: the audience is counted when the round is published.
    return participationOf(key, countOf(set, key), availability === 'results' ? options.audience : undefined);
  });

  const commentDecision = commentListsShown(set, thresholds.minCommentGroupSize);
  const comments: CommentList[] = [];
  const byAtom = commentsByAtom(data.comments, data.crewPatterns, options.threadIdOf);
  commentDecision.withheld.forEach((reason, key) => comments.push({ key, withheld: reason }));
  commentDecision.shown.forEach((key) => comments.push(blocked ? { key, withheld: blocked } : { key, comments: commentsIn(set, key, byAtom, options.random) }));

  return {
    roundId: data.round.id,
    availability,
    thresholds,
    engagementBasis: layout.engagementBasis,
    measureIds: layout.measures.map((measure) => measure.id),
    groups,
    participation,
    comments,
    org: orgTreeOf(allAtoms),
    published: blocked ? {} : published
  };
}

/** The part of a release a viewer may see: groups in scope; comments for HR and inside a leader's groups. */
export function viewOf(release: RoundRelease, viewer: Viewer): RoundRelease {
  const tree = release.org;
  return {
    ...release,
    groups: release.groups.filter((group) => ('other' in group && group.other ? canSeeInside(viewer, tree, group.other.parent) : canSee(viewer, tree, group.key))),
    participation: release.participation.filter((entry) => canSee(viewer, tree, entry.key)),
    comments: viewer.role === 'employee' ? [] : release.comments.filter((list) => canSeeInside(viewer, tree, list.key)),
    published: viewer.role === 'hr' ? release.published : {}
  };
}
