/**
 * POST /api/pulse/crews  {opensAt: "06:00", timeZone: "Europe/Stockholm"}
 *   → 200 {periodStart, periodDays, crews: [{crewKey, name, siteCode?, lineCode?, minimumRoundDays}]}
 *
 * The crews HR can name in a pulse audience, by their Teams names and where the plant map places
 * them, each with its own shortest round for rounds opening at `opensAt` in `timeZone`
 * (`relay/src/pulse/crews.ts`; docs/relay.md "Crews for HR"). The page takes the longest of the
 * audience's crews (`audienceMinimumRound`). A POST because the opening time and zone are
 * the request's; nothing is written.
 *
 * - Only someone who may author surveys (HR, site owners: `mayAuthorSurveys`) is answered; anyone
 *   else gets 403 `notAllowed`, before Graph is asked anything.
 * - No person and no shift leaves the relay: per crew its id, name, site and line, and a number.
 * - Graph refusing the relay (a permission not granted) is 502 `relayMisconfigured`; Graph or
 *   SharePoint busy is 503 `unavailable` with Retry-After.
 */
import type { SPFI } from '@pnp/sp';

import { memberLogin } from '../../../src/core/people/claims';
import { isTimeZone, parseLocalTime } from '../../../src/core/pulse/zonedTime';
import { RELAY_SCOPE } from '../auth';
import { type CrewRosterSource, mayAuthorSurveys, summariseCrews } from '../pulse/crews';
import { readPlantMap } from '../pulse/rounds';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import { sharePointProblem } from '../sharepoint';

export interface PulseCrewsRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** The crews' rosters (Graph, with the relay's identity); absent: 502. */
  readonly rosters?: CrewRosterSource;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

type CrewsRequest = { readonly ok: true; readonly opensAt: string; readonly timeZone: string } | { readonly ok: false; readonly field: string };

/** The body: `opensAt` (`HH:MM`) and `timeZone` (IANA). */
export function parseCrewsRequest(body: unknown): CrewsRequest {
  const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (!input) {
    return { ok: false, field: 'body' };
  }
  if (typeof input.opensAt !== 'string' || parseLocalTime(input.opensAt) === undefined) {
    return { ok: false, field: 'opensAt' };
  }
  if (!isTimeZone(input.timeZone)) {
    return { ok: false, field: 'timeZone' };
  }
  return { ok: true, opensAt: input.opensAt.trim(), timeZone: input.timeZone };
}

export function pulseCrewsRoute(options: PulseCrewsRouteOptions): UserRoute {
  const log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());

  async function crews(userPrincipalName: string, body: unknown): Promise<RelayAnswer> {
    const request = parseCrewsRequest(body);
    if (!request.ok) {
      return problem(400, 'invalidInput', `The request is not valid (${request.field}).`, { field: request.field });
    }
    const sp = options.site();
    const allowed = await mayAuthorSurveys(sp, memberLogin(userPrincipalName));
    if (allowed === undefined) {
      return problem(409, 'notSetUp', 'The engagement site has no pulse question bank yet. Tell your IT admin.');
    }
    if (!allowed) {
      return problem(403, 'notAllowed', 'Only those who author pulse surveys (HR, site owners) see the crews\' rosters.');
    }
    if (!options.rosters) {
      throw new RelayProblem(problem(502, 'relayMisconfigured', 'The relay cannot read the rosters. Tell your IT admin.'), new Error('No crew roster source.'));
    }
    const at = now();
    const [rosters, map] = await Promise.all([options.rosters(at), readPlantMap(sp, log)]);
    return { status: 200, body: summariseCrews(rosters, map, { opensAt: request.opensAt, timeZone: request.timeZone, at }) };
  }

  return {
    method: 'POST',
    path: '/api/pulse/crews',
    userToken: { scope: RELAY_SCOPE },
    body: { maxCharacters: 1024 },
    rateLimit: RATE_LIMITS.pulseCrews,
    handle: async ({ caller, body }) => {
      try {
        return await crews(caller.userPrincipalName, body);
      } catch (error) {
        // Graph's refusals carry their status as SharePoint's do: a missing grant is 502, busy 503.
        throw error instanceof RelayProblem ? error : sharePointProblem(error, 'read the crews');
      }
    }
  };
}
