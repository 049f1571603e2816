/**
 * Giving recognition: the rules a draft must meet before anything is written, and the list
 * items it becomes (one per recipient; a crew award shares one batch id). Framework-free;
 * failures are codes the UI turns into localised words, and the draft is never lost.
 */
import { recognitionRequestKey } from '../models/keys';
import type { RecognitionKind, RecognitionVisibility } from '../models/recognition';
import type { RecognitionValue } from '../models/values';

/** Longest message kept on the wall, in characters as people count them (emoji = 1). */
export const MAX_MESSAGE_LENGTH = 1000;
/** The Impact column is a single line of text (SharePoint's limit: 255). */
export const MAX_IMPACT_LENGTH = 255;
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

/** Characters as a person counts them: an emoji or a letter with accents is one. */
export function visibleLength(text: string): number {
  return Array.from(text).length;
}

/**
 * Normalises what was typed without changing its meaning: line endings to \n, spaces at the
 * ends of the text removed, runs of more than two blank lines shortened. HTML stays text:
 * it is never interpreted (React renders it as text), so nothing needs stripping.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function titleOf(message: string): string {
  const firstLine = message.split('\n')[0];
  const chars = Array.from(firstLine);
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : firstLine;
}

export function composeRecognition(draft: RecognitionDraft, context: ComposeContext): ComposeResult {
  const errors: ComposeError[] = [];
  const message = normaliseText(draft.message);
  const impact = draft.impact !== undefined ? normaliseText(draft.impact).replace(/\n+/g, ' ') : '';
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
    errors.push({ code: 'valueInactive', field: 'value', detail: value.title });
  }
  if (message.length === 0) {
    errors.push({ code: 'messageEmpty', field: 'message' });
  } else if (visibleLength(message) > MAX_MESSAGE_LENGTH) {
    errors.push({ code: 'messageTooLong', field: 'message', detail: String(MAX_MESSAGE_LENGTH) });
  }
  if (visibleLength(impact) > MAX_IMPACT_LENGTH) {
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
  return {
    ok: true,
    items: unique.map((recipient) => ({
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
    }))
  };
}
