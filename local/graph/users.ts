/**
 * Users: `/me`, `/users/{id | userPrincipalName}`, `/users` with `$search` (needs
 * `ConsistencyLevel: eventual`), `$filter`, `$count`, `$orderby`, paging; manager, direct
 * reports, photos, joined teams. Property names and defaults are Graph v1.0's.
 */
import type { Person } from '../tenant/directory';
import { searchFold } from '../tenant/names';
import { isLenient } from '../sharepoint/leniency';
import { TENANT_ID } from '../tenant/plantModel';
import type { TeamRecord } from '../tenant/store';
import { avatarFor, PHOTO_SIZE } from './photo';
import { badRequest, GraphCall, GraphFailure, graphBinary, graphJson, isEventual, notFound } from './http';
import type { LocalResponse } from '../server/types';
import {
  evaluate,
  filterProperties,
  paginate,
  parseFilterOption,
  parseSearch,
  parseSelect,
  project,
  usesNegation
} from './query';

/** The structural properties of microsoft.graph.user in the v1.0 metadata (plus id, deletedDateTime). */
export const USER_PROPERTIES: readonly string[] = [
  'id', 'deletedDateTime', 'aboutMe', 'accountEnabled', 'ageGroup', 'assignedLicenses', 'assignedPlans', 'authorizationInfo',
  'birthday', 'businessPhones', 'city', 'companyName', 'consentProvidedForMinor', 'country', 'createdDateTime', 'creationType',
  'customSecurityAttributes', 'department', 'deviceEnrollmentLimit', 'displayName', 'employeeHireDate', 'employeeId',
  'employeeLeaveDateTime', 'employeeOrgData', 'employeeType', 'externalUserState', 'externalUserStateChangeDateTime',
  'faxNumber', 'givenName', 'hireDate', 'identities', 'identityParentId', 'imAddresses', 'interests',
  'isManagementRestricted', 'isResourceAccount', 'jobTitle', 'lastPasswordChangeDateTime', 'legalAgeGroupClassification',
  'licenseAssignmentStates', 'mail', 'mailboxSettings', 'mailNickname', 'mobilePhone', 'mySite', 'officeLocation',
  'onPremisesDistinguishedName', 'onPremisesDomainName', 'onPremisesExtensionAttributes', 'onPremisesImmutableId',
  'onPremisesLastSyncDateTime', 'onPremisesProvisioningErrors', 'onPremisesSamAccountName', 'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled', 'onPremisesUserPrincipalName', 'otherMails', 'passwordPolicies', 'passwordProfile', 'pastProjects',
  'postalCode', 'preferredDataLocation', 'preferredLanguage', 'preferredName', 'print', 'provisionedPlans', 'proxyAddresses',
  'responsibilities', 'schools', 'securityIdentifier', 'serviceProvisioningErrors', 'showInAddressList', 'signInActivity',
  'signInSessionsValidFromDateTime', 'skills', 'state', 'streetAddress', 'surname', 'usageLocation', 'userPrincipalName', 'userType'
];

/** What Graph returns for a user without `$select`. */
export const DEFAULT_USER_PROPERTIES: readonly string[] = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage',
  'surname', 'userPrincipalName', 'id'
];

const SEARCHABLE = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'mailNickname', 'jobTitle', 'department', 'officeLocation'];
const FILTERABLE = [
  'id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'employeeType', 'department', 'jobTitle',
  'officeLocation', 'preferredLanguage', 'accountEnabled', 'userType', 'employeeHireDate', 'country', 'city', 'companyName'
];
const USER_PAGE = { defaultSize: 100, maxSize: 999 };

/** Every property the stand-in holds for a person; the others are null. */
export function userEntity(person: Person): Record<string, unknown> {
  const site = person.siteCode === 'EIN' ? { city: 'Eindhoven', country: 'Netherlands', usageLocation: 'NL' } : { city: 'Göteborg', country: 'Sweden', usageLocation: 'SE' };
  return {
    id: person.id,
    businessPhones: person.businessPhones ?? [],
    displayName: person.displayName,
    givenName: person.givenName,
    jobTitle: person.jobTitle,
    mail: person.mail,
    mobilePhone: person.mobilePhone ?? null,
    officeLocation: person.officeLocation,
    preferredLanguage: person.preferredLanguage,
    surname: person.surname,
    userPrincipalName: person.userPrincipalName,
    accountEnabled: true,
    companyName: 'Contoso Plant',
    department: person.department,
    employeeType: person.employeeType,
    employeeHireDate: `${person.employeeHireDate}T00:00:00Z`,
    employeeId: String(100000 + person.spUserId),
    mailNickname: person.userPrincipalName.split('@')[0],
    userType: 'Member',
    ...site
  };
}

export function findUser(call: GraphCall, idOrUpn: string): Person {
  const directory = call.context.directory;
  const person = directory.byId(idOrUpn) ?? (idOrUpn.includes('@') ? directory.byLogin(idOrUpn) : undefined);
  if (!person || person.isApp) {
    throw notFound(idOrUpn);
  }
  return person;
}

function selectSuffix(select: readonly string[] | undefined): string {
  return select ? `(${select.join(',')})` : '';
}

export function getUser(call: GraphCall, person: Person): LocalResponse {
  const select = parseSelect(call, USER_PROPERTIES, 'microsoft.graph.user');
  return graphJson(call, 200, {
    '@odata.context': `${call.root}/$metadata#users${selectSuffix(select)}/$entity`,
    ...project(userEntity(person), select, DEFAULT_USER_PROPERTIES)
  });
}

function tokens(value: string): string[] {
  const folded = searchFold(value);
  const parts = folded.split(/[\s\-_.@]+/).filter(Boolean);
  const out = new Set<string>([folded]);
  for (const part of parts) {
    out.add(part);
    out.add(part.replace(/['’]/g, ''));
    for (const piece of part.split(/['’]/)) {
      if (piece) {
        out.add(piece);
      }
    }
  }
  return Array.from(out);
}

function matchesTerm(value: unknown, term: string): boolean {
  if (typeof value !== 'string' || value === '') {
    return false;
  }
  const words = searchFold(term).split(/\s+/).filter(Boolean);
  const available = tokens(value);
  return words.every((word) => available.some((token) => token.startsWith(word)));
}

export function listUsers(call: GraphCall): LocalResponse {
  const query = call.request.query;
  const eventual = isEventual(call);
  const select = parseSelect(call, USER_PROPERTIES, 'microsoft.graph.user');
  const search = query.get('$search');
  const count = (query.get('$count') ?? '').toLowerCase() === 'true';
  if (search !== null && !eventual) {
    throw badRequest(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      'Request_UnsupportedQuery'
    );
  }
  if (count && !eventual) {
    throw badRequest('$count is not currently supported without the ConsistencyLevel: eventual header.', 'Request_BadRequest');
  }
  let entities = call.context.directory
    .all()
    .filter((p) => !p.isApp)
    .map((person) => userEntity(person));

  if (search !== null) {
    const { clauses, operator } = parseSearch(search);
    const byLower = new Map(SEARCHABLE.map((name) => [name.toLowerCase(), name]));
    const resolved = clauses.map((clause) => {
      const property = byLower.get(clause.property.toLowerCase());
      if (!property) {
        throw badRequest(`Unsupported property '${clause.property}' in $search.`, 'Request_UnsupportedQuery');
      }
      return { property, term: clause.term };
    });
    entities = entities.filter((entity) => {
      const results = resolved.map((clause) => matchesTerm(entity[clause.property], clause.term));
      return operator === 'AND' ? results.every(Boolean) : results.some(Boolean);
    });
  }

  const filterNode = parseFilterOption(call);
  if (filterNode) {
    const allowed = new Map(FILTERABLE.map((name) => [name.toLowerCase(), name]));
    for (const property of filterProperties(filterNode)) {
      if (!allowed.has(property.toLowerCase())) {
        throw badRequest(`Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`, 'Request_UnsupportedQuery');
      }
    }
    if (usesNegation(filterNode) && !(eventual && count)) {
      throw badRequest(
        "Unsupported or invalid query filter clause: 'ne' needs advanced query parameters ($count=true and ConsistencyLevel: eventual).",
        'Request_UnsupportedQuery'
      );
    }
    entities = entities.filter((entity) =>
      evaluate(filterNode, (property) => entity[allowed.get(property.toLowerCase()) ?? property])
    );
  }

  const orderBy = (query.get('$orderby') ?? 'displayName').trim();
  const orderMatch = /^(displayName|userPrincipalName|givenName|surname)(\s+(asc|desc))?$/i.exec(orderBy);
  if (!orderMatch) {
    throw badRequest(`Unsupported $orderby '${orderBy}': use displayName or userPrincipalName.`, 'Request_UnsupportedQuery');
  }
  const key = SEARCHABLE.find((name) => name.toLowerCase() === orderMatch[1].toLowerCase()) ?? 'displayName';
  const direction = (orderMatch[3] ?? 'asc').toLowerCase() === 'desc' ? -1 : 1;
  entities = entities
    .slice()
    .sort((a, b) => direction * (String(a[key]).localeCompare(String(b[key]), 'en') || String(a.id).localeCompare(String(b.id))));

  const page = paginate(call, entities, USER_PAGE);
  const body: Record<string, unknown> = { '@odata.context': `${call.root}/$metadata#users${selectSuffix(select)}` };
  if (count) {
    body['@odata.count'] = entities.length;
  }
  if (page.nextLink) {
    body['@odata.nextLink'] = page.nextLink;
  }
  body.value = page.items.map((entity) => project(entity, select, DEFAULT_USER_PROPERTIES));
  return graphJson(call, 200, body);
}

function asDirectoryObject(call: GraphCall, person: Person, select: readonly string[] | undefined): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.user', ...project(userEntity(person), select, DEFAULT_USER_PROPERTIES) };
}

export function getManager(call: GraphCall, person: Person): LocalResponse {
  const manager = person.managerId ? call.context.directory.byId(person.managerId) : undefined;
  if (!manager) {
    throw notFound('manager');
  }
  const select = parseSelect(call, USER_PROPERTIES, 'microsoft.graph.user');
  return graphJson(call, 200, {
    '@odata.context': `${call.root}/$metadata#directoryObjects/$entity`,
    ...asDirectoryObject(call, manager, select)
  });
}

export function listDirectReports(call: GraphCall, person: Person): LocalResponse {
  const select = parseSelect(call, USER_PROPERTIES, 'microsoft.graph.user');
  const reports = call.context.directory
    .all()
    .filter((p) => p.managerId === person.id && !p.isApp)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
  const page = paginate(call, reports, USER_PAGE);
  const body: Record<string, unknown> = { '@odata.context': `${call.root}/$metadata#directoryObjects` };
  if (page.nextLink) {
    body['@odata.nextLink'] = page.nextLink;
  }
  body.value = page.items.map((report) => asDirectoryObject(call, report, select));
  return graphJson(call, 200, body);
}

const IMAGE_NOT_FOUND = "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.";

/** `/photo` (metadata) and `/photo/$value` (the bytes); 404 ImageNotFound without a photo. */
export function getPhoto(call: GraphCall, person: Person, value: boolean): LocalResponse {
  if (!person.hasPhoto) {
    throw new GraphFailure(404, 'ImageNotFound', IMAGE_NOT_FOUND);
  }
  const png = avatarFor(person.id);
  if (value) {
    return graphBinary(call, 'image/png', png);
  }
  return graphJson(call, 200, {
    '@odata.context': `${call.root}/$metadata#users('${person.id}')/photo/$entity`,
    '@odata.mediaContentType': 'image/png',
    '@odata.mediaEtag': `W/"${png.length.toString(16)}${person.id.slice(0, 8)}"`,
    id: `${PHOTO_SIZE}X${PHOTO_SIZE}`,
    height: PHOTO_SIZE,
    width: PHOTO_SIZE
  });
}

export function teamEntity(team: TeamRecord): Record<string, unknown> {
  return {
    id: team.id,
    createdDateTime: team.created,
    displayName: team.displayName,
    description: team.description,
    internalId: `19:${team.id.replace(/-/g, '')}@thread.tacv2`,
    classification: null,
    specialization: 'none',
    visibility: 'private',
    webUrl: `https://teams.microsoft.com/l/team/19%3a${team.id.replace(/-/g, '')}%40thread.tacv2/conversations?groupId=${team.id}&tenantId=${TENANT_ID}`,
    isArchived: false,
    tenantId: TENANT_ID,
    memberSettings: null,
    guestSettings: null,
    messagingSettings: null,
    funSettings: null,
    summary: null
  };
}

/** `joinedTeams` returns the basic team: id, names, isArchived, tenantId; the rest is null, as Graph does. */
function joinedTeamEntity(team: TeamRecord): Record<string, unknown> {
  const full = teamEntity(team);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(full)) {
    out[key] = ['id', 'displayName', 'description', 'isArchived', 'tenantId'].includes(key) ? full[key] : null;
  }
  return out;
}

export function listJoinedTeams(call: GraphCall, person: Person): LocalResponse {
  // "This method does not currently support the OData query parameters to customize the response."
  const option = Array.from(call.request.query.keys()).find((name) => name.startsWith('$'));
  if (option !== undefined && !isLenient('joined-teams-query')) {
    throw badRequest(`Query option '${option}' is not supported on joinedTeams.`);
  }
  const teams = call.plant.teamsOf(person.id);
  return graphJson(call, 200, {
    '@odata.context': `${call.root}/$metadata#teams`,
    value: teams.map(joinedTeamEntity)
  });
}
