/**
 * A round's respondents as the release checks see them: atoms (respondents alike to every cell)
 * with their number of respondents, and the cells each atom counts in. Audience-only atoms (no
 * respondent) are left out: they are in no sum.
 */
import { atomRespondent, CellKey, cellsOf } from './cells';

export interface CellSet {
  /** Respondents per atom (only atoms with respondents). */
  readonly weights: Map<string, number>;
  /** Cell → its atoms. */
  readonly atomsOfCell: Map<CellKey, string[]>;
  /** Atom → its cells. */
  readonly cellsOfAtom: Map<string, CellKey[]>;
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

export function cellSetOf(weights: Map<string, number>): CellSet {
  const atomsOfCell = new Map<CellKey, string[]>();
  const cellsOfAtom = new Map<string, CellKey[]>();
  weights.forEach((weight, atom) => {
    if (weight <= 0) {
      return;
    }
    const cells = cellsOf(atomRespondent(atom));
    cellsOfAtom.set(atom, cells);
    cells.forEach((cell) => addTo(atomsOfCell, cell, atom));
  });
  return { weights, atomsOfCell, cellsOfAtom };
}

/**
 * The same for explicit groups of atoms (shown cells and "other" groups) weighted by something
 * other than respondents (a figure's answers, `figureChecks.ts`): an atom of no weight is in no
 * group, since it is in none of the sums.
 */
export function groupSetOf(weights: Map<string, number>, groups: ReadonlyMap<string, readonly string[]>): CellSet {
  const atomsOfCell = new Map<CellKey, string[]>();
  const cellsOfAtom = new Map<string, CellKey[]>();
  groups.forEach((atoms, key) => {
    const weighed = atoms.filter((atom) => (weights.get(atom) ?? 0) > 0);
    atomsOfCell.set(key, weighed);
    weighed.forEach((atom) => addTo(cellsOfAtom, atom, key));
  });
  return { weights, atomsOfCell, cellsOfAtom };
}

/** Respondents in a cell (0 for a cell nobody in it answered). */
export function countOf(set: CellSet, cell: CellKey): number {
  const atoms = set.atomsOfCell.get(cell) ?? [];
  return atoms.reduce((total, atom) => total + (set.weights.get(atom) ?? 0), 0);
}

/** Whether every respondent of `inner` is in `outer`. */
export function contains(set: CellSet, outer: CellKey, inner: CellKey): boolean {
  const innerAtoms = set.atomsOfCell.get(inner) ?? [];
  return innerAtoms.every((atom) => (set.cellsOfAtom.get(atom) ?? []).indexOf(outer) >= 0);
}

/** The cells that hold every respondent of `cell` (itself included). */
export function containersOf(set: CellSet, cell: CellKey): CellKey[] {
  const atoms = set.atomsOfCell.get(cell) ?? [];
  if (atoms.length === 0) {
    return [];
  }
  return (set.cellsOfAtom.get(atoms[0]) ?? []).filter((candidate) => contains(set, candidate, cell));
}
