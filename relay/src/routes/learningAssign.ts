/**
 * Assigning a learning path through the relay (docs/learning.md, "Integrity"; docs/relay.md,
 * "Learning"):
 *
 *   POST /api/learning/assign  {pathId, audience, dueDate?, reason?, requestId, timeZone?}
 *
 * Members write none of SE_Assignments: the relay writes it, with the person assigning from the
 * token and the rules of `src/core/learning/assignment.ts`. So:
 * - **who**: HR and site owners (Override List Behaviors and Edit on the path, as the relay decides
 *   HR for a quiz's answers) assign anyone. A team leader assigns only the people whose manager in
 *   Entra ID they are, the rule that decides who reads a person's quiz attempts: owning a Teams
 *   team makes no one a leader of its members (anyone can make a team). A leader who names a
 *   person who is not theirs is refused and nothing is created (403 `notYourReport`); a leader's
 *   crew, role or "new since" audience is narrowed to their direct reports and the others are
 *   counted in the answer (`notLed`), never named; a caller who leads no one in the audience is
 *   refused (403 `notAllowed`);
 * - **whom**: the relay resolves the audience with its own identity (`AssigneeDirectory`): named
 *   people by directory id, a crew from its Teams Shifts roster, a role by job title and "new
 *   since" by hire date from the directory. The page never names a site user: a site user id could
 *   be anyone's;
 * - **once**: one row per person and path (`AssignmentKey` `pathId:userId`, unique). A person who
 *   has the path keeps it (`alreadyAssigned`); the request id is kept in the row's Title
 *   (`<key>#<requestId>`), so a request sent again answers as the first did and writes nothing;
 * - nothing before Engage Setup (409 `notSetUp`), and nothing at all while any rule refuses
 *   (`dueDateInPast`, `dueDateInvalid`, `pathInactive`, `audienceEmpty`, `noOneToAssign`).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security/item';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { holds } from '../../../src/connectors/sharepoint/recognition/adminRights';
import { type Assignee, type Audience, planAssignments } from '../../../src/core/learning/assignment';
import { isAttemptKey } from '../../../src/core/learning/quiz';
import { ASSIGNMENT_REASONS, type AssignmentReason } from '../../../src/core/models/learning';
import { memberLogin } from '../../../src/core/people/claims';
import { isTimeZone } from '../../../src/core/pulse/zonedTime';
import { LISTS } from '../../../src/core/schema/lists';
import type { TokenProvider } from '../appIdentity';
import { RELAY_SCOPE, type Caller } from '../auth';
import { graphReader, type RelayDirectory } from '../directory';
import type { LearnerDirectory } from '../learning/people';
import { readPath, settleKeyedRow } from '../learning/store';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import { setupGate } from '../setupGate';
import { ensuredUserId, NOT_A_SITE_USER, sharePointProblem } from '../sharepoint';
import { EDITOR_COLUMNS } from '../pulse/trustedConfig';

/** One person as the directory and the roster know them. */
export interface AssigneeCandidate {
  /** The directory (Entra ID) object id. */
  readonly objectId: string;
  readonly userPrincipalName: string;
  readonly displayName?: string;
  /** Graph `jobTitle`: the role an audience names. */
  readonly jobTitle?: string;
  /** Graph `employeeHireDate` (agency consultants: their first day). */
  readonly hireDate?: string;
  /** The crews (Teams team ids) the person is rostered in, as far as the audience read tells. */
  readonly crewKeys: readonly string[];
}

/** Who is in an audience, read with the relay's identity. */
export interface AssigneeDirectory {
  /** The people with these directory ids; ids the directory does not know are left out. */
  people(objectIds: readonly string[]): Promise<AssigneeCandidate[]>;
  /** Everyone with a shift on crew `teamId`'s Teams Shifts schedule around `at`. */
  crew(teamId: string, at: Date): Promise<AssigneeCandidate[]>;
  /** Everyone in the directory (a role, everyone new since a date). */
  everyone(): Promise<AssigneeCandidate[]>;
  /** The directory ids (lower case) of `people` whose manager in Entra ID is `userPrincipalName`. */
  ledBy(userPrincipalName: string, people: readonly AssigneeCandidate[]): Promise<ReadonlySet<string>>;
}

/** People named in one request at most (a crew or a role may be larger: the directory decides). */
export const MAX_NAMED_PEOPLE = 500;

const DAY = 86_400_000;
/** A crew's roster read two weeks back and four ahead: everyone on a rotating pattern appears. */
const ROSTER_BACK_MS = 14 * DAY;
const ROSTER_AHEAD_MS = 28 * DAY;
const MAX_PAGES = 40;
/** Directory and site calls at the same time. */
const PARALLEL = 6;
const USER_SELECT = 'id,userPrincipalName,displayName,jobTitle,employeeHireDate';

type Json = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An Entra ID object id (a GUID), as the directory names a person. */
const DIRECTORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs `work` over `items` in groups of `PARALLEL`, results in order. */
async function inGroups<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let at = 0; at < items.length; at += PARALLEL) {
    out.push(...(await Promise.all(items.slice(at, at + PARALLEL).map(work))));
  }
  return out;
}

function candidateOf(row: Json, crewKeys: readonly string[]): AssigneeCandidate | undefined {
  const objectId = text(row.id);
  const userPrincipalName = text(row.userPrincipalName);
  if (!objectId || !userPrincipalName) {
    return undefined;
  }
  return { objectId, userPrincipalName, displayName: text(row.displayName), jobTitle: text(row.jobTitle), hireDate: text(row.employeeHireDate), crewKeys };
}

/**
 * The audience's people from Microsoft Graph with the relay's identity (application
 * `User.Read.All`, already granted: `employeeHireDate` needs it; `Schedule.Read.All` for a crew's
 * roster, as the pulse's crews):
 * - `GET /users/{id}?$select=id,userPrincipalName,displayName,jobTitle,employeeHireDate`;
 * - `GET /users?$select=…&$top=999`, every page;
 * - `GET /teams/{id}/schedule/shifts?$filter=sharedShift/startDateTime ge … and sharedShift/endDateTime le …`
 *   (the rostered people are the shifts' `userId`s);
 * - `GET /users/{upn}/directReports?$select=id`, every page.
 */
export function graphAssignees(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly fetch?: typeof fetch }): AssigneeDirectory {
  const { root, get } = graphReader(options);

  async function pages(url: string, what: string): Promise<Json[]> {
    const rows: Json[] = [];
    let next: string | undefined = url;
    for (let page = 0; next !== undefined && page < MAX_PAGES; page += 1) {
      const body: Json | undefined = await get(next, what);
      rows.push(...(Array.isArray(body?.value) ? body.value.filter(isRecord) : []));
      next = text(body?.['@odata.nextLink']);
    }
    return rows;
  }

  async function people(objectIds: readonly string[], crewKeys: readonly string[] = []): Promise<AssigneeCandidate[]> {
    const found = await inGroups(objectIds, async (id) => {
      const row = await get(`${root}/users/${encodeURIComponent(id)}?$select=${USER_SELECT}`, 'a person');
      const person = row ? candidateOf(row, crewKeys) : undefined;
      // The answer must be the person asked for.
      return person && person.objectId.toLowerCase() === id.toLowerCase() ? person : undefined;
    });
    return found.filter((person): person is AssigneeCandidate => person !== undefined);
  }

  return {
    people: (objectIds) => people(objectIds),
    async crew(teamId, at) {
      const iso = (ms: number): string => new Date(ms).toISOString();
      const window = `sharedShift/startDateTime ge ${iso(at.getTime() - ROSTER_BACK_MS)} and sharedShift/endDateTime le ${iso(at.getTime() + ROSTER_AHEAD_MS)}`;
      const shifts = await pages(`${root}/teams/${encodeURIComponent(teamId)}/schedule/shifts?$filter=${window}`, 'the crew\'s shifts');
      const rostered = [...new Set(shifts.map((shift) => text(shift.userId)?.toLowerCase()).filter((id): id is string => id !== undefined))];
      return people(rostered, [teamId]);
    },
    async everyone() {
      const rows = await pages(`${root}/users?$select=${USER_SELECT}&$top=999`, 'the people');
      return rows.map((row) => candidateOf(row, [])).filter((person): person is AssigneeCandidate => person !== undefined);
    },
    async ledBy(userPrincipalName, people) {
      const rows = await pages(`${root}/users/${encodeURIComponent(userPrincipalName)}/directReports?$select=id`, 'the direct reports');
      const reports = new Set(rows.map((row) => text(row.id)?.toLowerCase()).filter((id): id is string => id !== undefined));
      return new Set(people.map((person) => person.objectId.toLowerCase()).filter((id) => reports.has(id)));
    }
  };
}

const NO_AUDIENCE_READER = (): RelayProblem =>
  new RelayProblem(problem(502, 'relayMisconfigured', 'The relay cannot read crews, roles or start dates. Tell your IT admin.'), new Error('No assignee directory.'));

/**
 * Named people only, from what the relay has for sign-offs and quiz attempts: a directory id's
 * user principal name (`learners`) and a person's manager (`managerOf`, one call per person named).
 * Crews, roles and start dates need the audience reader (`graphAssignees`): 502 without it.
 */
export function namedPeopleOnly(learners: LearnerDirectory, directory: Pick<RelayDirectory, 'managerOf'>): AssigneeDirectory {
  return {
    async people(objectIds) {
      const found = await inGroups(objectIds, async (objectId): Promise<AssigneeCandidate | undefined> => {
        const userPrincipalName = await learners(objectId);
        return userPrincipalName ? { objectId, userPrincipalName, crewKeys: [] } : undefined;
      });
      return found.filter((person): person is AssigneeCandidate => person !== undefined);
    },
    crew: () => Promise.reject(NO_AUDIENCE_READER()),
    everyone: () => Promise.reject(NO_AUDIENCE_READER()),
    async ledBy(userPrincipalName, people) {
      const managers = await inGroups(people, (person) => directory.managerOf(person.userPrincipalName));
      return new Set(people.filter((_, index) => managers[index]?.toLowerCase() === userPrincipalName.toLowerCase()).map((person) => person.objectId.toLowerCase()));
    }
  };
}

/** The audience as the page sends it: directory ids for people, never site user ids. */
export type AudienceRequest =
  | { readonly kind: 'people'; readonly people: readonly string[] }
  | { readonly kind: 'crew'; readonly crewKey: string }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'newSince'; readonly since: string };

export interface AssignRequest {
  readonly pathId: number;
  readonly audience: AudienceRequest;
  readonly dueDate?: string;
  readonly reason: AssignmentReason;
  readonly requestId: string;
  readonly timeZone: string;
}

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: string; readonly message: string };
const refuse = (field: string, message: string): { readonly ok: false; readonly field: string; readonly message: string } => ({ ok: false, field, message });

function parseAudience(value: unknown): Parsed<AudienceRequest> {
  if (!isRecord(value)) {
    return refuse('audience', 'Say whom to assign: people, a crew, a role or everyone new since a date.');
  }
  switch (value.kind) {
    case 'people': {
      const ids = Array.isArray(value.people) ? value.people : undefined;
      if (!ids || ids.length > MAX_NAMED_PEOPLE || !ids.every((id) => typeof id === 'string' && DIRECTORY_ID.test(id))) {
        return refuse('audience', `Name up to ${MAX_NAMED_PEOPLE} people by their directory ids.`);
      }
      return { ok: true, value: { kind: 'people', people: [...new Set((ids as string[]).map((id) => id.toLowerCase()))] } };
    }
    case 'crew':
      return typeof value.crewKey === 'string' && value.crewKey.length <= 128 ? { ok: true, value: { kind: 'crew', crewKey: value.crewKey.trim() } } : refuse('audience', 'Name the crew (its team id).');
    case 'role':
      return typeof value.role === 'string' && value.role.length <= 128 ? { ok: true, value: { kind: 'role', role: value.role } } : refuse('audience', 'Name the role (a job title).');
    case 'newSince':
      return typeof value.since === 'string' && value.since.length <= 10 ? { ok: true, value: { kind: 'newSince', since: value.since } } : refuse('audience', 'Give the date as YYYY-MM-DD.');
    default:
      return refuse('audience', 'Say whom to assign: people, a crew, a role or everyone new since a date.');
  }
}

/** `POST /api/learning/assign`, checked before anything is read. */
export function parseAssignRequest(body: unknown): Parsed<AssignRequest> {
  if (!isRecord(body)) {
    return refuse('body', 'Send a JSON object.');
  }
  if (typeof body.pathId !== 'number' || !Number.isSafeInteger(body.pathId) || body.pathId < 1) {
    return refuse('pathId', 'Name the path by its id.');
  }
  if (typeof body.requestId !== 'string' || !isAttemptKey(body.requestId)) {
    return refuse('requestId', 'The request id is not one (8 to 64 letters, digits, -, _ or :).');
  }
  const audience = parseAudience(body.audience);
  if (!audience.ok) {
    return audience;
  }
  const dueDate = body.dueDate === undefined || body.dueDate === null || body.dueDate === '' ? undefined : body.dueDate;
  if (dueDate !== undefined && (typeof dueDate !== 'string' || dueDate.length > 10)) {
    return refuse('dueDateInvalid', 'Give the due date as YYYY-MM-DD.');
  }
  const reason = body.reason === undefined || body.reason === null ? 'development' : body.reason;
  if (typeof reason !== 'string' || (ASSIGNMENT_REASONS as readonly string[]).indexOf(reason) < 0 || reason === 'renewal') {
    return refuse('reason', `The reason is one of ${ASSIGNMENT_REASONS.filter((r) => r !== 'renewal').join(', ')}.`);
  }
  const timeZone = body.timeZone === undefined || body.timeZone === null ? 'UTC' : body.timeZone;
  if (!isTimeZone(timeZone)) {
    return refuse('timeZone', 'The time zone is not an IANA time zone.');
  }
  return {
    ok: true,
    value: { pathId: body.pathId, audience: audience.value, ...(dueDate !== undefined ? { dueDate: dueDate as string } : {}), reason: reason as AssignmentReason, requestId: body.requestId, timeZone }
  };
}

export interface LearningAssignOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** Who is in an audience; without it only named people are assigned (`namedPeopleOnly`). */
  readonly assignees?: AssigneeDirectory;
  /** A directory id's user principal name, and a person's manager: named people without `assignees`. */
  readonly learners?: LearnerDirectory;
  readonly directory?: Pick<RelayDirectory, 'managerOf'>;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

/** One person of the answer. */
interface AssignedPerson {
  readonly id: string;
  readonly displayName?: string;
}

const ASSIGNMENTS = LISTS.assignments;
const PATHS = LISTS.learningPaths;
/** SharePoint's permission kinds (`SPBasePermissions`) HR holds on the lists it keeps. */
const EDIT_LIST_ITEMS = 3;
const OVERRIDE_LIST_BEHAVIORS = 9;
const ASSIGNMENT_COLUMNS = ['ID', 'Title', ASSIGNMENTS.fields.assignmentKey, ...EDITOR_COLUMNS];

const invalid = (field: string, message: string): RelayAnswer => ({ ...problem(400, 'invalidInput', message, { field }), counted: false });

/** The request id of the write that created an assignment row, kept after `#` in its Title. */
function requestOf(row: Readonly<Record<string, unknown>>): string | undefined {
  const title = typeof row.Title === 'string' ? row.Title : '';
  const at = title.lastIndexOf('#');
  return at >= 0 ? title.slice(at + 1) : undefined;
}

export function learningAssignRoute(options: LearningAssignOptions): UserRoute {
  const log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());
  // The paths steer what the relay writes; nothing until setup has made them HR's and the relay's.
  const gate = setupGate(options.site, [LISTS.learningPaths.title, LISTS.assignments.title], options.now);

  /** Whether `login` keeps the learning lists: Override List Behaviors and Edit on the path (HR at Design, site owners). */
  async function keepsLearning(sp: SPFI, pathId: number, login: string): Promise<boolean> {
    try {
      const mask = await sp.web.lists.getByTitle(PATHS.title).items.getById(pathId).getUserEffectivePermissions(login.replace(/'/g, "''"));
      return holds(mask, OVERRIDE_LIST_BEHAVIORS) && holds(mask, EDIT_LIST_ITEMS);
    } catch (error) {
      if (httpStatusOf(error) === 404) {
        return false;
      }
      throw error;
    }
  }

  async function candidatesOf(directory: AssigneeDirectory, audience: AudienceRequest): Promise<AssigneeCandidate[]> {
    switch (audience.kind) {
      case 'people':
        return directory.people(audience.people);
      case 'crew':
        return audience.crewKey === '' ? [] : directory.crew(audience.crewKey, now());
      default:
        return directory.everyone();
    }
  }

  async function assign(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const request = parseAssignRequest(body);
    if (!request.ok) {
      return invalid(request.field, request.message);
    }
    const directory = options.assignees ?? (options.learners && options.directory ? namedPeopleOnly(options.learners, options.directory) : undefined);
    if (!directory) {
      throw NO_AUDIENCE_READER();
    }
    const { pathId, audience, requestId } = request.value;
    const sp = options.site();
    const callerId = await ensuredUserId(sp, memberLogin(caller.userPrincipalName));
    if (callerId === undefined) {
      return NOT_A_SITE_USER();
    }
    const path = await readPath(sp, pathId, log);
    if (!path) {
      return problem(404, 'pathNotFound', 'This learning path is not there: HR removed it.');
    }
    const hr = await keepsLearning(sp, pathId, memberLogin(caller.userPrincipalName));
    let candidates = await candidatesOf(directory, audience);
    let notLed = 0;
    if (!hr) {
      const reports = await directory.ledBy(caller.userPrincipalName, candidates);
      const led = candidates.filter((person) => reports.has(person.objectId.toLowerCase()));
      const named = audience.kind === 'people';
      if (named && led.length < audience.people.length) {
        return problem(403, 'notYourReport', 'You assign only the people whose manager you are; HR assigns anyone else.');
      }
      if (candidates.length > 0 && led.length === 0) {
        return problem(403, 'notAllowed', 'Only HR, site owners and the people\'s manager assign learning paths.');
      }
      notLed = candidates.length - led.length;
      candidates = led;
    } else if (audience.kind === 'people' && candidates.length < audience.people.length) {
      return problem(404, 'personNotFound', 'The directory does not know one of the people named.');
    }
    // Each person's site user, found from their sign-in name as for every caller.
    const siteIds = await inGroups(candidates, (person) => ensuredUserId(sp, memberLogin(person.userPrincipalName)));
    const bySiteId = new Map<number, AssigneeCandidate>();
    const people: Assignee[] = [];
    candidates.forEach((person, index) => {
      const id = siteIds[index];
      if (id === undefined) {
        log(`learning: ${person.userPrincipalName} is no user of the site and is not assigned.`);
        return;
      }
      bySiteId.set(id, person);
      people.push({ id, ...(person.hireDate ? { startDate: person.hireDate } : {}), crewKeys: person.crewKeys, roles: person.jobTitle ? [person.jobTitle] : [] });
    });
    const core: Audience = audience.kind === 'people' ? { kind: 'people', personIds: people.map((p) => p.id) } : audience;
    const plan = planAssignments(
      { path, audience: core, ...(request.value.dueDate !== undefined ? { dueDate: request.value.dueDate } : {}), reason: request.value.reason, assignedById: callerId },
      people,
      [],
      now(),
      request.value.timeZone
    );
    if (plan.problems.length > 0) {
      const first = plan.problems[0];
      const status = first.code === 'pathInactive' || first.code === 'noOneToAssign' ? 409 : 400;
      const message: Record<string, string> = {
        pathInactive: 'HR has switched this learning path off.',
        noOneToAssign: 'No one is in this audience.',
        audienceEmpty: 'Say whom to assign.',
        dueDateInPast: `The due date ${first.detail ?? ''} has passed.`,
        dueDateInvalid: `The due date ${first.detail ?? ''} is not a day.`
      };
      return {
        status,
        body: { error: { code: first.code, message: message[first.code], field: first.code, problems: plan.problems } },
        counted: false
      };
    }
    const created: AssignedPerson[] = [];
    const already: AssignedPerson[] = [];
    const outcomes = await inGroups(plan.create, (row) =>
      settleKeyedRow<'created' | 'already'>(sp, {
        list: ASSIGNMENTS.title,
        keyColumn: ASSIGNMENTS.fields.assignmentKey,
        key: row.assignmentKey,
        columns: ASSIGNMENT_COLUMNS,
        log,
        decide: (stored) => {
          if (stored) {
            // Written by this request before (its answer lost): answered as then, nothing again.
            return { result: requestOf(stored) === requestId ? 'created' : 'already' };
          }
          return {
            write: {
              Title: `${row.assignmentKey}#${requestId}`,
              [`${ASSIGNMENTS.fields.learner}Id`]: row.learnerId,
              [ASSIGNMENTS.fields.pathId]: row.pathId,
              [`${ASSIGNMENTS.fields.assignedBy}Id`]: row.assignedById,
              [ASSIGNMENTS.fields.reason]: row.reason,
              [ASSIGNMENTS.fields.assignedVia]: row.assignedVia,
              ...(row.crewKey ? { [ASSIGNMENTS.fields.crewKey]: row.crewKey } : {}),
              ...(row.dueDate ? { [ASSIGNMENTS.fields.dueDate]: row.dueDate } : {})
            },
            result: 'created'
          };
        }
      })
    );
    const answerOf = (siteId: number): AssignedPerson => {
      const person = bySiteId.get(siteId);
      return { id: person?.objectId ?? '', ...(person?.displayName ? { displayName: person.displayName } : {}) };
    };
    plan.create.forEach((row, index) => (outcomes[index] === 'created' ? created : already).push(answerOf(row.learnerId)));
    plan.alreadyAssigned.forEach((id) => already.push(answerOf(id)));
    return {
      status: 200,
      body: { pathId, created, alreadyAssigned: already, notLed, ...(plan.create[0]?.dueDate ? { dueAt: plan.create[0].dueDate } : {}) },
      counted: created.length > 0
    };
  }

  return {
    method: 'POST',
    path: '/api/learning/assign',
    userToken: { scope: RELAY_SCOPE },
    body: { maxCharacters: 32 * 1024 },
    rateLimit: RATE_LIMITS.learningAssign,
    handle: async ({ caller, body }) => {
      try {
        const refusal = await gate.refusal();
        return refusal ?? (await assign(caller, body));
      } catch (error) {
        throw error instanceof RelayProblem ? error : sharePointProblem(error, 'assign the path');
      }
    }
  };
}

