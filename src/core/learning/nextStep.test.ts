import { learningPlan, LearnerState, PlanStep } from './nextStep';

const NOW = new Date('2026-03-10T08:00:00Z');
const step = (id: number, pathId: number, sortOrder: number, kind: PlanStep['kind'] = 'read', estimatedMinutes = 5): PlanStep => ({
  id,
  pathId,
  sortOrder,
  kind,
  estimatedMinutes,
  requiresSignOff: kind === 'practice'
});

const base: LearnerState = {
  paths: [
    { id: 1, requiresPathIds: [], isActive: true },
    { id: 2, requiresPathIds: [1], isActive: true },
    { id: 3, requiresPathIds: [], isActive: true }
  ],
  steps: [step(11, 1, 10, 'read', 7), step(12, 1, 20, 'practice', 30), step(13, 1, 30, 'quiz'), step(21, 2, 10), step(31, 3, 20), step(32, 3, 10, 'watch', 4)],
  assignments: [
    { pathId: 3, created: '2026-01-01T00:00:00Z' },
    { pathId: 1, created: '2026-02-01T00:00:00Z', dueDate: '2026-04-01T00:00:00Z' },
    { pathId: 2, created: '2026-02-01T00:00:00Z', dueDate: '2026-03-20T00:00:00Z' }
  ],
  progress: []
};

describe('the next small step', () => {
  it('puts the earliest due path first, skips paths waiting for required paths, and keeps step order', () => {
    const plan = learningPlan(base, NOW);
    // Path 2 is due first but waits for path 1; path 1 (due) comes before path 3 (no due date).
    expect(plan.next).toMatchObject({ pathId: 1, stepId: 11, minutes: 7, position: 1, stepCount: 3 });
    expect(plan.open.map((s) => [s.pathId, s.stepId])).toEqual([
      [1, 11],
      [3, 32]
    ]);
    expect(plan.waiting).toEqual([{ pathId: 2, waitingFor: [1] }]);
  });

  it('lets the person go on while a practice step waits for a trainer, and finishes the path only with the sign-off', () => {
    const progress = [
      { stepId: 11, status: 'completed' as const },
      { stepId: 12, status: 'completed' as const }
    ];
    const plan = learningPlan({ ...base, progress }, NOW);
    expect(plan.next).toMatchObject({ pathId: 1, stepId: 13, done: 1 });
    expect(plan.awaitingSignOff).toEqual([{ pathId: 1, stepId: 12 }]);
    const afterQuiz = learningPlan({ ...base, progress: progress.concat([{ stepId: 13, status: 'completed' }]) }, NOW);
    expect(afterQuiz.finished).toEqual([]);
    expect(afterQuiz.waiting).toEqual([{ pathId: 2, waitingFor: [1] }]);
    const signed = learningPlan({ ...base, progress: [progress[0], { stepId: 12, status: 'signed-off' }, { stepId: 13, status: 'completed' }] }, NOW);
    expect(signed.finished).toEqual([1]);
    // Path 2 opens and, due first, is the next step.
    expect(signed.next).toMatchObject({ pathId: 2, stepId: 21 });
  });

  it('marks an overdue path and puts it first', () => {
    const plan = learningPlan({ ...base, assignments: base.assignments.concat([{ pathId: 3, created: '2026-03-01T00:00:00Z', dueDate: '2026-03-09T00:00:00Z' }]).slice(1) }, NOW);
    expect(plan.next).toMatchObject({ pathId: 3, overdue: true });
  });

  it('drops a step deleted while the person was on it, keeping the rest of their progress', () => {
    const progress = [
      { stepId: 11, status: 'completed' as const },
      { stepId: 12, status: 'in-progress' as const }
    ];
    const plan = learningPlan({ ...base, steps: base.steps.filter((s) => s.id !== 12), progress }, NOW);
    expect(plan.next).toMatchObject({ pathId: 1, stepId: 13, position: 2, stepCount: 2, done: 1 });
  });

  it('counts a required path finished without an assignment, and ignores one that was deleted', () => {
    const progress: LearnerState['progress'] = [
      { stepId: 11, status: 'completed' },
      { stepId: 12, status: 'signed-off' },
      { stepId: 13, status: 'completed' }
    ];
    const withoutAssignment = { ...base, assignments: base.assignments.filter((a) => a.pathId === 2), progress };
    expect(learningPlan(withoutAssignment, NOW).next).toMatchObject({ pathId: 2, stepId: 21 });
    const deleted = { ...base, paths: base.paths.filter((p) => p.id !== 1), steps: base.steps.filter((s) => s.pathId !== 1) };
    expect(learningPlan(deleted, NOW).next).toMatchObject({ pathId: 2, stepId: 21 });
  });

  it('offers nothing from an inactive path, and nothing when everything is done', () => {
    const inactive = { ...base, paths: base.paths.map((p) => ({ ...p, isActive: false })) };
    expect(learningPlan(inactive, NOW)).toEqual({ open: [], waiting: [], awaitingSignOff: [], finished: [] });
  });
});
