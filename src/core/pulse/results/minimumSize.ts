/**
 * The minimum group size: a group's figures only with at least the round's minimum respondents
 * (5 unless HR raised it before the round opened), comments only with at least the comment
 * minimum (10). The thresholds are the round's, locked when it opened; a value below the
 * product's floor (a round item edited by hand) is read as the floor.
 */
import type { ResultsRound } from './types';

export const MIN_GROUP_FLOOR = 5;
export const MIN_COMMENT_FLOOR = 10;

export interface Thresholds {
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
}

/** The round's thresholds, never below the floors, comments never below the group minimum. */
export function thresholdsOf(round: ResultsRound): Thresholds {
  const group = Math.max(MIN_GROUP_FLOOR, Math.ceil(Number(round.minGroupSize) || 0));
  const comments = Math.max(MIN_COMMENT_FLOOR, group, Math.ceil(Number(round.minCommentGroupSize) || 0));
  return { minGroupSize: group, minCommentGroupSize: comments };
}

/** Whether a group with this many respondents may show its figures. */
export function largeEnough(respondents: number, minimum: number): boolean {
  return respondents >= minimum;
}
