/**
 * The relay's router (relay/src/router.ts) with a route table of its own, not the relay's: what
 * every route gets without writing it (404, 405 with Allow, the body limit, CORS, the caller
 * check before the handler, error answers). The relay's own routes are in relayHandler.test.ts.
 */
import { type Caller, CallerError, type CallerVerifier } from '../../relay/src/auth';
import { createRouter, problem, type RelayAnswer, RelayProblem, type RelayRequest, type RelayResponse, type Route, type RouterOptions } from '../../relay/src/router';

const PAGE_ORIGIN = 'https://contoso.sharepoint.com';
const JONAS: Caller = { objectId: '3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8', userPrincipalName: 'jonas@contoso.example', displayName: 'Jonas' };
const GOOD_TOKEN = 'Bearer good-token';
const PULSE_TOKEN = 'Bearer pulse-token';

type Handle = jest.Mock<Promise<RelayAnswer>, [{ caller: Caller | undefined; body: unknown }]>;

interface Rig {
  readonly handle: (request: RelayRequest) => Promise<RelayResponse>;
  /** The handler of each route, by `METHOD path`. */
  readonly handlers: Record<string, Handle>;
  readonly verify: jest.Mock<Promise<Caller>, [string | undefined]>;
  readonly log: jest.Mock<void, [string]>;
}

const ok = (body: unknown): Promise<RelayAnswer> => Promise.resolve({ status: 200, body });

/** A verifier that knows one token. */
function verifierOf(token: string): jest.Mock<Promise<Caller>, [string | undefined]> {
  return jest.fn<Promise<Caller>, [string | undefined]>(async (authorization) => {
    if (authorization !== token) {
      throw new CallerError('The token was refused (ERR_JWS_INVALID).');
    }
    return JONAS;
  });
}

/**
 * A table: GET /api/status (anyone), GET and PUT /api/notes (user token, PUT with a body of at
 * most 20 characters), POST /api/answers (another scope, at most 100 characters).
 */
function rig(overrides: Partial<Record<string, (call: { caller: Caller | undefined; body: unknown }) => Promise<RelayAnswer>>> = {}, options: Partial<RouterOptions> = {}): Rig {
  const handlers: Record<string, Handle> = {};
  const handler = (key: string): Handle => {
    handlers[key] = jest.fn(overrides[key] ?? (async (call) => ok({ route: key, caller: call.caller?.objectId ?? null, body: call.body })));
    return handlers[key];
  };
  const routes: Route[] = [
    { method: 'GET', path: '/api/status', userToken: false, body: 'none', handle: handler('GET /api/status') },
    { method: 'GET', path: '/api/notes', userToken: { scope: 'user_impersonation' }, body: 'none', handle: handler('GET /api/notes') },
    { method: 'PUT', path: '/api/notes', userToken: { scope: 'user_impersonation' }, body: { maxCharacters: 20 }, handle: handler('PUT /api/notes') },
    { method: 'POST', path: '/api/answers', userToken: { scope: 'Pulse.Answer' }, body: { maxCharacters: 100 }, handle: handler('POST /api/answers') }
  ];
  const verify = verifierOf(GOOD_TOKEN);
  const log = jest.fn<void, [string]>();
  const handle = createRouter({
    routes,
    verifiers: { user_impersonation: verify as CallerVerifier, 'Pulse.Answer': verifierOf(PULSE_TOKEN) as CallerVerifier },
    allowedOrigins: [`${PAGE_ORIGIN}/`],
    log,
    ...options
  });
  return { handle, handlers, verify, log };
}

const call = (method: string, path: string, headers: Record<string, string> = {}, body = ''): RelayRequest => ({ method, path, headers, body });

const json = (response: RelayResponse): unknown => JSON.parse(response.body);

function handlersRun(r: Rig): number {
  return Object.values(r.handlers).reduce((sum, h) => sum + h.mock.calls.length, 0);
}

describe('createRouter: finding the route', () => {
  it('answers 404 in JSON for a path no route has, before any caller check', async () => {
    const r = rig();
    for (const path of ['/api/note', '/api/notes/7', '/api', '/']) {
      const response = await r.handle(call('GET', path, { authorization: GOOD_TOKEN }));
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(json(response)).toEqual({ error: { code: 'notFound', message: `Nothing at ${path}.` } });
    }
    expect(r.verify).not.toHaveBeenCalled();
    expect(handlersRun(r)).toBe(0);
  });

  it('matches paths without case and trailing slashes', async () => {
    const r = rig();
    const response = await r.handle(call('get', '/API/Status/'));
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ route: 'GET /api/status', caller: null });
  });

  it('answers 405 with Allow naming every method of the path, before any caller check', async () => {
    const r = rig();
    const notes = await r.handle(call('DELETE', '/api/notes', { authorization: GOOD_TOKEN }));
    expect(notes.status).toBe(405);
    expect(notes.headers.allow).toBe('GET, PUT, OPTIONS');
    expect(json(notes)).toEqual({ error: { code: 'methodNotAllowed', message: 'Use GET or PUT.' } });
    const status = await r.handle(call('POST', '/api/status', {}, '{}'));
    expect(status.status).toBe(405);
    expect(status.headers.allow).toBe('GET, OPTIONS');
    expect(r.verify).not.toHaveBeenCalled();
    expect(handlersRun(r)).toBe(0);
  });

  it('refuses a table with the same route twice, or a scope it cannot check', () => {
    const route: Route = { method: 'GET', path: '/api/status', userToken: false, body: 'none', handle: () => ok({}) };
    expect(() => createRouter({ routes: [route, { ...route, path: '/API/status/' }], verifiers: {}, allowedOrigins: [] })).toThrow('two routes for GET');
    const scoped: Route = { method: 'GET', path: '/api/x', userToken: { scope: 'Unknown.Scope' }, body: 'none', handle: () => ok({}) };
    expect(() => createRouter({ routes: [scoped], verifiers: { user_impersonation: verifierOf(GOOD_TOKEN) }, allowedOrigins: [] })).toThrow('Unknown.Scope');
  });
});

describe('createRouter: CORS', () => {
  it('answers a preflight from the allowed origin with 204 and the methods of the table', async () => {
    const r = rig();
    const response = await r.handle(call('OPTIONS', '/api/notes', { origin: PAGE_ORIGIN, 'access-control-request-method': 'PUT' }));
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': PAGE_ORIGIN,
      'access-control-allow-methods': 'GET, PUT, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-expose-headers': 'retry-after',
      vary: 'Origin'
    });
    expect(r.verify).not.toHaveBeenCalled();
    expect(handlersRun(r)).toBe(0);
  });

  it('refuses a preflight from any other origin, or none, with 403 and no CORS headers', async () => {
    const r = rig();
    const refused: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: `${PAGE_ORIGIN}.evil.example` }, { origin: 'null' }, {}];
    for (const headers of refused) {
      const response = await r.handle(call('OPTIONS', '/api/notes', headers));
      expect(response.status).toBe(403);
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('adds the CORS headers to every answer for the allowed origin, errors included, and to no other', async () => {
    const r = rig();
    const answers = [
      await r.handle(call('GET', '/api/status', { origin: PAGE_ORIGIN })),
      await r.handle(call('GET', '/nowhere', { origin: PAGE_ORIGIN })),
      await r.handle(call('GET', '/api/notes', { origin: PAGE_ORIGIN }))
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 401]);
    for (const answer of answers) {
      expect(answer.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
    }
    for (const path of ['/api/status', '/nowhere', '/api/notes']) {
      const other = await r.handle(call('GET', path, { origin: 'https://evil.example' }));
      expect(Object.keys(other.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('createRouter: the caller', () => {
  it('answers 401 with WWW-Authenticate without a token or with a refused one, and the handler never runs', async () => {
    const r = rig();
    for (const authorization of [undefined, 'Bearer forged']) {
      const response = await r.handle(call('PUT', '/api/notes', authorization ? { authorization } : {}, '{"note":"x"}'));
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(json(response)).toEqual({ error: { code: 'unauthenticated', message: 'The token was refused (ERR_JWS_INVALID).' } });
      expect(r.verify).toHaveBeenLastCalledWith(authorization);
    }
    expect(handlersRun(r)).toBe(0);
  });

  it('throws a failure of the check itself (keys unreachable) to the host: it is no 401', async () => {
    const r = rig({}, { verifiers: { user_impersonation: async () => Promise.reject(new Error('JWKS endpoint unreachable')), 'Pulse.Answer': verifierOf(PULSE_TOKEN) } });
    await expect(r.handle(call('GET', '/api/notes', { authorization: GOOD_TOKEN }))).rejects.toThrow('JWKS endpoint unreachable');
    expect(handlersRun(r)).toBe(0);
  });

  it('checks the token before the body: an unsigned caller learns nothing of the limit', async () => {
    const r = rig();
    const response = await r.handle(call('PUT', '/api/notes', {}, 'x'.repeat(500)));
    expect(response.status).toBe(401);
  });

  it('gives the handler the verified caller and the parsed body', async () => {
    const r = rig();
    const response = await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN }, '{"note":"x"}'));
    expect(response.status).toBe(200);
    expect(r.handlers['PUT /api/notes']).toHaveBeenCalledWith({ caller: JONAS, body: { note: 'x' } });
  });

  it('checks each route with the verifier of the scope it declares', async () => {
    const r = rig();
    expect((await r.handle(call('POST', '/api/answers', { authorization: GOOD_TOKEN }, '{}'))).status).toBe(401);
    expect(r.verify).not.toHaveBeenCalled();
    expect((await r.handle(call('POST', '/api/answers', { authorization: PULSE_TOKEN }, '{}'))).status).toBe(200);
    expect((await r.handle(call('GET', '/api/notes', { authorization: PULSE_TOKEN }))).status).toBe(401);
  });

  it('asks no token of a public route, and passes it no caller', async () => {
    const r = rig();
    await r.handle(call('GET', '/api/status', { authorization: 'Bearer forged' }));
    expect(r.verify).not.toHaveBeenCalled();
    expect(r.handlers['GET /api/status']).toHaveBeenCalledWith({ caller: undefined, body: undefined });
  });
});

describe('createRouter: the body', () => {
  it('answers 413 for a body over the route\'s limit, and takes one at the limit', async () => {
    const r = rig();
    const atLimit = JSON.stringify({ n: 'x'.repeat(20 - '{"n":""}'.length) });
    expect(atLimit).toHaveLength(20);
    const over = await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN }, `${atLimit} `));
    expect(over.status).toBe(413);
    expect(json(over)).toEqual({ error: { code: 'tooLarge', message: 'The request is too large.' } });
    expect(handlersRun(r)).toBe(0);
    expect((await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN }, atLimit))).status).toBe(200);
  });

  it('keeps each route to its own limit', async () => {
    const r = rig();
    const body = JSON.stringify({ n: 'x'.repeat(50) });
    expect((await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN }, body))).status).toBe(413);
    expect((await r.handle(call('POST', '/api/answers', { authorization: PULSE_TOKEN }, body))).status).toBe(200);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const r = rig();
    for (const body of ['{', '', 'note=x']) {
      const response = await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN }, body));
      expect(response.status).toBe(400);
      expect(json(response)).toEqual({ error: { code: 'invalidInput', message: 'The body is not JSON.' } });
    }
    expect(handlersRun(r)).toBe(0);
  });

  it('does not read the body of a route that takes none', async () => {
    const r = rig();
    const response = await r.handle(call('GET', '/api/notes', { authorization: GOOD_TOKEN }, 'not json, and long '.repeat(10)));
    expect(response.status).toBe(200);
    expect(r.handlers['GET /api/notes']).toHaveBeenCalledWith({ caller: JONAS, body: undefined });
  });
});

describe('createRouter: error answers', () => {
  it('turns a handler\'s error into a 500 JSON answer that says nothing of it, and logs it', async () => {
    const r = rig({
      'PUT /api/notes': async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:443 at /srv/relay/secret-path.js');
      }
    });
    const response = await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN, origin: PAGE_ORIGIN }, '{}'));
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
    expect(json(response)).toEqual({ error: { code: 'internal', message: 'The relay failed on this request.' } });
    expect(response.body).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|secret-path/);
    expect(r.log).toHaveBeenCalledWith(expect.stringContaining('ECONNREFUSED'));
  });

  it('answers a RelayProblem as it says, with Retry-After, and logs its cause only', async () => {
    const r = rig({
      'PUT /api/notes': async () => {
        throw new RelayProblem(problem(503, 'unavailable', 'Try again shortly.', { retryAfterSeconds: 7 }), new Error('upstream 503 at node-12'));
      }
    });
    const response = await r.handle(call('PUT', '/api/notes', { authorization: GOOD_TOKEN }, '{}'));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    expect(json(response)).toEqual({ error: { code: 'unavailable', message: 'Try again shortly.' } });
    expect(response.body).not.toContain('node-12');
    expect(r.log).toHaveBeenCalledWith(expect.stringContaining('upstream 503 at node-12'));
  });

  it('sends a handler\'s own answer with its headers and field, as JSON that is never cached', async () => {
    const r = rig({ 'POST /api/answers': async () => problem(409, 'closed', 'The survey is closed.', { field: 'surveyId', headers: { 'x-survey': 'closed' } }) });
    const response = await r.handle(call('POST', '/api/answers', { authorization: PULSE_TOKEN }, '{}'));
    expect(response.status).toBe(409);
    expect(response.headers).toMatchObject({ 'x-survey': 'closed', 'cache-control': 'no-store' });
    expect(response.headers['retry-after']).toBeUndefined();
    expect(json(response)).toEqual({ error: { code: 'closed', message: 'The survey is closed.', field: 'surveyId' } });
    expect(r.log).not.toHaveBeenCalled();
  });
});
