/**
 * The Graph JavaScript client (the library inside SPFx's MSGraphClientV3) pointed at the local
 * tenant's Graph root, signed in as a chosen person.
 */
import { Client } from '@microsoft/microsoft-graph-client';

import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import type { GraphClientLike } from '../../src/connectors/graph/graphClient';

export function graphAs(tenant: RunningTenant, person: Person): Client {
  return Client.init({
    baseUrl: `${tenant.origin}/graph`,
    defaultVersion: 'v1.0',
    authProvider: (done) => done(null, 'local-tenant'),
    fetchOptions: { headers: { 'x-local-user': person.userPrincipalName } }
  });
}

/** A Graph client that counts what a connector sends: `$batch` posts and `@odata.nextLink` page reads. */
export function countingGraph(graph: GraphClientLike, calls: { batches: number; pages: number }): GraphClientLike {
  return {
    api: (path) => {
      const request = graph.api(path);
      return {
        get: () => {
          calls.pages += 1;
          return request.get();
        },
        post: (content) => {
          calls.batches += 1;
          return request.post(content);
        }
      };
    }
  };
}
