/**
 * Microsoft Graph JSON batching with the retries Graph asks for: at most 20 requests per
 * `$batch`; inner requests answered 429, 503 or 504 are sent again after their `Retry-After`
 * (or an exponential backoff with jitter), a bounded number of times and, with a `budgetMs`, only
 * while every try fits in it; a throttled batch as a whole is retried the same way. Everything
 * else is returned as Graph answered it. The product's parts load while someone waits: their
 * policy (the default) gives up within seconds, shows why and tries again on its own schedule.
 */
import type { GraphClientLike } from './graphClient';

export const MAX_BATCH_SIZE = 20;

export interface BatchRequest {
  readonly method?: 'GET' | 'POST';
  /** Relative to the version root, e.g. `/me?$select=id`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /**
   * All tries of one call (`sendBatch`, a page of `collectPages`), waits included, fit in this
   * many milliseconds: no try again that would end past it. None: only `maxAttempts` bounds them.
   */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

/**
 * For what someone waits for: a quick try again or two (the Graph client has already tried
 * again on its own, after Retry-After), then the failure, all within about three seconds.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 2_000,
  budgetMs: 3_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random
};

function clock(policy: RetryPolicy): number {
  return (policy.now ?? Date.now)();
}

/** Whether another try after waiting `wait` ms still fits the policy's budget (from `started`). */
function fitsBudget(policy: RetryPolicy, started: number, wait: number): boolean {
  return policy.budgetMs === undefined || clock(policy) - started + wait <= policy.budgetMs;
}

/** A Graph call that failed, with Graph's status and error code. */
export class GraphFailure extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'GraphFailure';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const RETRYABLE = new Set([429, 503, 504]);

/** The code of a Graph call that got no answer in time (status 504, as a gateway would say). */
export const TIMEOUT_CODE = 'Timeout';

/** A call Graph answered busy is tried again; one that got no answer in time (`graphDeadline.ts`) is not: it took long enough. */
function retryable(thrown: { status: number; code: string }): boolean {
  return RETRYABLE.has(thrown.status) && thrown.code !== TIMEOUT_CODE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) {
    return undefined;
  }
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value = (headers as { get(n: string): string | null }).get(name);
    return value ?? undefined;
  }
  if (isRecord(headers)) {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() === name.toLowerCase() && typeof value === 'string') {
        return value;
      }
    }
  }
  return undefined;
}

/** Milliseconds to wait before attempt `attempt` (1-based retries): Retry-After wins, else backoff with full jitter. */
export function retryDelay(attempt: number, retryAfter: string | undefined, policy: RetryPolicy): number {
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(seconds * 1000, policy.maxDelayMs);
  }
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/** Status and Retry-After of an error thrown by the Graph client (GraphError has statusCode). */
export function describeThrown(error: unknown): { status: number; code: string; retryAfter?: string; message: string } {
  const record = isRecord(error) ? error : {};
  const status = typeof record.statusCode === 'number' ? record.statusCode : typeof record.status === 'number' ? record.status : 0;
  const code = typeof record.code === 'string' ? record.code : status === 0 ? 'NetworkError' : 'Unknown';
  const message = error instanceof Error ? error.message : String(error);
  return { status, code, retryAfter: headerValue(record.headers, 'retry-after'), message };
}

function parseResponses(value: unknown): Map<string, BatchResponse> {
  const responses = new Map<string, BatchResponse>();
  const list = isRecord(value) && Array.isArray(value.responses) ? value.responses : [];
  for (const item of list) {
    if (isRecord(item) && (typeof item.id === 'string' || typeof item.id === 'number') && typeof item.status === 'number') {
      const headers: Record<string, string> = {};
      if (isRecord(item.headers)) {
        for (const [key, header] of Object.entries(item.headers)) {
          if (typeof header === 'string') {
            headers[key.toLowerCase()] = header;
          }
        }
      }
      responses.set(String(item.id), { status: item.status, headers, body: item.body });
    }
  }
  return responses;
}

async function postChunk(
  graph: GraphClientLike,
  chunk: ReadonlyArray<[string, BatchRequest]>,
  policy: RetryPolicy,
  started: number
): Promise<Map<string, BatchResponse>> {
  const payload = {
    requests: chunk.map(([id, request]) => ({
      id,
      method: request.method ?? 'GET',
      url: request.url,
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.body !== undefined ? { body: request.body, headers: { 'Content-Type': 'application/json', ...request.headers } } : {})
    }))
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return parseResponses(await graph.api('/$batch').post(payload));
    } catch (error) {
      const thrown = describeThrown(error);
      const wait = retryDelay(attempt, thrown.retryAfter, policy);
      if (!retryable(thrown) || attempt >= policy.maxAttempts || !fitsBudget(policy, started, wait)) {
        throw new GraphFailure(thrown.status, thrown.code, thrown.message);
      }
      await policy.sleep(wait);
    }
  }
}

/**
 * Sends any number of requests as `$batch` calls of at most 20 (in parallel), retries
 * throttled inner requests, and returns one response per request, in order.
 */
export async function sendBatch(
  graph: GraphClientLike,
  requests: readonly BatchRequest[],
  policy: RetryPolicy = DEFAULT_RETRY_POLICY
): Promise<BatchResponse[]> {
  const started = clock(policy);
  const results: Array<BatchResponse | undefined> = new Array(requests.length).fill(undefined);
  let pending = requests.map((request, index) => [String(index + 1), request] as [string, BatchRequest]);
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const chunks: Array<Array<[string, BatchRequest]>> = [];
    for (let i = 0; i < pending.length; i += MAX_BATCH_SIZE) {
      chunks.push(pending.slice(i, i + MAX_BATCH_SIZE));
    }
    const answered = await Promise.all(chunks.map((chunk) => postChunk(graph, chunk, policy, started)));
    const retry: Array<[string, BatchRequest]> = [];
    let wait = 0;
    for (const [id, request] of pending) {
      const response = answered.map((map) => map.get(id)).find((r) => r !== undefined);
      const index = Number(id) - 1;
      if (!response) {
        results[index] = { status: 500, headers: {}, body: { error: { code: 'MissingResponse', message: 'Graph returned no answer for this request.' } } };
      } else if (RETRYABLE.has(response.status) && attempt < policy.maxAttempts) {
        retry.push([id, request]);
        wait = Math.max(wait, retryDelay(attempt, response.headers['retry-after'], policy));
      } else {
        results[index] = response;
      }
    }
    if (retry.length > 0 && !fitsBudget(policy, started, wait)) {
      // No time left to try again: each keeps the answer Graph gave it.
      for (const [id] of retry) {
        results[Number(id) - 1] = answered.map((map) => map.get(id)).find((r) => r !== undefined);
      }
      break;
    }
    if (retry.length > 0) {
      await policy.sleep(wait);
    }
    pending = retry;
  }
  return results.map((r) => r as BatchResponse);
}

/** The body of a successful inner response, or a GraphFailure with Graph's error code. */
/** What a Graph HTTP status means to the product (0: the request never reached Graph). */
export type GraphFailureCode = 'accessDenied' | 'notFound' | 'throttled' | 'network' | 'unexpected';

export function failureCode(status: number): GraphFailureCode {
  if (status === 401 || status === 403) {
    return 'accessDenied';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (status === 429 || status === 503 || status === 504) {
    return 'throttled';
  }
  return status === 0 ? 'network' : 'unexpected';
}

export function expectOk(response: BatchResponse, what: string): unknown {
  if (response.status >= 200 && response.status < 300) {
    return response.body;
  }
  const error = isRecord(response.body) && isRecord(response.body.error) ? response.body.error : {};
  const code = typeof error.code === 'string' ? error.code : `Http${response.status}`;
  const message = typeof error.message === 'string' ? error.message : `${what} failed with ${response.status}`;
  throw new GraphFailure(response.status, code, `${what}: ${message}`);
}

/** Values of a collection response, following `@odata.nextLink` up to `maxPages` pages. */
export async function collectPages(graph: GraphClientLike, first: unknown, maxPages = 50, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<unknown[]> {
  const values: unknown[] = [];
  let page: unknown = first;
  for (let count = 0; isRecord(page) && count < maxPages; count += 1) {
    if (Array.isArray(page.value)) {
      values.push(...page.value);
    }
    const next = page['@odata.nextLink'];
    if (typeof next !== 'string') {
      break;
    }
    page = await getWithRetry(graph, next, policy);
  }
  return values;
}

async function getWithRetry(graph: GraphClientLike, url: string, policy: RetryPolicy): Promise<unknown> {
  const started = clock(policy);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await graph.api(url).get();
    } catch (error) {
      const thrown = describeThrown(error);
      const wait = retryDelay(attempt, thrown.retryAfter, policy);
      if (!retryable(thrown) || attempt >= policy.maxAttempts || !fitsBudget(policy, started, wait)) {
        throw new GraphFailure(thrown.status, thrown.code, thrown.message);
      }
      await policy.sleep(wait);
    }
  }
}
