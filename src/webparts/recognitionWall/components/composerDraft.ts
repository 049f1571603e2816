/**
 * The composer's draft: what the person picked and typed, kept in session storage until it is
 * sent, so closing the panel (or a reload) loses nothing.
 */
import type { RecipientRef } from '../../../core/recognition/compose';
import type { PersonProfile } from '../../../core/people/types';
import type { RecognitionVisibility } from '../../../core/models/recognition';
import { RECOGNITION_VISIBILITIES } from '../../../core/models/recognition';
import { newRequestId } from '../../../core/requestId';
import type { IDraftStore } from './IRecognitionWallProps';

export type ComposerStep = 1 | 2 | 3;

export interface ComposerDraft {
  readonly step: ComposerStep;
  readonly people: readonly PersonProfile[];
  /** Site users the picked people resolved to, by directory id (kept so sending works offline). */
  readonly recipients: Readonly<Record<string, RecipientRef | undefined>>;
  readonly valueKey: string;
  readonly message: string;
  readonly impact: string;
  readonly visibility: RecognitionVisibility;
  /** The device's id for this submission (idempotency key): a resend is stored once. */
  readonly requestId: string;
}

export function emptyDraft(): ComposerDraft {
  return { step: 1, people: [], recipients: {}, valueKey: '', message: '', impact: '', visibility: 'everyone', requestId: newRequestId() };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProfile(value: unknown): value is PersonProfile {
  return isRecord(value) && typeof value.id === 'string' && typeof value.displayName === 'string';
}

/** The stored draft, or an empty one when there is none or it does not parse. */
export function readDraft(store: IDraftStore): ComposerDraft {
  const text = store.read();
  if (!text) {
    return emptyDraft();
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isRecord(parsed)) {
      return emptyDraft();
    }
    const step = parsed.step === 2 || parsed.step === 3 ? parsed.step : 1;
    const visibility = (RECOGNITION_VISIBILITIES as readonly unknown[]).includes(parsed.visibility)
      ? (parsed.visibility as RecognitionVisibility)
      : 'everyone';
    return {
      step,
      people: Array.isArray(parsed.people) ? parsed.people.filter(isProfile) : [],
      recipients: isRecord(parsed.recipients) ? (parsed.recipients as Record<string, RecipientRef | undefined>) : {},
      valueKey: typeof parsed.valueKey === 'string' ? parsed.valueKey : '',
      message: typeof parsed.message === 'string' ? parsed.message : '',
      impact: typeof parsed.impact === 'string' ? parsed.impact : '',
      visibility,
      requestId: typeof parsed.requestId === 'string' && parsed.requestId ? parsed.requestId : newRequestId()
    };
  } catch {
    return emptyDraft();
  }
}

export function isEmptyDraft(draft: ComposerDraft): boolean {
  return draft.people.length === 0 && draft.valueKey === '' && draft.message.trim() === '' && draft.impact.trim() === '';
}

export function writeDraft(store: IDraftStore, draft: ComposerDraft): void {
  try {
    if (isEmptyDraft(draft)) {
      store.clear();
    } else {
      store.write(JSON.stringify(draft));
    }
  } catch {
    // Storage full or blocked: the draft stays in memory while the page is open.
  }
}
