/**
 * Paths that require other paths. A path can be started once every path it requires is
 * finished; a path that requires itself, directly or through others, could never be started,
 * so it is refused with the cycle spelled out (`cycle`: the path ids around it, first and last
 * the same), from which the admin part builds its message with the paths' names.
 */
import type { ItemId } from '../models/common';
import type { LearningPath } from '../models/learning';

export type PathLinks = Pick<LearningPath, 'id' | 'requiresPathIds'>;

export type PrerequisiteProblem =
  | { readonly code: 'requiresItself'; readonly pathId: ItemId }
  | { readonly code: 'prerequisiteCycle'; readonly pathId: ItemId; readonly cycle: readonly ItemId[] }
  | { readonly code: 'unknownPrerequisite'; readonly pathId: ItemId; readonly requiredPathId: ItemId };

function linksById(paths: readonly PathLinks[]): Map<ItemId, readonly ItemId[]> {
  const links = new Map<ItemId, readonly ItemId[]>();
  paths.forEach((path) => links.set(path.id, path.requiresPathIds));
  return links;
}

/**
 * A cycle through `start`, if any: `[start, …, start]`. Depth-first with an explicit stack, so a
 * long chain of paths cannot overflow the call stack.
 */
export function cycleThrough(paths: readonly PathLinks[], start: ItemId): ItemId[] | undefined {
  const links = linksById(paths);
  const visited = new Set<ItemId>();
  const stack: Array<{ readonly id: ItemId; next: number }> = [{ id: start, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const requires = links.get(top.id) ?? [];
    if (top.next >= requires.length) {
      stack.pop();
      continue;
    }
    const required = requires[top.next];
    top.next += 1;
    if (required === start) {
      return stack.map((frame) => frame.id).concat([start]);
    }
    if (!visited.has(required) && links.has(required)) {
      visited.add(required);
      stack.push({ id: required, next: 0 });
    }
  }
  return undefined;
}

/**
 * What is wrong with the paths' requirements, one problem per path at most for cycles (each
 * path on a cycle is named, so the admin part can mark every one of them).
 */
export function validatePrerequisites(paths: readonly PathLinks[]): PrerequisiteProblem[] {
  const links = linksById(paths);
  const problems: PrerequisiteProblem[] = [];
  for (const path of paths) {
    if (path.requiresPathIds.indexOf(path.id) >= 0) {
      problems.push({ code: 'requiresItself', pathId: path.id });
      continue;
    }
    path.requiresPathIds
      .filter((required) => !links.has(required))
      .forEach((required) => problems.push({ code: 'unknownPrerequisite', pathId: path.id, requiredPathId: required }));
    const cycle = cycleThrough(paths, path.id);
    if (cycle) {
      problems.push({ code: 'prerequisiteCycle', pathId: path.id, cycle });
    }
  }
  return problems;
}

/** What saving `edited` (a new path or a changed one) would break, checked against the stored paths. */
export function checkPathRequirements(stored: readonly PathLinks[], edited: PathLinks): PrerequisiteProblem[] {
  const paths = stored.filter((path) => path.id !== edited.id).concat([edited]);
  return validatePrerequisites(paths).filter((problem) => problem.pathId === edited.id);
}

/** The paths `path` requires that are not finished yet, in the order it names them. */
export function missingPrerequisites(path: PathLinks, finishedPathIds: ReadonlySet<ItemId>): ItemId[] {
  return path.requiresPathIds.filter((required) => required !== path.id && !finishedPathIds.has(required));
}
