/**
 * Shift-start reminders: who gets one Teams activity notification now, for which open rounds.
 * Framework-free and idempotent given what was already sent, so the relay's timer can run every
 * few minutes and send what the plan says, recording each as it goes.
 *
 * A person gets a reminder for a round when: the round is open (status and times); the person
 * is in its audience now (someone who left it mid-round gets none) and has not answered it; a
 * shift of theirs started inside the round, at most `windowMinutes` ago (near its start, never
 * before it; a shift the timer missed the start of by more is let go); they are not on leave now
 * or at the shift's start, nor in quiet hours; they have had fewer than the round's N reminders
 * (HR sets N, default 2); and nothing was sent to them for that shift yet, for any round. Several
 * rounds due at one shift start share one reminder: never two for the same shift.
 */
import type { IsoDateTime, ItemId } from '../models/common';
import { inQuietHours, onLeave, QuietHours } from '../roster/rules';
import type { Shift } from '../roster/types';
import { inAudience } from './audience';
import { DEFAULT_MAX_REMINDERS } from './definition';
import type { PromptRound, RosteredPerson } from './prompt';
import { windowStatusAt } from './schedule';

/** An open round with its survey's audience and what the survey says about reminders. */
export interface ReminderRound extends PromptRound {
  /** N: reminders per person and round; default {@link DEFAULT_MAX_REMINDERS}, 0 for none. */
  readonly maxReminders?: number;
}

/** A person the timer considers, with their roster around now. */
export interface ReminderPerson extends RosteredPerson {
  /** Directory id: whom the notification goes to, and how sent reminders are recorded. */
  readonly personId: string;
  /** The person's quiet hours, if they set any. */
  readonly quietHours?: readonly QuietHours[];
}

/** A reminder recorded as sent, one per round it reminded of. */
export interface SentReminder {
  readonly roundId: ItemId;
  readonly personId: string;
  readonly shiftId: string;
}

/** One notification to send now. */
export interface PlannedReminder {
  readonly personId: string;
  readonly shiftId: string;
  readonly shiftStart: IsoDateTime;
  /** The rounds it reminds of (the one that closes first first). */
  readonly roundIds: readonly ItemId[];
  /** One record to keep per round ({@link reminderKey}), so the next run plans nothing again. */
  readonly records: readonly SentReminder[];
}

export interface ReminderOptions {
  readonly now: Date;
  /** How long after a shift's start its reminder may still go; default 60 minutes. */
  readonly windowMinutes?: number;
}

export const DEFAULT_REMINDER_WINDOW_MINUTES = 60;

/** The unique key of a sent-reminder record: one per round, person and shift. */
export function reminderKey(roundId: ItemId, personId: string, shiftId: string): string {
  return `${roundId}:${personId}:${shiftId}`;
}

function isActive(shift: Shift): boolean {
  return shift.status !== 'cancelled' && Date.parse(shift.end) > Date.parse(shift.start);
}

function startsInRound(shift: Shift, round: ReminderRound): boolean {
  return windowStatusAt(round, new Date(shift.start)) === 'open';
}

function remindersLeft(round: ReminderRound, personId: string, sent: readonly SentReminder[]): number {
  const allowed = round.maxReminders ?? DEFAULT_MAX_REMINDERS;
  return allowed - sent.filter((record) => record.roundId === round.id && record.personId === personId).length;
}

/** The rounds a person is still to be reminded of: open now, in the audience, not answered, reminders left. */
function roundsToRemind(rounds: readonly ReminderRound[], person: ReminderPerson, sent: readonly SentReminder[], now: Date): ReminderRound[] {
  return rounds.filter(
    (round) =>
      round.status === 'open' &&
      windowStatusAt(round, now) === 'open' &&
      person.answeredRoundIds.indexOf(round.id) < 0 &&
      inAudience(person.person, round.audience) &&
      remindersLeft(round, person.personId, sent) > 0
  );
}

function byStart(a: Shift, b: Shift): number {
  return Date.parse(a.start) - Date.parse(b.start);
}

/** The person's shifts that may still bring a reminder: not cancelled, none sent for, not on leave at the start. */
function unsentShifts(person: ReminderPerson, sent: readonly SentReminder[]): Shift[] {
  const sentShifts = sent.filter((record) => record.personId === person.personId).map((record) => record.shiftId);
  return person.shifts
    .filter((shift) => isActive(shift) && sentShifts.indexOf(shift.id) < 0 && !onLeave(person.timeOff, new Date(shift.start)))
    .sort(byStart);
}

/**
 * The next shift whose start will bring a reminder for `round` (after `now`, inside the round,
 * not on leave at its start, none sent for it yet), when the round still has one for the person;
 * for showing and testing.
 */
export function nextReminderShift(round: ReminderRound, person: ReminderPerson, sent: readonly SentReminder[], now: Date): Shift | undefined {
  if (roundsToRemind([round], person, sent, now).length === 0) {
    return undefined;
  }
  return unsentShifts(person, sent).filter((shift) => Date.parse(shift.start) > now.getTime() && startsInRound(shift, round))[0];
}

/** The reminders to send now. Sending them and recording their `records` makes the next run skip them. */
export function planReminders(
  rounds: readonly ReminderRound[],
  people: readonly ReminderPerson[],
  sent: readonly SentReminder[],
  options: ReminderOptions
): PlannedReminder[] {
  const now = options.now;
  const t = now.getTime();
  const window = (options.windowMinutes ?? DEFAULT_REMINDER_WINDOW_MINUTES) * 60_000;
  const plan: PlannedReminder[] = [];
  people.forEach((person) => {
    if (onLeave(person.timeOff, now) || (person.quietHours ?? []).some((quiet) => inQuietHours(now, quiet))) {
      return;
    }
    const due = roundsToRemind(rounds, person, sent, now);
    if (due.length === 0) {
      return;
    }
    const shift = unsentShifts(person, sent).filter((candidate) => {
      const start = Date.parse(candidate.start);
      return start <= t && t < start + window && t < Date.parse(candidate.end);
    })[0];
    if (!shift) {
      return;
    }
    const roundIds = due
      .filter((round) => startsInRound(shift, round))
      .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt) || a.id - b.id)
      .map((round) => round.id);
    if (roundIds.length > 0) {
      plan.push({
        personId: person.personId,
        shiftId: shift.id,
        shiftStart: shift.start,
        roundIds,
        records: roundIds.map((roundId) => ({ roundId, personId: person.personId, shiftId: shift.id }))
      });
    }
  });
  return plan.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}
