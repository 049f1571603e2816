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
 * One run is `renewalStep.ts`; a run that fails is logged and the next one tries again.
 */
import type { SPFI } from '@pnp/sp';

import type { RenewalStep, RenewalsReport } from './renewalStep';

export interface LearningTickReport extends RenewalsReport {
  readonly at: string;
}

export interface LearningTimer {
  /** One run at `at` (the relay's clock unless given). */
  tick(at?: Date): Promise<LearningTickReport>;
}

export interface LearningTimerOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  readonly renewals: RenewalStep;
  /** The relay's clock (milliseconds since the epoch); `Date.now` unless given. */
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export function createLearningTimer(options: LearningTimerOptions): LearningTimer {
  const log = options.log ?? ((): void => undefined);
  const clock = options.now ?? Date.now;
  return {
    async tick(at) {
      const now = at ?? new Date(clock());
      const stamp = now.toISOString();
      try {
        const report = await options.renewals(options.site(), now);
        if (report.assigned.length + report.notified.length > 0) {
          log(`learning timer: ${report.assigned.length} renewal(s) assigned, ${report.notified.length} notice(s) sent.`);
        }
        return { at: stamp, ...report };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`learning timer: the run failed and is tried again at the next one: ${message}`);
        return { at: stamp, status: 'failed', assigned: [], notified: [], message };
      }
    }
  };
}
