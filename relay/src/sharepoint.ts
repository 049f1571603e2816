/**
 * PnPjs rooted at the engagement site with the relay's own (app-only) identity: every request
 * carries a bearer token for the SharePoint resource from the token provider. No form digest is
 * needed with a bearer token.
 */
import { BrowserFetchWithRetry, DefaultParse, type Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';

import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';
import type { TokenProvider } from './appIdentity';
import { problem, RelayProblem } from './router';

export function appOnlySharePoint(siteUrl: string, tokens: TokenProvider): SPFI {
  const resource = new URL(siteUrl).origin;
  const bearer = (instance: Queryable): Queryable => {
    instance.on.auth(async (url, init) => {
      const token = await tokens(resource);
      return [url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` } }];
    });
    return instance;
  };
  return spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry({ retries: 3 }), DefaultParse(), bearer);
}

/**
 * What a route answers when SharePoint failed under it (`action`, e.g. `record the report`):
 * busy or unreachable is 503 with Retry-After (the page asks again); SharePoint refusing the relay
 * itself (a missing site grant, a schema out of step) is 502, as asking again will not help. The
 * relay's log says why; the caller is told neither.
 */
export function sharePointProblem(error: unknown, action: string): RelayProblem {
  const status = httpStatusOf(error);
  if (status === undefined || status === 429 || status >= 500) {
    return new RelayProblem(problem(503, 'unavailable', `SharePoint could not ${action} now. Try again shortly.`, { retryAfterSeconds: 5 }), error);
  }
  return new RelayProblem(problem(502, 'relayMisconfigured', `The relay could not ${action}. Tell your IT admin.`), error);
}
