/**
 * When a survey's rounds open and close, and what a timer must do at an instant so that they do
 * so on time without anyone on the page. Framework-free; the caller supplies "now".
 *
 * - Round n opens on the plant's local day `firstOpensOn` + (n − 1) cadence periods (weeks, two
 *   weeks, calendar months, quarters; a day the month lacks becomes its last day) at the local
 *   time `opensAt` (default midnight), and closes `roundLengthDays` local days later at the same
 *   local time, in the survey's IANA `timeZone`: a round across a daylight-saving change is an
 *   hour shorter or longer, never shifted. A `once` survey has round 1 only.
 * - A stored round keeps the times it opened with; a later change to the schedule moves rounds
 *   still to open, never one that is open.
 * - {@link scheduleActions} is idempotent: once its actions are applied (rounds written with
 *   their `roundKey`, which SharePoint keeps unique), the same instant asks for nothing more.
 */
import type { IsoDateTime, ItemId } from '../models/common';
import { roundKey } from '../models/keys';
import type { RoundStatus, Survey, SurveyDefinition, SurveyRound, SurveyStatus } from '../models/pulse';
import { DEFAULT_OPENS_AT } from './definition';
import { addLocalDays, addLocalMonths, isTimeZone, LocalDate, localDaysBetween, parseLocalDate, parseLocalTime, zonedInstant } from './zonedTime';

/** What the schedule reads of a survey. */
export interface ScheduledSurvey extends Pick<Survey, 'id' | 'status' | 'cadence' | 'minGroupSize' | 'minCommentGroupSize'> {
  readonly definition: SurveyDefinition;
}

export interface RoundWindow {
  readonly roundNumber: number;
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/** The stored rounds the timer compares the schedule with (SE_SurveyRounds). */
export type StoredRound = Pick<SurveyRound, 'id' | 'roundNumber' | 'status' | 'opensAt' | 'closesAt'>;

/** A round to write as open, its thresholds copied from the survey and locked. */
export interface RoundToOpen {
  readonly surveyId: ItemId;
  readonly roundNumber: number;
  readonly roundKey: string;
  readonly opensAt: IsoDateTime;
  readonly closesAt: IsoDateTime;
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
  /** The stored item to update, when the round was written as `scheduled` before. */
  readonly existingId?: ItemId;
}

/** `ended`: its time is up; `surveyClosed`: HR closed the survey; `missed`: its time passed before it opened. */
export type CloseReason = 'ended' | 'surveyClosed' | 'missed';

export interface RoundToClose {
  readonly roundId: ItemId;
  readonly roundNumber: number;
  readonly reason: CloseReason;
}

export interface ScheduleActions {
  readonly open: readonly RoundToOpen[];
  readonly close: readonly RoundToClose[];
  /** The survey's new status, when it changes: `open` with its first round, `closed` after a `once` survey's round. */
  readonly surveyStatus?: SurveyStatus;
}

interface Plan {
  readonly first: LocalDate;
  readonly minutes: number;
  readonly timeZone: string;
  readonly lengthDays: number;
}

function planOf(survey: ScheduledSurvey): Plan | undefined {
  const definition = survey.definition;
  const first = parseLocalDate(definition.firstOpensOn);
  const minutes = parseLocalTime(definition.opensAt ?? DEFAULT_OPENS_AT);
  const lengthDays = definition.roundLengthDays;
  const valid = typeof lengthDays === 'number' && Math.floor(lengthDays) === lengthDays && lengthDays >= 1;
  if (!first || minutes === undefined || !isTimeZone(definition.timeZone) || !valid) {
    return undefined;
  }
  return { first, minutes, timeZone: definition.timeZone, lengthDays };
}

function openingDay(survey: ScheduledSurvey, plan: Plan, roundNumber: number): LocalDate | undefined {
  const steps = roundNumber - 1;
  switch (survey.cadence) {
    case 'once':
      return steps === 0 ? plan.first : undefined;
    case 'weekly':
      return addLocalDays(plan.first, 7 * steps);
    case 'biweekly':
      return addLocalDays(plan.first, 14 * steps);
    case 'monthly':
      return addLocalMonths(plan.first, steps);
    case 'quarterly':
      return addLocalMonths(plan.first, 3 * steps);
    default:
      return undefined;
  }
}

function windowOf(survey: ScheduledSurvey, plan: Plan, roundNumber: number): RoundWindow | undefined {
  const day = roundNumber >= 1 && Math.floor(roundNumber) === roundNumber ? openingDay(survey, plan, roundNumber) : undefined;
  if (!day) {
    return undefined;
  }
  return {
    roundNumber,
    opensAt: zonedInstant(plan.timeZone, day, plan.minutes),
    closesAt: zonedInstant(plan.timeZone, addLocalDays(day, plan.lengthDays), plan.minutes)
  };
}

/** Round `roundNumber`'s window; undefined when the survey is not scheduled (no first opening or zone) or has no such round. */
export function roundWindow(survey: ScheduledSurvey, roundNumber: number): RoundWindow | undefined {
  const plan = planOf(survey);
  return plan ? windowOf(survey, plan, roundNumber) : undefined;
}

/** The last round that has opened by `instant` (it may have closed since); undefined before the first. */
export function roundNumberAt(survey: ScheduledSurvey, instant: Date): number | undefined {
  const plan = planOf(survey);
  const first = plan ? windowOf(survey, plan, 1) : undefined;
  if (!plan || !first || instant.getTime() < first.opensAt.getTime()) {
    return undefined;
  }
  // The UTC day is within a day of the local one: good enough for the estimate, and no Intl call.
  const today = { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
  const months = (today.year - plan.first.year) * 12 + (today.month - plan.first.month);
  const days = localDaysBetween(plan.first, today);
  const estimate = { once: 1, weekly: Math.floor(days / 7) + 1, biweekly: Math.floor(days / 14) + 1, monthly: months + 1, quarterly: Math.floor(months / 3) + 1 };
  // Close to the answer; then a step or two either way settles it (the time of day, month ends).
  let n = Math.max(1, estimate[survey.cadence] ?? 1);
  const opensBy = (k: number): boolean => {
    const window = windowOf(survey, plan, k);
    return window !== undefined && window.opensAt.getTime() <= instant.getTime();
  };
  while (n > 1 && !opensBy(n)) {
    n -= 1;
  }
  while (opensBy(n + 1)) {
    n += 1;
  }
  return n;
}

/** A window's status at an instant: `scheduled` before it opens, `open` until it closes, then `closed`. */
export function windowStatusAt(window: { readonly opensAt: Date | IsoDateTime; readonly closesAt: Date | IsoDateTime }, instant: Date): RoundStatus {
  const t = instant.getTime();
  if (t < new Date(window.opensAt).getTime()) {
    return 'scheduled';
  }
  return t < new Date(window.closesAt).getTime() ? 'open' : 'closed';
}

/**
 * Round `roundNumber`'s status at an instant, as the timer leaves it: a stored round keeps its
 * status (an open one whose time is up counts as closed); a round not stored yet is `scheduled`
 * before its window, `open` in it only when the survey opens rounds (a paused survey's round
 * waits, `scheduled`, and may still open if resumed in time), and `closed` after it.
 * Undefined when the survey has no such round (not scheduled, or past a `once` survey's round).
 */
export function roundStatusAt(survey: ScheduledSurvey, roundNumber: number, stored: StoredRound | undefined, instant: Date): RoundStatus | undefined {
  if (stored && stored.status !== 'scheduled') {
    return stored.status === 'open' ? windowStatusAt(stored, instant) : 'closed';
  }
  const window = roundWindow(survey, roundNumber);
  if (!window) {
    return undefined;
  }
  const status = windowStatusAt(window, instant);
  return status === 'open' && !opensRounds(survey) ? 'scheduled' : status;
}

/** Whether the survey opens rounds at all now: scheduled or running, not paused. */
export function opensRounds(survey: ScheduledSurvey): boolean {
  return (survey.status === 'scheduled' || survey.status === 'open') && survey.definition.paused !== true;
}

/**
 * The windows of the rounds that overlap [from, to), at most `limit` (for HR's preview of the
 * coming rounds). Whether the survey is paused is not considered: this is the calendar.
 */
export function roundWindows(survey: ScheduledSurvey, from: Date, to: Date, limit = 24): RoundWindow[] {
  const plan = planOf(survey);
  if (!plan) {
    return [];
  }
  const result: RoundWindow[] = [];
  for (let n = roundNumberAt(survey, from) ?? 1; result.length < limit; n += 1) {
    const window = windowOf(survey, plan, n);
    if (!window || window.opensAt.getTime() >= to.getTime()) {
      break;
    }
    if (window.closesAt.getTime() > from.getTime()) {
      result.push(window);
    }
  }
  return result;
}

/** The next round to open after `instant`, when the survey opens rounds (not paused, closed or a draft). */
export function nextOpening(survey: ScheduledSurvey, instant: Date): RoundWindow | undefined {
  if (!opensRounds(survey)) {
    return undefined;
  }
  const n = roundNumberAt(survey, instant);
  return roundWindow(survey, n === undefined ? 1 : n + 1);
}

function isoOf(date: Date): IsoDateTime {
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * What must happen at `now`, given the survey and its stored rounds:
 * - close every open round whose time is up, and every open round of a closed survey;
 * - close a round stored as `scheduled` whose time passed before it opened (`missed`);
 * - open the current round (its window holds `now`) when the survey opens rounds, it is not
 *   stored as open or closed, and no other round stays open. A round is opened late when the
 *   timer was down or the survey was resumed during its window (it still closes on time); a round
 *   whose window passed is never opened;
 * - the survey's status: `open` with its first opened round, `closed` once a `once` survey's round is done.
 * A paused survey opens nothing; its open round runs to its end.
 */
export function scheduleActions(survey: ScheduledSurvey, rounds: readonly StoredRound[], now: Date): ScheduleActions {
  const t = now.getTime();
  const close: RoundToClose[] = [];
  rounds.forEach((round) => {
    const ended = t >= Date.parse(round.closesAt);
    if (round.status === 'open' && (ended || survey.status === 'closed')) {
      close.push({ roundId: round.id, roundNumber: round.roundNumber, reason: ended ? 'ended' : 'surveyClosed' });
    } else if (round.status === 'scheduled' && ended) {
      close.push({ roundId: round.id, roundNumber: round.roundNumber, reason: 'missed' });
    }
  });
  const closing = (round: StoredRound): boolean => close.some((c) => c.roundId === round.id);
  const stillOpen = rounds.some((round) => round.status === 'open' && !closing(round));

  const open: RoundToOpen[] = [];
  const n = opensRounds(survey) ? roundNumberAt(survey, now) : undefined;
  const window = n === undefined ? undefined : roundWindow(survey, n);
  if (window && windowStatusAt(window, now) === 'open' && !stillOpen) {
    const stored = rounds.filter((round) => round.roundNumber === window.roundNumber);
    if (!stored.some((round) => round.status !== 'scheduled')) {
      open.push({
        surveyId: survey.id,
        roundNumber: window.roundNumber,
        roundKey: roundKey(survey.id, window.roundNumber),
        opensAt: isoOf(window.opensAt),
        closesAt: isoOf(window.closesAt),
        minGroupSize: survey.minGroupSize,
        minCommentGroupSize: survey.minCommentGroupSize,
        ...(stored.length > 0 ? { existingId: stored[0].id } : {})
      });
    }
  }

  let surveyStatus: SurveyStatus | undefined;
  if (survey.status === 'scheduled' && open.length > 0) {
    surveyStatus = 'open';
  }
  const onceDone =
    survey.cadence === 'once' &&
    survey.status !== 'closed' &&
    survey.status !== 'draft' &&
    open.length === 0 &&
    !stillOpen &&
    (rounds.some((round) => round.roundNumber === 1 && (round.status === 'closed' || closing(round))) ||
      (window !== undefined && windowStatusAt(window, now) === 'closed'));
  if (onceDone) {
    surveyStatus = 'closed';
  }
  return { open, close, ...(surveyStatus ? { surveyStatus } : {}) };
}
