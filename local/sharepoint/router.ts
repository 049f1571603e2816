/**
 * The routing of SharePoint REST in the local tenant: a table of path patterns, each with its
 * handlers by method. The first pattern that matches a path decides; a method it has no handler
 * for is answered by the route's `otherwise`, or as a path no route matches. A route can hand the
 * rest of the path on to another table (a list's own paths), in a scope it resolves first.
 */
import type { LocalRequest, LocalResponse } from '../server/types';

/** One request as a route handler sees it. */
export interface RouteCall<S> {
  readonly request: LocalRequest;
  /** The method asked for, upper case: `X-HTTP-Method` when sent (PnPjs sends MERGE and DELETE as POST with it). */
  readonly method: string;
  /** The pattern's capture groups in order; undefined for a group that took no part in the match. */
  readonly params: ReadonlyArray<string | undefined>;
  /** What the route answers within: the site, or a list of it. */
  readonly scope: S;
}

export type RouteHandler<S> = (call: RouteCall<S>) => LocalResponse | Promise<LocalResponse>;

export interface Route<S> {
  /** Matched against the path below the scope (below `_api/` for the site). */
  readonly pattern: RegExp;
  /** Handlers by method, upper case. */
  readonly methods?: Readonly<Partial<Record<string, RouteHandler<S>>>>;
  /** Answers every method `methods` does not name (every method when `methods` is absent). */
  readonly otherwise?: RouteHandler<S>;
  /** The route's own handlers need no form digest (the route that issues it). */
  readonly withoutDigest?: boolean;
}

/** What answers a path and method: a route's handler, or the router's answer to a path it does not know. */
export interface Resolved<S> {
  readonly handler: RouteHandler<S>;
  readonly params: ReadonlyArray<string | undefined>;
  /** True when the handler is one of a `withoutDigest` route's own. */
  readonly withoutDigest: boolean;
}

/** The method of a request, with SharePoint's `X-HTTP-Method` override. */
export function methodOf(request: LocalRequest): string {
  const override = request.headers['x-http-method'];
  return (override ?? request.method).toUpperCase();
}

export class Router<S> {
  private readonly routes: ReadonlyArray<Route<S>>;
  private readonly unmatched: RouteHandler<S>;

  /** `unmatched` answers a path no route matches, and a method a matching route does not take. */
  public constructor(routes: ReadonlyArray<Route<S>>, unmatched: RouteHandler<S>) {
    this.routes = routes;
    this.unmatched = unmatched;
  }

  public resolve(method: string, path: string): Resolved<S> {
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (!match) {
        continue;
      }
      const own = route.methods?.[method];
      if (own) {
        return { handler: own, params: match.slice(1), withoutDigest: route.withoutDigest === true };
      }
      return { handler: route.otherwise ?? this.unmatched, params: match.slice(1), withoutDigest: false };
    }
    return { handler: this.unmatched, params: [], withoutDigest: false };
  }

  public dispatch(request: LocalRequest, method: string, path: string, scope: S): LocalResponse | Promise<LocalResponse> {
    const { handler, params } = this.resolve(method, path);
    return handler({ request, method, params, scope });
  }
}

/**
 * A handler that enters a narrower scope (a list, found from the pattern's groups) and answers
 * the rest of the path, the pattern's last group, from that scope's own table.
 */
export function within<S, T>(router: Router<T>, enter: (call: RouteCall<S>) => T): RouteHandler<S> {
  return (call) => {
    const scope = enter(call);
    return router.dispatch(call.request, call.method, call.params[call.params.length - 1] ?? '', scope);
  };
}
