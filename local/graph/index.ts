/**
 * The Microsoft Graph v1.0 stand-in: the calls Shopfloor Engage makes (see
 * docs/architecture.md), answered in Graph's shapes, with Graph's errors and `$batch`.
 * Also `GET|DELETE /_local/notifications` (recorded Teams activity notifications).
 */
import type { TenantContext } from '../server/context';
import { Handler, LocalRequest, LocalResponse, readJsonBody } from '../server/types';
import { createPlantData } from '../tenant/store';
import { listCourseActivities, localNotifications, sendActivityNotification } from './activity';
import { runBatch } from './batch';
import { badRequest, GraphCall, GraphFailure, graphError, GRAPH_PREFIX, newRequestId } from './http';
import { listOwnedObjects } from './ownedObjects';
import { getSchedule, getScheduleItem, getTeam, listScheduleItems, listTeamObjects, listTeams } from './schedule';
import { findUser, getManager, getPhoto, getUser, listDirectReports, listJoinedTeams, listUsers } from './users';

/**
 * graph-client 3.x only recognises `https://` absolute URLs; given the stand-in's `http://`
 * nextLink it joins it onto its base URL (`…/graph/v1.0/http://host/graph/v1.0/users?…`).
 * Such a doubled path is unwrapped, so PageIterator works against the local tenant unchanged.
 */
function graphPath(path: string): string | undefined {
  if (path !== GRAPH_PREFIX && !path.startsWith(`${GRAPH_PREFIX}/`)) {
    return undefined;
  }
  const rest = path.slice(GRAPH_PREFIX.length);
  const doubled = /^\/https?:\/\/?[^/]+\/graph\/v1\.0(\/.*)?$/i.exec(rest);
  return doubled ? doubled[1] ?? '' : rest;
}

function methodNotAllowed(call: GraphCall): GraphFailure {
  return new GraphFailure(405, 'Request_BadRequest', `Method ${call.request.method} is not allowed on ${call.path}.`);
}

function unknownSegment(segment: string): GraphFailure {
  return badRequest(`Resource not found for the segment '${segment}'.`);
}

async function route(call: GraphCall, dispatch: (request: LocalRequest, inBatch: boolean) => Promise<LocalResponse>): Promise<LocalResponse> {
  const segments = call.segments;
  const lower = segments.map((s) => s.toLowerCase());
  const method = call.request.method;
  const get = (): void => {
    if (method !== 'GET') {
      throw methodNotAllowed(call);
    }
  };

  if (lower.length === 1 && lower[0] === '$batch') {
    if (method !== 'POST') {
      throw methodNotAllowed(call);
    }
    if (call.inBatch) {
      throw badRequest('A $batch request cannot contain another $batch.');
    }
    const body = readJsonBody(call.request);
    if (body instanceof Error) {
      throw badRequest('Invalid batch payload format: the body is not valid JSON.');
    }
    return runBatch(call, body, dispatch);
  }

  if (lower[0] === 'me' || lower[0] === 'users') {
    let person = call.request.user;
    let start = 1;
    if (lower[0] === 'users') {
      if (segments.length === 1) {
        get();
        return listUsers(call);
      }
      person = findUser(call, segments[1]);
      start = 2;
    }
    const rest = lower.slice(start);
    const key = rest.join('/');
    if (key === 'teamwork/sendactivitynotification' && lower[0] === 'users') {
      if (method !== 'POST') {
        throw methodNotAllowed(call);
      }
      const body = readJsonBody(call.request);
      if (body instanceof Error) {
        throw badRequest('The request body is not valid JSON.');
      }
      return sendActivityNotification(call, person, body);
    }
    get();
    switch (key) {
      case '':
        return getUser(call, person);
      case 'manager':
        return getManager(call, person);
      case 'directreports':
        return listDirectReports(call, person);
      case 'photo':
        return getPhoto(call, person, false);
      case 'photo/$value':
        return getPhoto(call, person, true);
      case 'joinedteams':
        return listJoinedTeams(call, person);
      case 'ownedobjects':
        return listOwnedObjects(call, person);
      case 'employeeexperience/learningcourseactivities':
        return listCourseActivities(call, person);
      default:
        throw unknownSegment(segments[segments.length - 1]);
    }
  }

  if (lower[0] === 'teams' && segments.length === 1) {
    get();
    return listTeams(call);
  }

  if (lower[0] === 'teams' && segments.length >= 2) {
    get();
    const teamId = segments[1];
    const rest = lower.slice(2);
    if (rest.length === 0) {
      return getTeam(call, teamId);
    }
    if (rest[0] === 'schedule') {
      if (rest.length === 1) {
        return getSchedule(call, teamId);
      }
      const kind = rest[1] === 'shifts' ? 'shifts' : rest[1] === 'timesoff' ? 'timesOff' : undefined;
      if (kind && rest.length === 2) {
        return listScheduleItems(call, teamId, kind);
      }
      if (kind && rest.length === 3) {
        return getScheduleItem(call, teamId, kind, segments[4]);
      }
      if (rest.length === 2 && (rest[1] === 'timeoffreasons' || rest[1] === 'schedulinggroups')) {
        return listTeamObjects(call, teamId, rest[1] === 'timeoffreasons' ? 'timeOffReasons' : 'schedulingGroups');
      }
    }
    throw unknownSegment(segments[segments.length - 1]);
  }

  throw unknownSegment(segments[0] ?? '');
}

/** Answers `/graph/v1.0/...` (and `/_local/notifications`); undefined for other paths. */
export function createGraphHandler(context: TenantContext): Handler {
  const plant = createPlantData(context.db);
  const makeCall = (request: LocalRequest, path: string, inBatch: boolean): GraphCall => ({
    context,
    plant,
    request,
    path,
    segments: path.split('/').filter((segment) => segment !== ''),
    root: `${request.origin}${GRAPH_PREFIX}`,
    requestId: newRequestId(),
    inBatch
  });

  const handle = async (request: LocalRequest, inBatch: boolean): Promise<LocalResponse | undefined> => {
    const isNotifications = request.path === '/_local/notifications';
    const path = isNotifications ? '' : graphPath(request.path);
    if (path === undefined) {
      if (request.path === '/graph/beta' || request.path.startsWith('/graph/beta/')) {
        return graphError(makeCall(request, '', inBatch), 400, 'BadRequest', 'The local tenant emulates Microsoft Graph v1.0 only.');
      }
      return undefined;
    }
    const call = makeCall(request, path, inBatch);
    try {
      if (isNotifications) {
        return localNotifications(call);
      }
      return await route(call, async (inner, nested) => (await handle(inner, nested)) ?? graphError(call, 404, 'NotFound', 'Not found.'));
    } catch (error) {
      if (error instanceof GraphFailure) {
        return graphError(call, error.status, error.code, error.message);
      }
      throw error;
    }
  };

  return (request) => handle(request, false);
}
