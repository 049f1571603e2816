import { wholeNumberIn } from './properties';

describe('wholeNumberIn', () => {
  it('reads stored values as whole numbers in range, and falls back on anything unusable', () => {
    expect(wholeNumberIn('7', 1, 14, 3)).toBe(7);
    expect(wholeNumberIn(6.6, 1, 14, 3)).toBe(7);
    expect(wholeNumberIn(40, 1, 14, 3)).toBe(14);
    expect(wholeNumberIn(2, 5, 14, 3)).toBe(5);
    expect(wholeNumberIn(0, 1, 14, 3)).toBe(3);
    expect(wholeNumberIn('lots', 1, 14, 3)).toBe(3);
    expect(wholeNumberIn(undefined, 1, 14, 3)).toBe(3);
  });
});
