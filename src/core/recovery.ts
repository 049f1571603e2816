/**
 * Loads that always end, and when to try again after one failed. Every part's load has a
 * deadline (`withDeadline`): past it the part shows an error with "Try again" instead of
 * loading for ever, whatever a request below it does. A part in its error state tries again by
 * itself on a backoff schedule (`retryDelayMs`), so it recovers when the service comes back.
 */

/** How long a part's load may take before the part says it failed (and keeps trying). */
export const LOAD_DEADLINE_MS = 10_000;

/** The first automatic retry after a failure; each later one waits twice as long, up to `RETRY_MAX_MS`. */
export const RETRY_FIRST_MS = 3_000;
export const RETRY_MAX_MS = 60_000;

/** Nothing answered in time. `code` is `timeout`, read by shape like the other failures' codes. */
export class DeadlineExceeded extends Error {
  public readonly code = 'timeout' as const;

  public constructor(what: string, ms: number) {
    super(`${what}: no answer within ${Math.round(ms / 100) / 10} s`);
    this.name = 'DeadlineExceeded';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** True for a deadline that passed (read by shape: ES5 builds lose Error subclass prototypes). */
export function isDeadlineExceeded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'timeout';
}

/**
 * `work`'s answer, or a `DeadlineExceeded` once `ms` have passed without one (or what `expired`
 * gives then: it may also stop the work). Otherwise the work goes on (what it reads may still
 * land in a cache); only the wait for it ends.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number = LOAD_DEADLINE_MS,
  what: string = 'Loading',
  expired: () => unknown = () => new DeadlineExceeded(what, ms)
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(expired()), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      }
    );
  });
}

/**
 * How long to wait before automatic retry number `attempt` (1 for the first after a failure):
 * 3 s, doubling up to a minute, each ±20 % so that many devices do not all ask at once.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const steps = Math.max(0, Math.floor(attempt) - 1);
  const base = Math.min(RETRY_FIRST_MS * Math.pow(2, Math.min(steps, 10)), RETRY_MAX_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
