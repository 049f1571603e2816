import { changeOf, tCritical, trendOf } from './change';
import type { MeasureValue } from './figures';

function leadership(mean: number, sd: number, n: number): MeasureValue {
  return { id: 'leadership', mean, sd, n, value: ((mean - 1) / 4) * 100 };
}

describe('change since the last round', () => {
  it('uses Student’s t for small groups and 1.96 for large ones', () => {
    expect(tCritical(4)).toBeCloseTo(2.776);
    expect(tCritical(500)).toBe(1.96);
  });

  it('calls half a point within noise for groups of 5 and more than noise for groups of 60', () => {
    expect(changeOf(leadership(3.2, 0.9, 5), leadership(3.7, 0.9, 5))?.direction).toBe('withinNoise');
    expect(changeOf(leadership(3.2, 0.9, 60), leadership(3.7, 0.9, 60))?.direction).toBe('up');
    const down = changeOf(leadership(3.7, 0.9, 60), leadership(3.2, 0.9, 60));
    expect(down?.direction).toBe('down');
    expect(down?.deltaValue).toBeCloseTo(-12.5);
  });

  it('shows no change where either round withheld the figure', () => {
    expect(changeOf({ id: 'leadership', withheld: 'tooFew' }, leadership(3, 1, 9))).toBeUndefined();
    expect(changeOf(undefined, leadership(3, 1, 9))).toBeUndefined();
  });

  it('leaves gaps in the trend where a round withheld the figure', () => {
    expect(trendOf([{ roundId: 1, measure: leadership(3, 1, 9) }, { roundId: 2, measure: { id: 'leadership', withheld: 'protectsAnother' } }])).toEqual([{ roundId: 1, value: 50 }, { roundId: 2 }]);
  });
});
