/**
 * No watching: a round's results appear only once it has closed, so nobody can see a figure move
 * after one more person answered. Closed means its time is up (or its status says so) **and** the
 * caller says the round's closing run has finished (`closingRunDone`): until the relay has moved
 * the last accepted answers from the round's inbox into its boxes, the figures would still change,
 * and a figure published the instant `closesAt` passes, then again after the run, would show the
 * difference. Until then, and while the round is open, only participation counts show (each at
 * least the minimum). A published round stays as published: if its answers no longer give the counts
 * that were published (a box put back or lost, an answer counted late), the new figures are not
 * shown, since the two releases side by side would differ by those few answers.
 */
import type { CellKey } from './cells';
import type { ResultsRound } from './types';

/** `results`: closed, figures may show; `participation`: open, only counts; `nothing`: not opened. */
export type Availability = 'results' | 'participation' | 'nothing';

export function availabilityOf(round: ResultsRound, now: Date): Availability {
  if (!round.thresholdsLocked || round.status === 'scheduled') {
    return 'nothing';
  }
  const closesAt = Date.parse(round.closesAt);
  const over = round.status === 'closed' || (!isNaN(closesAt) && closesAt <= now.getTime());
  return over && round.closingRunDone === true ? 'results' : 'participation';
}

/** Respondents per released cell: what the relay keeps when it first publishes a round. */
export interface PublishedCounts {
  readonly [cell: string]: number;
}

/** The published cells whose count the round's answers no longer give (none: the release stands). */
export function changedSincePublished(published: PublishedCounts, current: PublishedCounts): CellKey[] {
  const keys = Object.keys(published).concat(Object.keys(current).filter((key) => published[key] === undefined));
  return keys.filter((key) => published[key] !== current[key]);
}
