import type { RecognitionValue } from '../models/values';
import { activeValues, untranslatedLanguages, valueDescription, valueName } from './values';

function value(overrides: Partial<RecognitionValue>): RecognitionValue {
  return { id: 1, valueKey: 'safety', title: 'Safety', description: 'Kept someone safe', sortOrder: 1, isActive: true, translations: {}, ...overrides };
}

describe('values as people read them', () => {
  const safety = value({
    translations: { 'nl-nl': { name: 'Veiligheid', description: 'Iemand veilig gehouden' }, sv: { name: 'Säkerhet', description: '' } }
  });

  it('names a value in the reader’s language, then the same language, then English', () => {
    expect(valueName(safety, 'nl-nl')).toBe('Veiligheid');
    expect(valueName(safety, 'sv-se')).toBe('Säkerhet');
    expect(valueName(safety, 'de-de')).toBe('Safety');
  });

  it('finds a translation kept under another tag of the same language (nl-be for a Dutch reader)', () => {
    const belgian = value({ translations: { 'nl-be': { name: 'Veiligheid', description: 'Iemand veilig gehouden' } } });
    expect(valueName(belgian, 'nl-nl')).toBe('Veiligheid');
    expect(valueDescription(belgian, 'nl-nl')).toBe('Iemand veilig gehouden');
  });

  it('takes a blank translated name as missing', () => {
    expect(valueName(value({ translations: { 'nl-nl': { name: '  ', description: '' } } }), 'nl-nl')).toBe('Safety');
  });

  it('describes a value in the reader’s language, else in English', () => {
    expect(valueDescription(safety, 'nl-nl')).toBe('Iemand veilig gehouden');
    expect(valueDescription(safety, 'sv-se')).toBe('Kept someone safe');
  });

  it('finds the languages whose readers would see the value in English', () => {
    // Swedish has a name but no description while the English has one: the description shows in English.
    expect(untranslatedLanguages(safety, ['nl-nl', 'sv-se'])).toEqual(['sv-se']);
    expect(untranslatedLanguages(value({ description: undefined, translations: { sv: { name: 'Säkerhet', description: '' } } }), ['nl-nl', 'sv-se'])).toEqual(['nl-nl']);
    expect(untranslatedLanguages(value({ translations: { 'nl-be': { name: 'Veiligheid', description: 'Iemand veilig gehouden' }, 'sv-se': { name: ' ', description: 'x' } } }), ['nl-nl', 'sv-se'])).toEqual([
      'sv-se'
    ]);
  });

  it('lists the active values in HR’s order', () => {
    const list = [value({ valueKey: 'b', title: 'B', sortOrder: 2 }), value({ valueKey: 'off', isActive: false, sortOrder: 0 }), value({ valueKey: 'a', title: 'A', sortOrder: 2 })];
    expect(activeValues(list).map((v) => v.valueKey)).toEqual(['a', 'b']);
  });
});
