import { DeadlineExceeded, isDeadlineExceeded, retryDelayMs, RETRY_FIRST_MS, RETRY_MAX_MS, withDeadline } from './recovery';

describe('withDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers what the work answers in time, and leaves no timer behind', async () => {
    await expect(withDeadline(Promise.resolve(7), 1_000)).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails with a timeout when no answer comes in time, even if the work never ends', async () => {
    const never = new Promise<number>(() => undefined);
    const waiting = withDeadline(never, 10_000, 'Loading your crew');
    jest.advanceTimersByTime(9_999);
    let settled = false;
    waiting.then(
      () => (settled = true),
      () => (settled = true)
    );
    await Promise.resolve();
    expect(settled).toBe(false);
    jest.advanceTimersByTime(1);
    const error: unknown = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceeded);
    expect(isDeadlineExceeded(error)).toBe(true);
    expect((error as Error).message).toBe('Loading your crew: no answer within 10 s');
  });
});

describe('retryDelayMs', () => {
  it('starts at a few seconds and doubles up to a minute, spread ±20 %', () => {
    const middle = (): number => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 30].map((attempt) => retryDelayMs(attempt, middle))).toEqual([
      RETRY_FIRST_MS,
      RETRY_FIRST_MS * 2,
      RETRY_FIRST_MS * 4,
      RETRY_FIRST_MS * 8,
      RETRY_FIRST_MS * 16,
      RETRY_MAX_MS,
      RETRY_MAX_MS,
      RETRY_MAX_MS
    ]);
    expect(retryDelayMs(1, () => 0)).toBe(RETRY_FIRST_MS * 0.8);
    expect(retryDelayMs(1, () => 1)).toBe(RETRY_FIRST_MS * 1.2);
  });
});
