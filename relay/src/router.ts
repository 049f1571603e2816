/**
 * The relay's router, free of any hosting framework: a table of routes, each declaring its
 * method, path, whether it needs a user token (and which delegated scope), and how large a JSON
 * body it takes. Every route gets the same treatment, in this order:
 *
 *   1. CORS: a preflight (OPTIONS, any path) is answered for the allowed origins only (204, or
 *      403 without CORS headers); every answer to an allowed origin carries the CORS headers.
 *   2. The route: 404 for an unknown path, 405 with `Allow` for a method the path does not take.
 *   3. The caller: the bearer token is checked before anything else of the request is read; a
 *      refused token is 401 with `WWW-Authenticate: Bearer`. A failure of the check itself (the
 *      signing keys unreachable) is no 401: it is thrown to the host.
 *   4. The body: over the route's limit 413, not JSON 400.
 *   5. The caller's rate limit, for a route that declares one (`rateLimit`, see rateLimits.ts):
 *      per caller (the token's object id) and route; over it 429 with Retry-After, and the handler
 *      never runs. A use is taken before the handler runs and given back when the answer is no
 *      2xx or says it did not count (`counted: false`). Refusals (4xx but 429), and answers that
 *      did not count (a resend answered as stored), have a wider limit of their own per caller and
 *      route (`REFUSAL_LIMIT`): they count nothing of the route's, but a loop of them cannot spend
 *      the relay's SharePoint budget.
 *   6. The route's handler, with the verified caller and the parsed body. It answers, or throws a
 *      RelayProblem (answered as it says, its cause logged); anything else it throws is logged and
 *      answered 500 without a word of what failed.
 *
 * Every answer but a preflight's is JSON, `cache-control: no-store`; errors are
 * `{error: {code, message, field?}}`.
 */
import { type Caller, CallerError, type CallerVerifier } from './auth';
import { checkRateLimit, createRateLimiter, describeWindow, type RateLimit, type RateLimiter, REFUSAL_LIMIT } from './rateLimits';

export interface RelayRequest {
  readonly method: string;
  /** Path from the relay's root, e.g. `/api/reports`. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface RelayResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type RelayHandler = (request: RelayRequest) => Promise<RelayResponse>;

/** What a route answers: a status and a JSON body, with any headers of its own. */
export interface RelayAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * On a route with a rate limit: whether this call used up one of the caller's uses. Unsaid, a
   * 2xx answer does and any other does not; a 2xx answer that did nothing the limit is about
   * says `false`. Never sent.
   */
  readonly counted?: boolean;
}

export interface ProblemOptions {
  /** The rule of the input that was broken. */
  readonly field?: string;
  /** Sent as `Retry-After`: the page asks again after this many seconds. */
  readonly retryAfterSeconds?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An error answer: `{error: {code, message, field?}}`. */
export function problem(status: number, code: string, message: string, options: ProblemOptions = {}): RelayAnswer {
  const { field, retryAfterSeconds, headers } = options;
  return {
    status,
    body: { error: { code, message, ...(field ? { field } : {}) } },
    headers: { ...headers, ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }) }
  };
}

/** A body over the route's limit (or over what the host reads at all). */
export const TOO_LARGE_PROBLEM: RelayAnswer = problem(413, 'tooLarge', 'The request is too large.');

/** What the relay answers when a request failed in a way it did not foresee. */
export const INTERNAL_PROBLEM: RelayAnswer = problem(500, 'internal', 'The relay failed on this request.');

/**
 * Thrown by a handler to answer with `answer`; `cause` (what went wrong underneath) goes to the
 * relay's log, never to the caller.
 */
export class RelayProblem extends Error {
  public readonly answer: RelayAnswer;
  public readonly cause: unknown;

  public constructor(answer: RelayAnswer, cause?: unknown) {
    super(`The relay answered ${answer.status}.`);
    this.name = 'RelayProblem';
    this.answer = answer;
    this.cause = cause;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** What a route's handler is given. */
export interface RouteCall<TCaller extends Caller | undefined> {
  /** The verified caller (routes that need a user token), undefined otherwise. */
  readonly caller: TCaller;
  /** The parsed JSON body; undefined for a route that takes none. */
  readonly body: unknown;
}

interface RouteShape {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the relay's root, e.g. `/api/reports`; matched without case and trailing slashes. */
  readonly path: string;
  /** The largest JSON body taken, in characters; `none`: whatever is sent is not read. */
  readonly body: { readonly maxCharacters: number } | 'none';
}

/** A route only a signed-in person may call, with a token carrying `userToken.scope`. */
export interface UserRoute extends RouteShape {
  readonly userToken: { readonly scope: string };
  /** How often one person may call it (RATE_LIMITS in rateLimits.ts); none: no limit. */
  readonly rateLimit?: RateLimit;
  readonly handle: (call: RouteCall<Caller>) => Promise<RelayAnswer>;
}

/** A route anyone may call (the health check). */
export interface PublicRoute extends RouteShape {
  readonly userToken: false;
  readonly handle: (call: RouteCall<undefined>) => Promise<RelayAnswer>;
}

export type Route = UserRoute | PublicRoute;

export interface RouterOptions {
  readonly routes: readonly Route[];
  /** The check of a caller's token, for each scope a route asks for. */
  readonly verifiers: Readonly<Record<string, CallerVerifier>>;
  /** Origins allowed to call from a browser, e.g. `https://contoso.sharepoint.com`. */
  readonly allowedOrigins: readonly string[];
  readonly log?: (line: string) => void;
  /** Keeps the routes' rate limits; one in this instance's memory unless given. */
  readonly rateLimiter?: RateLimiter;
}

/** Paths and origins are compared without case and trailing slashes. */
const canonical = (value: string): string => value.replace(/\/+$/, '').toLowerCase();

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type Match = { readonly route: Route } | { readonly refusal: RelayAnswer };

export function createRouter(options: RouterOptions): RelayHandler {
  const allowed = new Set(options.allowedOrigins.map((o) => canonical(o)));
  const byPath = new Map<string, Route[]>();
  for (const route of options.routes) {
    const path = canonical(route.path);
    const same = byPath.get(path) ?? [];
    if (same.some((r) => r.method === route.method)) {
      throw new Error(`The relay has two routes for ${route.method} ${route.path}.`);
    }
    if (route.userToken && !options.verifiers[route.userToken.scope]) {
      throw new Error(`The relay cannot check the ${route.userToken.scope} scope that ${route.method} ${route.path} asks for.`);
    }
    if (route.userToken && route.rateLimit) {
      checkRateLimit(route.rateLimit);
    }
    byPath.set(path, [...same, route]);
  }
  const limiter = options.rateLimiter ?? createRateLimiter();
  const allMethods = [...new Set(options.routes.map((r) => r.method)), 'OPTIONS'].join(', ');

  function corsHeaders(request: RelayRequest): Record<string, string> {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin.toLowerCase())) {
      return {};
    }
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': allMethods,
      // The page honours Retry-After; a cross-origin page can read it only when it is exposed.
      'access-control-expose-headers': 'retry-after',
      'access-control-max-age': '600',
      vary: 'Origin'
    };
  }

  function match(method: string, request: RelayRequest): Match {
    const routes = byPath.get(canonical(request.path));
    if (!routes) {
      return { refusal: problem(404, 'notFound', `Nothing at ${request.path}.`) };
    }
    const route = routes.find((r) => r.method === method);
    if (!route) {
      const methods = routes.map((r) => r.method);
      return { refusal: problem(405, 'methodNotAllowed', `Use ${methods.join(' or ')}.`, { headers: { allow: [...methods, 'OPTIONS'].join(', ') } }) };
    }
    return { route };
  }

  /** The parsed body, or the answer refusing it. */
  function bodyOf(route: Route, request: RelayRequest): { readonly value: unknown } | { readonly refusal: RelayAnswer } {
    if (route.body === 'none') {
      return { value: undefined };
    }
    if (request.body.length > route.body.maxCharacters) {
      return { refusal: TOO_LARGE_PROBLEM };
    }
    try {
      return { value: JSON.parse(request.body) as unknown };
    } catch {
      return { refusal: problem(400, 'invalidInput', 'The body is not JSON.') };
    }
  }

  /** Runs the handler; what it throws becomes an answer here. */
  async function run(route: Route, call: () => Promise<RelayAnswer>): Promise<RelayAnswer> {
    try {
      return await call();
    } catch (error) {
      const known = error instanceof RelayProblem;
      const cause = known ? error.cause : error;
      if (cause !== undefined) {
        options.log?.(`${route.method} ${route.path} failed: ${messageOf(cause)}`);
      }
      return known ? error.answer : INTERNAL_PROBLEM;
    }
  }

  /** Runs a user route's handler within the caller's rate limit, if the route has one. */
  async function withinLimit(route: UserRoute, caller: Caller, call: () => Promise<RelayAnswer>): Promise<RelayAnswer> {
    if (!route.rateLimit) {
      return run(route, call);
    }
    const key = `${route.method} ${canonical(route.path)}`;
    const over = (window: { max: number; seconds: number }, seconds: number, what: string): RelayAnswer => {
      options.log?.(`${route.method} ${route.path}: ${caller.objectId} is over ${describeWindow(window)}${what}`);
      const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
      return problem(429, 'rateLimited', `Too many of these from you for now. Try again in ${wait}.`, { retryAfterSeconds: seconds });
    };
    const admission = limiter.take(key, caller.objectId, route.rateLimit);
    if (!admission.admitted) {
      return over(admission.window, admission.retryAfterSeconds, '');
    }
    // Every call holds a refusal's use too while it runs; only a refusal keeps it.
    const refusal = limiter.take(`${key} refused`, caller.objectId, REFUSAL_LIMIT);
    if (!refusal.admitted) {
      admission.release();
      return over(refusal.window, refusal.retryAfterSeconds, ' (refused requests)');
    }
    const answer = await run(route, call);
    if (answer.status < 200 || answer.status >= 300 || answer.counted === false) {
      admission.release();
    }
    // A refusal keeps its use of the refusals' limit, and so does an answer that did nothing (a
    // resend answered as stored): it costs the relay its reads all the same.
    const refused = (answer.status >= 400 && answer.status < 500 && answer.status !== 429) || (answer.status < 300 && answer.counted === false);
    if (!refused) {
      refusal.release();
    }
    return answer;
  }

  async function answerFor(request: RelayRequest, method: string): Promise<RelayAnswer> {
    const found = match(method, request);
    if ('refusal' in found) {
      return found.refusal;
    }
    const { route } = found;
    let handle: (body: unknown) => Promise<RelayAnswer>;
    if (route.userToken) {
      let caller: Caller;
      try {
        caller = await options.verifiers[route.userToken.scope](request.headers.authorization);
      } catch (error) {
        if (error instanceof CallerError) {
          return problem(401, 'unauthenticated', error.message, { headers: { 'www-authenticate': 'Bearer' } });
        }
        throw error;
      }
      handle = (body) => withinLimit(route, caller, () => route.handle({ caller, body }));
    } else {
      handle = (body) => run(route, () => route.handle({ caller: undefined, body }));
    }
    const body = bodyOf(route, request);
    return 'refusal' in body ? body.refusal : handle(body.value);
  }

  return async (request) => {
    const method = request.method.toUpperCase();
    const cors = corsHeaders(request);
    if (method === 'OPTIONS') {
      return { status: Object.keys(cors).length > 0 ? 204 : 403, headers: cors, body: '' };
    }
    const answer = await answerFor(request, method);
    return {
      status: answer.status,
      headers: { 'content-type': 'application/json;charset=utf-8', 'cache-control': 'no-store', ...cors, ...answer.headers },
      body: JSON.stringify(answer.body)
    };
  };
}
