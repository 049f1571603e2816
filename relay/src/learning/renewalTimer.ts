/**
 * The learning timer: learning renewals assigned and told with nobody on a page, with the relay's
 * app identity (docs/relay.md "The learning timer"). Azure Functions runs it every hour from a
 * timer trigger (`relay/learning-timer/function.json`; the host posts to the custom handler's
 * `/learning-timer`, `main.ts`); the local tenant runs it on demand (`POST /relay/learning-timer`,
 * `local/relay`).
 *
 * A timer of its own, not a step of the pulse timer: a renewal is due days ahead, so once an hour
 * is soon enough, and a run reads every skill that may be due, which the pulse timer's five
 * minutes would repeat for nothing; and it waits for the learning lists' setup, not the pulse's.
 * A run is up to three steps, in this order, each with its own report: crew moves
 * (`crewMovesStep.ts`: a person's learning rows follow them to another crew), practice from the
 * roster (`practiceStep.ts`: `LastPractisedAt` forward from Shifts activities at a station), then
 * renewals (`renewalStep.ts`, which then sees the fresh crews and practice). A step that fails is
 * logged and reported and the others still run; the next run tries it again.
 */
import type { SPFI } from '@pnp/sp';

import type { CrewMovesReport, CrewMovesStep } from './crewMovesStep';
import type { PracticeReport, PracticeStep } from './practiceStep';
import type { RenewalStep, RenewalsReport } from './renewalStep';

/** A run's report: the renewals' at the top (`status`, `assigned`, `notified`), each other step's under its name. */
export interface LearningTickReport extends RenewalsReport {
  readonly at: string;
  readonly crewMoves?: CrewMovesReport;
  readonly practice?: PracticeReport;
}

export interface LearningTimer {
  /** One run at `at` (the relay's clock unless given). */
  tick(at?: Date): Promise<LearningTickReport>;
}

export interface LearningTimerOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  readonly renewals: RenewalStep;
  /** A person's learning rows moved to their crew (absent: not run). */
  readonly crewMoves?: CrewMovesStep;
  /** `LastPractisedAt` moved forward from the roster (absent: not run). */
  readonly practice?: PracticeStep;
  /** The relay's clock (milliseconds since the epoch); `Date.now` unless given. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export function createLearningTimer(options: LearningTimerOptions): LearningTimer {
  const log = options.log ?? ((): void => undefined);
  const clock = options.now ?? Date.now;
  const failure = (what: string, error: unknown): string => {
    const message = error instanceof Error ? error.message : String(error);
    log(`learning timer: ${what} failed and is tried again at the next run: ${message}`);
    return message;
  };
  return {
    async tick(at) {
      const now = at ?? new Date(clock());
      const stamp = now.toISOString();
      const sp = options.site();
      const steps: { crewMoves?: CrewMovesReport; practice?: PracticeReport } = {};
      if (options.crewMoves) {
        try {
          steps.crewMoves = await options.crewMoves(sp, now);
        } catch (error) {
          steps.crewMoves = { status: 'failed', moved: [], handWritten: [], message: failure('moving learning rows to their crews', error) };
        }
      }
      if (options.practice) {
        try {
          steps.practice = await options.practice(sp, now);
        } catch (error) {
          steps.practice = { status: 'failed', practised: [], handWritten: [], message: failure('recording practice from the roster', error) };
        }
      }
      try {
        const report = await options.renewals(sp, now);
        if (report.assigned.length + report.notified.length > 0) {
          log(`learning timer: ${report.assigned.length} renewal(s) assigned, ${report.notified.length} notice(s) sent.`);
        }
        return { at: stamp, ...report, ...steps };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`learning timer: the run failed and is tried again at the next one: ${message}`);
        return { at: stamp, status: 'failed', assigned: [], notified: [], message, ...steps };
      }
    }
  };
}
