import { atomKey, atomRespondent, cellKey, cellsOf, FILTER_PAIRS, isAcceptedCombination, parseCellKey, PLANT, respondentOf } from './cells';

const groups = { site: 'got', line: 'got-weld2', crew: 'team-a', employmentType: 'agency' as const, tenureBand: 'under-1' as const, groupKey: 'got/weld2/team-a' };

describe('cells', () => {
  it('keys cells by their filters in dimension order, and parses them back', () => {
    const key = cellKey([{ dimension: 'employmentType', value: 'agency' }, { dimension: 'line', value: 'got-weld2' }]);
    expect(key).toBe('line=got-weld2&employmentType=agency');
    expect(parseCellKey(key)).toEqual([{ dimension: 'line', value: 'got-weld2' }, { dimension: 'employmentType', value: 'agency' }]);
    expect(cellKey([])).toBe(PLANT);
    expect(parseCellKey(cellKey([{ dimension: 'crew', value: 'a&b=c' }]))).toEqual([{ dimension: 'crew', value: 'a&b=c' }]);
  });

  it('accepts the plant, one filter, or a listed pair, and nothing else', () => {
    expect(isAcceptedCombination([])).toBe(true);
    expect(isAcceptedCombination(['crew'])).toBe(true);
    expect(isAcceptedCombination(['tenureBand', 'site'])).toBe(true);
    expect(isAcceptedCombination(['crew', 'employmentType'])).toBe(false);
    expect(isAcceptedCombination(['site', 'line'])).toBe(false);
    expect(isAcceptedCombination(['site', 'employmentType', 'tenureBand'])).toBe(false);
    expect(parseCellKey('crew=a&employmentType=agency')).toBeUndefined();
    expect(parseCellKey('colour=red')).toBeUndefined();
    expect(parseCellKey('employmentType=agency&line=x')).toBeUndefined();
  });

  it('puts a respondent in the plant, six single cells and every accepted pair', () => {
    const respondent = respondentOf(groups, { 'team-a': 'rotation-1' });
    expect(respondent.shiftPattern).toBe('rotation-1');
    expect(respondentOf(groups, undefined).shiftPattern).toBe('unknown');
    const cells = cellsOf(respondent);
    expect(cells).toHaveLength(1 + 6 + FILTER_PAIRS.length);
    expect(cells).toContain('site=got&shiftPattern=rotation-1');
    expect(cells).toContain('employmentType=agency&tenureBand=under-1');
  });

  it('round-trips atoms, values with separators included', () => {
    const respondent = { ...respondentOf(groups, undefined), crew: 'a|b%c' };
    expect(atomRespondent(atomKey(respondent))).toEqual(respondent);
  });
});
