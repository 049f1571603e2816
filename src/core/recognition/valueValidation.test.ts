import type { RecognitionValue } from '../models/values';
import { MAX_MESSAGE_LENGTH } from './compose';
import { formOf, suggestKey, suggestionLines, validateValue } from './valueValidation';

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

  it('keeps suggested lines per language, one a line, as they are sent; blank lines only separate', () => {
    const result = validateValue(
      {
        ...base,
        translations: { 'nl-nl': { name: '', description: '' }, 'sv-se': { name: 'Säkerhet', description: '' } },
        suggestions: { 'en-us': ' Caught a defect before it left the line \n\n  Stopped the batch\twhen the label was wrong\r\n', 'nl-nl': 'Hield een fout tegen', 'sv-se': '' }
      },
      [SAFETY]
    );
    expect(result.ok && result.draft.translations).toEqual({
      'en-us': { name: 'Keeping the line running', description: '', suggestions: ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'] },
      // No Dutch name: Dutch readers see the English name and their own lines.
      'nl-nl': { name: '', description: '', suggestions: ['Hield een fout tegen'] },
      'sv-se': { name: 'Säkerhet', description: '' }
    });
  });

  it('refuses a suggested line that shows nothing or is longer than a message, naming the line, and more lines than are offered', () => {
    expect(suggestionLines('Fine\n\u200B\n' + 'x'.repeat(MAX_MESSAGE_LENGTH + 1), 'nl-nl').errors).toEqual([
      { code: 'suggestionEmpty', field: 'suggestions:nl-nl', detail: '2' },
      { code: 'suggestionTooLong', field: 'suggestions:nl-nl', detail: '3' }
    ]);
    expect(suggestionLines('x'.repeat(MAX_MESSAGE_LENGTH), 'en-us').errors).toEqual([]);
    expect(suggestionLines(['1', '2', '3', '4', '5', '6', '7'].join('\n'), 'sv-se').errors).toEqual([{ code: 'suggestionsTooMany', field: 'suggestions:sv-se', detail: '6' }]);
    const result = validateValue({ ...base, suggestions: { 'en-us': '\u0007\u200B' } }, [SAFETY]);
    expect(result.ok ? [] : result.errors).toEqual([{ code: 'suggestionEmpty', field: 'suggestions:en-us', detail: '1' }]);
  });

  it('opens a stored value with its lines, one a line, in every language', () => {
    const stored: RecognitionValue = {
      ...SAFETY,
      translations: { 'en-us': { name: 'Safety', description: '', suggestions: ['Cleared the walkway', 'Stopped the line'] }, 'sv-se': { name: 'Säkerhet', description: '', suggestions: ['Röjde gången'] } }
    };
    expect(formOf(stored, 0).suggestions).toEqual({ 'en-us': 'Cleared the walkway\nStopped the line', 'nl-nl': '', 'sv-se': 'Röjde gången' });
    expect(validateValue(formOf(stored, 0), [stored], 1).ok).toBe(true);
  });

  it('suggests keys from names', () => {
    expect(suggestKey('Hjälpa en kollega!')).toBe('hjalpa-en-kollega');
  });
});
