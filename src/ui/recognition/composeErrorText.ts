/**
 * A composing problem (a code from the core) as a sentence in the reader's language, worded
 * the same in every part that lets people recognise.
 */
import * as shared from 'RecognitionSharedStrings';

import type { ComposeError, ComposeErrorCode } from '../../core/recognition/compose';
import { format } from '../format';

export type ComposeErrorStrings = Pick<
  IRecognitionSharedStrings,
  | 'ErrorNoRecipient'
  | 'ErrorTooManyRecipients'
  | 'ErrorSelfRecognition'
  | 'ErrorRecipientUnknown'
  | 'ErrorValueUnknown'
  | 'ErrorValueInactive'
  | 'ErrorMessageEmpty'
  | 'ErrorMessageTooLong'
  | 'ErrorImpactTooLong'
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

/** `detail` (a name, a limit) fills the sentence's {0}. `strings`: the shared words unless given. */
export function composeErrorText(error: ComposeError, strings: ComposeErrorStrings = shared): string {
  return format(strings[KEYS[error.code]], error.detail ?? '');
}

/** The problems of one field, in one line; undefined when it has none. */
export function fieldErrorText(errors: readonly ComposeError[], field: ComposeError['field'], strings?: ComposeErrorStrings): string | undefined {
  const found = errors.filter((e) => e.field === field).map((e) => composeErrorText(e, strings));
  return found.length > 0 ? found.join(' ') : undefined;
}

/** A text field's counter: what is left, counted as SharePoint counts (an emoji is two), and saying so. */
export function charactersLeftText(left: number, strings: Pick<IRecognitionSharedStrings, 'CharactersLeft'> = shared): string {
  return format(strings.CharactersLeft, left);
}

/** Said by a field whose pasted text had control characters removed; undefined when none were. */
export function controlCharactersRemovedText(
  removed: number,
  strings: Pick<IRecognitionSharedStrings, 'ControlCharactersRemoved'> = shared
): string | undefined {
  return removed > 0 ? format(strings.ControlCharactersRemoved, removed) : undefined;
}
