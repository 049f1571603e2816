/**
 * Assigning a path: to named people, a crew (from the roster), a role, or everyone who started
 * since a date. Agency consultants are people like anyone else: no rule here looks at the
 * employment type. One assignment per person and path (`AssignmentKey`); a person who has the
 * path already keeps what they have.
 *
 * A due date is a day in the plant's calendar: due at the end of that day. A due date already
 * past is refused when assigning (it would be overdue before anyone saw it); the day itself is
 * allowed. A person who moves to another crew mid-path keeps every step done: progress belongs
 * to the person and the step (`stepId:userId`), never to the crew; only the crew a leader sees
 * them under follows (`crewMoveUpdates`: assignments, progress and levels).
 */
import { assignmentKey } from '../models/keys';
import type { IsoDate, ItemId } from '../models/common';
import type { Assignment, AssignmentReason, LearningPath, Skill, StepProgress } from '../models/learning';
import { addLocalDays, parseLocalDate, zonedInstant } from '../pulse/zonedTime';

export type Audience =
  | { readonly kind: 'people'; readonly personIds: readonly number[] }
  | { readonly kind: 'crew'; readonly crewKey: string }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'newSince'; readonly since: IsoDate };

/** What assigning needs to know of a person (site user id, from the directory and the roster). */
export interface Assignee {
  readonly id: number;
  /** The directory's hire date, `YYYY-MM-DD` or a date-time (agency consultants: their first day). */
  readonly startDate?: IsoDate;
  /** Crews (Teams team ids) the person is rostered in, the main one first. */
  readonly crewKeys: readonly string[];
  /** Job roles as the directory names them (`jobTitle`), e.g. `Forklift driver`. */
  readonly roles: readonly string[];
}

export type AssignmentProblemCode = 'dueDateInvalid' | 'dueDateInPast' | 'pathInactive' | 'audienceEmpty' | 'noOneToAssign';

export interface AssignmentProblem {
  readonly code: AssignmentProblemCode;
  /** The due date concerned, as given. */
  readonly detail?: string;
}

export interface AssignmentRequest {
  readonly path: Pick<LearningPath, 'id' | 'isActive'>;
  readonly audience: Audience;
  /** The plant's day it is due, `YYYY-MM-DD`. */
  readonly dueDate?: IsoDate;
  readonly reason: AssignmentReason;
  readonly assignedById: number;
}

export interface NewAssignment {
  readonly learnerId: number;
  readonly pathId: ItemId;
  readonly assignmentKey: string;
  readonly crewKey?: string;
  /** The instant it is due: the end of the due day in the plant's zone. */
  readonly dueDate?: string;
  readonly reason: AssignmentReason;
  readonly assignedById: number;
  readonly assignedVia: string;
}

export interface AssignmentPlan {
  readonly problems: readonly AssignmentProblem[];
  readonly create: readonly NewAssignment[];
  /** People who had the path already (their assignment and progress are left as they are). */
  readonly alreadyAssigned: readonly number[];
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The people an audience takes in, each once, in the order of `people`. */
export function audienceMembers(audience: Audience, people: readonly Assignee[]): Assignee[] {
  switch (audience.kind) {
    case 'people':
      return people.filter((p) => audience.personIds.indexOf(p.id) >= 0);
    case 'crew':
      return people.filter((p) => p.crewKeys.some((crew) => same(crew, audience.crewKey)));
    case 'role':
      return people.filter((p) => p.roles.some((role) => same(role, audience.role)));
    case 'newSince': {
      // The directory's hire date may carry a time (`2026-03-02T00:00:00Z`): its day counts.
      const since = parseLocalDate(audience.since) ? audience.since.trim() : undefined;
      return since ? people.filter((p) => parseLocalDate(p.startDate?.trim().slice(0, 10)) !== undefined && (p.startDate as string).trim().slice(0, 10) >= since) : [];
    }
    default:
      return [];
  }
}

/** The `AssignedVia` text of an audience. */
export function assignedVia(audience: Audience): string {
  switch (audience.kind) {
    case 'people':
      return 'person';
    case 'crew':
      return `crew:${audience.crewKey}`;
    case 'role':
      return `role:${audience.role}`;
    default:
      return `newSince:${audience.since}`;
  }
}

/** The instant a due day ends in the plant's zone (its next local midnight). */
export function dueInstant(dueDate: IsoDate, timeZone: string): Date | undefined {
  const day = parseLocalDate(dueDate);
  return day ? zonedInstant(timeZone, addLocalDays(day, 1), 0) : undefined;
}

function audienceEmpty(audience: Audience): boolean {
  switch (audience.kind) {
    case 'people':
      return audience.personIds.length === 0;
    case 'crew':
      return audience.crewKey.trim() === '';
    case 'role':
      return audience.role.trim() === '';
    default:
      return parseLocalDate(audience.since) === undefined;
  }
}

/**
 * What assigning creates, or why not. `existing`: the assignments of the path already stored.
 * Nothing is created while there is a problem.
 */
export function planAssignments(
  request: AssignmentRequest,
  people: readonly Assignee[],
  existing: ReadonlyArray<Pick<Assignment, 'assignmentKey'>>,
  now: Date,
  timeZone: string
): AssignmentPlan {
  const problems: AssignmentProblem[] = [];
  if (!request.path.isActive) problems.push({ code: 'pathInactive' });
  let due: Date | undefined;
  if (request.dueDate !== undefined) {
    due = dueInstant(request.dueDate, timeZone);
    if (!due) problems.push({ code: 'dueDateInvalid', detail: request.dueDate });
    else if (due.getTime() <= now.getTime()) problems.push({ code: 'dueDateInPast', detail: request.dueDate });
  }
  if (audienceEmpty(request.audience)) problems.push({ code: 'audienceEmpty' });
  const members = problems.length > 0 ? [] : audienceMembers(request.audience, people);
  if (problems.length === 0 && members.length === 0) problems.push({ code: 'noOneToAssign' });
  if (problems.length > 0) return { problems, create: [], alreadyAssigned: [] };
  const taken = new Set(existing.map((a) => a.assignmentKey));
  const create: NewAssignment[] = [];
  const alreadyAssigned: number[] = [];
  const crewKey = request.audience.kind === 'crew' ? request.audience.crewKey : undefined;
  members.forEach((person) => {
    const key = assignmentKey(request.path.id, person.id);
    if (taken.has(key)) {
      alreadyAssigned.push(person.id);
      return;
    }
    taken.add(key);
    const crew = crewKey ?? person.crewKeys[0];
    create.push({
      learnerId: person.id,
      pathId: request.path.id,
      assignmentKey: key,
      ...(crew ? { crewKey: crew } : {}),
      ...(due ? { dueDate: due.toISOString() } : {}),
      reason: request.reason,
      assignedById: request.assignedById,
      assignedVia: assignedVia(request.audience)
    });
  });
  return { problems: [], create, alreadyAssigned };
}

/** A learning row a leader sees a person under: an assignment, a progress row or a level (SE_Skills). */
export type CrewRow = Pick<Assignment, 'id' | 'crewKey'> | Pick<StepProgress, 'id' | 'crewKey'> | Pick<Skill, 'id' | 'crewKey'>;

const sameCrew = (a: string | undefined, b: string): boolean => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What changes when a person moves to another crew: the crew their assignments, progress and
 * levels are shown under (`CrewKey`), nothing else, so the new leader sees them in the skills
 * matrix and the crew's progress. Rows already under the new crew are left out, and so are rows
 * under a crew the person still works in (`stillIn`, their other crews): a path assigned to one
 * of their crews stays that crew's. Team ids are compared without case.
 */
export function crewMoveUpdates<T extends CrewRow>(rows: readonly T[], newCrewKey: string, stillIn: readonly string[] = []): Array<{ readonly id: ItemId; readonly crewKey: string }> {
  const kept = [newCrewKey, ...stillIn];
  return rows.filter((row) => !kept.some((crew) => sameCrew(row.crewKey, crew))).map((row) => ({ id: row.id, crewKey: newCrewKey }));
}
