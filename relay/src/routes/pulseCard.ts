/**
 * The Pulse card's one read (docs/relay.md "The Pulse card's read"):
 *
 *   GET /api/pulse/card → 200 {open, mine, plans}
 *
 * - `open`: exactly what `GET /api/pulse/open` answers (`{rounds}`). When that route refuses or
 *   fails, this one answers as it would (its status, code and Retry-After): the card shows nothing
 *   without the open rounds, and the page words and retries the refusal as it always has.
 * - `mine`: what `GET /api/pulse/threads/mine` answers (`{comments}`), or `{error: code}` with that
 *   route's own code when it refuses or fails (`relayMisconfigured`, `notSetUp`, `unavailable`…).
 * - `plans`: what `GET /api/pulse/plans` answers (`{plans}`), or `{error: code}` likewise.
 *
 * It decides nothing itself: it runs the three routes' own handlers, taken from the relay's route
 * table (the same instances the router serves, with the same options), side by side, as the same
 * caller. Each keeps its own setup gate, keys, rules and answers; a follow-up that fails never
 * stops a round being answered. Only this route's own rate limit applies (the three handlers are
 * called directly, not through the router).
 *
 * Cost: it does what the three reads do together, including the threads' decryption of the
 * person's latest rounds' boxes. The Pulse card calls it once per load; the on-shift prompt, which
 * runs on every page of a shift, calls only `GET /api/pulse/open`.
 */
import { type Caller, RELAY_SCOPE } from '../auth';
import { RATE_LIMITS } from '../rateLimits';
import { type RelayAnswer, RelayProblem, type Route, type RouteCall, type UserRoute } from '../router';

/** The routes the card's read is made of, by what it calls each part of its answer. */
const PARTS = { open: '/api/pulse/open', mine: '/api/pulse/threads/mine', plans: '/api/pulse/plans' } as const;

type Handle = UserRoute['handle'];
type Log = (line: string) => void;

/** A part that could not be read: its route's own error code. */
export interface FailedPart {
  readonly error: string;
}

/** The card's read: each part as its own route answers it (`mine` and `plans` may be a {@link FailedPart}). */
export interface PulseCardBody {
  readonly open: unknown;
  readonly mine: unknown;
  readonly plans: unknown;
}

function handleOf(routes: readonly Route[], path: string): Handle {
  const route = routes.find((candidate) => candidate.method === 'GET' && candidate.path === path);
  if (!route || !route.userToken) {
    throw new Error(`The Pulse card's read needs the signed-in route GET ${path} in the relay's route table.`);
  }
  return route.handle;
}

/** The code of an error answer (`{error: {code}}`); `internal` when it names none. */
function codeOf(answer: RelayAnswer): string {
  const body = answer.body as { readonly error?: { readonly code?: unknown } } | undefined;
  return typeof body?.error?.code === 'string' ? body.error.code : 'internal';
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A follow-up part: its route's body when it answers 200, its error code otherwise. A failure is
 * logged as the router logs a route's (what went wrong underneath, never sent).
 */
async function followUpPart(path: string, handle: Handle, call: RouteCall<Caller>, log: Log): Promise<unknown> {
  try {
    const answer = await handle(call);
    return answer.status === 200 ? answer.body : ({ error: codeOf(answer) } satisfies FailedPart);
  } catch (error) {
    const known = error instanceof RelayProblem;
    const cause = known ? error.cause : error;
    if (cause !== undefined) {
      log(`GET /api/pulse/card: its part GET ${path} failed: ${messageOf(cause)}`);
    }
    return { error: known ? codeOf(error.answer) : 'internal' } satisfies FailedPart;
  }
}

/** `GET /api/pulse/card`, made of the routes in `routes` (the relay's table without it). */
export function pulseCardRoute(routes: readonly Route[], log: Log = () => undefined): UserRoute {
  const open = handleOf(routes, PARTS.open);
  const mine = handleOf(routes, PARTS.mine);
  const plans = handleOf(routes, PARTS.plans);
  return {
    method: 'GET',
    path: '/api/pulse/card',
    userToken: { scope: RELAY_SCOPE },
    body: 'none',
    rateLimit: RATE_LIMITS.pulseCard,
    handle: async (call) => {
      const follow = { caller: call.caller, body: undefined };
      // Side by side: the card waits for the slowest, never for the sum.
      const [rounds, comments, published] = await Promise.all([open(follow), followUpPart(PARTS.mine, mine, follow, log), followUpPart(PARTS.plans, plans, follow, log)]);
      if (rounds.status !== 200) {
        return rounds;
      }
      const body: PulseCardBody = { open: rounds.body, mine: comments, plans: published };
      return { status: 200, body };
    }
  };
}
