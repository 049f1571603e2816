/**
 * Complementary suppression: when withholding some groups still lets one be worked out from the
 * others (a line less its shown crews, a site's agency staff from the site, its employees and its
 * contractors, two filters crossed), withhold another. The exact test is `findLeak`: every nonzero
 * combination of the released groups must touch at least the minimum number of respondents. While
 * one does not, the finest group the combination takes is withheld (most filters, then fewest
 * respondents; the whole plant last), and the test runs again.
 */
import { CellKey, depthOf, PLANT } from './cells';
import { CellSet, countOf } from './cellSet';
import { findLeak, LeakResult } from './leakSearch';

/** The released cells as rows over classes of atoms (atoms every released cell treats alike). */
export function classesOf(set: CellSet, released: readonly CellKey[]): { readonly members: number[][]; readonly weights: number[]; readonly atoms: string[][] } {
  const rowOf = new Map<CellKey, number>();
  released.forEach((cell, row) => rowOf.set(cell, row));
  const classBySignature = new Map<string, number>();
  const weights: number[] = [];
  const atoms: string[][] = [];
  const members: number[][] = released.map(() => []);
  set.cellsOfAtom.forEach((cells, atom) => {
    const rows = cells
      .map((cell) => rowOf.get(cell))
      .filter((row): row is number => row !== undefined)
      .sort((a, b) => a - b);
    if (rows.length === 0) {
      return;
    }
    const signature = rows.join(',');
    let cls = classBySignature.get(signature);
    if (cls === undefined) {
      cls = weights.length;
      classBySignature.set(signature, cls);
      weights.push(0);
      atoms.push([]);
      rows.forEach((row) => members[row].push(cls as number));
    }
    weights[cls] += set.weights.get(atom) ?? 0;
    atoms[cls].push(atom);
  });
  return { members, weights, atoms };
}

/** Whether the released cells let a combination single out fewer than `minimum` respondents. */
export function leakAmong(set: CellSet, released: readonly CellKey[], minimum: number): LeakResult & { readonly atoms?: readonly string[] } {
  const { members, weights, atoms } = classesOf(set, released);
  const result = findLeak(members, weights, minimum);
  if (!result.found) {
    return result;
  }
  const leakAtoms: string[] = [];
  result.classes.forEach((cls) => atoms[cls].forEach((atom) => leakAtoms.push(atom)));
  return { ...result, atoms: leakAtoms };
}

/** The cells among `released` to withhold so that no combination singles out fewer than `minimum`. */
export function complementaryWithheld(set: CellSet, released: readonly CellKey[], minimum: number): CellKey[] {
  const shown = released.slice();
  const withheld: CellKey[] = [];
  const counts = new Map<CellKey, number>();
  released.forEach((cell) => counts.set(cell, countOf(set, cell)));
  for (;;) {
    const leak = leakAmong(set, shown, minimum);
    if (!leak.found) {
      return withheld;
    }
    const involved = leak.groups.map((row) => shown[row]);
    const pick = involved.sort(
      (a, b) =>
        (a === PLANT ? 1 : 0) - (b === PLANT ? 1 : 0) ||
        depthOf(b) - depthOf(a) ||
        (counts.get(a) ?? 0) - (counts.get(b) ?? 0) ||
        (a < b ? -1 : 1)
    )[0];
    if (pick === undefined) {
      // Cannot happen (a nonzero combination takes some group); withhold all rather than loop.
      return withheld.concat(shown);
    }
    shown.splice(shown.indexOf(pick), 1);
    withheld.push(pick);
  }
}
