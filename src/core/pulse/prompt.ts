/**
 * Whether the on-shift pulse prompt (application customizer, Pulse card) shows now for a person
 * and a round. Framework-free; the caller supplies "now", the roster and what the device knows.
 *
 * It shows only when all hold: the round is open (by its status and its times), the person is in
 * the survey's audience, has not answered the round, has not dismissed the prompt for it, and
 * may be prompted now by the roster's rule (`mayPromptNow`: on a shift, past its first and before
 * its last minutes, not on leave, not in quiet hours — so never on rest days, leave or off-shift
 * nights).
 */
import type { ItemId } from '../models/common';
import type { SurveyAudience, SurveyRound } from '../models/pulse';
import { DEFAULT_PROMPT_SETTINGS, mayPromptNow, PromptDecision, PromptSettings } from '../roster/rules';
import type { Shift, TimeOff } from '../roster/types';
import { inAudience, PulsePerson } from './audience';
import { windowStatusAt } from './schedule';

/** A round as the prompt reads it, with its survey's audience. */
export interface PromptRound extends Pick<SurveyRound, 'id' | 'status' | 'opensAt' | 'closesAt'> {
  readonly audience: SurveyAudience;
}

/** A person as the prompt and the reminders see them: audience facts, roster around now, rounds answered. */
export interface RosteredPerson {
  readonly person: PulsePerson;
  /** Rounds the person has answered (their SE_Participation records). */
  readonly answeredRoundIds: readonly ItemId[];
  /** The person's shifts and time off around now. */
  readonly shifts: readonly Shift[];
  readonly timeOff: readonly TimeOff[];
}

export interface PromptContext extends RosteredPerson {
  readonly now: Date;
  /** Rounds the person dismissed the prompt for (kept on the device). */
  readonly dismissedRoundIds: readonly ItemId[];
  /** Grace minutes and quiet hours; default 15/15 and none. */
  readonly settings?: PromptSettings;
}

type RosterReason = Extract<PromptDecision, { allowed: false }>['reason'];

export type PulsePromptReason = 'roundNotOpen' | 'notInAudience' | 'answered' | 'dismissed' | RosterReason;

export type PulsePromptDecision =
  | { readonly show: true; readonly roundId: ItemId; readonly shift: Shift }
  | { readonly show: false; readonly reason: PulsePromptReason };

function contains(ids: readonly ItemId[], id: ItemId): boolean {
  return ids.indexOf(id) >= 0;
}

/** Whether the prompt for `round` shows now, and if not, the first reason why not. */
export function pulsePromptNow(round: PromptRound, context: PromptContext): PulsePromptDecision {
  if (round.status !== 'open' || windowStatusAt(round, context.now) !== 'open') {
    return { show: false, reason: 'roundNotOpen' };
  }
  if (!inAudience(context.person, round.audience)) {
    return { show: false, reason: 'notInAudience' };
  }
  if (contains(context.answeredRoundIds, round.id)) {
    return { show: false, reason: 'answered' };
  }
  if (contains(context.dismissedRoundIds, round.id)) {
    return { show: false, reason: 'dismissed' };
  }
  const roster = mayPromptNow(context.now, context.shifts, context.timeOff, context.settings ?? DEFAULT_PROMPT_SETTINGS);
  return roster.allowed ? { show: true, roundId: round.id, shift: roster.shift } : { show: false, reason: roster.reason };
}

/**
 * The round to prompt for now among several open ones: of those the prompt shows for, the one
 * that closes first; undefined when none. One prompt at a time.
 */
export function roundToPrompt(rounds: readonly PromptRound[], context: PromptContext): PulsePromptDecision | undefined {
  return rounds
    .slice()
    .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt) || a.id - b.id)
    .map((round) => pulsePromptNow(round, context))
    .filter((decision) => decision.show)[0];
}
