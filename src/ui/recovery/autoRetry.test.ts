import { AutoRetry, type RetryEnvironment } from './autoRetry';

/** A window whose events the test fires, a clock the test moves, a visibility the test sets. */
function fakeEnvironment(): RetryEnvironment & { fire(type: string): void; visible: boolean } {
  const listeners = new Map<string, Set<() => void>>();
  const env = {
    visible: true,
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    random: () => 0.5,
    isVisible: () => env.visible,
    events: {
      addEventListener: (type: string, listener: () => void) => {
        listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
      },
      removeEventListener: (type: string, listener: () => void) => {
        listeners.get(type)?.delete(listener);
      }
    } as unknown as RetryEnvironment['events'],
    fire: (type: string) => listeners.get(type)?.forEach((listener) => listener())
  };
  return env;
}

describe('AutoRetry', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('tries again after 3 s, then waits twice as long after each failure, and starts afresh after a success', () => {
    const tries: number[] = [];
    const auto = new AutoRetry(() => tries.push(Date.now()), fakeEnvironment());
    const start = Date.now();
    auto.failed();
    jest.advanceTimersByTime(2_999);
    expect(tries).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(tries).toEqual([start + 3_000]);
    auto.failed();
    jest.advanceTimersByTime(6_000);
    expect(tries).toHaveLength(2);
    auto.succeeded();
    jest.advanceTimersByTime(120_000);
    expect(tries).toHaveLength(2);
    auto.failed();
    jest.advanceTimersByTime(3_000);
    expect(tries).toHaveLength(3);
  });

  it('tries at once when the device is back online or the page is shown again, and only while armed', () => {
    const env = fakeEnvironment();
    let tries = 0;
    const auto = new AutoRetry(() => (tries += 1), env);
    env.fire('online');
    expect(tries).toBe(0);
    auto.failed();
    env.fire('online');
    expect(tries).toBe(1);
    // Fired once: the timer it had scheduled does not try again.
    jest.advanceTimersByTime(60_000);
    expect(tries).toBe(1);
    auto.failed();
    env.visible = false;
    env.fire('visibilitychange');
    expect(tries).toBe(1);
    env.visible = true;
    env.fire('visibilitychange');
    expect(tries).toBe(2);
  });

  it('does nothing after it is disposed', () => {
    const env = fakeEnvironment();
    let tries = 0;
    const auto = new AutoRetry(() => (tries += 1), env);
    auto.failed();
    auto.dispose();
    env.fire('online');
    jest.advanceTimersByTime(60_000);
    expect(tries).toBe(0);
    expect(auto.pending).toBe(false);
  });
});
