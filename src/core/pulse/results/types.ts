/**
 * Shared shapes of pulse results: what the relay hands the results core (a round's decrypted
 * entries, its questions and thresholds, its crews' shift patterns) and what the core hands back (figures per
 * cell, withheld cells with the reason, never a count below the minimum). Framework-free.
 */
import type { PulseDriver, QuestionKind, RoundStatus } from '../../models/pulse';
import type { EmploymentType } from '../../people/types';
import type { TenureBand } from '../audience';
import type { AnswerEntry, CommentEntry } from '../ballot';

/** A question of the round's survey as the results need it. */
export interface ResultsQuestion {
  readonly key: string;
  readonly driver: PulseDriver;
  readonly kind: QuestionKind;
  /**
   * The question's words by language tag (lower case: `en-us`, `nl-nl`, `sv-se` and the survey's
   * own), as the relay read them from the question bank with the round; the figures never read them.
   */
  readonly texts?: { readonly [languageTag: string]: string | undefined };
}

/** The round's facts the rules read; the thresholds are the ones locked when it opened. */
export interface ResultsRound {
  readonly id: number;
  readonly status: RoundStatus;
  /** ISO date-time the round closes; an open round whose time is up counts as closed. */
  readonly closesAt: string;
  readonly thresholdsLocked: boolean;
  /**
   * Set by the caller once the round's closing run has finished (every answer the relay accepted
   * is in the round's boxes). Figures appear only then, not the instant `closesAt` passes: until
   * the run is done, answers still move in and the figures would change. Unset: not yet.
   */
  readonly closingRunDone?: boolean;
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
}

/** The attributes a respondent (or an audience member) is grouped by. */
export interface Respondent {
  readonly site: string;
  readonly line: string;
  readonly crew: string;
  readonly shiftPattern: string;
  readonly employmentType: EmploymentType | string;
  readonly tenureBand: TenureBand | string;
}

/** The shift pattern a crew works (from the roster); a crew not listed is `unknown`. */
export interface CrewPatterns {
  readonly [crew: string]: string | undefined;
}

/** Everything one round's results are computed from. */
export interface RoundData {
  readonly round: ResultsRound;
  readonly questions: readonly ResultsQuestion[];
  readonly answers: readonly AnswerEntry[];
  readonly comments: readonly CommentEntry[];
  readonly crewPatterns?: CrewPatterns;
}

/**
 * Why a figure is not shown. None of them says how many answered:
 * - `tooFew`: fewer respondents than the round's minimum group size;
 * - `protectsAnother`: shown, it would let a smaller group be worked out from figures shown
 *   elsewhere (subtraction, slicing by two filters, a parent minus its siblings);
 * - `fewAnswers`: the group is shown, but fewer than the minimum answered this question;
 * - `roundOpen`: results of a round appear when it closes;
 * - `changedSincePublished`: the round's answers no longer match what was published.
 */
export type WithheldReason = 'tooFew' | 'protectsAnother' | 'fewAnswers' | 'roundOpen' | 'changedSincePublished';
