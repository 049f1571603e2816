/**
 * SharePoint REST (`/_api/…`) of the local tenant: the subset PnPjs v4 uses, answered with
 * SharePoint's JSON shapes, status codes and error bodies. The routes are in routes/index.ts,
 * the response shapes in format.ts, who may do what in permissions.ts; this is the entry: the
 * form digest check and SharePoint's error answers.
 */

import type { TenantContext } from '../server/context';
import type { Handler, LocalRequest, LocalResponse } from '../server/types';
import { FormDigests } from './digests';
import { errorResponse, errors, SharePointError } from './errors';
import { SitePrincipals } from './principals';
import { methodOf } from './router';
import { SITE_ROUTES } from './routes';
import type { SiteScope } from './routes/scope';
import type { SqliteSharePointStore } from './sqliteStore';

export function createSharePointHandler(context: TenantContext): Handler {
  const apiPrefix = `${context.siteUrlPath}/_api/`;
  const store = context.sp as SqliteSharePointStore;
  const site: SiteScope = {
    context,
    store,
    digests: context.digests ?? new FormDigests(() => context.now()),
    principals: new SitePrincipals(store, context.directory, () => context.db),
    siteUrl: (request) => `${request.origin}${context.siteUrlPath}`,
    answer
  };

  async function answer(request: LocalRequest, inBatch: boolean): Promise<LocalResponse> {
    const rest = request.path.slice(apiPrefix.length);
    try {
      const method = methodOf(request);
      const route = SITE_ROUTES.resolve(method, rest);
      // A form digest guards cookie sessions; a request signed with a bearer token (checked by
      // the server before it got here) needs none, as in SharePoint Online.
      if (
        !inBatch &&
        !route.withoutDigest &&
        method !== 'GET' &&
        request.authentication !== 'bearer' &&
        !site.digests.isValid(request.headers['x-requestdigest'])
      ) {
        throw errors.digest();
      }
      return await route.handler({ request, method, params: route.params, scope: site });
    } catch (error) {
      if (error instanceof SharePointError) {
        return errorResponse(error, request.headers.accept);
      }
      throw error;
    }
  }

  return async (request) => {
    if (!request.path.toLowerCase().startsWith(apiPrefix.toLowerCase())) {
      return undefined;
    }
    return answer(request, false);
  };
}
