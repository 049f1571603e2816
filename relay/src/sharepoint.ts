/**
 * PnPjs rooted at the engagement site with the relay's own (app-only) identity: every request
 * carries a bearer token for the SharePoint resource from the token provider. No form digest is
 * needed with a bearer token.
 */
import { BrowserFetchWithRetry, DefaultParse, type Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';
import type { IItem } from '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../src/connectors/sharepoint/httpErrors';
import type { TokenProvider } from './appIdentity';
import { problem, type RelayAnswer, RelayProblem } from './router';

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

/** The answer to a caller SharePoint does not know as a user of the engagement site. */
export const NOT_A_SITE_USER = (): RelayAnswer => problem(403, 'notASiteUser', 'SharePoint does not know you as a user of the engagement site.');

/**
 * The site user id of a login, added to the site when SharePoint does not know them yet;
 * undefined when SharePoint refuses the login (busy or unreachable is thrown).
 */
export async function ensuredUserId(sp: SPFI, login: string): Promise<number | undefined> {
  try {
    return (await sp.web.ensureUser(login)).Id;
  } catch (error) {
    const code = httpStatusOf(error);
    if (code !== undefined && code < 500 && code !== 429) {
      return undefined;
    }
    throw error;
  }
}

/** Deletes an item; one another request deleted first is fine. */
export async function deleteIfThere(item: IItem): Promise<void> {
  try {
    await item.delete();
  } catch (error) {
    if (httpStatusOf(error) !== 404) {
      throw error;
    }
  }
}
