import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';

import { storeErrorCodeOf } from './httpErrors';
import { RequestPolicy, type RequestPolicyOptions, retryAfterMs, settledBatch } from './requestPolicy';

const SITE = 'https://plant.example/sites/engage';

interface Scripted {
  readonly calls: Array<{ method: string; url: string }>;
  readonly sleeps: number[];
}

/** A site root whose fetch answers from a script, with the policy on it and a clock that moves only when it sleeps. */
function site(answer: (call: number, init: RequestInit) => Response | Error | 'hang', options: Partial<RequestPolicyOptions> = {}): Scripted & { sp: ReturnType<typeof spfi> } {
  const calls: Scripted['calls'] = [];
  const sleeps: number[] = [];
  let clock = 0;
  jest.spyOn(globalThis, 'fetch').mockImplementation((input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/_api/contextinfo')) {
      // The form digest a POST (a `$batch`) asks for first (PnPjs keeps it for later ones).
      return Promise.resolve(json(200, { FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 }));
    }
    calls.push({ method: init?.method ?? 'GET', url: String(input) });
    const next = answer(calls.length, init ?? {});
    if (next === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      });
    }
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  const policy: RequestPolicyOptions = {
    deadlineMs: 50,
    maxAttempts: 3,
    maxWaitMs: 2_000,
    retryBudgetMs: 4_000,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    ...options
  };
  const sp = spfi(SITE).using(SPBrowser({ baseUrl: SITE }), RequestPolicy(policy));
  return { sp, calls, sleeps };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const busy = (retryAfter?: string): Response => json(503, { error: { code: 'ServiceUnavailable', message: { value: 'busy' } } }, retryAfter ? { 'retry-after': retryAfter } : {});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('RequestPolicy', () => {
  it('tries a busy SharePoint again after its Retry-After, and gives its answer', async () => {
    const s = site((call) => (call < 3 ? busy('1') : json(200, { Title: 'Engage' })));
    await expect(s.sp.web.select('Title')()).resolves.toMatchObject({ Title: 'Engage' });
    expect(s.calls).toHaveLength(3);
    expect(s.sleeps).toEqual([1000, 1000]);
  });

  it('gives up within its budget and returns SharePoint\'s busy answer (an error with its status)', async () => {
    const s = site(() => busy('1'));
    const error: unknown = await s.sp.web.select('Title')().catch((e: unknown) => e);
    expect(storeErrorCodeOf(error)).toBe('throttled');
    expect(s.calls).toHaveLength(3);
  });

  it('does not wait out a long Retry-After: the part says "busy" at once and tries again later', async () => {
    const s = site(() => busy('120'));
    const error: unknown = await s.sp.web.select('Title')().catch((e: unknown) => e);
    expect(storeErrorCodeOf(error)).toBe('throttled');
    expect(s.calls).toHaveLength(1);
    expect(s.sleeps).toEqual([]);
  });

  it('stops trying again when the budget would be spent', async () => {
    const s = site(() => busy('2'), { retryBudgetMs: 3_000 });
    await s.sp.web.select('Title')().catch(() => undefined);
    expect(s.sleeps).toEqual([2000]);
    expect(s.calls).toHaveLength(2);
  });

  it('sends a GET that never reached SharePoint again, but not a POST', async () => {
    const lost = (): TypeError => new TypeError('Failed to fetch');
    const get = site((call) => (call === 1 ? lost() : json(200, { Title: 'Engage' })));
    await expect(get.sp.web.select('Title')()).resolves.toMatchObject({ Title: 'Engage' });
    expect(get.calls).toHaveLength(2);
    jest.restoreAllMocks();
    const post = site(() => lost());
    const [batched, execute] = settledBatch(post.sp);
    const read = batched.web.select('Title')();
    const error: unknown = await execute().catch((e: unknown) => e);
    expect(storeErrorCodeOf(error)).toBe('network');
    expect(post.calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual(['POST /sites/engage/_api/$batch']);
    await expect(read).rejects.toBe(error);
  });

  it('fails a request that gets no answer at its deadline, as a timeout', async () => {
    const s = site(() => 'hang');
    const error: unknown = await s.sp.web.select('Title')().catch((e: unknown) => e);
    expect(storeErrorCodeOf(error)).toBe('timeout');
    expect(s.calls).toHaveLength(1);
  });
});

describe('settledBatch', () => {
  it('rejects every read of a batch that failed, with the batch\'s failure', async () => {
    const s = site(() => busy());
    const [batched, execute] = settledBatch(s.sp);
    const reads = [batched.web.select('Title')(), batched.web.lists.getByTitle('SE_Values').select('Id')()];
    const failure: unknown = await execute().catch((e: unknown) => e);
    expect(storeErrorCodeOf(failure)).toBe('throttled');
    const settled = await Promise.allSettled(reads);
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('answers each read of a batch that worked', async () => {
    const answer = [
      '--batchresponse_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      'HTTP/1.1 200 OK',
      'Content-Type: application/json',
      '',
      '{"Title":"Engage"}',
      '--batchresponse_1--',
      ''
    ].join('\n');
    const s = site(() => new Response(answer, { status: 200, headers: { 'content-type': 'multipart/mixed; boundary=batchresponse_1' } }));
    const [batched, execute] = settledBatch(s.sp);
    const read = batched.web.select('Title')();
    await execute();
    await expect(read).resolves.toMatchObject({ Title: 'Engage' });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Response(null, { headers: { 'retry-after': '3' } }), at)).toBe(3000);
    expect(retryAfterMs(new Response(null, { headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' } }), at)).toBe(5000);
    expect(retryAfterMs(new Response(null), at)).toBeUndefined();
  });
});
