/**
 * Rate limits per caller and route: the limiter itself (relay/src/rateLimits.ts, with a clock of
 * the test's own) and how the router enforces a route's limit (429, Retry-After, the problem
 * body, the caller from the verified token, only calls that count use up the limit).
 */
import { type Caller, CallerError, type CallerVerifier } from '../../relay/src/auth';
import { createRateLimiter, RATE_LIMITS, type RateLimit, type RateLimiter } from '../../relay/src/rateLimits';
import { createRouter, type RelayAnswer, RelayProblem, type RelayRequest, type RelayResponse, type Route } from '../../relay/src/router';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** 3 a minute, 5 an hour: the shape of the reports limit, written out so the tests read alone. */
const BURST_AND_HOURLY: RateLimit = [
  { max: 3, seconds: 60 },
  { max: 5, seconds: 3600 }
];

function limiterAt(start = Date.UTC(2025, 2, 3, 8, 0, 0)): { limiter: RateLimiter; advance: (ms: number) => void } {
  let now = start;
  return { limiter: createRateLimiter({ now: () => now }), advance: (ms) => (now += ms) };
}

/** Takes `times` uses; the admissions. */
function takeTimes(limiter: RateLimiter, times: number, route = 'POST /api/reports', caller = 'anna', limit = BURST_AND_HOURLY): boolean[] {
  return Array.from({ length: times }, () => limiter.take(route, caller, limit).admitted);
}

function refusal(limiter: RateLimiter, route = 'POST /api/reports', caller = 'anna', limit = BURST_AND_HOURLY): number {
  const admission = limiter.take(route, caller, limit);
  if (admission.admitted) {
    throw new Error('expected a refusal');
  }
  return admission.retryAfterSeconds;
}

describe('the limits', () => {
  it('lets one person take at most 3 posts off the wall a minute and 5 an hour', () => {
    expect(RATE_LIMITS.reports).toEqual([
      { max: 3, seconds: 60 },
      { max: 5, seconds: 3600 }
    ]);
  });
});

describe('createRateLimiter', () => {
  it('admits a burst up to its limit, then refuses until the oldest use leaves the window', () => {
    const { limiter, advance } = limiterAt();
    expect(takeTimes(limiter, 3)).toEqual([true, true, true]);
    expect(refusal(limiter)).toBe(60);
    advance(20_500);
    expect(refusal(limiter)).toBe(40); // 39.5 s left, rounded up
    advance(39_499);
    expect(refusal(limiter)).toBe(1);
    advance(1);
    // The minute is empty again; the hour holds 3 of its 5.
    expect(takeTimes(limiter, 3)).toEqual([true, true, false]);
  });

  it('counts the hour apart from the burst: a slow stream stops at the hourly limit', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 5; i += 1) {
      expect(takeTimes(limiter, 1)).toEqual([true]);
      advance(2 * MINUTE);
    }
    // 10 minutes after the first use: the minute is free, the hour is not.
    expect(refusal(limiter)).toBe(50 * 60);
    advance(50 * MINUTE - 1000);
    expect(refusal(limiter)).toBe(1);
    advance(1000);
    expect(takeTimes(limiter, 2)).toEqual([true, false]); // the second use of the hour is still in it
  });

  it('answers the longest wait when several windows are full', () => {
    const { limiter, advance } = limiterAt();
    takeTimes(limiter, 2);
    advance(30 * MINUTE);
    takeTimes(limiter, 3);
    // The minute is full (free in 60 s) and so is the hour (free in 30 minutes).
    expect(refusal(limiter)).toBe(30 * 60);
  });

  it('keeps each caller apart', () => {
    const { limiter } = limiterAt();
    expect(takeTimes(limiter, 4, 'POST /api/reports', 'anna')).toEqual([true, true, true, false]);
    expect(takeTimes(limiter, 4, 'POST /api/reports', 'bert')).toEqual([true, true, true, false]);
  });

  it('keeps each route apart, each with its own limit', () => {
    const { limiter } = limiterAt();
    const answers: RateLimit = [{ max: 1, seconds: 10 }];
    expect(takeTimes(limiter, 3)).toEqual([true, true, true]);
    expect(takeTimes(limiter, 2, 'POST /api/pulse/answers', 'anna', answers)).toEqual([true, false]);
    expect(refusal(limiter, 'POST /api/pulse/answers', 'anna', answers)).toBe(10);
    expect(refusal(limiter)).toBe(60);
  });

  it('gives a use back that did not count, once', () => {
    const { limiter } = limiterAt();
    takeTimes(limiter, 2);
    const third = limiter.take('POST /api/reports', 'anna', BURST_AND_HOURLY);
    expect(third.admitted).toBe(true);
    if (third.admitted) {
      third.release();
      third.release();
    }
    expect(takeTimes(limiter, 2)).toEqual([true, false]);
  });

  it('forgets callers whose uses have all left the window', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 50; i += 1) {
      limiter.take('POST /api/reports', `caller-${i}`, BURST_AND_HOURLY);
    }
    expect(limiter.size()).toBe(50);
    advance(HOUR);
    limiter.take('POST /api/reports', 'anna', BURST_AND_HOURLY);
    expect(limiter.size()).toBe(1);
  });

  it('refuses a limit that could never admit anything', () => {
    const { limiter } = limiterAt();
    expect(() => limiter.take('POST /api/reports', 'anna', [])).toThrow('no window');
    expect(() => limiter.take('POST /api/reports', 'anna', [{ max: 0, seconds: 60 }])).toThrow('0 per 60 s');
    expect(() => limiter.take('POST /api/reports', 'anna', [{ max: 1, seconds: 0 }])).toThrow('1 per 0 s');
  });
});

describe('createRouter: a route with a rate limit', () => {
  const PAGE_ORIGIN = 'https://contoso.sharepoint.com';
  const people: Record<string, Caller> = {
    'Bearer anna': { objectId: 'oid-anna', userPrincipalName: 'anna@contoso.example', displayName: 'Anna' },
    'Bearer bert': { objectId: 'oid-bert', userPrincipalName: 'bert@contoso.example', displayName: 'Bert' }
  };
  const verify: CallerVerifier = async (authorization) => {
    const caller = people[authorization ?? ''];
    if (!caller) {
      throw new CallerError('The token was refused (ERR_JWS_INVALID).');
    }
    return caller;
  };

  function rig(handle: (body: unknown) => Promise<RelayAnswer> = async () => ({ status: 200, body: { done: true } })): {
    send: (token: string, path?: string, body?: unknown) => Promise<RelayResponse>;
    handler: jest.Mock;
    log: jest.Mock;
    advance: (ms: number) => void;
  } {
    const { limiter, advance } = limiterAt();
    const handler = jest.fn(async ({ body }: { body: unknown }) => handle(body));
    const limited: Route = { method: 'POST', path: '/api/reports', userToken: { scope: 'user_impersonation' }, body: { maxCharacters: 100 }, rateLimit: [{ max: 2, seconds: 60 }], handle: handler };
    const other: Route = { method: 'POST', path: '/api/notes', userToken: { scope: 'user_impersonation' }, body: { maxCharacters: 100 }, handle: handler };
    const log = jest.fn();
    const router = createRouter({ routes: [limited, other], verifiers: { user_impersonation: verify }, allowedOrigins: [PAGE_ORIGIN], log, rateLimiter: limiter });
    const send = (token: string, path = '/api/reports', body: unknown = {}): Promise<RelayResponse> =>
      router({ method: 'POST', path, headers: { authorization: token, origin: PAGE_ORIGIN }, body: JSON.stringify(body) } satisfies RelayRequest);
    return { send, handler, log, advance };
  }

  it('answers 429 with Retry-After and a problem body once the caller is over it, without running the handler', async () => {
    const r = rig();
    expect((await r.send('Bearer anna')).status).toBe(200);
    r.advance(15_000);
    expect((await r.send('Bearer anna')).status).toBe(200);
    const refused = await r.send('Bearer anna');
    expect(refused.status).toBe(429);
    expect(refused.headers).toMatchObject({
      'retry-after': '45',
      'content-type': 'application/json;charset=utf-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': PAGE_ORIGIN,
      'access-control-expose-headers': 'retry-after'
    });
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'rateLimited', message: 'Too many of these from you for now. Try again in 45 seconds.' } });
    expect(r.handler).toHaveBeenCalledTimes(2);
    expect(r.log).toHaveBeenCalledWith('POST /api/reports: oid-anna is over 2 per 60 s');
    r.advance(45_000);
    expect((await r.send('Bearer anna')).status).toBe(200);
  });

  it('counts per verified caller, and only on the routes that declare a limit', async () => {
    const r = rig();
    await r.send('Bearer anna');
    await r.send('Bearer anna');
    expect((await r.send('Bearer anna')).status).toBe(429);
    expect((await r.send('Bearer bert')).status).toBe(200);
    expect((await r.send('Bearer anna', '/api/notes')).status).toBe(200);
    // A refused token is 401, and uses up nothing.
    expect((await r.send('Bearer nobody')).status).toBe(401);
  });

  it('counts only calls that count: a refusal, a failure or an answer marked uncounted uses up nothing', async () => {
    const r = rig(async (body) => {
      const kind = (body as { kind?: string }).kind;
      if (kind === 'invalid') {
        return { status: 400, body: { error: { code: 'invalidInput', message: 'no' } } };
      }
      if (kind === 'throws') {
        throw new RelayProblem({ status: 503, body: { error: { code: 'unavailable', message: 'busy' } } });
      }
      if (kind === 'crashes') {
        throw new Error('boom');
      }
      return { status: 200, body: { done: true }, counted: kind !== 'nothingDone' };
    });
    for (const kind of ['invalid', 'throws', 'crashes', 'nothingDone', 'nothingDone']) {
      await r.send('Bearer anna', '/api/reports', { kind });
    }
    expect((await r.send('Bearer anna')).status).toBe(200);
    expect((await r.send('Bearer anna')).status).toBe(200);
    expect((await r.send('Bearer anna')).status).toBe(429);
    expect(r.handler).toHaveBeenCalledTimes(7);
  });

  it('limits refusals apart, more widely: a loop of refused requests stops at 30 a minute, and a success keeps nothing of that limit', async () => {
    const r = rig(async (body) => ((body as { kind?: string }).kind === 'invalid' ? { status: 409, body: { error: { code: 'alreadyAnswered', message: 'no' } } } : { status: 200, body: {} }));
    // Successes between them do not eat the refusals' room (the route's own limit is 2 a minute).
    expect((await r.send('Bearer anna', '/api/reports', { kind: 'ok' })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      statuses.push((await r.send('Bearer anna', '/api/reports', { kind: 'invalid' })).status);
    }
    expect(statuses).toEqual([...Array.from({ length: 30 }, () => 409), 429, 429]);
    // The handler did not run for the two over the limit; another person is not affected.
    expect(r.handler).toHaveBeenCalledTimes(31);
    expect((await r.send('Bearer bert', '/api/reports', { kind: 'invalid' })).status).toBe(409);
  });

  it('counts answers marked uncounted (a resend answered as stored) against the refusals’ limit: a loop of resends stops at 30 a minute', async () => {
    const r = rig(async () => ({ status: 200, body: { resent: true }, counted: false }));
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      statuses.push((await r.send('Bearer anna')).status);
    }
    expect(statuses).toEqual([...Array.from({ length: 30 }, () => 200), 429, 429]);
    expect(r.handler).toHaveBeenCalledTimes(30);
  });

  it('does not let calls sent at once slip past the limit', async () => {
    let finish: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (finish = resolve));
    const r = rig(async () => {
      await started;
      return { status: 200, body: {} };
    });
    const sent = Array.from({ length: 10 }, () => r.send('Bearer anna'));
    finish();
    const statuses = (await Promise.all(sent)).map((response) => response.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
  });
});
