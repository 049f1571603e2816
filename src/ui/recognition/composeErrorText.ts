/**
 * A composing problem (a code from the core) as a sentence in the reader's language, worded
 * the same in every part that lets people recognise.
 */
import * as shared from 'RecognitionSharedStrings';

import type { ComposeError, ComposeErrorCode } from '../../core/recognition/compose';
import { format, formatCount } from '../format';

export type ComposeErrorStrings = Pick<
  IRecognitionSharedStrings,
  | 'ErrorNoRecipient'
  | 'ErrorTooManyRecipients'
  | 'ErrorTooManyRecipientsOne'
  | 'ErrorSelfRecognition'
  | 'ErrorRecipientUnknown'
  | 'ErrorValueUnknown'
  | 'ErrorValueInactive'
  | 'ErrorMessageEmpty'
  | 'ErrorMessageTooLong'
  | 'ErrorMessageTooLongOne'
  | 'ErrorImpactTooLong'
  | 'ErrorImpactTooLongOne'
  | 'ErrorFieldTooLong'
  | 'ErrorCrewUnknown'
>;

const KEYS: Record<ComposeErrorCode, keyof ComposeErrorStrings> = {
  noRecipient: 'ErrorNoRecipient',
  tooManyRecipients: 'ErrorTooManyRecipients',
  selfRecognition: 'ErrorSelfRecognition',
  recipientUnknown: 'ErrorRecipientUnknown',
  valueUnknown: 'ErrorValueUnknown',
  valueInactive: 'ErrorValueInactive',
  messageEmpty: 'ErrorMessageEmpty',
  messageTooLong: 'ErrorMessageTooLong',
  impactTooLong: 'ErrorImpactTooLong',
  fieldTooLong: 'ErrorFieldTooLong',
  crewUnknown: 'ErrorCrewUnknown'
};

/** The codes whose `detail` is a count (a limit): their words have a `one` form (`…One`) too. */
const COUNTED_KEYS: Partial<Record<ComposeErrorCode, keyof ComposeErrorStrings>> = {
  tooManyRecipients: 'ErrorTooManyRecipientsOne',
  messageTooLong: 'ErrorMessageTooLongOne',
  impactTooLong: 'ErrorImpactTooLongOne'
};

/**
 * `detail` (a name, a limit) fills the sentence's {0}; a limit is counted with the plural rules
 * of `locale`, the page's language. `strings`: the shared words unless given.
 */
export function composeErrorText(error: ComposeError, locale: string, strings: ComposeErrorStrings = shared): string {
  const other = strings[KEYS[error.code]];
  const oneKey = COUNTED_KEYS[error.code];
  const count = Number(error.detail);
  if (oneKey !== undefined && error.detail !== undefined && error.detail.trim() !== '' && isFinite(count)) {
    return formatCount(locale, count, { one: strings[oneKey], other });
  }
  return format(other, error.detail ?? '');
}

/** The problems of one field, in one line; undefined when it has none. */
export function fieldErrorText(
  errors: readonly ComposeError[],
  field: ComposeError['field'],
  locale: string,
  strings?: ComposeErrorStrings
): string | undefined {
  const found = errors.filter((e) => e.field === field).map((e) => composeErrorText(e, locale, strings));
  return found.length > 0 ? found.join(' ') : undefined;
}

/** A text field's counter: what is left, counted as SharePoint counts (an emoji is two), and saying so. */
export function charactersLeftText(
  left: number,
  locale: string,
  strings: Pick<IRecognitionSharedStrings, 'CharactersLeft' | 'CharactersLeftOne'> = shared
): string {
  return formatCount(locale, left, { one: strings.CharactersLeftOne, other: strings.CharactersLeft });
}

/** Said by a field whose pasted text had control characters removed; undefined when none were. */
export function controlCharactersRemovedText(
  removed: number,
  locale: string,
  strings: Pick<IRecognitionSharedStrings, 'ControlCharactersRemoved' | 'ControlCharactersRemovedOne'> = shared
): string | undefined {
  return removed > 0 ? formatCount(locale, removed, { one: strings.ControlCharactersRemovedOne, other: strings.ControlCharactersRemoved }) : undefined;
}
