/**
 * Progress per assigned path for the list under the next step: steps done of the steps the path
 * still has (practice counts once signed off, as in `learningPlan`), in the plan's order (paths to
 * work on now, then those waiting for a trainer or for other paths, then finished ones).
 */
import type { LearningPlan } from '../../core/learning/nextStep';
import { stepsInOrder } from '../../core/learning/steps';
import type { ItemId } from '../../core/models/common';
import type { LearningSnapshot } from './types';

export interface PathProgress {
  readonly pathId: ItemId;
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
}

export function pathProgress(data: LearningSnapshot, plan: LearningPlan): PathProgress[] {
  const status = new Map(data.progress.map((p) => [p.stepId, p.status] as const));
  const ids: ItemId[] = [];
  const add = (id: ItemId): void => {
    if (ids.indexOf(id) < 0) ids.push(id);
  };
  plan.open.forEach((o) => add(o.pathId));
  plan.awaitingSignOff.forEach((a) => add(a.pathId));
  plan.waiting.forEach((w) => add(w.pathId));
  plan.finished.forEach(add);
  return ids.map((pathId) => {
    const steps = stepsInOrder(data.steps, pathId);
    const done = steps.filter((step) => {
      const state = status.get(step.id);
      return state === 'signed-off' || (state === 'completed' && !(step.requiresSignOff || step.kind === 'practice'));
    }).length;
    return { pathId, done, total: steps.length, finished: plan.finished.indexOf(pathId) >= 0 };
  });
}
