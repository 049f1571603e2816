/**
 * The relay's HTTP surface (relay/src/handler.ts over relay/src/router.ts) without SharePoint: CORS, routing, the caller
 * check, the body limits, and a SharePoint that fails. The recorded report itself runs over
 * HTTP against the local tenant in test/integration/relayModeration.test.ts.
 */
import type { SPFI } from '@pnp/sp';

import { type Caller, CallerError, type CallerVerifier } from '../../relay/src/auth';
import { createRelayHandler, type RelayDependencies } from '../../relay/src/handler';
import type { RelayRequest, RelayResponse } from '../../relay/src/router';
import { pulseKeyring } from '../../relay/src/pulse/envelope';
import { LOCAL_PULSE_KEYS } from '../../local/relay/pulseKeys';

const SHAREPOINT_ORIGIN = 'https://contoso.sharepoint.com';
const CALLER: Caller = { objectId: '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8', userPrincipalName: 'jonas@contoso.example', displayName: 'Jonas' };
const GOOD_TOKEN = 'Bearer good-token';

interface Rig {
  readonly handle: (request: RelayRequest) => Promise<RelayResponse>;
  readonly verifyCaller: jest.Mock<Promise<Caller>, [string | undefined]>;
  readonly sharePoint: jest.Mock<SPFI, []>;
  readonly log: jest.Mock<void, [string]>;
}

/** A SharePoint the handler must never reach. */
function unreachable(): SPFI {
  throw new Error('SharePoint must not be reached.');
}

/** A site whose every call fails (SharePoint down): any property read throws. */
function failingSite(message: string): SPFI {
  return new Proxy({} as SPFI, {
    get(): never {
      throw new Error(message);
    }
  });
}

function rig(overrides: Partial<RelayDependencies> = {}): Rig {
  const verifyCaller = jest.fn<Promise<Caller>, [string | undefined]>(async (authorization) => {
    if (authorization !== GOOD_TOKEN) {
      throw new CallerError('The token was refused (ERR_JWS_INVALID).');
    }
    return CALLER;
  });
  const sharePoint = jest.fn<SPFI, []>(unreachable);
  const log = jest.fn<void, [string]>();
  const handle = createRelayHandler({
    verifyCaller: verifyCaller as CallerVerifier,
    sharePoint,
    directory: { managerOf: () => Promise.reject(new Error('Graph must not be reached.')), teamsOf: () => Promise.reject(new Error('Graph must not be reached.')) },
    allowedOrigins: [`${SHAREPOINT_ORIGIN}/`, 'https://teams.example'],
    log,
    ...overrides
  });
  return { handle, verifyCaller, sharePoint, log };
}

function request(method: string, path: string, headers: Record<string, string> = {}, body = ''): RelayRequest {
  return { method, path, headers, body };
}

const postReport = (body: string, headers: Record<string, string> = { authorization: GOOD_TOKEN }): RelayRequest =>
  request('POST', '/api/reports', { 'content-type': 'application/json', origin: SHAREPOINT_ORIGIN, ...headers }, body);

const errorOf = (response: RelayResponse): { code: string; field?: string } => (JSON.parse(response.body) as { error: { code: string; field?: string } }).error;

describe('createRelayHandler: CORS', () => {
  it('answers a preflight from an allowed origin with 204, echoing the origin', async () => {
    const r = rig();
    const response = await r.handle(request('OPTIONS', '/api/reports', { origin: SHAREPOINT_ORIGIN, 'access-control-request-method': 'POST' }));
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(SHAREPOINT_ORIGIN);
    expect(response.headers['access-control-allow-headers']).toContain('authorization');
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers.vary).toBe('Origin');
    expect(response.body).toBe('');
    expect(r.verifyCaller).not.toHaveBeenCalled();
  });

  it('refuses a preflight from another origin with 403 and no CORS headers', async () => {
    const r = rig();
    for (const origin of ['https://evil.example', 'https://contoso.sharepoint.com.evil.example', 'null']) {
      const response = await r.handle(request('OPTIONS', '/api/reports', { origin }));
      expect(response.status).toBe(403);
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const withoutOrigin = await r.handle(request('OPTIONS', '/api/reports'));
    expect(withoutOrigin.status).toBe(403);
    expect(withoutOrigin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('adds the CORS headers to answers for an allowed origin only', async () => {
    const r = rig();
    const allowed = await r.handle(request('GET', '/api/health', { origin: SHAREPOINT_ORIGIN }));
    expect(allowed.headers['access-control-allow-origin']).toBe(SHAREPOINT_ORIGIN);
    const other = await r.handle(request('GET', '/api/health', { origin: 'https://evil.example' }));
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('createRelayHandler: routes', () => {
  it('answers GET /api/health with 200 and no caller check', async () => {
    const r = rig();
    const response = await r.handle(request('GET', '/api/health'));
    expect(response.status).toBe(200);
    // No pulse keys given: the relay says so, so HR's admin part can tell that no answer is collected.
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', pulseKeys: false });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(r.verifyCaller).not.toHaveBeenCalled();
  });

  it('says in its health check that it holds pulse keys, never the keys', async () => {
    const r = rig({ pulseKeys: pulseKeyring(LOCAL_PULSE_KEYS) });
    const response = await r.handle(request('GET', '/api/health'));
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', pulseKeys: true });
    expect(response.body).not.toContain('local-1');
  });

  it('answers 404 for an unknown path, before any caller check', async () => {
    const r = rig();
    for (const path of ['/api/report', '/api/reports/1', '/', '/reports']) {
      const response = await r.handle(request('POST', path, { authorization: GOOD_TOKEN }, '{}'));
      expect(response.status).toBe(404);
      expect(errorOf(response).code).toBe('notFound');
    }
    expect(r.verifyCaller).not.toHaveBeenCalled();
    expect(r.sharePoint).not.toHaveBeenCalled();
  });

  it('answers GET /api/reports with 405 and an allow header', async () => {
    const r = rig();
    const response = await r.handle(request('GET', '/api/reports', { authorization: GOOD_TOKEN }));
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST, OPTIONS');
    expect(r.sharePoint).not.toHaveBeenCalled();
  });
});

describe('createRelayHandler: POST /api/reports before SharePoint', () => {
  it.each<[string, Record<string, string>]>([
    ['no token', {}],
    ['a refused token', { authorization: 'Bearer forged' }]
  ])('answers 401 with www-authenticate for %s', async (_label, headers) => {
    const r = rig();
    const response = await r.handle(postReport(JSON.stringify({ recognitionId: 1, reason: 'x' }), headers));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(errorOf(response).code).toBe('unauthenticated');
    expect(response.headers['access-control-allow-origin']).toBe(SHAREPOINT_ORIGIN);
    expect(r.verifyCaller).toHaveBeenCalledWith(headers.authorization);
    expect(r.sharePoint).not.toHaveBeenCalled();
  });

  it('does not turn a failure of the verifier itself into a 401', async () => {
    const r = rig({ verifyCaller: async () => Promise.reject(new Error('JWKS endpoint unreachable')) });
    await expect(r.handle(postReport('{}'))).rejects.toThrow('JWKS endpoint unreachable');
  });

  it('answers 413 for a body over 16 KiB, and reads one of exactly 16 KiB', async () => {
    const r = rig({ sharePoint: () => failingSite('SharePoint is down') });
    const padding = (length: number): string => {
      const shell = JSON.stringify({ recognitionId: 0, reason: '' });
      return JSON.stringify({ recognitionId: 0, reason: 'a'.repeat(length - shell.length) });
    };
    const over = await r.handle(postReport(padding(16 * 1024 + 1)));
    expect(over.status).toBe(413);
    expect(errorOf(over).code).toBe('tooLarge');
    const limit = padding(16 * 1024);
    expect(limit).toHaveLength(16 * 1024);
    const atLimit = await r.handle(postReport(limit));
    expect(atLimit.status).toBe(400);
    expect(errorOf(atLimit)).toMatchObject({ code: 'invalidInput', field: 'recognitionId' });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const r = rig();
    for (const body of ['{', '', 'recognitionId=1&reason=x']) {
      const response = await r.handle(postReport(body));
      expect(response.status).toBe(400);
      expect(errorOf(response).code).toBe('invalidInput');
    }
    expect(r.sharePoint).not.toHaveBeenCalled();
  });

  it('answers 400 for an invalid report without touching the site', async () => {
    const r = rig({ sharePoint: () => failingSite('SharePoint must not be touched') });
    const response = await r.handle(postReport(JSON.stringify({ recognitionId: 5, reason: '   ' })));
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'invalidInput', field: 'reasonEmpty' });
    expect(r.log).not.toHaveBeenCalled();
  });
});

describe('createRelayHandler: SharePoint failing', () => {
  it('answers 503 with retry-after and logs why', async () => {
    const r = rig({ sharePoint: () => failingSite('SharePoint is down') });
    const response = await r.handle(postReport(JSON.stringify({ recognitionId: 5, reason: 'Names a customer' })));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(errorOf(response).code).toBe('unavailable');
    expect(response.headers['access-control-allow-origin']).toBe(SHAREPOINT_ORIGIN);
    expect(response.body).not.toContain('SharePoint is down');
    expect(r.log).toHaveBeenCalledWith(expect.stringContaining('SharePoint is down'));
    // A page on another origin can read Retry-After only when it is exposed.
    expect(response.headers['access-control-expose-headers']).toBe('retry-after');
  });

  it('answers 502 without retry-after when SharePoint refuses the relay itself (asking again will not help)', async () => {
    const refusing = new Proxy({} as SPFI, {
      get(): never {
        throw Object.assign(new Error('Access denied: the site grant is missing'), { status: 403 });
      }
    });
    const r = rig({ sharePoint: () => refusing });
    const response = await r.handle(postReport(JSON.stringify({ recognitionId: 5, reason: 'Names a customer' })));
    expect(response.status).toBe(502);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(errorOf(response).code).toBe('relayMisconfigured');
    expect(r.log).toHaveBeenCalledWith(expect.stringContaining('site grant is missing'));
  });
});
