/**
 * "Did the driver move": the plan's driver in its group, from the plan's round to the next round
 * of the same survey whose results are published, with the core's own noise rule (`changeOf` in
 * `results/change.ts`: up, down, or within noise for the group's size). Nothing new is computed
 * from answers: only the two figures the relay released to the viewer are compared, so a figure
 * withheld in either round (too few, protecting another group, not in the viewer's scope) is
 * "not shown for this group", never worked out some other way.
 */
import { type Change, changeOf, type Direction } from '../results/change';
import type { MeasureFigure } from '../results/figures';
import { isRefused, type RoundResults, type RoundResultsShown } from '../results/wire';
import type { ActionPlanRecord } from './types';

export type PlanMovement =
  /** The next published round shows the driver in the group in both rounds. */
  | { readonly state: Direction; readonly change: Change; readonly fromRoundId: number; readonly toRoundId: number }
  /** A figure of either round is withheld for this group, or not in the viewer's results. */
  | { readonly state: 'notShown'; readonly toRoundId?: number }
  /** No later round of the survey has published results yet. */
  | { readonly state: 'notYet' };

export type MovementState = PlanMovement['state'];

const published = (round: RoundResults): round is RoundResultsShown => !isRefused(round) && round.release.availability === 'results';

function figureIn(round: RoundResultsShown, groupKey: string, driver: string): MeasureFigure | undefined {
  const group = round.release.groups.find((g) => g.key === groupKey);
  if (!group || !('figures' in group)) {
    return undefined;
  }
  return group.figures.measures.find((measure) => measure.id === driver);
}

/**
 * The movement of a plan's driver, from the results the viewer was given (`GET /api/pulse/results`,
 * newest first or in any order).
 */
export function planMovement(plan: Pick<ActionPlanRecord, 'roundId' | 'surveyId' | 'groupKey' | 'driver'>, rounds: readonly RoundResults[]): PlanMovement {
  const own = rounds.find((round) => round.roundId === plan.roundId);
  const opened = own ? Date.parse(own.opensAt) : NaN;
  const later = rounds
    .filter((round) => round.surveyId === plan.surveyId && round.roundId !== plan.roundId && published(round))
    .filter((round) => (own ? Date.parse(round.opensAt) > opened : round.roundId > plan.roundId))
    .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt));
  const next = later[0] as RoundResultsShown | undefined;
  if (!next) {
    return { state: 'notYet' };
  }
  if (!own || !published(own)) {
    return { state: 'notShown', toRoundId: next.roundId };
  }
  const change = changeOf(figureIn(own, plan.groupKey, plan.driver), figureIn(next, plan.groupKey, plan.driver));
  return change ? { state: change.direction, change, fromRoundId: own.roundId, toRoundId: next.roundId } : { state: 'notShown', toRoundId: next.roundId };
}
