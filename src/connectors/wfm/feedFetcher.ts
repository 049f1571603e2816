/**
 * What the WFM feed sources share: an HTTP GET over axios with a timeout and retries (429 and
 * 503, honouring Retry-After, exponential backoff with jitter; dropped connections), HTTP
 * failures as RosterError codes, and the last good data per feed URL, served as stale when a
 * refresh fails.
 */
import axios, { AxiosInstance } from 'axios';

import { RosterError, RosterErrorCode } from '../../core/roster/types';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** First backoff step; it doubles per attempt, plus up to this much random jitter. */
  readonly baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the read fails as `throttled`. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 };
export const DEFAULT_TIMEOUT_MS = 15_000;
/** How long a successful read is reused before the feed is read again. */
export const DEFAULT_MAX_AGE_MS = 5 * 60_000;

export interface FetchRuntime {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => Date;
}

export const DEFAULT_RUNTIME: FetchRuntime = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => new Date()
};

/** The settings both feed sources accept besides their own. */
export interface FeedHttpOptions {
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Reuse a successful read this long (ms); 0 reads the feed on every call. */
  readonly maxAgeMs?: number;
}

/** The feed URL without query and fragment: personal export URLs carry secrets there. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the feed URL';
  }
}

/** Throws `notConfigured` unless the URL is absolute http(s). */
export function assertFeedUrl(url: unknown, what: string): asserts url is string {
  let ok = false;
  if (typeof url === 'string') {
    try {
      const protocol = new URL(url).protocol;
      ok = protocol === 'https:' || protocol === 'http:';
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw new RosterError('notConfigured', `${what}: "url" must be an absolute http(s) address of the feed`);
  }
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'number') {
    return Math.max(0, text * 1000);
  }
  if (typeof text !== 'string' || text.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(text.trim())) {
    return Number(text.trim()) * 1000;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Wait before attempt `attempt + 1`: max(Retry-After, base·2^(attempt−1)) plus jitter in [0, base). */
export function backoffDelayMs(attempt: number, retryAfter: number | undefined, policy: RetryPolicy, random: () => number): number {
  const exponential = policy.baseDelayMs * Math.pow(2, attempt - 1);
  return Math.max(retryAfter ?? 0, exponential) + Math.floor(random() * policy.baseDelayMs);
}

interface Failure {
  readonly code: RosterErrorCode;
  readonly message: string;
  readonly retryable: boolean;
  readonly retryAfter?: number;
}

function classify(error: unknown, where: string, timeoutMs: number, now: number): Failure {
  if (!axios.isAxiosError(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'unexpected', message: `Reading ${where} failed: ${detail}`, retryable: false };
  }
  const response = error.response;
  if (!response) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      return { code: 'network', message: `${where} did not answer within ${limit}`, retryable: false };
    }
    if (error.code === 'ERR_CANCELED') {
      return { code: 'unexpected', message: `Reading ${where} was cancelled`, retryable: false };
    }
    return { code: 'network', message: `${where} could not be reached (${error.code ?? error.message})`, retryable: true };
  }
  const status = response.status;
  if (status === 401 || status === 403) {
    return { code: 'accessDenied', message: `${where} refused access (HTTP ${status}); the feed address or its sharing may have changed`, retryable: false };
  }
  if (status === 404 || status === 410) {
    return { code: 'notFound', message: `${where} does not exist (HTTP ${status})`, retryable: false };
  }
  if (status === 429 || status === 503) {
    const header: unknown = response.headers['retry-after'];
    return { code: 'throttled', message: `${where} is busy (HTTP ${status})`, retryable: true, retryAfter: retryAfterMs(header, now) };
  }
  return { code: 'unexpected', message: `${where} answered HTTP ${status}`, retryable: false };
}

/**
 * GETs a feed as text. Retries 429/503 (after Retry-After, with backoff and jitter) and dropped
 * connections, at most `maxAttempts` times in all; every failure becomes a RosterError.
 */
export async function fetchFeedText(
  http: AxiosInstance,
  url: string,
  accept: string,
  options: FeedHttpOptions,
  runtime: FetchRuntime = DEFAULT_RUNTIME
): Promise<string> {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = describeUrl(url);
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await http.get<unknown>(url, {
        timeout,
        responseType: 'text',
        headers: { Accept: accept },
        // The body is parsed by the source, so a broken body gets a clear message.
        transformResponse: [(data: unknown) => data]
      });
      const data = response.data;
      return typeof data === 'string' ? data : data === undefined || data === null ? '' : String(data);
    } catch (error) {
      const failure = classify(error, where, timeout, runtime.now().getTime());
      if (!failure.retryable || attempt >= policy.maxAttempts) {
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        throw new RosterError(failure.code, `${failure.message}${tries}`);
      }
      if (failure.retryAfter !== undefined && failure.retryAfter > policy.maxDelayMs) {
        const seconds = Math.ceil(failure.retryAfter / 1000);
        throw new RosterError(failure.code, `${failure.message}; it asks to wait ${seconds} s, longer than we wait`);
      }
      await runtime.sleep(backoffDelayMs(attempt, failure.retryAfter, policy, runtime.random));
    }
  }
}

export interface FeedSnapshot<T> {
  readonly value: T;
  readonly at: Date;
}

/** The last successfully parsed data per feed URL. Share one store to keep it across sources. */
export class LastGoodStore<T> {
  private readonly snapshots = new Map<string, FeedSnapshot<T>>();

  public get(key: string): FeedSnapshot<T> | undefined {
    return this.snapshots.get(key);
  }

  public set(key: string, snapshot: FeedSnapshot<T>): void {
    this.snapshots.set(key, snapshot);
  }
}

export interface FeedStatus {
  /** True when the data served comes from an earlier read because the last refresh failed. */
  readonly stale: boolean;
  readonly lastError?: RosterError;
  readonly lastSuccessAt?: Date;
}

function toRosterError(error: unknown): RosterError {
  if (error instanceof RosterError) {
    return error;
  }
  return new RosterError('unexpected', error instanceof Error ? error.message : String(error));
}

/**
 * A feed read (fetch + parse) with reuse for `maxAgeMs`, one read in flight at a time, and the
 * last good data served (stale) when a refresh fails. Throws only when there never was good data.
 */
export class CachedFeed<T> implements FeedStatus {
  private inFlight: Promise<T> | undefined;
  private lastAttemptAt: number | undefined;
  private status: FeedStatus = { stale: false };

  public constructor(
    private readonly key: string,
    private readonly load: () => Promise<T>,
    private readonly store: LastGoodStore<T>,
    private readonly maxAgeMs: number,
    private readonly now: () => Date
  ) {}

  public get stale(): boolean {
    return this.status.stale;
  }

  public get lastError(): RosterError | undefined {
    return this.status.lastError;
  }

  public get lastSuccessAt(): Date | undefined {
    return this.store.get(this.key)?.at;
  }

  /** The data, read again when the last read is older than `maxAgeMs`. */
  public current(): Promise<T> {
    const snapshot = this.store.get(this.key);
    const attempted = this.lastAttemptAt ?? snapshot?.at.getTime();
    if (snapshot && attempted !== undefined && this.now().getTime() - attempted < this.maxAgeMs) {
      return Promise.resolve(snapshot.value);
    }
    return this.refresh();
  }

  /** Reads the feed now (joining a read already in flight). */
  public refresh(): Promise<T> {
    if (!this.inFlight) {
      this.inFlight = this.read().then(
        (value) => {
          this.inFlight = undefined;
          return value;
        },
        (error: unknown) => {
          this.inFlight = undefined;
          throw error;
        }
      );
    }
    return this.inFlight;
  }

  private async read(): Promise<T> {
    this.lastAttemptAt = this.now().getTime();
    try {
      const value = await this.load();
      this.store.set(this.key, { value, at: this.now() });
      this.status = { stale: false };
      return value;
    } catch (error) {
      const lastError = toRosterError(error);
      const snapshot = this.store.get(this.key);
      this.status = { stale: snapshot !== undefined, lastError };
      if (!snapshot) {
        throw lastError;
      }
      return snapshot.value;
    }
  }
}

/**
 * A roster source read from a feed: the feed's status (stale, last error, last success) and a
 * refresh, the same for every feed format.
 */
export abstract class FeedBackedSource<T> implements FeedStatus {
  protected abstract readonly feed: CachedFeed<T>;

  /** True when the roster served is the last good one because the latest read failed. */
  public get stale(): boolean {
    return this.feed.stale;
  }

  /** Why the latest read failed (cleared by the next successful read). */
  public get lastError(): RosterError | undefined {
    return this.feed.lastError;
  }

  public get lastSuccessAt(): Date | undefined {
    return this.feed.lastSuccessAt;
  }

  /** Reads the feed now instead of reusing a recent read. */
  public async refresh(): Promise<void> {
    await this.feed.refresh();
  }
}
