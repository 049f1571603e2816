/**
 * PnPjs rooted at the engagement site with the relay's own (app-only) identity: every request
 * carries a bearer token for the SharePoint resource from the token provider. No form digest is
 * needed with a bearer token.
 */
import { BrowserFetchWithRetry, DefaultParse, type Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';

import type { TokenProvider } from './appIdentity';

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
