/**
 * No subtraction: a group's figures are withheld when a released group that holds it (its line,
 * its site, the whole plant, the same filter without the second one) has 1 to minimum − 1
 * respondents more: the difference of the two would be the figures of those few. Checked for
 * every pair of cells the API accepts, by the respondents in them (not by names: a crew is in its
 * line because all its respondents are). The finer of the two is withheld, coarsest first, so a
 * group withheld here no longer counts as holding others. Differences that need more than two
 * groups (a parent less several siblings, two filters crossed) are for the complementary step.
 */
import type { CellKey } from './cells';
import { CellSet, containersOf, countOf } from './cellSet';

/** The cells among `released` that the subtraction rule withholds. */
export function subtractionWithheld(set: CellSet, released: readonly CellKey[], minimum: number): CellKey[] {
  const counts = new Map<CellKey, number>();
  released.forEach((cell) => counts.set(cell, countOf(set, cell)));
  const shown = new Set<CellKey>(released);
  const withheld: CellKey[] = [];
  const coarsestFirst = released.slice().sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1));
  coarsestFirst.forEach((cell) => {
    const count = counts.get(cell) ?? 0;
    const exposed = containersOf(set, cell).some((outer) => {
      const difference = (counts.get(outer) ?? 0) - count;
      return outer !== cell && shown.has(outer) && difference >= 1 && difference < minimum;
    });
    if (exposed) {
      shown.delete(cell);
      withheld.push(cell);
    }
  });
  return withheld;
}
