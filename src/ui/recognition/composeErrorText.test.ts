import * as path from 'path';

import { loadAmdStrings } from '../../../test/support/sources';
import { composeRecognition, type RecipientRef } from '../../core/recognition/compose';
import type { RecognitionValue } from '../../core/models/values';
import { charactersLeftText, composeErrorText, type ComposeErrorStrings, controlCharactersRemovedText } from './composeErrorText';

function shared(locale: string): IRecognitionSharedStrings {
  return loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as IRecognitionSharedStrings;
}

describe('counted compose words', () => {
  it.each([
    ['en-us', '1 character left; emoji count as two.', '2 characters left; emoji count as two.'],
    ['nl-nl', 'Nog 1 teken; een emoji telt als twee.', 'Nog 2 tekens; een emoji telt als twee.'],
    ['sv-se', '1 tecken kvar; en emoji räknas som två.', '2 tecken kvar; en emoji räknas som två.']
  ])('%s: characters left, one and other', (locale, one, other) => {
    expect(charactersLeftText(1, locale, shared(locale))).toBe(one);
    expect(charactersLeftText(2, locale, shared(locale))).toBe(other);
  });

  it('says one control character in the singular', () => {
    expect(controlCharactersRemovedText(1, 'en-us')).toMatch(/^Removed 1 invisible control character \(it came/);
    expect(controlCharactersRemovedText(3, 'en-us')).toMatch(/^Removed 3 invisible control characters \(they come/);
    expect(controlCharactersRemovedText(0, 'en-us')).toBeUndefined();
  });

  it('counts a limit with the plural rules and keeps a name as it is', () => {
    const strings = shared('nl-nl') as ComposeErrorStrings;
    expect(composeErrorText({ code: 'messageTooLong', field: 'message', detail: '1' }, 'nl-nl', strings)).toBe(
      'Houd het bericht op maximaal 1 teken; een emoji telt als twee.'
    );
    expect(composeErrorText({ code: 'messageTooLong', field: 'message', detail: '1000' }, 'nl-nl', strings)).toBe(
      'Houd het bericht op maximaal 1000 tekens; een emoji telt als twee.'
    );
    expect(composeErrorText({ code: 'recipientUnknown', field: 'recipients', detail: '1' }, 'nl-nl', strings)).toBe(
      '1 staat niet meer in de adreslijst. Verwijder deze persoon en kies iemand anders.'
    );
  });

  it('names a value HR switched off in the reader’s language', () => {
    const off: RecognitionValue = {
      id: 1,
      valueKey: 'safety',
      title: 'Safety',
      sortOrder: 1,
      isActive: false,
      translations: { 'sv-se': { name: 'Säkerhet', description: '' } }
    };
    const recipient: RecipientRef = { siteUserId: 7, displayName: 'Bo Ek', exists: true };
    const result = composeRecognition(
      { recipients: [recipient], valueKey: 'safety', message: 'Tack!', visibility: 'everyone' },
      { giverId: 1, values: [off], requestId: 'r-1', siteCode: 'GOT', locale: 'sv-se' }
    );
    expect(result.ok).toBe(false);
    const inactive = result.ok ? undefined : result.errors.find((e) => e.code === 'valueInactive');
    expect(composeErrorText(inactive!, 'sv-se', shared('sv-se') as ComposeErrorStrings)).toBe('HR har stängt av "Säkerhet". Välj en annan värdering.');
  });
});
