/**
 * RelayModeration with a scripted relay: when it falls back to the person's own identity, what
 * it sends, and how it retries. Over real HTTP against the local tenant in
 * test/integration/relayModeration.test.ts.
 */
import type { RelaySettings, ReportOutcome } from '../../core/recognition/moderation';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { type AuthorizedFetch, type AuthorizedRequest, type AuthorizedResponse, RelayModeration, type RelayModerationOptions } from './relayModeration';

const SITE_ORIGIN = 'https://contoso.sharepoint.com';
const RESOURCE = 'api://shopfloor-engage-relay';
const ABSOLUTE: RelaySettings = { url: 'https://contoso-engage-relay.azurewebsites.net/api', resource: RESOURCE };
const RELATIVE: RelaySettings = { url: '/relay/api', resource: RESOURCE };

type Answer = AuthorizedResponse | Error;

function reply(status: number, body: unknown = {}, headers: Record<string, string> = {}): AuthorizedResponse {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => lower.get(name.toLowerCase()) ?? null },
    json: async () => body
  };
}

interface Rig {
  readonly moderation: RelayModeration;
  readonly send: jest.Mock<Promise<AuthorizedResponse>, [string, AuthorizedRequest]>;
  readonly factory: jest.Mock<Promise<AuthorizedFetch>, [string]>;
  readonly fallback: jest.Mock<Promise<ReportOutcome>, [number, string]>;
  readonly sleep: jest.Mock<Promise<void>, [number]>;
}

/** A relay that answers `answers` in turn (the last one again once they run out). */
function rig(answers: Answer[], overrides: Partial<RelayModerationOptions> = {}, settings: RelaySettings | 'none' = ABSOLUTE): Rig {
  let call = 0;
  const send = jest.fn<Promise<AuthorizedResponse>, [string, AuthorizedRequest]>(async () => {
    const answer = answers[Math.min(call, answers.length - 1)];
    call += 1;
    if (!answer) {
      throw new Error('The test relay has no answer scripted.');
    }
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  });
  const factory = jest.fn<Promise<AuthorizedFetch>, [string]>(async () => send);
  const fallback = jest.fn<Promise<ReportOutcome>, [number, string]>(async () => 'hiddenForReporter');
  const sleep = jest.fn<Promise<void>, [number]>(async () => undefined);
  const moderation = new RelayModeration({
    settings: async () => (settings === 'none' ? undefined : settings),
    aadFetch: factory,
    fallback: { report: fallback },
    siteOrigin: SITE_ORIGIN,
    sleep,
    ...overrides
  });
  return { moderation, send, factory, fallback, sleep };
}

async function storeErrorOf(promise: Promise<unknown>): Promise<RecognitionStoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RecognitionStoreError);
    return error as RecognitionStoreError;
  }
  throw new Error('Expected the report to fail.');
}

describe('RelayModeration: without a relay', () => {
  it('reports as the person when no relay is configured, and never asks for a token', async () => {
    const r = rig([reply(200, { outcome: 'hiddenForEveryone' })], {}, 'none');
    await expect(r.moderation.report(12, 'Names a customer')).resolves.toBe('hiddenForReporter');
    expect(r.fallback).toHaveBeenCalledTimes(1);
    expect(r.fallback).toHaveBeenCalledWith(12, 'Names a customer');
    expect(r.factory).not.toHaveBeenCalled();
    expect(r.send).not.toHaveBeenCalled();
  });

  it('reports as the person when the host cannot get tokens for APIs', async () => {
    const r = rig([reply(200, { outcome: 'hiddenForEveryone' })], { aadFetch: undefined });
    await expect(r.moderation.report(12, 'Names a customer')).resolves.toBe('hiddenForReporter');
    expect(r.fallback).toHaveBeenCalledWith(12, 'Names a customer');
    expect(r.send).not.toHaveBeenCalled();
  });

  it('reports as the person when no token can be had for the relay (permission not approved)', async () => {
    const refused = jest.fn<Promise<AuthorizedFetch>, [string]>(async () => {
      throw new Error('AADSTS65001: The user or administrator has not consented to use the application');
    });
    const r = rig([reply(200, { outcome: 'hiddenForEveryone' })], { aadFetch: refused });
    await expect(r.moderation.report(12, 'Names a customer')).resolves.toBe('hiddenForReporter');
    expect(refused).toHaveBeenCalledWith(RESOURCE);
    expect(r.fallback).toHaveBeenCalledWith(12, 'Names a customer');
    expect(r.send).not.toHaveBeenCalled();
  });

  it('does not hide a failing fallback', async () => {
    const r = rig([], {}, 'none');
    r.fallback.mockRejectedValueOnce(new RecognitionStoreError('accessDenied', 'no'));
    await expect(r.moderation.report(12, 'x')).rejects.toMatchObject({ code: 'accessDenied' });
  });
});

describe('RelayModeration: the request', () => {
  it('posts {recognitionId, reason} as JSON to /reports of an absolute relay URL, with a token for its resource', async () => {
    const r = rig([reply(200, { outcome: 'hiddenForEveryone', alreadyReported: false })]);
    await expect(r.moderation.report(42, 'Names a customer <b>Acme</b> 🙅')).resolves.toBe('hiddenForEveryone');
    expect(r.factory).toHaveBeenCalledWith(RESOURCE);
    expect(r.send).toHaveBeenCalledTimes(1);
    const [url, init] = r.send.mock.calls[0];
    expect(url).toBe('https://contoso-engage-relay.azurewebsites.net/api/reports');
    expect(init.method).toBe('POST');
    expect(init.headers['content-type']).toBe('application/json');
    expect(JSON.parse(init.body ?? '')).toEqual({ recognitionId: 42, reason: 'Names a customer <b>Acme</b> 🙅' });
    expect(r.fallback).not.toHaveBeenCalled();
    expect(r.sleep).not.toHaveBeenCalled();
  });

  it('puts the site origin before a server-relative relay URL', async () => {
    const r = rig([reply(200, { outcome: 'hiddenForEveryone' })], {}, RELATIVE);
    await r.moderation.report(42, 'x');
    expect(r.send.mock.calls[0][0]).toBe('https://contoso.sharepoint.com/relay/api/reports');
  });

  it('passes the relay\'s outcome through', async () => {
    const r = rig([reply(200, { outcome: 'hiddenForReporter' })]);
    await expect(r.moderation.report(42, 'x')).resolves.toBe('hiddenForReporter');
    expect(r.fallback).not.toHaveBeenCalled();
  });
});

describe('RelayModeration: a busy or unreachable relay', () => {
  it('asks again after 429, waiting the Retry-After seconds', async () => {
    const r = rig([reply(429, {}, { 'Retry-After': '3' }), reply(200, { outcome: 'hiddenForEveryone' })]);
    await expect(r.moderation.report(42, 'x')).resolves.toBe('hiddenForEveryone');
    expect(r.send).toHaveBeenCalledTimes(2);
    expect(r.sleep.mock.calls).toEqual([[3000]]);
    expect(r.send.mock.calls[1]).toEqual(r.send.mock.calls[0]);
  });

  it('waits no more than 10 seconds whatever Retry-After says', async () => {
    const r = rig([reply(429, {}, { 'retry-after': '120' }), reply(200, { outcome: 'hiddenForEveryone' })]);
    await expect(r.moderation.report(42, 'x')).resolves.toBe('hiddenForEveryone');
    expect(r.sleep.mock.calls).toEqual([[10_000]]);
  });

  it('waits 1 s, then 2 s, without a Retry-After', async () => {
    const r = rig([reply(503), reply(502), reply(200, { outcome: 'hiddenForEveryone' })]);
    await expect(r.moderation.report(42, 'x')).resolves.toBe('hiddenForEveryone');
    expect(r.sleep.mock.calls).toEqual([[1000], [2000]]);
  });

  it('fails as throttled after exactly three 503 answers', async () => {
    const r = rig([reply(503, {}, { 'retry-after': '1' })]);
    const error = await storeErrorOf(r.moderation.report(42, 'x'));
    expect(error.code).toBe('throttled');
    expect(r.send).toHaveBeenCalledTimes(3);
    expect(r.sleep).toHaveBeenCalledTimes(2);
    expect(r.fallback).not.toHaveBeenCalled();
  });

  it('keeps to the configured number of tries', async () => {
    const r = rig([reply(429)], { attempts: 5 });
    await expect(r.moderation.report(42, 'x')).rejects.toMatchObject({ code: 'throttled' });
    expect(r.send).toHaveBeenCalledTimes(5);
  });

  it('asks again after a network error', async () => {
    const r = rig([new TypeError('Failed to fetch'), reply(200, { outcome: 'hiddenForEveryone' })]);
    await expect(r.moderation.report(42, 'x')).resolves.toBe('hiddenForEveryone');
    expect(r.send).toHaveBeenCalledTimes(2);
    expect(r.sleep.mock.calls).toEqual([[1000]]);
  });

  it('fails as network when the relay cannot be reached at all', async () => {
    const r = rig([new TypeError('Failed to fetch')]);
    const error = await storeErrorOf(r.moderation.report(42, 'x'));
    expect(error.code).toBe('network');
    expect(error.message).toContain('Failed to fetch');
    expect(r.send).toHaveBeenCalledTimes(3);
    expect(r.fallback).not.toHaveBeenCalled();
  });
});

describe('RelayModeration: refusals', () => {
  it.each<[number, string]>([
    [404, 'notFound'],
    [403, 'accessDenied'],
    [401, 'accessDenied'],
    [400, 'invalid'],
    [409, 'unexpected'],
    [500, 'unexpected']
  ])('fails at once on %i as %s', async (status, code) => {
    const r = rig([reply(status, { error: { code: 'x' } }), reply(200, { outcome: 'hiddenForEveryone' })]);
    const error = await storeErrorOf(r.moderation.report(42, 'x'));
    expect(error.code).toBe(code);
    expect(r.send).toHaveBeenCalledTimes(1);
    expect(r.sleep).not.toHaveBeenCalled();
    expect(r.fallback).not.toHaveBeenCalled();
  });
});

describe('RelayModeration: the person\'s own limit and a site not set up', () => {
  it('fails at once on the person\'s rate limit, with the wait, and never asks again', async () => {
    const r = rig([reply(429, { error: { code: 'rateLimited', message: 'Too many' } }, { 'Retry-After': '1800' }), reply(200, { outcome: 'hiddenForEveryone' })]);
    const error = await storeErrorOf(r.moderation.report(42, 'x'));
    expect(error.code).toBe('rateLimited');
    expect(error.retryAfterSeconds).toBe(1800);
    expect(r.send).toHaveBeenCalledTimes(1);
    expect(r.sleep).not.toHaveBeenCalled();
    expect(r.fallback).not.toHaveBeenCalled();
  });

  it('does not ask a misconfigured relay again (502 relayMisconfigured)', async () => {
    const r = rig([reply(502, { error: { code: 'relayMisconfigured' } }), reply(200, { outcome: 'hiddenForEveryone' })]);
    expect((await storeErrorOf(r.moderation.report(42, 'x'))).code).toBe('relayFault');
    expect(r.send).toHaveBeenCalledTimes(1);
  });

  it('fails at once as notSetUp when the relay says Engage Setup has not run', async () => {
    const r = rig([reply(409, { error: { code: 'notSetUp', message: 'Not set up' } })]);
    expect((await storeErrorOf(r.moderation.report(42, 'x'))).code).toBe('notSetUp');
    expect(r.send).toHaveBeenCalledTimes(1);
    expect(r.fallback).not.toHaveBeenCalled();
  });

  it('passes "sent to HR again" through, and reads an unknown outcome as hidden for everyone', async () => {
    await expect(rig([reply(200, { outcome: 'sentToHr' })]).moderation.report(42, 'x')).resolves.toBe('sentToHr');
    await expect(rig([reply(200, { outcome: 'somethingElse' })]).moderation.report(42, 'x')).resolves.toBe('hiddenForEveryone');
  });
});

describe('RelayModeration: what a failed answer becomes', () => {
  it('calls a gateway that stays busy (502, 504) throttled once the tries run out', async () => {
    for (const status of [502, 504]) {
      const r = rig([reply(status)]);
      expect((await storeErrorOf(r.moderation.report(5, 'x'))).code).toBe('throttled');
      expect(r.send).toHaveBeenCalledTimes(3);
    }
  });

  it('turns an answer it cannot read into a coded error', async () => {
    const unreadable: AuthorizedResponse = { ...reply(200), json: async () => Promise.reject(new SyntaxError('Unexpected end of JSON input')) };
    const r = rig([unreadable]);
    expect((await storeErrorOf(r.moderation.report(5, 'x'))).code).toBe('unexpected');
  });
});

describe('RelayModeration: a token that fails when the report is sent', () => {
  it('reports as the person when AadHttpClient cannot get a token at send time (not a network failure)', async () => {
    const r = rig([new Error('AADSTS65001: The user or administrator has not consented to use the application')]);
    await expect(r.moderation.report(12, 'Names a customer')).resolves.toBe('hiddenForReporter');
    expect(r.send).toHaveBeenCalledTimes(1);
    expect(r.fallback).toHaveBeenCalledWith(12, 'Names a customer');
    expect(r.sleep).not.toHaveBeenCalled();
  });
});
