import { findLeak, invmod, PRIME, rankMod, reducedEchelon } from './leakSearch';

describe('modular arithmetic', () => {
  it('inverts residues', () => {
    [1, 2, 3, 12345, PRIME - 1].forEach((a) => expect((a * invmod(a)) % PRIME).toBe(1));
  });

  it('finds ranks, dependent rows included', () => {
    expect(rankMod([[1, 0], [0, 1], [1, 1]])).toBe(2);
    expect(rankMod([[1, 1, 0], [0, 1, 1], [1, 0, PRIME - 1]])).toBe(2);
    expect(rankMod([])).toBe(0);
  });

  it('drops a row that is the difference of two others', () => {
    expect(reducedEchelon([[0, 1, 2], [0], [1, 2]], 3).pivots).toEqual([0, 1]);
  });

  it('reduces to row echelon form with a 1 at each pivot and zeros above and below', () => {
    const echelon = reducedEchelon([[0, 1, 2], [0], [2]], 3);
    expect(echelon.pivots).toEqual([0, 1, 2]);
    echelon.rows.forEach((row, r) => echelon.pivots.forEach((pivot, p) => expect(row[pivot]).toBe(r === p ? 1 : 0)));
  });
});

describe('findLeak', () => {
  // Classes are given by weight (respondents); rows list the classes a released group holds.
  it('finds a group released below the minimum', () => {
    expect(findLeak([[0]], [3], 5)).toMatchObject({ found: true, classes: [0], undecided: false });
    expect(findLeak([[0]], [5], 5).found).toBe(false);
  });

  it('finds a parent less a child (subtraction)', () => {
    // Line = crew A (6) + the rest (2); line and crew A released.
    const leak = findLeak([[0, 1], [0]], [6, 2], 5);
    expect(leak).toMatchObject({ found: true, classes: [1] });
  });

  it('finds a parent less several released siblings', () => {
    // Line = crews of 6, 7 and 3; the line and the two large crews released.
    expect(findLeak([[0, 1, 2], [0], [1]], [6, 7, 3], 5)).toMatchObject({ found: true, classes: [2] });
  });

  it('finds two filters crossed: margins of a 2 × 2 table with one small cell', () => {
    // Classes: site A ∩ agency (2), A ∩ employee (8), B ∩ agency (6), B ∩ employee (9).
    // Released: plant, site A, agency, and A ∩ employee: A − (A ∩ employee) = A ∩ agency.
    const members = [[0, 1, 2, 3], [0, 1], [0, 2], [1]];
    expect(findLeak(members, [2, 8, 6, 9], 5)).toMatchObject({ found: true, classes: [0] });
  });

  it('finds a combination of several rows that cancels out everything but a small set', () => {
    // x = a + b, y = b + c, z = a + c + d with a, b, c large and d small: z − x + y − 2c … the
    // search must find x − y − z + 2·(c)… only when c itself is released: rows x, y, z, c.
    const members = [[0, 1], [1, 2], [0, 2, 3], [2]];
    expect(findLeak(members, [9, 9, 9, 1], 5)).toMatchObject({ found: true, classes: [3] });
    // Without c released, z − x + y = 2c + d: touches c (9): no leak.
    expect(findLeak(members.slice(0, 3), [9, 9, 9, 1], 5).found).toBe(false);
  });

  it('finds differences of small classes whose weights add up below the minimum', () => {
    // Two small classes (2 and 2) that only appear together with a large one, in two groups.
    // g1 = L + s1, g2 = L + s2: g1 − g2 = s1 − s2 touches 4 respondents.
    expect(findLeak([[0, 1], [0, 2]], [10, 2, 2], 5)).toMatchObject({ found: true });
    expect(findLeak([[0, 1], [0, 2]], [10, 3, 2], 5).found).toBe(false);
  });

  it('lets crossing groups pass when every combination touches enough respondents', () => {
    // Site A, agency and the plant, with A ∩ agency of 3: no combination isolates it.
    const members = [[0, 1, 2, 3], [0, 1], [0, 2]];
    expect(findLeak(members, [3, 8, 6, 9], 5).found).toBe(false);
  });
});
