import { adminWords } from './adminWords';

/** Every text of a words table, with its path. */
function texts(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') {
    return [[at, value]];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => texts(inner, at ? `${at}.${key}` : key));
}

describe('adminWords', () => {
  const en = texts(adminWords('en-us'));

  it.each(['nl-nl', 'sv-se'])('has every word in %s, none blank, and every rule and refusal in its own words', (locale) => {
    const words = new Map(texts(adminWords(locale)));
    expect([...words.keys()].sort()).toEqual(en.map(([key]) => key).sort());
    expect([...words].filter(([, text]) => text.trim() === '')).toEqual([]);
    const untranslated = en.filter(([key, text]) => (key.startsWith('form.') || key.startsWith('relay.') || key.startsWith('store.')) && words.get(key) === text);
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder of a text in every language', () => {
    const placeholders = (text: string): string[] => (text.match(/\{\d\}/g) ?? []).sort();
    for (const locale of ['nl-nl', 'sv-se']) {
      const words = new Map(texts(adminWords(locale)));
      expect(en.filter(([key, text]) => placeholders(text).join() !== placeholders(words.get(key) ?? '').join())).toEqual([]);
    }
  });

  it('falls back to English for a language it does not ship', () => {
    expect(adminWords('de-de').heading).toBe('Learning admin');
  });
});
