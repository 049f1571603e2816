import { cellKey, CellKey, PLANT } from './cells';
import { cellSetOf, CellSet } from './cellSet';
import { complementaryWithheld, leakAmong } from './complementary';
import { largeEnough, thresholdsOf } from './minimumSize';
import { otherGroups } from './rollup';
import { subtractionWithheld } from './subtraction';
import { availabilityOf, changedSincePublished } from './watching';
import { CLOSED_ROUND } from './__fakes__/seededRound';

/** An atom key (site|line|crew|pattern|employment|tenure) with a number of respondents. */
function atoms(entries: [string, number][]): CellSet {
  return cellSetOf(new Map(entries));
}
const crew = (name: string): CellKey => cellKey([{ dimension: 'crew', value: name }]);
const line = cellKey([{ dimension: 'line', value: 'l' }]);

describe('minimum group size', () => {
  it('reads the round’s locked thresholds, never below 5 and 10', () => {
    expect(thresholdsOf(CLOSED_ROUND)).toEqual({ minGroupSize: 5, minCommentGroupSize: 10 });
    expect(thresholdsOf({ ...CLOSED_ROUND, minGroupSize: 3, minCommentGroupSize: 2 })).toEqual({ minGroupSize: 5, minCommentGroupSize: 10 });
    expect(thresholdsOf({ ...CLOSED_ROUND, minGroupSize: 12, minCommentGroupSize: 10 })).toEqual({ minGroupSize: 12, minCommentGroupSize: 12 });
    expect(largeEnough(4, 5)).toBe(false);
    expect(largeEnough(5, 5)).toBe(true);
  });
});

describe('no subtraction', () => {
  const set = atoms([
    ['s|l|a|p|employee|1-3', 6],
    ['s|l|b|p|employee|1-3', 2]
  ]);

  it('withholds a group 1 to minimum − 1 short of a released group holding it', () => {
    expect(subtractionWithheld(set, [PLANT, line, crew('a')], 5)).toEqual([crew('a')]);
  });

  it('lets a group equal to its parent, or short by the minimum, pass', () => {
    const equal = atoms([['s|l|a|p|employee|1-3', 6]]);
    expect(subtractionWithheld(equal, [PLANT, line, crew('a')], 5)).toEqual([]);
    const apart = atoms([
      ['s|l|a|p|employee|1-3', 6],
      ['s|l|b|p|employee|1-3', 5]
    ]);
    expect(subtractionWithheld(apart, [PLANT, line, crew('a'), crew('b')], 5)).toEqual([]);
  });
});

describe('complementary suppression', () => {
  it('withholds a sibling when the parent less its shown children is a small group', () => {
    // Line: crews a (6), b (7), c (3, withheld as too few): line − a − b = c.
    const set = atoms([
      ['s|l|a|p|employee|1-3', 6],
      ['s|l|b|p|employee|1-3', 7],
      ['s|l|c|p|employee|1-3', 3]
    ]);
    const shown = [line, crew('a'), crew('b')];
    expect(leakAmong(set, shown, 5).found).toBe(true);
    const withheld = complementaryWithheld(set, shown, 5);
    expect(withheld).toHaveLength(1);
    expect(leakAmong(set, shown.filter((c) => withheld.indexOf(c) < 0), 5).found).toBe(false);
  });

  it('catches slicing by two filters', () => {
    // Site a: employees 8, agency 2; site b: employees 9, agency 6. Released: plant, site a,
    // agency, site b × agency, a × employee → site a − a × employee = a × agency (2).
    const set = atoms([
      ['a|x|c1|p|employee|1-3', 8],
      ['a|x|c1|p|agency|1-3', 2],
      ['b|y|c2|p|employee|1-3', 9],
      ['b|y|c2|p|agency|1-3', 6]
    ]);
    const siteA = cellKey([{ dimension: 'site', value: 'a' }]);
    const aEmployees = cellKey([{ dimension: 'site', value: 'a' }, { dimension: 'employmentType', value: 'employee' }]);
    const withheld = complementaryWithheld(set, [PLANT, siteA, aEmployees], 5);
    expect(withheld).toEqual([aEmployees]);
  });
});

describe('roll-up', () => {
  it('shows withheld crews together as the line’s other group when they reach the minimum', () => {
    const set = atoms([
      ['s|l|a|p|employee|1-3', 6],
      ['s|l|b|p|employee|1-3', 3],
      ['s|l|c|p|employee|1-3', 3]
    ]);
    const others = otherGroups(set, new Set([PLANT, line, crew('a')]), 5).filter((o) => o.parent === line);
    expect(others).toEqual([expect.objectContaining({ key: `other:crew:${line}`, dimension: 'crew', respondents: 6 })]);
    expect(otherGroups(set, new Set([PLANT, line]), 5).filter((o) => o.parent === line)).toEqual([]);
  });
});

describe('no watching', () => {
  const now = new Date('2026-03-10T00:00:00Z');
  it('gives results only for a closed round (or one whose time is up) whose closing run is done, counts while open', () => {
    expect(availabilityOf(CLOSED_ROUND, now)).toBe('results');
    expect(availabilityOf({ ...CLOSED_ROUND, status: 'open', closingRunDone: false }, now)).toBe('participation');
    expect(availabilityOf({ ...CLOSED_ROUND, status: 'open' }, new Date('2026-03-15T00:00:00Z'))).toBe('results');
    expect(availabilityOf({ ...CLOSED_ROUND, status: 'scheduled' }, now)).toBe('nothing');
    expect(availabilityOf({ ...CLOSED_ROUND, thresholdsLocked: false }, now)).toBe('nothing');
  });

  it('does not publish the instant the round closes: counts only until the caller says the closing run is done', () => {
    const { closingRunDone, ...unsaid } = { ...CLOSED_ROUND, status: 'open' as const };
    expect(closingRunDone).toBe(true);
    const after = new Date('2026-03-15T00:00:00Z');
    expect(availabilityOf(unsaid, after)).toBe('participation');
    expect(availabilityOf({ ...unsaid, status: 'closed' }, after)).toBe('participation');
    expect(availabilityOf({ ...unsaid, closingRunDone: false }, after)).toBe('participation');
    expect(availabilityOf({ ...unsaid, closingRunDone: true }, after)).toBe('results');
    // A closing run reported done before the time is up does not open the results early.
    expect(availabilityOf({ ...unsaid, closingRunDone: true }, now)).toBe('participation');
  });

  it('names the published cells whose counts changed', () => {
    expect(changedSincePublished({ plant: 20, 'site=a': 10 }, { plant: 20, 'site=a': 10 })).toEqual([]);
    expect(changedSincePublished({ plant: 20, 'site=a': 10 }, { plant: 21, 'site=a': 10 })).toEqual(['plant']);
    expect(changedSincePublished({ plant: 20 }, { plant: 20, 'site=b': 6 })).toEqual(['site=b']);
  });
});
