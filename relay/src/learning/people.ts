/**
 * Who a learner is, from the directory id the trainer's page sends: `GET /users/{id}?$select=id,userPrincipalName`
 * in Microsoft Graph with the relay's identity (application `User.Read.All`, the relay's grant;
 * `User.ReadBasic.All` would be the least for this call alone). The site user is then found from
 * the user principal name as for every caller (`ensureUser`). The page never names a site user
 * for someone else: a site user id could be anyone's.
 */
import type { TokenProvider } from '../appIdentity';
import { GRAPH_RESOURCE, GraphCallError } from '../directory';

/** The user principal name of the person with directory id `objectId`; undefined when there is none. */
export type LearnerDirectory = (objectId: string) => Promise<string | undefined>;

export function graphLearnerDirectory(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly fetch?: typeof fetch }): LearnerDirectory {
  const root = (options.graphUrl ?? `${GRAPH_RESOURCE}/v1.0`).replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return async (objectId) => {
    const token = await options.tokens(GRAPH_RESOURCE);
    const response = await doFetch(`${root}/users/${encodeURIComponent(objectId)}?$select=id,userPrincipalName`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' }
    });
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw new GraphCallError(`Graph answered ${response.status} for a learner.`, response.status);
    }
    const body = (await response.json()) as { id?: unknown; userPrincipalName?: unknown };
    // The answer must be the person asked for: a directory that answered for someone else is not used.
    const same = typeof body.id === 'string' && body.id.toLowerCase() === objectId.toLowerCase();
    return same && typeof body.userPrincipalName === 'string' && body.userPrincipalName !== '' ? body.userPrincipalName : undefined;
  };
}
