import type { Skill, StepProgress } from '../models/learning';
import { Assignee, AssignmentRequest, audienceMembers, crewMoveUpdates, dueInstant, planAssignments } from './assignment';
import { learningPlan } from './nextStep';

const AMS = 'Europe/Amsterdam';
const NOW = new Date('2026-03-10T08:00:00Z');
const people: Assignee[] = [
  { id: 1, startDate: '2025-01-10', crewKeys: ['team-a'], roles: ['Operator'] },
  // An agency consultant: nothing about them differs for assigning.
  { id: 2, startDate: '2026-03-02', crewKeys: ['team-b', 'team-a'], roles: ['Forklift driver'] },
  { id: 3, startDate: '2026-02-20T00:00:00Z', crewKeys: ['TEAM-B'], roles: ['forklift driver '] },
  { id: 4, crewKeys: [], roles: [] }
];
const request: AssignmentRequest = { path: { id: 7, isActive: true }, audience: { kind: 'crew', crewKey: 'team-b' }, dueDate: '2026-03-31', reason: 'qualification', assignedById: 9 };

describe('who an audience takes in', () => {
  it('takes named people, a crew, a role, or everyone who started since a date', () => {
    const ids = (audience: AssignmentRequest['audience']): number[] => audienceMembers(audience, people).map((p) => p.id);
    expect(ids({ kind: 'people', personIds: [4, 2] })).toEqual([2, 4]);
    expect(ids({ kind: 'crew', crewKey: 'team-b' })).toEqual([2, 3]);
    expect(ids({ kind: 'role', role: 'Forklift Driver' })).toEqual([2, 3]);
    expect(ids({ kind: 'newSince', since: '2026-02-20' })).toEqual([2, 3]);
  });
});

describe('assigning', () => {
  it('creates one assignment per person, under the crew, due at the end of the local due day', () => {
    const plan = planAssignments(request, people, [], NOW, AMS);
    expect(plan.problems).toEqual([]);
    expect(plan.create).toEqual([
      { learnerId: 2, pathId: 7, assignmentKey: '7:2', crewKey: 'team-b', dueDate: '2026-03-31T22:00:00.000Z', reason: 'qualification', assignedById: 9, assignedVia: 'crew:team-b' },
      { learnerId: 3, pathId: 7, assignmentKey: '7:3', crewKey: 'team-b', dueDate: '2026-03-31T22:00:00.000Z', reason: 'qualification', assignedById: 9, assignedVia: 'crew:team-b' }
    ]);
  });

  it('leaves a person who has the path already as they are', () => {
    const plan = planAssignments(request, people, [{ assignmentKey: '7:2' }], NOW, AMS);
    expect([plan.create.map((a) => a.learnerId), plan.alreadyAssigned]).toEqual([[3], [2]]);
  });

  it('refuses a due date in the past, with the date for the message, and creates nothing', () => {
    expect(planAssignments({ ...request, dueDate: '2026-03-09' }, people, [], NOW, AMS)).toEqual({
      problems: [{ code: 'dueDateInPast', detail: '2026-03-09' }],
      create: [],
      alreadyAssigned: []
    });
    // Today is still allowed: due at the end of today.
    expect(planAssignments({ ...request, dueDate: '2026-03-10' }, people, [], NOW, AMS).problems).toEqual([]);
  });

  it('refuses a due date that is no day, an inactive path, an empty audience and one that finds nobody', () => {
    expect(planAssignments({ ...request, dueDate: '2026-02-30' }, people, [], NOW, AMS).problems).toEqual([{ code: 'dueDateInvalid', detail: '2026-02-30' }]);
    expect(planAssignments({ ...request, path: { id: 7, isActive: false } }, people, [], NOW, AMS).problems).toEqual([{ code: 'pathInactive' }]);
    expect(planAssignments({ ...request, audience: { kind: 'role', role: ' ' } }, people, [], NOW, AMS).problems).toEqual([{ code: 'audienceEmpty' }]);
    expect(planAssignments({ ...request, audience: { kind: 'crew', crewKey: 'team-z' } }, people, [], NOW, AMS).problems).toEqual([{ code: 'noOneToAssign' }]);
  });

  it('ends a due day at local midnight, also on the night the clocks go forward', () => {
    expect(dueInstant('2026-03-28', AMS)?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(dueInstant('2026-03-29', AMS)?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('a person moved to another crew mid-path', () => {
  it('keeps every step done: only the crew rows are shown under changes', () => {
    const progress: Array<Pick<StepProgress, 'id' | 'crewKey' | 'stepId' | 'status'>> = [
      { id: 101, crewKey: 'team-a', stepId: 11, status: 'completed' },
      { id: 102, crewKey: 'team-b', stepId: 12, status: 'signed-off' }
    ];
    expect(crewMoveUpdates(progress, 'team-b')).toEqual([{ id: 101, crewKey: 'team-b' }]);
    const moved = progress.map((row) => ({ ...row, ...crewMoveUpdates([row], 'team-b')[0] }));
    const state = {
      paths: [{ id: 1, requiresPathIds: [], isActive: true }],
      steps: [11, 12, 13].map((id, i) => ({ id, pathId: 1, sortOrder: i, kind: 'read' as const, estimatedMinutes: 5, requiresSignOff: false })),
      assignments: [{ pathId: 1, created: '2026-01-01T00:00:00Z' }]
    };
    expect(learningPlan({ ...state, progress: moved }, NOW).next).toEqual(learningPlan({ ...state, progress }, NOW).next);
    expect(learningPlan({ ...state, progress: moved }, NOW).next).toMatchObject({ stepId: 13, done: 2 });
  });

  it('moves their levels too, so the new leader\'s matrix (SE_Skills by CrewKey) shows them', () => {
    const skills: Array<Pick<Skill, 'id' | 'crewKey' | 'station' | 'level'>> = [
      { id: 201, crewKey: 'team-a', station: 'GOT-PRESS1-DIE', level: 'U' },
      { id: 202, station: 'GOT-PRESS1-QC', level: 'L' }
    ];
    expect(crewMoveUpdates(skills, 'team-b')).toEqual([
      { id: 201, crewKey: 'team-b' },
      { id: 202, crewKey: 'team-b' }
    ]);
    // Once moved, nothing more changes.
    const moved = skills.map((row) => ({ ...row, ...crewMoveUpdates([row], 'team-b')[0] }));
    expect(crewMoveUpdates(moved, 'team-b')).toEqual([]);
  });

  it('leaves rows under a crew the person still works in, and compares team ids without case', () => {
    const rows = [
      { id: 1, crewKey: 'team-a' },
      { id: 2, crewKey: 'TEAM-C' },
      { id: 3, crewKey: 'Team-B' },
      { id: 4, crewKey: 'team-d' }
    ];
    expect(crewMoveUpdates(rows, 'team-b', ['team-c'])).toEqual([
      { id: 1, crewKey: 'team-b' },
      { id: 4, crewKey: 'team-b' }
    ]);
  });
});
