import { checkPathRequirements, cycleThrough, missingPrerequisites, validatePrerequisites } from './prerequisites';

const path = (id: number, ...requiresPathIds: number[]): { id: number; requiresPathIds: number[] } => ({ id, requiresPathIds });

describe('paths requiring paths', () => {
  it('accepts a chain and a diamond', () => {
    expect(validatePrerequisites([path(1), path(2, 1), path(3, 1), path(4, 2, 3)])).toEqual([]);
  });

  it('refuses a path that requires itself', () => {
    expect(validatePrerequisites([path(1, 1)])).toEqual([{ code: 'requiresItself', pathId: 1 }]);
  });

  it('refuses a cycle through other paths, naming the paths around it for the message', () => {
    const problems = validatePrerequisites([path(1, 3), path(2, 1), path(3, 2), path(4, 1)]);
    expect(problems).toEqual([
      { code: 'prerequisiteCycle', pathId: 1, cycle: [1, 3, 2, 1] },
      { code: 'prerequisiteCycle', pathId: 2, cycle: [2, 1, 3, 2] },
      { code: 'prerequisiteCycle', pathId: 3, cycle: [3, 2, 1, 3] }
    ]);
  });

  it('names a required path that does not exist', () => {
    expect(validatePrerequisites([path(1, 9)])).toEqual([{ code: 'unknownPrerequisite', pathId: 1, requiredPathId: 9 }]);
  });

  it('checks an edit against the stored paths: the edit that closes a loop is refused', () => {
    const stored = [path(1), path(2, 1), path(3, 2)];
    expect(checkPathRequirements(stored, path(1, 3))).toEqual([{ code: 'prerequisiteCycle', pathId: 1, cycle: [1, 3, 2, 1] }]);
    expect(checkPathRequirements(stored, path(5, 3))).toEqual([]);
  });

  it('walks a long chain without running out of stack', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => path(i + 1, ...(i + 2 <= 20000 ? [i + 2] : [1])));
    const cycle = cycleThrough(chain, 1);
    expect(cycle?.length).toBe(20001);
  });

  it('says which required paths are not finished yet', () => {
    expect(missingPrerequisites(path(4, 2, 3), new Set([3]))).toEqual([2]);
  });
});
