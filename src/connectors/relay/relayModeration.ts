/**
 * Reports through the relay (app identity), so a reported post leaves every wall until HR
 * decides. The page reaches the relay with the signed-in person's Entra ID token (SPFx's
 * AadHttpClient; the workbench asks the local tenant's authority). Where no relay is configured
 * (SE_Settings `Relay`) or the tenant has not approved its API permission, the report is written
 * with the person's own identity and hides the post for them only: the report reaches HR either
 * way. A relay that is busy or unreachable is asked again; then the report fails with a code
 * the wall explains, and the wall keeps the reason.
 */
import type { ItemId } from '../../core/models/common';
import type { RelaySettings, ReportOutcome } from '../../core/recognition/moderation';
import { type ModerationStore, RecognitionStoreError, type RecognitionStoreErrorCode } from '../../core/recognition/ports';

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

export interface RelayModerationOptions {
  /** The relay's settings, or undefined when none are configured. */
  readonly settings: () => Promise<RelaySettings | undefined>;
  /** Absent where the host cannot get tokens for APIs. */
  readonly aadFetch?: AadFetchFactory;
  /** Writes the report with the person's own identity (hidden for them only). */
  readonly fallback: Pick<ModerationStore, 'report'>;
  /** Origin for a server-relative relay URL (the site's origin). */
  readonly siteOrigin: string;
  /** Tries per report (default 3). */
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set([429, 502, 503, 504]);
const MAX_WAIT_MS = 10_000;

function codeOf(status: number): RecognitionStoreErrorCode {
  if (status === 401 || status === 403) {
    return 'accessDenied';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (RETRYABLE.has(status)) {
    return 'throttled';
  }
  return 'unexpected';
}

function waitFor(response: AuthorizedResponse | undefined, attempt: number): number {
  const header = Number(response?.headers.get('retry-after'));
  const ms = Number.isFinite(header) && header > 0 ? header * 1000 : 1000 * 2 ** (attempt - 1);
  return Math.min(ms, MAX_WAIT_MS);
}

export class RelayModeration implements Pick<ModerationStore, 'report'> {
  private readonly sleep: (ms: number) => Promise<void>;

  public constructor(private readonly options: RelayModerationOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  public async report(recognitionId: ItemId, reason: string): Promise<ReportOutcome> {
    const settings = await this.options.settings();
    if (!settings || !this.options.aadFetch) {
      return this.options.fallback.report(recognitionId, reason);
    }
    let send: AuthorizedFetch;
    try {
      send = await this.options.aadFetch(settings.resource);
    } catch {
      // No token for the relay (its API permission not approved yet): HR still gets the report.
      return this.options.fallback.report(recognitionId, reason);
    }
    const url = `${settings.url.startsWith('/') ? this.options.siteOrigin : ''}${settings.url}/reports`;
    const body = JSON.stringify({ recognitionId, reason });
    const attempts = Math.max(1, this.options.attempts ?? 3);
    for (let attempt = 1; ; attempt += 1) {
      let response: AuthorizedResponse | undefined;
      try {
        response = await send(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
      } catch (error) {
        if (!(error instanceof TypeError)) {
          // Not the network (a fetch that never reached the server rejects with a TypeError):
          // no token for the relay now. HR still gets the report, as the person.
          return this.options.fallback.report(recognitionId, reason);
        }
        if (attempt >= attempts) {
          const message = error instanceof Error ? error.message : String(error);
          throw new RecognitionStoreError('network', `Reporting the post through the relay: ${message}`);
        }
      }
      if (response?.ok) {
        let answer: { outcome?: unknown };
        try {
          answer = (await response.json()) as { outcome?: unknown };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new RecognitionStoreError('unexpected', `Reporting the post through the relay: the answer could not be read (${message})`);
        }
        return answer.outcome === 'hiddenForReporter' ? 'hiddenForReporter' : 'hiddenForEveryone';
      }
      if (response && (!RETRYABLE.has(response.status) || attempt >= attempts)) {
        throw new RecognitionStoreError(codeOf(response.status), `Reporting the post through the relay: HTTP ${response.status}`);
      }
      await this.sleep(waitFor(response, attempt));
    }
  }
}
