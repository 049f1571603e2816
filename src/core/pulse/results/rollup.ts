/**
 * Roll-up: a group too small to show counts in its parent, and where a parent shows some of its
 * groups along a dimension and withholds others, the withheld ones are shown together as one
 * "other" group (the other crews of a line, the other tenure bands of a site) when they add up to
 * the minimum. The "other" group is the parent less its shown children: anyone who sees those can
 * work it out, so it tells nothing new, and the release checks have already made sure it is either
 * empty or at least the minimum.
 */
import { atomRespondent, cellKey, CellKey, depthOf, Filter, isAcceptedCombination, ORG_DIMENSIONS, parseCellKey, ResultDimension, RESULT_DIMENSIONS, valueOf } from './cells';
import type { CellSet } from './cellSet';

export interface OtherGroup {
  /** `other:<dimension>:<parent key>`. */
  readonly key: string;
  readonly parent: CellKey;
  readonly dimension: ResultDimension;
  /** The atoms in it. */
  readonly atoms: readonly string[];
  readonly respondents: number;
}

/** The key of a parent's "other" group along a dimension. */
export function otherKey(parent: CellKey, dimension: ResultDimension): string {
  return `other:${dimension}:${parent}`;
}

/** The cell an atom falls in when `parent` is split along `dimension`; undefined when the API does not offer that split. */
export function childCell(parent: readonly Filter[], dimension: ResultDimension, atom: string): CellKey | undefined {
  if (parent.some((filter) => filter.dimension === dimension)) {
    return undefined;
  }
  const value = valueOf(atomRespondent(atom), dimension);
  const orgAt = ORG_DIMENSIONS.indexOf(dimension);
  // A line splits its site, a crew its line: the finer org level replaces the wider one.
  const wider = parent.filter((filter) => ORG_DIMENSIONS.indexOf(filter.dimension) >= 0 && orgAt > ORG_DIMENSIONS.indexOf(filter.dimension));
  if (wider.length > 0 && !(parent.length === 1 && ORG_DIMENSIONS.indexOf(parent[0].dimension) === orgAt - 1)) {
    return undefined;
  }
  const filters = (wider.length > 0 ? [] : parent.slice()).concat([{ dimension, value }]);
  return isAcceptedCombination(filters.map((filter) => filter.dimension)) ? cellKey(filters) : undefined;
}

/** The "other" groups of the released parents: withheld children together, when at least `minimum`. */
export function otherGroups(set: CellSet, released: ReadonlySet<CellKey>, minimum: number): OtherGroup[] {
  const out: OtherGroup[] = [];
  released.forEach((parent) => {
    const filters = parseCellKey(parent);
    if (!filters || depthOf(parent) > 1) {
      return;
    }
    const atoms = set.atomsOfCell.get(parent) ?? [];
    RESULT_DIMENSIONS.forEach((dimension) => {
      let shownChild = false;
      const rest: string[] = [];
      let respondents = 0;
      let split = true;
      atoms.forEach((atom) => {
        const child = childCell(filters, dimension, atom);
        if (child === undefined) {
          split = false;
          return;
        }
        if (released.has(child)) {
          shownChild = true;
        } else {
          rest.push(atom);
          respondents += set.weights.get(atom) ?? 0;
        }
      });
      if (split && shownChild && respondents >= minimum) {
        out.push({ key: otherKey(parent, dimension), parent, dimension, atoms: rest, respondents });
      }
    });
  });
  return out;
}
