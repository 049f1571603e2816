import { format } from './format';

describe('format', () => {
  it('fills numbered placeholders in any order', () => {
    expect(format('{1} van {0}', 5, 2)).toBe('2 van 5');
  });

  it('keeps a placeholder that has no value', () => {
    expect(format('{0} and {1}', 'a')).toBe('a and {1}');
  });

  it('does not treat values as templates', () => {
    expect(format('{0}', '{1}', 'x')).toBe('{1}');
  });
});
