/**
 * Every Graph call with a deadline: a call that gets no answer in time fails with a
 * `GraphFailure` of status 504 (code `Timeout`) instead of leaving a part loading. The Graph
 * client (MSGraphClientV3 in SharePoint, the Graph JavaScript client in the workbench) tries
 * again by itself after each Retry-After, up to three times and three minutes apart; the deadline
 * ends that wait too, and aborts the request (its fetch `signal`) so nothing goes on behind it.
 */
import { withDeadline } from '../../core/recovery';
import { GraphFailure, TIMEOUT_CODE } from './graphBatch';
import type { GraphClientLike, GraphRequestLike } from './graphClient';

/** How long one Graph call may take, its client's own tries again included. */
export const GRAPH_CALL_DEADLINE_MS = 8_000;

function callWithDeadline<T>(request: GraphRequestLike, path: string, ms: number, send: (request: GraphRequestLike) => Promise<T>): Promise<T> {
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  if (controller && typeof request.option === 'function') {
    request.option('signal', controller.signal);
  }
  return withDeadline(send(request), ms, path, () => {
    controller?.abort();
    return new GraphFailure(504, TIMEOUT_CODE, `${path.split('?')[0]}: Graph did not answer within ${ms / 1000} s`);
  });
}

/** `graph` with a deadline on every call. */
export function graphWithDeadline(graph: GraphClientLike, ms: number = GRAPH_CALL_DEADLINE_MS): GraphClientLike {
  return {
    api: (path) => {
      const request = graph.api(path);
      return {
        get: () => callWithDeadline(request, path, ms, (r) => r.get()),
        post: (content) => callWithDeadline(request, path, ms, (r) => r.post(content))
      };
    }
  };
}
