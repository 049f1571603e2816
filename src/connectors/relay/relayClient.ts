/**
 * The page's way to the relay: where it is (the tenant property, `relaySettings.ts`), the
 * signed-in person's Entra ID token for it (SPFx's AadHttpClient; the workbench asks the local
 * tenant's authority), and what its answers mean. One place for every route the page calls.
 *
 * - Busy or unreachable (502, 503, 504, a 429 that is not the person's own rate limit, a fetch
 *   that never reached it) is asked again, honouring Retry-After (at most 10 s a wait), then
 *   fails as `throttled` or `network`.
 * - The person's own rate limit (429 `rateLimited`) and a quiz's attempts used up (429
 *   `quizAttemptsUsed`) are not asked again: they fail at once as `rateLimited` with the wait
 *   the relay gave.
 * - 409 `notSetUp`: Engage Setup has not run on the site. 400: the relay refused the content.
 * - 502 `relayMisconfigured` (SharePoint or Graph refuses the relay itself: a grant missing) is
 *   not asked again: `relayFault` (tell IT), and the relay's log says why.
 * - No relay configured, or no token for it (its API permission not approved yet): `noRelay`.
 */
import type { RelaySettings } from '../../core/recognition/moderation';
import { RecognitionStoreError, type RecognitionStoreErrorCode } from '../../core/recognition/ports';

/** The part of a fetch Response the relay client reads (AadHttpClient's HttpClientResponse has it). */
export interface AuthorizedResponse {
  readonly ok: boolean;
  readonly status: number;
  // eslint-disable-next-line @rushstack/no-new-null -- the Fetch API's Headers.get returns null
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface AuthorizedRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** A fetch that adds the signed-in person's bearer token for one API. */
export type AuthorizedFetch = (url: string, init: AuthorizedRequest) => Promise<AuthorizedResponse>;

/** Gets an AuthorizedFetch for an Entra ID resource (AadHttpClientFactory.getClient in SPFx). */
export type AadFetchFactory = (resource: string) => Promise<AuthorizedFetch>;

export interface RelayClientOptions {
  /** The relay's settings, or undefined when none are configured. */
  readonly settings: () => Promise<RelaySettings | undefined>;
  /** Absent where the host cannot get tokens for APIs. */
  readonly aadFetch?: AadFetchFactory;
  /** Origin for a server-relative relay URL (the site's origin). */
  readonly siteOrigin: string;
  /** Tries per call (default 3). */
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set([429, 502, 503, 504]);
const MAX_WAIT_MS = 10_000;

interface ErrorBody {
  readonly error?: { readonly code?: unknown };
}

async function errorCodeOf(response: AuthorizedResponse): Promise<string | undefined> {
  try {
    const body = (await response.json()) as ErrorBody;
    return typeof body?.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterSeconds(response: AuthorizedResponse): number | undefined {
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : undefined;
}

function storeCodeOf(status: number, relayCode: string | undefined): RecognitionStoreErrorCode {
  if (status === 401 || status === 403) {
    return 'accessDenied';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (status === 409 && relayCode === 'notSetUp') {
    return 'notSetUp';
  }
  if (status === 400) {
    return 'invalid';
  }
  if (relayCode === 'relayMisconfigured') {
    return 'relayFault';
  }
  if (RETRYABLE.has(status)) {
    return 'throttled';
  }
  return 'unexpected';
}

/** A refusal the relay answered: its HTTP status and its own code (`alreadyAnswered`, `roundClosed`…) beside the store code. */
export class RelayCallError extends RecognitionStoreError {
  public constructor(
    code: RecognitionStoreErrorCode,
    message: string,
    public readonly status: number,
    public readonly relayCode: string | undefined,
    retryAfterSeconds?: number
  ) {
    super(code, message, retryAfterSeconds);
    this.name = 'RelayCallError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export class RelayClient {
  private readonly sleep: (ms: number) => Promise<void>;

  public constructor(private readonly options: RelayClientOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Whether a relay is configured and the page can get a token for it. */
  public async available(): Promise<boolean> {
    return (await this.connect()) !== undefined;
  }

  private async connect(): Promise<{ readonly send: AuthorizedFetch; readonly base: string } | undefined> {
    const settings = await this.options.settings();
    if (!settings || !this.options.aadFetch) {
      return undefined;
    }
    try {
      const send = await this.options.aadFetch(settings.resource);
      return { send, base: `${settings.url.startsWith('/') ? this.options.siteOrigin : ''}${settings.url}` };
    } catch {
      return undefined;
    }
  }

  /**
   * POSTs `body` as JSON to `path` (e.g. `/reports`) and returns the parsed answer. `what`
   * names the action in error messages (`Reporting the post`).
   */
  public post(path: string, body: unknown, what: string): Promise<unknown> {
    return this.call('POST', path, JSON.stringify(body), what);
  }

  /** GETs `path` (e.g. `/pulse/open`) and returns the parsed answer; retried as a POST is. */
  public get(path: string, what: string): Promise<unknown> {
    return this.call('GET', path, undefined, what);
  }

  private async call(method: 'GET' | 'POST', path: string, payload: string | undefined, what: string): Promise<unknown> {
    const connection = await this.connect();
    if (!connection) {
      throw new RecognitionStoreError('noRelay', `${what}: no relay is configured, or no token for it.`);
    }
    const url = `${connection.base}${path}`;
    const request: AuthorizedRequest =
      payload === undefined
        ? { method, headers: { accept: 'application/json' } }
        : { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: payload };
    const attempts = Math.max(1, this.options.attempts ?? 3);
    for (let attempt = 1; ; attempt += 1) {
      let response: AuthorizedResponse;
      try {
        response = await connection.send(url, request);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof TypeError)) {
          // Not the network (a fetch that never reached the server rejects with a TypeError): no token now.
          throw new RecognitionStoreError('noRelay', `${what} through the relay: ${message}`);
        }
        if (attempt >= attempts) {
          throw new RecognitionStoreError('network', `${what} through the relay: ${message}`);
        }
        await this.sleep(Math.min(1000 * 2 ** (attempt - 1), MAX_WAIT_MS));
        continue;
      }
      if (response.ok) {
        try {
          return await response.json();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new RecognitionStoreError('unexpected', `${what} through the relay: the answer could not be read (${message})`);
        }
      }
      const wait = retryAfterSeconds(response);
      const relayCode = await errorCodeOf(response);
      // The person's own limits (their rate limit; a quiz's attempts in 24 hours) pass only with
      // time: asking again at once is refused again, so it fails now with the relay's wait.
      if (response.status === 429 && (relayCode === 'rateLimited' || relayCode === 'quizAttemptsUsed')) {
        throw new RelayCallError('rateLimited', `${what} through the relay: over the person's limit (${relayCode})`, response.status, relayCode, wait);
      }
      // A relay SharePoint or Graph refuses (a missing grant) will not get better by asking again.
      if (!RETRYABLE.has(response.status) || relayCode === 'relayMisconfigured' || attempt >= attempts) {
        throw new RelayCallError(storeCodeOf(response.status, relayCode), `${what} through the relay: HTTP ${response.status}`, response.status, relayCode);
      }
      await this.sleep(Math.min(wait !== undefined ? wait * 1000 : 1000 * 2 ** (attempt - 1), MAX_WAIT_MS));
    }
  }
}
