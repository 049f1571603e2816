/**
 * Teams and Shifts: `/teams` (every team, `$select`, `$top` + nextLink paging), `/teams/{id}`, `/teams/{id}/schedule`, `…/schedule/shifts` and
 * `…/schedule/timesOff` with `$filter` on `sharedShift|draftShift/startDateTime|endDateTime`
 * (resp. `sharedTimeOff|draftTimeOff/…`), `$top` + nextLink paging, `…/timeOffReasons`,
 * `…/schedulingGroups`.
 *
 * Membership rule (delegated Schedule.Read.All): only members and owners of the team may
 * read its schedule; anyone else gets 403 Forbidden. An app-only caller (the relay) reads every
 * team's schedule with the application permission, unless it is not granted (`/_local/app-permissions`). Teams metadata (`/teams/{id}`) is
 * readable by every signed-in user (Team.ReadBasic.All).
 */
import { appPermissionGranted } from '../server/admin';
import type { LocalResponse } from '../server/types';
import type { ScheduleRecord, TeamRecord } from '../tenant/store';
import { badRequest, GraphCall, GraphFailure, graphJson } from './http';
import { evaluate, filterProperties, paginate, parseFilterOption, parseSelect, pathGetter, project } from './query';
import { teamEntity } from './users';

const SCHEDULE_PAGE = { defaultSize: 50, maxSize: 1000 };

export function findTeam(call: GraphCall, id: string): TeamRecord {
  const team = call.plant.team(id);
  if (!team) {
    throw new GraphFailure(404, 'NotFound', `No team found with Group Id ${id}`);
  }
  return team;
}

function requireMember(call: GraphCall, team: TeamRecord): void {
  if (call.request.user.isApp === true) {
    // An app (the relay's identity) reads every team's schedule with the application permission
    // Schedule.Read.All, and nothing without it (a test or the workbench can take it away).
    if (!appPermissionGranted(call.context.db, 'Schedule.Read.All')) {
      throw new GraphFailure(403, 'Forbidden', 'Missing role permissions on the request. API requires one of Schedule.Read.All, Schedule.ReadWrite.All.');
    }
    return;
  }
  if (!call.plant.isMember(team.id, call.request.user.id)) {
    throw new GraphFailure(
      403,
      'Forbidden',
      `The signed-in user is not a member of team ${team.id}; delegated Schedule.Read.All reads the schedules of the user's own teams.`
    );
  }
}

const TEAMS_PAGE = { defaultSize: 100, maxSize: 999 };
/** What `GET /teams` fills, as Graph's list does ("only id, displayName and description"); the rest is null. */
const LISTED_TEAM_PROPERTIES = ['id', 'displayName', 'description'];

/**
 * `GET /teams`: every team of the tenant. An app (the relay) needs the application permission
 * Team.ReadBasic.All (or a broader one), which a test can take away. `$filter`, `$orderby` and
 * the other options Graph takes here are not emulated: refused, so nothing passes that Graph
 * would answer differently.
 */
export function listTeams(call: GraphCall): LocalResponse {
  if (call.request.user.isApp === true && !appPermissionGranted(call.context.db, 'Team.ReadBasic.All')) {
    throw new GraphFailure(403, 'Forbidden', 'Missing role permissions on the request. API requires one of Team.ReadBasic.All, TeamSettings.Read.All, TeamSettings.ReadWrite.All, Group.Read.All, Directory.Read.All.');
  }
  const option = Array.from(call.request.query.keys()).find((name) => name.startsWith('$') && !['$select', '$top', '$skiptoken'].includes(name));
  if (option !== undefined) {
    throw badRequest(`Query option '${option}' on /teams is not emulated by the local tenant.`);
  }
  const teams = call.plant.teams();
  // The team type's properties, as `GET /teams/{id}` answers them.
  const known = teams.length > 0 ? Object.keys(teamEntity(teams[0])) : LISTED_TEAM_PROPERTIES;
  const select = parseSelect(call, known, 'microsoft.graph.team');
  const listed = teams.map((team) => {
    const full = teamEntity(team);
    const out: Record<string, unknown> = {};
    known.forEach((name) => (out[name] = LISTED_TEAM_PROPERTIES.includes(name) ? full[name] : null));
    return project(out, select, known);
  });
  const page = paginate(call, listed, TEAMS_PAGE);
  const body: Record<string, unknown> = { '@odata.context': `${call.root}/$metadata#teams${select ? `(${select.join(',')})` : ''}` };
  if (page.nextLink) {
    body['@odata.nextLink'] = page.nextLink;
  }
  body.value = page.items;
  return graphJson(call, 200, body);
}

export function getTeam(call: GraphCall, id: string): LocalResponse {
  const team = findTeam(call, id);
  return graphJson(call, 200, { '@odata.context': `${call.root}/$metadata#teams/$entity`, ...teamEntity(team) });
}

export function getSchedule(call: GraphCall, id: string): LocalResponse {
  const team = findTeam(call, id);
  requireMember(call, team);
  return graphJson(call, 200, {
    '@odata.context': `${call.root}/$metadata#teams('${team.id}')/schedule/$entity`,
    id: team.id,
    enabled: true,
    timeZone: team.timeZone,
    provisionStatus: 'Completed',
    provisionStatusCode: null,
    openShiftsEnabled: false,
    swapShiftsRequestsEnabled: true,
    offerShiftRequestsEnabled: true,
    timeOffRequestsEnabled: true,
    timeClockEnabled: false,
    isActivitiesIncludedWhenCopyingShiftsEnabled: false,
    startDayOfWeek: 'monday',
    workforceIntegrationIds: []
  });
}

type ScheduleKind = 'shifts' | 'timesOff';

const FILTER_ROOTS: Record<ScheduleKind, readonly string[]> = {
  shifts: ['sharedshift', 'draftshift'],
  timesOff: ['sharedtimeoff', 'drafttimeoff']
};

function checkFilterPaths(kind: ScheduleKind, paths: readonly string[]): void {
  for (const path of paths) {
    const [root, property, extra] = path.toLowerCase().split('/');
    if (!FILTER_ROOTS[kind].includes(root) || (property !== 'startdatetime' && property !== 'enddatetime') || extra !== undefined) {
      const example = kind === 'shifts' ? 'sharedShift/startDateTime ge … and sharedShift/endDateTime le …' : 'sharedTimeOff/startDateTime ge …';
      throw badRequest(`Filter on '${path}' is not supported. Supported: ${example}.`);
    }
  }
}

export function listScheduleItems(call: GraphCall, teamId: string, kind: ScheduleKind): LocalResponse {
  const team = findTeam(call, teamId);
  requireMember(call, team);
  const filterNode = parseFilterOption(call);
  if (filterNode) {
    checkFilterPaths(kind, filterProperties(filterNode));
  }
  const records: ScheduleRecord[] = kind === 'shifts' ? call.plant.shifts(team.id) : call.plant.timesOff(team.id);
  const items = records
    .map((record) => record.json)
    .filter((json) => !filterNode || evaluate(filterNode, pathGetter(json)));
  const page = paginate(call, items, SCHEDULE_PAGE);
  const body: Record<string, unknown> = { '@odata.context': `${call.root}/$metadata#teams('${team.id}')/schedule/${kind}` };
  if (page.nextLink) {
    body['@odata.nextLink'] = page.nextLink;
  }
  body.value = page.items;
  return graphJson(call, 200, body);
}

export function getScheduleItem(call: GraphCall, teamId: string, kind: ScheduleKind, itemId: string): LocalResponse {
  const team = findTeam(call, teamId);
  requireMember(call, team);
  const records = kind === 'shifts' ? call.plant.shifts(team.id) : call.plant.timesOff(team.id);
  const found = records.find((record) => record.id.toLowerCase() === itemId.toLowerCase());
  if (!found) {
    throw new GraphFailure(404, 'NotFound', `${kind === 'shifts' ? 'Shift' : 'Time off'} ${itemId} was not found in the schedule.`);
  }
  return graphJson(call, 200, { '@odata.context': `${call.root}/$metadata#teams('${team.id}')/schedule/${kind}/$entity`, ...found.json });
}

export function listTeamObjects(call: GraphCall, teamId: string, kind: 'timeOffReasons' | 'schedulingGroups'): LocalResponse {
  const team = findTeam(call, teamId);
  requireMember(call, team);
  const items = call.plant.teamObjects(kind === 'timeOffReasons' ? 'time_off_reasons' : 'scheduling_groups', team.id);
  return graphJson(call, 200, { '@odata.context': `${call.root}/$metadata#teams('${team.id}')/schedule/${kind}`, value: items });
}
