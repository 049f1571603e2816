import * as strings from 'RecognitionAdminWebPartStrings';

import type { RecognitionValue } from '../../../core/models/values';
import { untranslatedLanguages } from '../../../core/recognition/values';
import { EDITED_LANGUAGES, type ValueErrorCode } from '../../../core/recognition/valueValidation';
import { storeErrorSentence } from '../../../ui/recognition/storeErrorText';

/**
 * A store failure in the words every part uses, with one override: in HR's admin part,
 * SharePoint refusing (a write, or the moderation queue) means the person is not in HR's group.
 */
export function failureText(error: unknown): string {
  return storeErrorSentence(error, { accessDenied: strings.NeedHrRights });
}

export const VALUE_ERROR_TEXT: Record<ValueErrorCode, string> = {
  nameRequired: strings.ErrorNameRequired,
  nameTooLong: strings.ErrorNameTooLong,
  keyRequired: strings.ErrorKeyRequired,
  keyFormat: strings.ErrorKeyFormat,
  keyTaken: strings.ErrorKeyTaken,
  colourFormat: strings.ErrorColourFormat,
  orderInvalid: strings.ErrorOrderInvalid,
  suggestionEmpty: strings.ErrorSuggestionEmpty,
  suggestionTooLong: strings.ErrorSuggestionTooLong,
  suggestionsTooMany: strings.ErrorSuggestionsTooMany
};

const MISSING_TEXT: Record<(typeof EDITED_LANGUAGES)[number], string> = {
  'nl-nl': strings.MissingDutch,
  'sv-se': strings.MissingSwedish
};

/**
 * HR's warning for a value some readers would see in English (no name, or no description where
 * the English has one, in Dutch or Swedish): one sentence per language; empty when none.
 */
export function untranslatedText(value: Pick<RecognitionValue, 'description' | 'translations'>): string[] {
  return untranslatedLanguages(value, EDITED_LANGUAGES).map((language) => MISSING_TEXT[language as (typeof EDITED_LANGUAGES)[number]]);
}
