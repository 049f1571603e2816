/**
 * The relay's tokens from the Azure managed identity endpoint (relay/src/appIdentity.ts), with
 * the endpoint scripted: what is asked, how long a token is kept, and what happens on failure.
 */
import { managedIdentityTokens, type ManagedIdentityOptions } from '../../relay/src/appIdentity';

const ENDPOINT = 'http://localhost:42356/msi/token';
const SECRET = 'identity-header-secret';
const SHAREPOINT = 'https://contoso.sharepoint.com';
const GRAPH = 'https://graph.microsoft.com';
/** 2030-01-01T00:00:00Z, in seconds. */
const T0 = 1_893_456_000;
const MINUTE_MS = 60_000;

type FetchArgs = Parameters<typeof fetch>;
type Script = (url: URL, call: number) => Response | Promise<Response>;

interface Rig {
  readonly tokens: (resource: string) => Promise<string>;
  readonly fetch: jest.Mock<Promise<Response>, FetchArgs>;
  readonly clock: { ms: number };
}

const tokenAnswer = (token: string, expiresOnSeconds: number | string): Response =>
  new Response(JSON.stringify({ access_token: token, expires_on: String(expiresOnSeconds), resource: SHAREPOINT, token_type: 'Bearer' }), {
    status: 200,
    headers: { 'content-type': 'application/json' }
  });

/** The endpoint hands out `token-<n>` valid for an hour from the clock, unless `script` says otherwise. */
function rig(script?: Script, options: Partial<ManagedIdentityOptions> = {}): Rig {
  const clock = { ms: T0 * 1000 };
  let calls = 0;
  const fake = jest.fn<Promise<Response>, FetchArgs>(async (input) => {
    calls += 1;
    const url = new URL(String(input));
    return script ? script(url, calls) : tokenAnswer(`token-${calls}`, Math.floor(clock.ms / 1000) + 3600);
  });
  const tokens = managedIdentityTokens({ endpoint: ENDPOINT, secret: SECRET, fetch: fake, now: () => clock.ms, ...options });
  return { tokens, fetch: fake, clock };
}

function askedUrl(r: Rig, call = 0): URL {
  return new URL(String(r.fetch.mock.calls[call][0]));
}

describe('managedIdentityTokens: the request', () => {
  it('asks the endpoint for the resource with api-version 2019-08-01 and the identity header', async () => {
    const r = rig();
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-1');
    expect(r.fetch).toHaveBeenCalledTimes(1);
    const url = askedUrl(r);
    expect(`${url.origin}${url.pathname}`).toBe(ENDPOINT);
    expect(url.searchParams.get('resource')).toBe(SHAREPOINT);
    expect(url.searchParams.get('api-version')).toBe('2019-08-01');
    expect(url.searchParams.has('client_id')).toBe(false);
    const init = r.fetch.mock.calls[0][1];
    expect(new Headers(init?.headers).get('x-identity-header')).toBe(SECRET);
  });

  it('names a user-assigned identity by its client id', async () => {
    const r = rig(undefined, { clientId: '7d3e9f10-4c2b-4e8a-9b1d-2c3f4a5b6e7f' });
    await r.tokens(SHAREPOINT);
    expect(askedUrl(r).searchParams.get('client_id')).toBe('7d3e9f10-4c2b-4e8a-9b1d-2c3f4a5b6e7f');
  });

  it('keeps query parameters the endpoint already has', async () => {
    const r = rig(undefined, { endpoint: `${ENDPOINT}?tenant=abc` });
    await r.tokens(SHAREPOINT);
    expect(askedUrl(r).searchParams.get('tenant')).toBe('abc');
    expect(askedUrl(r).searchParams.get('resource')).toBe(SHAREPOINT);
  });
});

describe('managedIdentityTokens: keeping tokens', () => {
  it('keeps a token until five minutes before it expires', async () => {
    const r = rig();
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-1');
    // Expires at T0 + 60 min; kept up to (not including) T0 + 55 min.
    r.clock.ms = T0 * 1000 + 55 * MINUTE_MS - 1;
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-1');
    expect(r.fetch).toHaveBeenCalledTimes(1);
    r.clock.ms = T0 * 1000 + 55 * MINUTE_MS;
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-2');
    expect(r.fetch).toHaveBeenCalledTimes(2);
    // The new token is kept in turn.
    r.clock.ms += MINUTE_MS;
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-2');
    expect(r.fetch).toHaveBeenCalledTimes(2);
  });

  it('does not keep a token that lives less than five minutes', async () => {
    const r = rig((_url, call) => tokenAnswer(`short-${call}`, T0 + 240));
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('short-1');
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('short-2');
  });

  it('keeps one token per resource', async () => {
    const r = rig((url, call) => tokenAnswer(`${url.searchParams.get('resource')}#${call}`, T0 + 3600));
    await expect(r.tokens(SHAREPOINT)).resolves.toBe(`${SHAREPOINT}#1`);
    await expect(r.tokens(GRAPH)).resolves.toBe(`${GRAPH}#2`);
    await expect(r.tokens(SHAREPOINT)).resolves.toBe(`${SHAREPOINT}#1`);
    await expect(r.tokens(GRAPH)).resolves.toBe(`${GRAPH}#2`);
    expect(r.fetch).toHaveBeenCalledTimes(2);
  });

  it('shares one request among concurrent asks for the same resource', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const r = rig(async (_url, call) => {
      await gate;
      return tokenAnswer(`token-${call}`, T0 + 3600);
    });
    const asks = [r.tokens(SHAREPOINT), r.tokens(SHAREPOINT), r.tokens(SHAREPOINT)];
    const other = r.tokens(GRAPH);
    release();
    await expect(Promise.all(asks)).resolves.toEqual(['token-1', 'token-1', 'token-1']);
    await expect(other).resolves.toBe('token-2');
    expect(r.fetch).toHaveBeenCalledTimes(2);
  });
});

describe('managedIdentityTokens: failures', () => {
  it('rejects when the endpoint does not answer OK', async () => {
    const r = rig(() => new Response('{"error":"invalid_resource"}', { status: 400 }));
    await expect(r.tokens(SHAREPOINT)).rejects.toThrow(/400/);
  });

  it.each<[string, unknown]>([
    ['no access_token', { expires_on: String(T0 + 3600) }],
    ['an empty access_token', { access_token: '', expires_on: String(T0 + 3600) }],
    ['no expires_on', { access_token: 'token' }],
    ['an expires_on that is not a number', { access_token: 'token', expires_on: 'soon' }]
  ])('rejects an answer with %s', async (_label, body) => {
    const r = rig(() => new Response(JSON.stringify(body), { status: 200 }));
    await expect(r.tokens(SHAREPOINT)).rejects.toThrow('no usable token');
  });

  it('rejects every concurrent ask of a failed request, and asks again next time', async () => {
    const r = rig((_url, call) => (call === 1 ? new Response('busy', { status: 503 }) : tokenAnswer('token-after', T0 + 3600)));
    const first = r.tokens(SHAREPOINT);
    const second = r.tokens(SHAREPOINT);
    await expect(first).rejects.toThrow(/503/);
    await expect(second).rejects.toThrow(/503/);
    expect(r.fetch).toHaveBeenCalledTimes(1);
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-after');
    expect(r.fetch).toHaveBeenCalledTimes(2);
  });

  it('asks again after the fetch itself failed', async () => {
    const r = rig((_url, call) => {
      if (call === 1) {
        throw new TypeError('fetch failed');
      }
      return tokenAnswer('token-after', T0 + 3600);
    });
    await expect(r.tokens(SHAREPOINT)).rejects.toThrow('fetch failed');
    await expect(r.tokens(SHAREPOINT)).resolves.toBe('token-after');
  });
});
