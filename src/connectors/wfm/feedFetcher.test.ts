import { RosterError } from '../../core/roster/types';
import { backoffDelayMs, CachedFeed, DEFAULT_RETRY, describeUrl, LastGoodStore, retryAfterMs } from './feedFetcher';

describe('feedFetcher helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-03-28T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(['2'], now)).toBe(2000);
    expect(retryAfterMs('Sat, 28 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 28 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, never sooner than Retry-After', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100 };
    expect(backoffDelayMs(1, undefined, policy, () => 0)).toBe(100);
    expect(backoffDelayMs(2, undefined, policy, () => 0)).toBe(200);
    expect(backoffDelayMs(3, undefined, policy, () => 0.5)).toBe(450);
    expect(backoffDelayMs(1, 1000, policy, () => 0.99)).toBe(1099);
  });

  it('keeps secrets in the query out of messages', () => {
    expect(describeUrl('https://export.quinyx.example/ical/anna.ics?token=s3cret')).toBe('https://export.quinyx.example/ical/anna.ics');
    expect(describeUrl('not a url')).toBe('the feed URL');
  });
});

describe('CachedFeed', () => {
  let clock: number;
  const now = (): Date => new Date(clock);
  beforeEach(() => {
    clock = Date.parse('2026-03-28T12:00:00Z');
  });

  it('reuses a read for maxAge and shares a read in flight', async () => {
    let reads = 0;
    const feed = new CachedFeed('u', () => Promise.resolve(++reads), new LastGoodStore<number>(), 60_000, now);
    expect(await Promise.all([feed.current(), feed.current()])).toEqual([1, 1]);
    clock += 59_000;
    expect(await feed.current()).toBe(1);
    clock += 2_000;
    expect(await feed.current()).toBe(2);
    expect(reads).toBe(2);
  });

  it('serves the last good data as stale when a refresh fails, and throws only without any', async () => {
    const outcomes: Array<number | RosterError> = [new RosterError('malformedFeed', 'line 3: bad'), 1, new RosterError('network', 'gone'), 2];
    const load = (): Promise<number> => {
      const next = outcomes.shift();
      return next instanceof RosterError ? Promise.reject(next) : Promise.resolve(next ?? 0);
    };
    const feed = new CachedFeed('u', load, new LastGoodStore<number>(), 0, now);
    await expect(feed.current()).rejects.toMatchObject({ code: 'malformedFeed', message: 'line 3: bad' });
    expect(feed.stale).toBe(false);
    expect(feed.lastSuccessAt).toBeUndefined();
    expect(await feed.current()).toBe(1);
    const firstSuccess = feed.lastSuccessAt;
    expect(firstSuccess).toEqual(now());
    clock += 1000;
    expect(await feed.current()).toBe(1);
    expect(feed.stale).toBe(true);
    expect(feed.lastError?.code).toBe('network');
    expect(feed.lastSuccessAt).toEqual(firstSuccess);
    expect(await feed.current()).toBe(2);
    expect(feed.stale).toBe(false);
    expect(feed.lastError).toBeUndefined();
  });

  it('wraps errors that are not RosterErrors', async () => {
    const feed = new CachedFeed('u', () => Promise.reject(new Error('boom')), new LastGoodStore<number>(), 0, now);
    await expect(feed.current()).rejects.toMatchObject({ name: 'RosterError', code: 'unexpected', message: 'boom' });
  });
});
