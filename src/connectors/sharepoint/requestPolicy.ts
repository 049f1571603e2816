/**
 * How the product's SharePoint requests behave when SharePoint does not answer well, in one
 * place (a PnPjs behaviour on the product's root, and `settledBatch` for `$batch`es):
 *
 * - Every request has a deadline (`deadlineMs`): a request that gets no answer fails with a
 *   timeout (`DeadlineExceeded`, code `timeout`) instead of leaving the part loading.
 * - 429, 503 and 504 are sent again only while that stays short: after their Retry-After (or a
 *   short backoff) when it is at most `maxWaitMs`, and only while all tries fit in
 *   `retryBudgetMs`. Past that the answer is returned as SharePoint gave it (PnPjs turns it into
 *   an HttpRequestError with its status): the part shows "busy" and tries again on its own
 *   schedule. PnPjs's own retry waits out any Retry-After three times over.
 * - A request that never reached SharePoint (a TypeError) is sent again only when it is a GET.
 * - Every request of a `$batch` settles when the batch fails: PnPjs leaves them pending for ever
 *   (pnp/pnpjs #1275), and a read that never settles keeps a part loading (and, kept by
 *   `readOnce`, every later read of it too).
 */
import type { TimelinePipe } from '@pnp/core';
import type { IQueryableInternal, Queryable } from '@pnp/queryable';
import { spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/batching';

import { isFetchFailure } from '../../core/recognition/ports';
import { DeadlineExceeded } from '../../core/recovery';

export interface RequestPolicyOptions {
  /** How long one request may go without an answer. */
  readonly deadlineMs: number;
  /** Tries of one request at most (the first included). */
  readonly maxAttempts: number;
  /** The longest wait before a try again; a longer Retry-After is not waited for. */
  readonly maxWaitMs: number;
  /** All tries of one request, waits included, fit in this. */
  readonly retryBudgetMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export const DEFAULT_REQUEST_POLICY: RequestPolicyOptions = {
  deadlineMs: 8_000,
  maxAttempts: 3,
  maxWaitMs: 2_000,
  retryBudgetMs: 4_000
};

const RETRYABLE = [429, 503, 504];

function sleeper(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date); undefined without one. */
export function retryAfterMs(response: Pick<Response, 'headers'>, now: number = Date.now()): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** One fetch with a deadline; the caller's own abort signal still aborts it. */
async function fetchWithDeadline(url: string, init: RequestInit, ms: number): Promise<Response> {
  if (typeof AbortController === 'undefined') {
    return fetch(url, init);
  }
  const controller = new AbortController();
  const callerSignal = init.signal;
  const abortWithCaller = (): void => controller.abort();
  if (callerSignal) {
    if (callerSignal.aborted) {
      controller.abort();
    } else {
      callerSignal.addEventListener('abort', abortWithCaller);
    }
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (timedOut && isAbort(error)) {
      throw new DeadlineExceeded('SharePoint', ms);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', abortWithCaller);
  }
}

/**
 * The product's send behaviour for PnPjs (it replaces PnPjs's BrowserFetchWithRetry): see the
 * top of this file.
 */
export function RequestPolicy(options: RequestPolicyOptions = DEFAULT_REQUEST_POLICY): TimelinePipe<Queryable<unknown>> {
  const sleep = options.sleep ?? sleeper;
  const now = options.now ?? (() => Date.now());
  return (instance) => {
    instance.on.send.replace(async function (this: IQueryableInternal, url: URL, init: RequestInit): Promise<Response> {
      const started = now();
      const method = (init.method ?? 'GET').toUpperCase();
      for (let attempt = 1; ; attempt += 1) {
        let response: Response | undefined;
        let failure: unknown;
        try {
          response = await fetchWithDeadline(url.toString(), init, options.deadlineMs);
        } catch (error) {
          failure = error;
        }
        if (response && RETRYABLE.indexOf(response.status) < 0) {
          return response;
        }
        // A timeout or an abort is not tried again: the first took long enough already.
        const again = response !== undefined || (method === 'GET' && isFetchFailure(failure));
        const wait = response ? retryAfterMs(response, now()) ?? 250 * Math.pow(2, attempt - 1) : 0;
        const fits = attempt < options.maxAttempts && wait <= options.maxWaitMs && now() - started + wait <= options.retryBudgetMs;
        if (!again || !fits) {
          if (response) {
            // PnPjs's parser turns it into an HttpRequestError with SharePoint's status and message.
            return response;
          }
          throw failure;
        }
        this.log(`Trying again after ${response ? response.status : 'a lost connection'} (attempt ${attempt + 1}): ${method} ${url.toString()}`, 0);
        if (wait > 0) {
          await sleep(wait);
        }
      }
    });
    return instance;
  };
}

/** The product's PnPjs root: `sp` with the request policy (a new root; `sp` itself is unchanged). */
export function withRequestPolicy(sp: SPFI, options: RequestPolicyOptions = DEFAULT_REQUEST_POLICY): SPFI {
  return spfi(sp).using(RequestPolicy(options));
}

type BatchSend = (this: IQueryableInternal, url: URL, init: RequestInit) => Promise<Response>;

function isBatchNever(init: RequestInit): boolean {
  const headers = init.headers;
  return typeof headers === 'object' && headers !== null && !Array.isArray(headers) && !(headers instanceof Headers)
    ? Object.prototype.hasOwnProperty.call(headers, 'X-PnP-BatchNever')
    : false;
}

/**
 * Every request of the batch fails with the batch's own failure when the batch fails. PnPjs's
 * batching puts a send in place that settles only with the batch's answer; this behaviour, added
 * after batching's, races that send with the batch's failure.
 */
function settleWithBatch(failed: Promise<never>): TimelinePipe<Queryable<unknown>> {
  return (instance) => {
    instance.on.pre(async function (this: IQueryableInternal, url: string, init: RequestInit, result: unknown): Promise<[string, RequestInit, unknown]> {
      const [inBatch] = this.on.send.toArray() as BatchSend[];
      if (inBatch && !isBatchNever(init)) {
        this.on.send.replace(function (this: IQueryableInternal, sendUrl: URL, sendInit: RequestInit): Promise<Response> {
          return Promise.race([inBatch.call(this, sendUrl, sendInit), failed]);
        });
      }
      return [url, init, result];
    });
    return instance;
  };
}

/**
 * `sp.batched()` whose requests always settle: when the batch fails (SharePoint busy, the
 * connection lost, a timeout), each request queued on it rejects with the batch's failure, and
 * `execute` rejects with it too.
 */
export function settledBatch(sp: SPFI): [SPFI, () => Promise<void>] {
  const [batched, execute] = sp.batched();
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // Nobody may be waiting on it (a batch with no request queued): not an unhandled rejection.
  failed.catch(() => undefined);
  batched.using(settleWithBatch(failed));
  const run = (): Promise<void> =>
    execute().catch((error: unknown) => {
      fail(error);
      throw error;
    });
  return [batched, run];
}
