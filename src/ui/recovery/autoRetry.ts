/**
 * Trying again by itself while something is in its error state: after a backoff
 * (`retryDelayMs`: a few seconds, doubling up to a minute), and at once when the device comes
 * back online or the page is shown again. Framework-free, so card hosts use it as web parts do
 * (through `useAutoRetry`).
 *
 * The owner says how each try ended: `failed()` arms the next try (each one waits longer),
 * `succeeded()` disarms and starts the schedule afresh. Nothing runs while nothing failed.
 */
import { retryDelayMs } from '../../core/recovery';

/** Where the schedule listens and waits: the browser's window and document, when there are any. */
export interface RetryEnvironment {
  readonly setTimeout: (run: () => void, ms: number) => unknown;
  readonly clearTimeout: (timer: unknown) => void;
  /** `online` and `visibilitychange` (undefined outside a browser: the timer alone then). */
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  readonly isVisible?: () => boolean;
  readonly random?: () => number;
}

function browserEnvironment(): RetryEnvironment {
  const hasWindow = typeof window !== 'undefined' && typeof window.addEventListener === 'function';
  return {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    events: hasWindow ? window : undefined,
    isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden'
  };
}

export class AutoRetry {
  private attempt: number = 0;
  private timer: unknown = undefined;
  private armed: boolean = false;
  private listening: boolean = false;

  public constructor(
    private readonly retry: () => void,
    private readonly environment: RetryEnvironment = browserEnvironment()
  ) {}

  /** The last try failed: the next one comes after a longer wait (or when the device is back). */
  public failed(): void {
    this.stopTimer();
    this.armed = true;
    this.attempt += 1;
    this.timer = this.environment.setTimeout(this.fire, retryDelayMs(this.attempt, this.environment.random));
    this.listen(true);
  }

  /** It worked (or someone asked by hand): nothing is scheduled, and the next failure starts the schedule afresh. */
  public succeeded(): void {
    this.attempt = 0;
    this.disarm();
  }

  /** The owner is gone: no try comes after this. */
  public dispose(): void {
    this.disarm();
  }

  /** Whether a try is scheduled (for tests and hosts that show it). */
  public get pending(): boolean {
    return this.armed;
  }

  private readonly fire = (): void => {
    if (!this.armed) {
      return;
    }
    this.disarm();
    this.retry();
  };

  private readonly onVisibility = (): void => {
    if (this.environment.isVisible?.() !== false) {
      this.fire();
    }
  };

  private disarm(): void {
    this.armed = false;
    this.stopTimer();
    this.listen(false);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) {
      this.environment.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private listen(on: boolean): void {
    const events = this.environment.events;
    if (!events || on === this.listening) {
      return;
    }
    this.listening = on;
    if (on) {
      events.addEventListener('online', this.fire);
      events.addEventListener('visibilitychange', this.onVisibility);
    } else {
      events.removeEventListener('online', this.fire);
      events.removeEventListener('visibilitychange', this.onVisibility);
    }
  }
}
