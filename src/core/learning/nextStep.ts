/**
 * A person's next small step ("7 min: read the lockout procedure"), across every path assigned
 * to them:
 * - a path starts once the paths it requires are finished (a required path that was deleted, or
 *   has no steps left, no longer holds anyone back); until then it is waiting, and says for which paths;
 * - within a path, steps are taken in order (`SortOrder`); a practice step the person has done
 *   waits for a trainer's sign-off, and the person goes on with the next step meanwhile;
 * - across paths, the earliest due date first (overdue ones are the earliest), then paths
 *   without a due date in the order they were assigned.
 * Progress is the person's own, per step: a step deleted while someone was on it drops out
 * (its progress row stays, nothing is lost), and a path counts as finished when every step it
 * still has is done. Progress on a path finished without an assignment (an earlier one, HR's
 * import) counts for the paths that require it.
 */
import type { ItemId } from '../models/common';
import type { Assignment, LearningPath, LearningStep, StepKind, StepProgress } from '../models/learning';
import { missingPrerequisites } from './prerequisites';
import { stepsInOrder } from './steps';

export type PlanPath = Pick<LearningPath, 'id' | 'requiresPathIds' | 'isActive'>;
export type PlanStep = Pick<LearningStep, 'id' | 'pathId' | 'sortOrder' | 'kind' | 'estimatedMinutes' | 'requiresSignOff'>;
export type PlanAssignment = Pick<Assignment, 'pathId' | 'dueDate' | 'created'>;
export type PlanProgress = Pick<StepProgress, 'stepId' | 'status'>;

export interface LearnerState {
  readonly paths: readonly PlanPath[];
  readonly steps: readonly PlanStep[];
  /** The person's assignments. */
  readonly assignments: readonly PlanAssignment[];
  /** The person's progress rows (any path). */
  readonly progress: readonly PlanProgress[];
}

export interface OpenStep {
  readonly pathId: ItemId;
  readonly stepId: ItemId;
  readonly kind: StepKind;
  readonly minutes: number;
  /** 1-based place of the step in its path, and how many steps the path has. */
  readonly position: number;
  readonly stepCount: number;
  /** Steps of the path done (practice: signed off). */
  readonly done: number;
  readonly dueDate?: string;
  readonly overdue: boolean;
}

export interface LearningPlan {
  /** The next small step: the first of `open`. */
  readonly next?: OpenStep;
  /** One step per path the person can work on now, in the order they should. */
  readonly open: readonly OpenStep[];
  /** Assigned paths that wait for required paths. */
  readonly waiting: ReadonlyArray<{ readonly pathId: ItemId; readonly waitingFor: readonly ItemId[] }>;
  /** Practice steps the person has done that wait for a trainer. */
  readonly awaitingSignOff: ReadonlyArray<{ readonly pathId: ItemId; readonly stepId: ItemId }>;
  /** Assigned paths finished. */
  readonly finished: readonly ItemId[];
}

type StepState = 'todo' | 'awaitingSignOff' | 'done';

function stepState(step: PlanStep, status: StepProgress['status'] | undefined): StepState {
  if (status === 'signed-off') return 'done';
  if (status === 'completed') return step.requiresSignOff || step.kind === 'practice' ? 'awaitingSignOff' : 'done';
  return 'todo';
}

/** The ids of every path whose existing steps are all done (paths without steps are not "finished"). */
export function finishedPaths(state: Pick<LearnerState, 'paths' | 'steps' | 'progress'>): Set<ItemId> {
  const status = new Map<ItemId, StepProgress['status']>();
  state.progress.forEach((row) => status.set(row.stepId, row.status));
  const finished = new Set<ItemId>();
  state.paths.forEach((path) => {
    const steps = stepsInOrder(state.steps, path.id);
    if (steps.length > 0 && steps.every((step) => stepState(step, status.get(step.id)) === 'done')) {
      finished.add(path.id);
    }
  });
  return finished;
}

function dueRank(assignment: PlanAssignment): number {
  const due = assignment.dueDate ? Date.parse(assignment.dueDate) : NaN;
  return isNaN(due) ? Number.MAX_VALUE : due;
}

/** The person's plan at `now`. */
export function learningPlan(state: LearnerState, now: Date): LearningPlan {
  const status = new Map<ItemId, StepProgress['status']>();
  state.progress.forEach((row) => status.set(row.stepId, row.status));
  const finished = finishedPaths(state);
  // A required path that was deleted, or has no steps left, holds no one back.
  const known = new Set<ItemId>(state.paths.filter((p) => state.steps.some((s) => s.pathId === p.id)).map((p) => p.id));
  const assignments = state.assignments
    .slice()
    .sort((a, b) => dueRank(a) - dueRank(b) || Date.parse(a.created) - Date.parse(b.created) || a.pathId - b.pathId);
  const open: OpenStep[] = [];
  const waiting: Array<{ pathId: ItemId; waitingFor: ItemId[] }> = [];
  const awaitingSignOff: Array<{ pathId: ItemId; stepId: ItemId }> = [];
  const done: ItemId[] = [];
  const seen = new Set<ItemId>();
  for (const assignment of assignments) {
    const path = state.paths.filter((p) => p.id === assignment.pathId)[0];
    if (!path || !path.isActive || seen.has(path.id)) continue;
    seen.add(path.id);
    if (finished.has(path.id)) {
      done.push(path.id);
      continue;
    }
    const waitingFor = missingPrerequisites(path, finished).filter((id) => known.has(id));
    if (waitingFor.length > 0) {
      waiting.push({ pathId: path.id, waitingFor });
      continue;
    }
    const steps = stepsInOrder(state.steps, path.id);
    const states = steps.map((step) => stepState(step, status.get(step.id)));
    steps.forEach((step, i) => states[i] === 'awaitingSignOff' && awaitingSignOff.push({ pathId: path.id, stepId: step.id }));
    const index = states.indexOf('todo');
    if (index < 0) continue;
    const step = steps[index];
    const due = dueRank(assignment);
    open.push({
      pathId: path.id,
      stepId: step.id,
      kind: step.kind,
      minutes: step.estimatedMinutes,
      position: index + 1,
      stepCount: steps.length,
      done: states.filter((s) => s === 'done').length,
      ...(assignment.dueDate ? { dueDate: assignment.dueDate } : {}),
      overdue: due !== Number.MAX_VALUE && due < now.getTime()
    });
  }
  return { ...(open.length > 0 ? { next: open[0] } : {}), open, waiting, awaitingSignOff, finished: done };
}
