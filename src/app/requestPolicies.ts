/**
 * What the product's requests do when SharePoint or Graph answer badly, applied once to the
 * host's clients (in SharePoint and in the workbench alike), so every capability built on the
 * services object has it: a deadline on every request, a few short tries again at most, and
 * `$batch`es whose requests always settle (`connectors/sharepoint/requestPolicy.ts`,
 * `connectors/graph/graphDeadline.ts`). A part's load then ends, with its data or an error the
 * part can show with "Try again", within seconds of a failing request.
 */
import { graphWithDeadline } from '../connectors/graph/graphDeadline';
import { withRequestPolicy } from '../connectors/sharepoint/requestPolicy';
import type { HostConnections } from './services';

export function withRequestPolicies(connections: HostConnections): HostConnections {
  return { ...connections, sp: withRequestPolicy(connections.sp), graph: graphWithDeadline(connections.graph) };
}
