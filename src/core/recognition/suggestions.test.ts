import type { RecognitionValue } from '../models/values';
import { MAX_MESSAGE_LENGTH } from './compose';
import { MAX_SUGGESTIONS, valueSuggestions } from './suggestions';

function value(translations: RecognitionValue['translations']): RecognitionValue {
  return { id: 1, valueKey: 'quality', title: 'Quality', sortOrder: 1, isActive: true, translations };
}

const QUALITY = value({
  'en-us': { name: 'Quality', description: '', suggestions: ['Caught a defect before it left the line', 'Stopped the batch when the label was wrong'] },
  'nl-nl': { name: 'Kwaliteit', description: '', suggestions: ['Hield een fout tegen voordat die de lijn verliet'] },
  'sv-se': { name: 'Kvalitet', description: '' }
});

describe('suggested lines per value', () => {
  it('gives the lines of the reader’s language', () => {
    expect(valueSuggestions(QUALITY, 'nl-nl')).toEqual(['Hield een fout tegen voordat die de lijn verliet']);
    expect(valueSuggestions(QUALITY, 'en-us')).toHaveLength(2);
  });

  it('finds lines kept under another tag of the same language (nl-be for a Dutch reader, en-us for en-gb)', () => {
    expect(valueSuggestions(QUALITY, 'nl-be')).toEqual(['Hield een fout tegen voordat die de lijn verliet']);
    expect(valueSuggestions(QUALITY, 'en-gb')).toEqual(QUALITY.translations['en-us']?.suggestions);
  });

  it('falls back to English when the language has none, and never mixes languages', () => {
    expect(valueSuggestions(QUALITY, 'sv-se')).toEqual(['Caught a defect before it left the line', 'Stopped the batch when the label was wrong']);
    expect(valueSuggestions(QUALITY, 'de-de')).toEqual(['Caught a defect before it left the line', 'Stopped the batch when the label was wrong']);
  });

  it('gives none when neither the language nor English has any', () => {
    expect(valueSuggestions(value({ 'nl-nl': { name: 'Kwaliteit', description: '' } }), 'sv-se')).toEqual([]);
    expect(valueSuggestions(value({}), 'en-us')).toEqual([]);
    expect(valueSuggestions(undefined, 'en-us')).toEqual([]);
  });

  it('leaves out what cannot be sent as a line: not text, blank, invisible, too long, twice; and keeps one line each', () => {
    const handEdited = value({
      'en-us': {
        name: 'Quality',
        description: '',
        suggestions: [42, '  ', '\u200B', 'x'.repeat(MAX_MESSAGE_LENGTH + 1), ' Checked\tthe torque\u0007 twice ', 'Checked the torque twice', 'Line one\nline two'] as unknown as string[]
      }
    });
    expect(valueSuggestions(handEdited, 'en-us')).toEqual(['Checked the torque twice', 'Line one line two']);
  });

  it('takes a language whose lines are all unusable as having none', () => {
    expect(valueSuggestions(value({ 'nl-nl': { name: '', description: '', suggestions: ['  '] }, 'en-us': { name: 'Q', description: '', suggestions: ['Fixed it'] } }), 'nl-nl')).toEqual([
      'Fixed it'
    ]);
  });

  it('offers at most six', () => {
    const many = value({ 'en-us': { name: 'Quality', description: '', suggestions: Array.from({ length: 9 }, (_v, i) => `Line ${i}`) } });
    expect(valueSuggestions(many, 'en-us')).toHaveLength(MAX_SUGGESTIONS);
  });

  it('survives a translations entry that is not an object (a hand-edited list item)', () => {
    expect(valueSuggestions(value({ 'en-us': 'Quality' as unknown as { name: string; description: string } }), 'en-us')).toEqual([]);
  });
});
