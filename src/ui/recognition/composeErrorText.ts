/**
 * A composing problem (a code from the core) as a sentence in the reader's language. Every
 * part that lets people recognise (the wall, the crew view, the Recognise card) has these ten
 * strings in its own strings module and passes them in.
 */
import type { ComposeError, ComposeErrorCode } from '../../core/recognition/compose';
import { format } from '../format';

export interface ComposeErrorStrings {
  readonly ErrorNoRecipient: string;
  readonly ErrorTooManyRecipients: string;
  readonly ErrorSelfRecognition: string;
  readonly ErrorRecipientUnknown: string;
  readonly ErrorValueUnknown: string;
  readonly ErrorValueInactive: string;
  readonly ErrorMessageEmpty: string;
  readonly ErrorMessageTooLong: string;
  readonly ErrorImpactTooLong: string;
  readonly ErrorCrewUnknown: string;
}

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
  crewUnknown: 'ErrorCrewUnknown'
};

/** `detail` (a name, a limit) fills the sentence's {0}. */
export function composeErrorText(error: ComposeError, strings: ComposeErrorStrings): string {
  return format(strings[KEYS[error.code]], error.detail ?? '');
}
