/**
 * Can a combination of released groups single out fewer than the minimum number of respondents?
 *
 * Each released group's figures are sums over its respondents (a count, score sums, option
 * counts: `aggregate.ts`). Whoever sees several groups can add and subtract them: any linear
 * combination of the released groups' membership vectors is a combination of their figures. The
 * release is safe when **every nonzero combination touches at least `minimum` respondents**:
 * then no difference, slice or parent-minus-siblings reveals the sums of a smaller set.
 *
 * The search works on **classes** (respondents every released group holds or leaves alike; each
 * with its number of respondents as weight), in three steps:
 * 1. Gauss–Jordan elimination of the group × class membership matrix over the integers modulo a
 *    prime near 2^26 (exact in double arithmetic), classes of at least `minimum` respondents
 *    first, then smaller ones, heaviest first.
 * 2. In reduced row echelon form, a combination's value at a row's pivot column is that row's
 *    coefficient; so a combination touching only small classes uses only rows whose pivot is a
 *    small class, and those rows are zero on every large class.
 * 3. For every set of such rows whose pivots weigh less than `minimum` together, whether some
 *    nonzero combination of them leaves at most the remaining weight in its other columns: the
 *    rank of the rows without a set D of those columns (weight of D within what is left) falls
 *    below the number of rows.
 * This is complete: every combination touching fewer than `minimum` respondents is found. Ranks
 * modulo a prime are ranks over the rationals unless the prime divides a particular minor (for a
 * 0/1 matrix of a few hundred rows, about one chance in 10^5); the release's own test suite
 * checks with exact rational arithmetic. The search is bounded ({@link SEARCH_BUDGET} steps);
 * a search that runs out answers as if it had found a leak, so the release errs on withholding.
 */

/** A prime below 2^26: a product of two residues stays below 2^53. */
export const PRIME = 67108859;

/** Steps of the subset search before it gives up (and reports a leak, to err on withholding). */
export const SEARCH_BUDGET = 200000;

export interface LeakFree {
  readonly found: false;
}

export interface Leak {
  readonly found: true;
  /** Classes (indexes given) the combination may touch, fewer than `minimum` respondents together. */
  readonly classes: readonly number[];
  /** The released groups (indexes of `members`) the combination takes, with a nonzero coefficient. */
  readonly groups: readonly number[];
  /** True when the search ran out of steps: not proven, withheld to be safe. */
  readonly undecided: boolean;
}

export type LeakResult = LeakFree | Leak;

function mulmod(a: number, b: number): number {
  return (a * b) % PRIME;
}

/** The inverse of a nonzero residue (extended Euclid). */
export function invmod(a: number): number {
  let [r0, r1] = [PRIME, a % PRIME];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return ((t0 % PRIME) + PRIME) % PRIME;
}

/** Rank of a small dense matrix of residues (copied, the input is left as is). */
export function rankMod(matrix: readonly (readonly number[])[]): number {
  const rows = matrix.map((row) => row.slice());
  const width = rows.length === 0 ? 0 : rows[0].length;
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col += 1) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r += 1) {
      if (rows[r][col] !== 0) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) {
      continue;
    }
    [rows[rank], rows[pivot]] = [rows[pivot], rows[rank]];
    const inverse = invmod(rows[rank][col]);
    for (let r = rank + 1; r < rows.length; r += 1) {
      const factor = mulmod(rows[r][col], inverse);
      if (factor !== 0) {
        for (let c = col; c < width; c += 1) {
          rows[r][c] = (rows[r][c] + PRIME - mulmod(factor, rows[rank][c])) % PRIME;
        }
      }
    }
    rank += 1;
  }
  return rank;
}

interface Echelon {
  /** Rows in reduced row echelon form (columns in search order). */
  readonly rows: Float64Array[];
  /** Pivot column of each row. */
  readonly pivots: number[];
  /** Each row as a combination of the input rows (coefficient per input row). */
  readonly combinations: Float64Array[];
}

/** Gauss–Jordan elimination of 0/1 rows given as column lists, columns `0…width−1`. */
export function reducedEchelon(memberRows: readonly (readonly number[])[], width: number): Echelon {
  const rows = memberRows.map((members) => {
    const row = new Float64Array(width);
    members.forEach((col) => {
      row[col] = 1;
    });
    return row;
  });
  const combinations = memberRows.map((_, r) => {
    const combination = new Float64Array(memberRows.length);
    combination[r] = 1;
    return combination;
  });
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col += 1) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r += 1) {
      if (rows[r][col] !== 0) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) {
      continue;
    }
    [rows[rank], rows[pivot]] = [rows[pivot], rows[rank]];
    [combinations[rank], combinations[pivot]] = [combinations[pivot], combinations[rank]];
    const top = rows[rank];
    const topCombination = combinations[rank];
    const inverse = invmod(top[col]);
    const nonzero: number[] = [];
    for (let c = col; c < width; c += 1) {
      if (top[c] !== 0) {
        top[c] = mulmod(top[c], inverse);
        nonzero.push(c);
      }
    }
    const nonzeroCombination: number[] = [];
    for (let c = 0; c < topCombination.length; c += 1) {
      if (topCombination[c] !== 0) {
        topCombination[c] = mulmod(topCombination[c], inverse);
        nonzeroCombination.push(c);
      }
    }
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r];
      const factor = r === rank ? 0 : row[col];
      if (factor !== 0) {
        nonzero.forEach((c) => {
          row[c] = (row[c] + PRIME - mulmod(factor, top[c])) % PRIME;
        });
        const combination = combinations[r];
        nonzeroCombination.forEach((c) => {
          combination[c] = (combination[c] + PRIME - mulmod(factor, topCombination[c])) % PRIME;
        });
      }
    }
    pivots.push(col);
    rank += 1;
  }
  return { rows: rows.slice(0, rank), pivots, combinations: combinations.slice(0, rank) };
}

/**
 * A nonzero c with Σ c_i · rows_i = 0 for a small dense matrix of residues (k rows), or undefined
 * when the rows are independent.
 */
export function dependency(matrix: readonly (readonly number[])[]): number[] | undefined {
  const k = matrix.length;
  const rows = matrix.map((row, i) => row.concat(matrix.map((_, j) => (i === j ? 1 : 0))));
  const width = k === 0 ? 0 : matrix[0].length;
  let rank = 0;
  for (let col = 0; col < width && rank < k; col += 1) {
    let pivot = -1;
    for (let r = rank; r < k; r += 1) {
      if (rows[r][col] !== 0) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) {
      continue;
    }
    [rows[rank], rows[pivot]] = [rows[pivot], rows[rank]];
    const inverse = invmod(rows[rank][col]);
    for (let r = rank + 1; r < k; r += 1) {
      const factor = mulmod(rows[r][col], inverse);
      if (factor !== 0) {
        for (let c = col; c < rows[r].length; c += 1) {
          rows[r][c] = (rows[r][c] + PRIME - mulmod(factor, rows[rank][c])) % PRIME;
        }
      }
    }
    rank += 1;
  }
  return rank < k ? rows[k - 1].slice(width) : undefined;
}

/**
 * Whether some nonzero combination of the released rows touches fewer than `minimum` respondents.
 * `members[r]`: the classes released group r holds; `weights[c]`: respondents in class c.
 */
export function findLeak(members: readonly (readonly number[])[], weights: readonly number[], minimum: number): LeakResult {
  // Search order: large classes first, then small ones, heaviest first.
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const bigA = weights[a] >= minimum ? 1 : 0;
    const bigB = weights[b] >= minimum ? 1 : 0;
    return bigB - bigA || weights[b] - weights[a] || a - b;
  });
  const position: number[] = [];
  order.forEach((cls, at) => {
    position[cls] = at;
  });
  const firstSmall = order.filter((cls) => weights[cls] >= minimum).length;
  const echelon = reducedEchelon(
    members.map((row) => row.map((cls) => position[cls])),
    weights.length
  );
  const weightAt = (col: number): number => weights[order[col]];
  const isPivot: boolean[] = [];
  echelon.pivots.forEach((pivot) => {
    isPivot[pivot] = true;
  });
  // Rows whose pivot is a small class, each with its other (small, non-pivot) columns.
  const candidates: number[] = [];
  const columnsOf: number[][] = [];
  const rowsOfColumn = new Map<number, number[]>();
  echelon.pivots.forEach((pivot, row) => {
    if (pivot < firstSmall) {
      return;
    }
    candidates.push(row);
    const cols: number[] = [];
    for (let col = firstSmall; col < weights.length; col += 1) {
      if (!isPivot[col] && echelon.rows[row][col] !== 0) {
        cols.push(col);
        const rows = rowsOfColumn.get(col);
        if (rows) {
          rows.push(row);
        } else {
          rowsOfColumn.set(col, [row]);
        }
      }
    }
    columnsOf[row] = cols;
  });
  // Rows sharing a column: a smallest combination takes rows that are connected this way (two
  // parts sharing no column would each be a smaller one).
  const neighbourCache: number[][] = [];
  const neighbours = (row: number): number[] => {
    if (neighbourCache[row]) {
      return neighbourCache[row];
    }
    const out: number[] = [];
    columnsOf[row].forEach((col) =>
      (rowsOfColumn.get(col) ?? []).forEach((other) => {
        if (other !== row && out.indexOf(other) < 0) {
          out.push(other);
        }
      })
    );
    neighbourCache[row] = out;
    return out;
  };

  let steps = 0;
  const chosen: number[] = [];
  let leak: Leak | undefined;

  const classesOf = (cols: readonly number[]): number[] => cols.map((col) => order[col]);
  /** The input rows a combination of the chosen echelon rows takes (all they touch when undecided). */
  const groupsOf = (coefficients: readonly number[] | undefined): number[] => {
    const total = new Float64Array(members.length);
    chosen.forEach((row, i) => {
      const combination = echelon.combinations[row];
      const c = coefficients ? coefficients[i] : 1;
      for (let g = 0; g < total.length; g += 1) {
        if (combination[g] !== 0) {
          total[g] = coefficients ? (total[g] + mulmod(c, combination[g])) % PRIME : 1;
        }
      }
    });
    const out: number[] = [];
    total.forEach((value, g) => {
      if (value !== 0) {
        out.push(g);
      }
    });
    return out;
  };
  const found = (cols: readonly number[], coefficients: readonly number[] | undefined, undecided: boolean): boolean => {
    leak = { found: true, classes: classesOf(chosen.map((row) => echelon.pivots[row]).concat(cols)), groups: groupsOf(coefficients), undecided };
    return true;
  };

  /** Whether the chosen rows have a nonzero combination weighing at most `budget` off their pivots. */
  const test = (budget: number): boolean => {
    const others: number[] = [];
    const seen = new Set<number>();
    chosen.forEach((row) =>
      columnsOf[row].forEach((col) => {
        if (!seen.has(col)) {
          seen.add(col);
          others.push(col);
        }
      })
    );
    const total = others.reduce((sum, col) => sum + weightAt(col), 0);
    if (chosen.length === 1) {
      return total <= budget && found(others, [1], false);
    }
    const columns = others.map((col) => chosen.map((row) => echelon.rows[row][col]));
    if (chosen.length === 2) {
      // c = (c1, c2) cancels column j when c1·a + c2·b = 0: one direction per column; the best c
      // cancels the heaviest direction.
      const byDirection = new Map<number, number>();
      let best = 0;
      let bestDirection = 0;
      columns.forEach(([a, b], at) => {
        const direction = a === 0 ? -1 : mulmod(b, invmod(a));
        const weight = (byDirection.get(direction) ?? 0) + weightAt(others[at]);
        byDirection.set(direction, weight);
        if (weight > best) {
          best = weight;
          bestDirection = direction;
        }
      });
      if (total - best > budget) {
        return false;
      }
      // Orthogonal to (a, b) with b = direction · a (or a = 0): c = (direction, −1), or (1, 0).
      const coefficients = bestDirection === -1 ? [1, 0] : [bestDirection, PRIME - 1];
      return found(others.filter((_, at) => (columns[at][0] * coefficients[0] + columns[at][1] * coefficients[1]) % PRIME !== 0), coefficients, false);
    }
    const dropped: number[] = [];
    const search = (from: number, left: number): boolean => {
      steps += 1;
      if (steps > SEARCH_BUDGET) {
        return found(others, undefined, true);
      }
      const kept = columns.filter((_, at) => dropped.indexOf(at) < 0);
      const coefficients = dependency(chosen.map((_, i) => kept.map((column) => column[i])));
      if (coefficients) {
        return found(dropped.map((at) => others[at]), coefficients, false);
      }
      for (let at = from; at < others.length; at += 1) {
        const weight = weightAt(others[at]);
        if (weight <= left) {
          dropped.push(at);
          const hit = search(at + 1, left - weight);
          dropped.pop();
          if (hit) {
            return true;
          }
        }
      }
      return false;
    };
    return search(0, budget);
  };

  // Connected sets of rows, each once (Wernicke's ESU), anchored at their first row, pivots
  // weighing less than the minimum together.
  const place: number[] = [];
  candidates.forEach((row, at) => {
    place[row] = at;
  });
  // Smaller sets first (most leaks take two or three groups): each size is a pass of its own.
  const extend = (anchor: number, extension: readonly number[], pivotWeight: number, size: number): boolean => {
    for (let at = 0; at < extension.length; at += 1) {
      const row = extension[at];
      const weight = pivotWeight + weightAt(echelon.pivots[row]);
      if (weight >= minimum) {
        continue;
      }
      steps += 1;
      if (steps > SEARCH_BUDGET) {
        chosen.push(row);
        return found([], undefined, true);
      }
      chosen.push(row);
      let hit: boolean;
      if (chosen.length === size) {
        hit = test(minimum - 1 - weight);
      } else {
        const next = extension.slice(at + 1);
        neighbours(row).forEach((other) => {
          if (place[other] > place[anchor] && chosen.indexOf(other) < 0 && next.indexOf(other) < 0 && !chosen.some((member) => member !== row && neighbours(member).indexOf(other) >= 0)) {
            next.push(other);
          }
        });
        hit = extend(anchor, next, weight, size);
      }
      chosen.pop();
      if (hit) {
        return true;
      }
    }
    return false;
  };
  const lightest = candidates.reduce((least, row) => Math.min(least, weightAt(echelon.pivots[row])), minimum);
  let hit = false;
  for (let size = 1; size * lightest < minimum && !hit; size += 1) {
    for (let at = 0; at < candidates.length && !hit; at += 1) {
      hit = extend(candidates[at], [candidates[at]], 0, size);
    }
  }
  return leak ?? { found: false };
}
