import { atLeast, isQualified, levelAfterGrant, normaliseStation, parseGrants } from './levels';

describe('ILUO levels', () => {
  it('orders I < L < U < O, and qualifies U and O to cover a station', () => {
    expect(['I', 'L', 'U', 'O'].map((l) => isQualified(l as 'I'))).toEqual([false, false, true, true]);
    expect(isQualified(undefined)).toBe(false);
    expect(atLeast('O', 'U')).toBe(true);
    expect(atLeast('L', 'U')).toBe(false);
  });

  it('never lowers a valid level with a path that grants a lower one, and grants the level when none is held', () => {
    expect(levelAfterGrant('O', 'U')).toBe('O');
    expect(levelAfterGrant('L', 'U')).toBe('U');
    expect(levelAfterGrant(undefined, 'L')).toBe('L');
  });
});

describe('what a path grants', () => {
  it('reads stations and levels, skipping what is not one and a station named twice', () => {
    const stored = JSON.stringify([
      { station: 'GOT-PRESS1-P1', level: 'U' },
      { station: 'got-press1-p1', level: 'O' },
      { station: 'GOT-WELD2-R1', level: 'X' },
      { station: '', level: 'U' },
      'nonsense',
      { station: ' EIN-MOULD-M3 ', level: 'L' }
    ]);
    expect(parseGrants(stored)).toEqual({
      grants: [
        { station: 'GOT-PRESS1-P1', level: 'U' },
        { station: 'EIN-MOULD-M3', level: 'L' }
      ],
      skipped: [1, 2, 3, 4]
    });
  });

  it('reads an empty column as no grants, and broken JSON as one skipped entry', () => {
    expect(parseGrants('')).toEqual({ grants: [], skipped: [] });
    expect(parseGrants(undefined)).toEqual({ grants: [], skipped: [] });
    expect(parseGrants('[{')).toEqual({ grants: [], skipped: [0] });
    expect(parseGrants('{"station":"A","level":"U"}')).toEqual({ grants: [], skipped: [0] });
  });

  it('takes station codes up to 64 characters without control characters', () => {
    expect(normaliseStation('x'.repeat(64))).toHaveLength(64);
    expect(normaliseStation('x'.repeat(65))).toBeUndefined();
    expect(normaliseStation('A\u0000B')).toBeUndefined();
    expect(normaliseStation(42)).toBeUndefined();
  });
});
