import { collectPages, GraphFailure, type RetryPolicy, retryDelay, sendBatch, TIMEOUT_CODE } from './graphBatch';
import type { GraphClientLike, GraphRequestLike } from './graphClient';

interface InnerRequest {
  id: string;
  url: string;
}

/** A Graph client that answers `$batch` from a script and records what was sent. */
class ScriptedGraph implements GraphClientLike {
  public readonly batches: InnerRequest[][] = [];
  public readonly gets: string[] = [];
  public constructor(
    private readonly answer: (request: InnerRequest, attempt: number) => { status: number; headers?: Record<string, string>; body?: unknown },
    private readonly pages: Record<string, unknown> = {},
    private readonly failBatches: unknown[] = []
  ) {}

  private attempts = new Map<string, number>();

  public api(path: string): GraphRequestLike {
    return {
      get: async () => {
        this.gets.push(path);
        return this.pages[path];
      },
      post: async (content: unknown) => {
        const failure = this.failBatches.shift();
        if (failure) {
          throw failure;
        }
        const requests = (content as { requests: InnerRequest[] }).requests;
        this.batches.push(requests);
        return {
          responses: requests.map((r) => {
            const attempt = (this.attempts.get(r.url) ?? 0) + 1;
            this.attempts.set(r.url, attempt);
            const answer = this.answer(r, attempt);
            return { id: r.id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
          })
        };
      }
    };
  }
}

const sleeps: number[] = [];
const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 10_000,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  random: () => 0.5
};

beforeEach(() => {
  sleeps.length = 0;
});

describe('sendBatch', () => {
  it('sends at most 20 requests per batch and answers in request order', async () => {
    const graph = new ScriptedGraph((r) => ({ status: 200, body: { url: r.url } }));
    const urls = Array.from({ length: 45 }, (_, i) => `/users/${i}`);
    const responses = await sendBatch(graph, urls.map((url) => ({ url })), policy);
    expect(graph.batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(responses.map((r) => (r.body as { url: string }).url)).toEqual(urls);
  });

  it('retries only the throttled inner requests, after their Retry-After', async () => {
    const graph = new ScriptedGraph((r, attempt) =>
      r.url === '/me' && attempt === 1 ? { status: 429, headers: { 'Retry-After': '3' } } : { status: 200, body: r.url }
    );
    const responses = await sendBatch(graph, [{ url: '/me' }, { url: '/me/joinedTeams' }], policy);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(graph.batches.map((b) => b.map((r) => r.url))).toEqual([['/me', '/me/joinedTeams'], ['/me']]);
    expect(sleeps).toEqual([3000]);
  });

  it('gives up after the last attempt and returns Graph\'s answer', async () => {
    const graph = new ScriptedGraph(() => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } }));
    const [response] = await sendBatch(graph, [{ url: '/me' }], policy);
    expect(response.status).toBe(503);
    expect(graph.batches).toHaveLength(4);
  });

  it('keeps per-request errors in their own response', async () => {
    const graph = new ScriptedGraph((r) => (r.url.includes('missing') ? { status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'gone' } } } : { status: 200, body: {} }));
    const responses = await sendBatch(graph, [{ url: '/users/missing' }, { url: '/me' }], policy);
    expect(responses.map((r) => r.status)).toEqual([404, 200]);
    expect(graph.batches).toHaveLength(1);
  });

  it('retries a throttled batch as a whole and fails with the status when it stays throttled', async () => {
    const throttled = Object.assign(new Error('throttled'), { statusCode: 429, code: 'TooManyRequests', headers: { 'retry-after': '1' } });
    const graph = new ScriptedGraph(() => ({ status: 200, body: 'ok' }), {}, [throttled]);
    const [response] = await sendBatch(graph, [{ url: '/me' }], policy);
    expect(response.body).toBe('ok');
    expect(sleeps).toEqual([1000]);

    const always = new ScriptedGraph(() => ({ status: 200 }), {}, [throttled, throttled, throttled, throttled]);
    await expect(sendBatch(always, [{ url: '/me' }], policy)).rejects.toMatchObject({ status: 429 });
  });

  it('does not retry a client error of the batch itself', async () => {
    const bad = Object.assign(new Error('bad'), { statusCode: 400, code: 'BadRequest' });
    const graph = new ScriptedGraph(() => ({ status: 200 }), {}, [bad]);
    await expect(sendBatch(graph, [{ url: '/me' }], policy)).rejects.toBeInstanceOf(GraphFailure);
    expect(sleeps).toEqual([]);
  });
});

describe('sendBatch with a time budget (what a part waits for)', () => {
  /** The test's policy with a budget, on a clock that moves only when the policy sleeps. */
  function budgeted(budgetMs: number): RetryPolicy {
    let now = 0;
    return {
      ...policy,
      budgetMs,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      }
    };
  }

  it('tries a throttled inner request again only while it fits the budget, then returns Graph\'s answer', async () => {
    const graph = new ScriptedGraph(() => ({ status: 503, headers: { 'Retry-After': '2' }, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } }));
    const [response] = await sendBatch(graph, [{ url: '/me' }], budgeted(3_000));
    expect(response.status).toBe(503);
    expect(sleeps).toEqual([2000]);
    expect(graph.batches).toHaveLength(2);
  });

  it('does not try a whole batch again past the budget', async () => {
    const throttled = Object.assign(new Error('throttled'), { statusCode: 429, code: 'TooManyRequests', headers: { 'retry-after': '2' } });
    const graph = new ScriptedGraph(() => ({ status: 200 }), {}, [throttled, throttled, throttled]);
    await expect(sendBatch(graph, [{ url: '/me' }], budgeted(3_000))).rejects.toMatchObject({ status: 429 });
    expect(sleeps).toEqual([2000]);
  });

  it('never tries again a call that got no answer in time: it took long enough', async () => {
    const timedOut = new GraphFailure(504, TIMEOUT_CODE, '/$batch: Graph did not answer within 8 s');
    const graph = new ScriptedGraph(() => ({ status: 200 }), {}, [timedOut]);
    await expect(sendBatch(graph, [{ url: '/me' }], policy)).rejects.toMatchObject({ status: 504, code: TIMEOUT_CODE });
    expect(sleeps).toEqual([]);
  });
});

describe('retryDelay', () => {
  it('uses Retry-After when Graph sends it, capped', () => {
    expect(retryDelay(1, '2', policy)).toBe(2000);
    expect(retryDelay(1, '600', policy)).toBe(10_000);
  });

  it('backs off exponentially with jitter between half and all of the ceiling', () => {
    const low = { ...policy, random: () => 0 };
    const high = { ...policy, random: () => 1 };
    expect([retryDelay(1, undefined, low), retryDelay(1, undefined, high)]).toEqual([50, 100]);
    expect([retryDelay(3, undefined, low), retryDelay(3, undefined, high)]).toEqual([200, 400]);
  });
});

describe('collectPages', () => {
  it('follows @odata.nextLink until the last page', async () => {
    const graph = new ScriptedGraph(() => ({ status: 200 }), {
      'https://graph/next1': { value: [3, 4], '@odata.nextLink': 'https://graph/next2' },
      'https://graph/next2': { value: [5] }
    });
    const values = await collectPages(graph, { value: [1, 2], '@odata.nextLink': 'https://graph/next1' }, 50, policy);
    expect(values).toEqual([1, 2, 3, 4, 5]);
    expect(graph.gets).toEqual(['https://graph/next1', 'https://graph/next2']);
  });
});
