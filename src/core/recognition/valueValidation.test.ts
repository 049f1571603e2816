import type { RecognitionValue } from '../models/values';
import { formOf, suggestKey, validateValue } from './valueValidation';

const SAFETY: RecognitionValue = { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: { 'nl-nl': { name: 'Veiligheid', description: 'd' } }, isActive: true };

describe('value validation', () => {
  const base = { ...formOf(undefined, 6), title: 'Keeping the line running', valueKey: 'line-running' };

  it('accepts a complete value and builds the draft with translations', () => {
    const result = validateValue({ ...base, color: '#AA3300', translations: { 'nl-nl': { name: ' Lijn draaiend houden ', description: '' }, 'sv-se': { name: '', description: '' } } }, [SAFETY]);
    expect(result).toEqual({
      ok: true,
      draft: {
        valueKey: 'line-running',
        title: 'Keeping the line running',
        color: '#aa3300',
        sortOrder: 6,
        isActive: true,
        translations: { 'en-us': { name: 'Keeping the line running', description: '' }, 'nl-nl': { name: 'Lijn draaiend houden', description: '' }, 'sv-se': undefined }
      }
    });
  });

  it.each([
    [{ title: '  ' }, 'nameRequired'],
    [{ valueKey: '' }, 'keyRequired'],
    [{ valueKey: 'Team Spirit' }, 'keyFormat'],
    [{ valueKey: 'team_spirit' }, 'keyFormat'],
    [{ valueKey: 'safety' }, 'keyTaken'],
    [{ color: 'red' }, 'colourFormat'],
    [{ color: '#12345' }, 'colourFormat'],
    [{ sortOrder: 'x' }, 'orderInvalid'],
    [{ sortOrder: '-1' }, 'orderInvalid']
  ])('refuses %p with %s', (change, code) => {
    const result = validateValue({ ...base, ...change }, [SAFETY]);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([code]);
  });

  it('lets a value keep its own key when edited', () => {
    expect(validateValue(formOf(SAFETY, 0), [SAFETY], 1).ok).toBe(true);
  });

  it('suggests keys from names', () => {
    expect(suggestKey('Hjälpa en kollega!')).toBe('hjalpa-en-kollega');
  });
});
