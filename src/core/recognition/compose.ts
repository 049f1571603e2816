/**
 * Giving recognition: the rules a draft must meet before anything is written, and the list
 * items it becomes (one per recipient; a crew award shares one batch id). Framework-free;
 * failures are codes the UI turns into localised words, and the draft is never lost.
 */
import { recognitionRequestKey } from '../models/keys';
import type { RecognitionKind, RecognitionVisibility } from '../models/recognition';
import type { RecognitionValue } from '../models/values';
import { removeControlCharacters, replaceLoneSurrogates, truncateUtf16, utf16Length } from '../text/unicode';
import { valueName } from './values';

/**
 * Longest message kept on the wall, counted as SharePoint counts text (UTF-16 code units: an
 * emoji is two), the same way as the impact line, so one rule and one counter serve both.
 */
export const MAX_MESSAGE_LENGTH = 1000;
/** The Impact column is a single line of text: SharePoint's MaxLength 255, in UTF-16 code units. */
export const MAX_IMPACT_LENGTH = 255;
/** The title is the message's first line, shortened to this many code units (the column allows 255). */
const TITLE_LENGTH = 80;

/**
 * The MaxLength of every single-line text column a recognition item is written with
 * (`sharepoint/assets/schema-recognitions.xml`; Title is the built-in 255). SharePoint counts
 * UTF-16 code units and refuses a longer value with 400; the test keeps this table and the
 * schema the same.
 */
export const RECOGNITION_TEXT_LIMITS = {
  Title: 255,
  ValueKey: 64,
  Impact: MAX_IMPACT_LENGTH,
  SiteCode: 64,
  LineCode: 64,
  ShiftCode: 64,
  CrewKey: 128,
  BatchId: 64,
  MilestoneKind: 64,
  ClientRequestId: 128
} as const;
/** A crew award reaches at most this many people at once. */
export const MAX_RECIPIENTS = 50;

export interface RecipientRef {
  /** SharePoint site user id. */
  readonly siteUserId: number;
  readonly displayName: string;
  /** False when the directory no longer has the person (left the company, account deleted). */
  readonly exists: boolean;
  /** Directory (Graph) id, for the Teams notification. */
  readonly directoryId?: string;
  readonly crewKey?: string;
  readonly siteCode?: string;
  readonly lineCode?: string;
}

export interface RecognitionDraft {
  readonly recipients: readonly RecipientRef[];
  readonly valueKey: string;
  readonly message: string;
  readonly impact?: string;
  readonly visibility: RecognitionVisibility;
  readonly kind?: RecognitionKind;
  readonly milestoneKind?: string;
}

export interface ComposeContext {
  /** Site user id of the giver. */
  readonly giverId: number;
  readonly values: readonly RecognitionValue[];
  /** A fresh id per submission (the device's), so a resend is stored once. */
  readonly requestId: string;
  /** Site of the giver, used when the recipient's is unknown. */
  readonly siteCode: string;
  readonly shiftCode?: string;
  /** The reader's language: a value a problem names is named in it (its English title without). */
  readonly locale?: string;
}

export type ComposeErrorCode =
  | 'noRecipient'
  | 'tooManyRecipients'
  | 'selfRecognition'
  | 'recipientUnknown'
  | 'valueUnknown'
  | 'valueInactive'
  | 'messageEmpty'
  | 'messageTooLong'
  | 'impactTooLong'
  /**
   * A code the item is filed under (site, line, crew, value key…) is longer than its column
   * allows; nothing the person typed. `detail`: the column.
   */
  | 'fieldTooLong'
  /** "My crew" visibility for someone whose crew is not known: nobody but them would see it. */
  | 'crewUnknown';

export interface ComposeError {
  readonly code: ComposeErrorCode;
  /** Which field the message belongs to, for the form. */
  readonly field: 'recipients' | 'value' | 'message' | 'impact' | 'visibility';
  /** Names or numbers the message shows (e.g. the unknown person's name, the limit). */
  readonly detail?: string;
}

/** A recognition item as written to SE_Recognitions (REST payload names). */
export interface NewRecognitionItem {
  readonly Title: string;
  readonly RecipientId: number;
  readonly Kind: RecognitionKind;
  readonly ValueKey: string;
  readonly Message: string;
  readonly Impact?: string;
  readonly SiteCode: string;
  readonly LineCode?: string;
  readonly ShiftCode?: string;
  readonly CrewKey?: string;
  readonly Visibility: RecognitionVisibility;
  readonly Status: 'published';
  readonly BatchId?: string;
  readonly MilestoneKind?: string;
  readonly ClientRequestId: string;
}

export type ComposeResult =
  | { readonly ok: true; readonly items: NewRecognitionItem[] }
  | { readonly ok: false; readonly errors: ComposeError[] };

export type ComposeTextField = 'message' | 'impact';

/**
 * What a person typed or pasted into the message (multi-line) or the impact line (one line),
 * without control characters.
 *
 * The choice: control characters (C0, DEL, C1) are removed, not refused. They are invisible,
 * come from pasting (Word's manual line break is a vertical tab, PDFs and terminals bring
 * others), and a person cannot find them to delete them, so refusing would leave them stuck.
 * Removing them loses nothing they meant: line-breaking ones (vertical tab, form feed, next
 * line, U+2028/U+2029) become a newline in the message and a space in the impact line, a tab
 * stays in the message. The form cleans the field as it changes and says how many were
 * removed (`removed`), so the person sees exactly what will be saved; composing cleans again,
 * so no other caller writes them either.
 */
export function cleanComposeField(text: string, field: ComposeTextField): { readonly text: string; readonly removed: number } {
  return removeControlCharacters(text, field === 'message');
}

/**
 * Normalises what was typed without changing its meaning: control characters removed (see
 * `cleanComposeField`), line endings to \n, spaces at the ends of the text removed, runs of
 * more than two blank lines shortened, half an emoji (a lone surrogate, which SharePoint
 * cannot store) shown as U+FFFD. HTML stays text: it is never interpreted (React renders it
 * as text), so nothing needs stripping.
 */
export function normaliseText(text: string): string {
  return replaceLoneSurrogates(cleanComposeField(text, 'message').text, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    // Zero-width spaces, word joiners and bidirectional overrides and isolates: invisible, and
    // the overrides can make text read differently from how it is stored. The emoji joiner stays.
    .replace(/[\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether the text shows anything: a letter, digit, symbol or punctuation mark (not only marks, spaces or invisible characters). */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(text);
}

/** The impact line as it is saved: `normaliseText` on one line. */
export function normaliseLine(text: string): string {
  return normaliseText(cleanComposeField(text, 'impact').text).replace(/\n+/g, ' ');
}

/** The length of a field as composing checks it: after normalising, in UTF-16 code units (an emoji is two), as SharePoint counts. */
export function composeFieldLength(text: string, field: ComposeTextField): number {
  return utf16Length(field === 'message' ? normaliseText(text) : normaliseLine(text));
}

/** The item's Title: the message's first line, shortened. */
export function titleOf(message: string): string {
  const firstLine = message.split('\n')[0];
  return firstLine.length > TITLE_LENGTH ? `${truncateUtf16(firstLine, TITLE_LENGTH - 1)}…` : firstLine;
}

type LimitedColumn = keyof typeof RECOGNITION_TEXT_LIMITS;

/** The columns not typed by the person that are over their limit, with the form field each belongs to. */
function codesTooLong(item: NewRecognitionItem): ComposeError[] {
  const fieldOf: Partial<Record<LimitedColumn, ComposeError['field']>> = { ValueKey: 'value' };
  return (Object.keys(RECOGNITION_TEXT_LIMITS) as LimitedColumn[])
    .filter((column) => column !== 'Impact' && column !== 'Title')
    .filter((column) => utf16Length(item[column] ?? '') > RECOGNITION_TEXT_LIMITS[column])
    .map((column) => ({ code: 'fieldTooLong', field: fieldOf[column] ?? 'recipients', detail: column }));
}

export function composeRecognition(draft: RecognitionDraft, context: ComposeContext): ComposeResult {
  const errors: ComposeError[] = [];
  const message = normaliseText(draft.message);
  const impact = draft.impact !== undefined ? normaliseLine(draft.impact) : '';
  const unique = draft.recipients.filter(
    (r, index) => draft.recipients.findIndex((other) => other.siteUserId === r.siteUserId) === index
  );

  if (unique.length === 0) {
    errors.push({ code: 'noRecipient', field: 'recipients' });
  } else if (unique.length > MAX_RECIPIENTS) {
    errors.push({ code: 'tooManyRecipients', field: 'recipients', detail: String(MAX_RECIPIENTS) });
  }
  if (unique.some((r) => r.siteUserId === context.giverId)) {
    errors.push({ code: 'selfRecognition', field: 'recipients' });
  }
  for (const missing of unique.filter((r) => !r.exists)) {
    errors.push({ code: 'recipientUnknown', field: 'recipients', detail: missing.displayName });
  }
  const value = context.values.find((v) => v.valueKey === draft.valueKey);
  if (!value) {
    errors.push({ code: 'valueUnknown', field: 'value' });
  } else if (!value.isActive) {
    errors.push({ code: 'valueInactive', field: 'value', detail: context.locale ? valueName(value, context.locale) : value.title });
  }
  if (!hasVisibleText(message)) {
    errors.push({ code: 'messageEmpty', field: 'message' });
  } else if (utf16Length(message) > MAX_MESSAGE_LENGTH) {
    errors.push({ code: 'messageTooLong', field: 'message', detail: String(MAX_MESSAGE_LENGTH) });
  }
  if (utf16Length(impact) > MAX_IMPACT_LENGTH) {
    errors.push({ code: 'impactTooLong', field: 'impact', detail: String(MAX_IMPACT_LENGTH) });
  }
  const crewless = draft.visibility === 'crew' ? unique.filter((r) => r.exists && !r.crewKey) : [];
  if (crewless.length > 0) {
    errors.push({ code: 'crewUnknown', field: 'visibility', detail: crewless.map((r) => r.displayName).join(', ') });
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }

  const kind: RecognitionKind = draft.kind ?? (unique.length > 1 ? 'crew' : 'peer');
  const batchId = unique.length > 1 ? context.requestId : undefined;
  const items = unique.map(
    (recipient): NewRecognitionItem => ({
      Title: titleOf(message),
      RecipientId: recipient.siteUserId,
      Kind: kind,
      ValueKey: draft.valueKey,
      Message: message,
      ...(impact ? { Impact: impact } : {}),
      SiteCode: recipient.siteCode ?? context.siteCode,
      ...(recipient.lineCode ? { LineCode: recipient.lineCode } : {}),
      ...(context.shiftCode ? { ShiftCode: context.shiftCode } : {}),
      ...(recipient.crewKey ? { CrewKey: recipient.crewKey } : {}),
      Visibility: draft.visibility,
      Status: 'published',
      ...(batchId ? { BatchId: batchId } : {}),
      ...(draft.milestoneKind ? { MilestoneKind: draft.milestoneKind } : {}),
      ClientRequestId: recognitionRequestKey(context.requestId, recipient.siteUserId)
    })
  );
  const tooLong = items.flatMap(codesTooLong).filter((e, index, all) => all.findIndex((o) => o.detail === e.detail) === index);
  return tooLong.length > 0 ? { ok: false, errors: tooLong } : { ok: true, items };
}
