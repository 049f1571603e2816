/**
 * The pulse timer: what the relay does on its own, every five minutes, with its app identity
 * (docs/relay.md "The pulse timer"). Azure Functions runs it from a timer trigger
 * (`relay/pulse-timer/function.json`; the host posts to the custom handler's `/pulse-timer`,
 * `main.ts`); the local tenant runs it on an interval and on demand (`local/relay`).
 *
 * One run (`tick`):
 *   1. nothing before Engage Setup: until SE_Surveys and SE_SurveyRounds are HR's alone, and
 *      SE_Participation and SE_Reminders the relay's, a member could write a survey that makes the
 *      relay notify anyone; the run logs why and stops;
 *   2. opens and closes rounds on time (`timerRounds.ts`);
 *   3. sends shift-start reminders (`timerReminders.ts`). A reminder step that fails, for example
 *      because an admin has not granted a Graph permission, is logged and skipped; the rounds of
 *      step 2 are written by then.
 *   4. with the pulse keys: drains the rounds' inboxes into their ballot boxes in batches
 *      (`timerDrain.ts`): the only place boxes are written, so their write times carry no answer's
 *      time. An open round's inbox waits for its minimum group; a closed round's is drained
 *      whole, before step 6. A round whose drain fails is logged; its answers stay in the inbox.
 *   5. with the pulse keys: settles participation left `pending` by requests that died, so no
 *      token stays beside a person once the round is closed (`timerPending.ts`). A sweep that
 *      fails is logged; the next run tries again.
 *   6. with the pulse keys: the box check (`integrity.ts`) of every round closed by this run or
 *      within the last hour, once its pending participation is settled: counted participation
 *      against the answers in its boxes. A mismatch (a box put back to an older copy, records
 *      deleted) is logged on every run of that hour.
 *   7. with the pulse keys: publishes the latest closed rounds not published yet
 *      (`resultsPublish.ts`), each only once its inbox is drained and its box check is
 *      `consistent`: the crews' shift patterns and places are read from the rosters then, once,
 *      and sealed with the counts and thresholds; a results call never publishes. A round whose
 *      publication was tampered with is never published again.
 *
 * Opening a round (step 2) also seals its thresholds (`resultsSeal.ts`), so lowering them on the
 * round's row afterwards changes nothing.
 */
import type { SPFI } from '@pnp/sp';

import type { SetupGate } from '../setupGate';
import type { PulseKeyring } from './envelope';
import { type BoxCheck, checkRoundBoxes } from './integrity';
import { type DrainReport, drainRounds } from './timerDrain';
import { type PendingReport, readSweptRounds, sweepRounds } from './timerPending';
import type { CrewRosterSource } from './crews';
import { type PublicationReport, publishClosedRounds } from './resultsPublish';
import { applySchedule, type RoundsReport } from './timerRounds';

/** What the reminder step did, or why it did nothing. */
export interface RemindersReport {
  /** `notGranted`: Graph refused the relay (an application permission missing); `failed`: anything else. */
  readonly status: 'sent' | 'nothingOpen' | 'notGranted' | 'failed';
  /** Directory ids of the people reminded by this run. */
  readonly sent: readonly string[];
  readonly message?: string;
}

/** The reminder step: given the site and the instant, sends what is due. */
export type ReminderStep = (sp: SPFI, now: Date) => Promise<RemindersReport>;

export interface PulseTickReport {
  readonly at: string;
  readonly status: 'done' | 'notSetUp' | 'failed';
  readonly rounds?: RoundsReport;
  readonly reminders?: RemindersReport;
  /** Step 4; absent without pulse keys, or when the rounds could not be read (logged). */
  readonly drained?: DrainReport;
  /** Step 5; absent without pulse keys, or when the sweep failed (logged). */
  readonly pending?: PendingReport;
  /** Step 6; absent without pulse keys, or when the check failed (logged). */
  readonly boxChecks?: readonly BoxCheck[];
  /** Step 7; absent without pulse keys, or when the rounds could not be read (logged). */
  readonly published?: readonly PublicationReport[];
}

/** Rounds closed this recently are checked on every run: participation still pending at the close has been settled by then. */
export const BOX_CHECK_WINDOW_MS = 60 * 60 * 1000;

export interface PulseTimerOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** SE_Surveys, SE_SurveyRounds, SE_Participation and SE_Reminders secured by Engage Setup. */
  readonly gate: SetupGate;
  /** Absent: rounds only. */
  readonly reminders?: ReminderStep;
  /** The pulse keys (SE_PULSE_KEYS): absent, no inbox is drained and no pending participation swept (nothing is collected either). */
  readonly keys?: PulseKeyring;
  /** The crews' rosters: their shift patterns and places, read when a round is published. */
  readonly rosters?: CrewRosterSource;
  /** For the boxes' shuffles; the secure `shuffleRandom` unless given. */
  readonly random?: () => number;
  /** The relay's clock (milliseconds since the epoch); `Date.now` unless given. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export interface PulseTimer {
  /** One run at `at` (the relay's clock unless given). */
  tick(at?: Date): Promise<PulseTickReport>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createPulseTimer(options: PulseTimerOptions): PulseTimer {
  const log = options.log ?? ((): void => undefined);
  const clock = options.now ?? Date.now;
  /** Step 4: its failure is logged and leaves the rest of the run as it is (the answers stay in the inbox). */
  async function drain(sp: SPFI, now: Date): Promise<DrainReport | undefined> {
    if (!options.keys) {
      return undefined;
    }
    try {
      return await drainRounds(sp, options.keys, await readSweptRounds(sp, now), { random: options.random, log });
    } catch (error) {
      log(`pulse timer: no inbox drained this run: ${message(error)}`);
      return undefined;
    }
  }
  /** Step 5: its failure is logged and leaves the rest of the run as it is. */
  async function sweep(sp: SPFI, now: Date): Promise<PendingReport | undefined> {
    if (!options.keys) {
      return undefined;
    }
    try {
      return await sweepRounds(sp, options.keys, now, log);
    } catch (error) {
      log(`pulse timer: pending participation not swept this run: ${message(error)}`);
      return undefined;
    }
  }
  /** Step 6: its failure is logged and leaves the rest of the run as it is. */
  async function checkBoxes(sp: SPFI, now: Date, closedNow: readonly number[]): Promise<BoxCheck[] | undefined> {
    if (!options.keys) {
      return undefined;
    }
    try {
      const recent = (await readSweptRounds(sp, now)).filter((r) => r.closed && now.getTime() - r.closesAt < BOX_CHECK_WINDOW_MS).map((r) => r.roundId);
      const ids = closedNow.concat(recent).filter((id, index, all) => all.indexOf(id) === index);
      const checks: BoxCheck[] = [];
      for (const roundId of ids) {
        checks.push(await checkRoundBoxes(sp, options.keys, roundId, log));
      }
      return checks;
    } catch (error) {
      log(`pulse timer: the closed rounds' boxes were not checked this run: ${message(error)}`);
      return undefined;
    }
  }
  /** Step 7: its failure is logged; the next run publishes what this one did not. */
  async function publish(sp: SPFI, now: Date, checks: readonly BoxCheck[]): Promise<PublicationReport[] | undefined> {
    if (!options.keys) {
      return undefined;
    }
    try {
      return await publishClosedRounds(sp, options.keys, now, checks, { rosters: options.rosters, random: options.random, log });
    } catch (error) {
      log(`pulse timer: no round was published this run: ${message(error)}`);
      return undefined;
    }
  }
  /** Steps 4 to 7, in that order. */
  async function afterRounds(sp: SPFI, now: Date, rounds: RoundsReport): Promise<Pick<PulseTickReport, 'drained' | 'pending' | 'boxChecks' | 'published'>> {
    const drained = await drain(sp, now);
    const pending = await sweep(sp, now);
    const boxChecks = await checkBoxes(
      sp,
      now,
      rounds.closed.map((c) => c.roundId)
    );
    const published = await publish(sp, now, boxChecks ?? []);
    return { drained, pending, boxChecks, published };
  }
  return {
    async tick(at) {
      const now = at ?? new Date(clock());
      const stamp = now.toISOString();
      try {
        if (await options.gate.refusal()) {
          log('pulse timer: Engage Setup has not secured the pulse lists on this site; no round is opened and no reminder sent.');
          return { at: stamp, status: 'notSetUp' };
        }
        const sp = options.site();
        const rounds = await applySchedule(sp, now, log, options.keys);
        if (rounds.opened.length + rounds.closed.length > 0) {
          log(`pulse timer: opened ${rounds.opened.join(', ') || 'none'}; closed ${rounds.closed.map((c) => `${c.roundId} (${c.reason})`).join(', ') || 'none'}.`);
        }
        if (!options.reminders) {
          return { at: stamp, status: 'done', rounds, ...(await afterRounds(sp, now, rounds)) };
        }
        let reminders: RemindersReport;
        try {
          reminders = await options.reminders(sp, now);
        } catch (error) {
          log(`pulse timer: no reminders this run: ${message(error)}`);
          reminders = { status: 'failed', sent: [], message: message(error) };
        }
        return { at: stamp, status: 'done', rounds, reminders, ...(await afterRounds(sp, now, rounds)) };
      } catch (error) {
        log(`pulse timer: the run failed and is tried again at the next one: ${message(error)}`);
        return { at: stamp, status: 'failed' };
      }
    }
  };
}
