import { format, formatCount, pluralCategory } from './format';

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

describe('formatCount', () => {
  const days = { one: '{0} day', other: '{0} days' };
  const dagen = { one: '{0} dag', other: '{0} dagen' };
  const dagar = { one: '{0} dag', other: '{0} dagar' };

  it.each([
    ['en-us', 1, days, '1 day'],
    ['en-us', 0, days, '0 days'],
    ['en-us', 5, days, '5 days'],
    ['en-us', 1.5, days, '1.5 days'],
    ['nl-nl', 1, dagen, '1 dag'],
    ['nl-nl', 2, dagen, '2 dagen'],
    ['sv-se', 1, dagar, '1 dag'],
    ['sv-se', 21, dagar, '21 dagar']
  ])('%s: %d', (locale, count, forms, expected) => {
    expect(formatCount(locale, count, forms)).toBe(expected);
  });

  it('fills the further placeholders after the count', () => {
    expect(formatCount('en-us', 1, { one: '{0} year in {1}', other: '{0} years in {1}' }, '5 days')).toBe('1 year in 5 days');
  });

  it('falls back to one for 1 and other for the rest when the locale is not a language tag', () => {
    expect(formatCount('', 1, days)).toBe('1 day');
    expect(formatCount('not a tag!', 3, days)).toBe('3 days');
  });

  it('falls back to one for 1 and other for the rest in a browser without Intl.PluralRules', () => {
    const intl = Intl as unknown as { PluralRules?: unknown };
    const platform = intl.PluralRules;
    intl.PluralRules = undefined;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const isolated = require('./format') as typeof import('./format');
        expect(isolated.formatCount('nl-nl', 1, dagen)).toBe('1 dag');
        expect(isolated.formatCount('nl-nl', 0, dagen)).toBe('0 dagen');
      });
    } finally {
      intl.PluralRules = platform;
    }
  });

  it('reads a category beyond one and other as other', () => {
    // Polish says "2 dni" (few) and "5 dni" (many); the loc files carry one and other only.
    expect(pluralCategory('pl', 2)).toBe('other');
    expect(pluralCategory('pl', 1)).toBe('one');
  });
});
