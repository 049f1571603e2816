/**
 * The composer's draft: the composer's state (`core/recognition/composer.ts`: who, which
 * value, own words, impact, who sees it, what is unfolded) with the site users the people
 * resolved to and the request id, kept in session storage until it is sent, so closing the
 * panel (or a reload) loses nothing.
 */
import type { RecipientRef } from '../../../core/recognition/compose';
import { type ComposerState, type ComposerStep, startComposer } from '../../../core/recognition/composer';
import type { PersonProfile } from '../../../core/people/types';
import type { RecognitionVisibility } from '../../../core/models/recognition';
import { RECOGNITION_VISIBILITIES } from '../../../core/models/recognition';
import { newRequestId } from '../../../core/requestId';
import type { IDraftStore } from './IRecognitionWallProps';

export interface ComposerDraft extends ComposerState<PersonProfile> {
  /** Site users the picked people resolved to, by directory id (kept so sending works offline). */
  readonly recipients: Readonly<Record<string, RecipientRef | undefined>>;
  /** The device's id for this submission (idempotency key): a resend is stored once. */
  readonly requestId: string;
}

export function emptyDraft(): ComposerDraft {
  return { ...startComposer<PersonProfile>(), recipients: {}, requestId: newRequestId() };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProfile(value: unknown): value is PersonProfile {
  return isRecord(value) && typeof value.id === 'string' && typeof value.displayName === 'string';
}

/** The step as stored; a draft kept before the steps had names stored them as 1, 2, 3. */
function stepOf(value: unknown): ComposerStep {
  if (value === 'value' || value === 2) {
    return 'value';
  }
  return value === 'message' || value === 3 ? 'message' : 'person';
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
    const visibility = (RECOGNITION_VISIBILITIES as readonly unknown[]).includes(parsed.visibility)
      ? (parsed.visibility as RecognitionVisibility)
      : 'everyone';
    const people = Array.isArray(parsed.people) ? parsed.people.filter(isProfile) : [];
    const message = typeof parsed.message === 'string' ? parsed.message : '';
    const impact = typeof parsed.impact === 'string' ? parsed.impact : '';
    const valueKey = typeof parsed.valueKey === 'string' ? parsed.valueKey : '';
    const stored = stepOf(parsed.step);
    return {
      // Never a step whose taps are missing (a draft whose people were all removed starts at the people).
      step: people.length === 0 ? 'person' : stored === 'message' && valueKey === '' ? 'value' : stored,
      people,
      addingPeople: parsed.addingPeople === true,
      recipients: isRecord(parsed.recipients) ? (parsed.recipients as Record<string, RecipientRef | undefined>) : {},
      valueKey,
      message,
      impact,
      visibility,
      // Words kept from before are shown, never hidden behind the suggested lines.
      writing: parsed.writing === true || message.trim() !== '',
      moreOpen: parsed.moreOpen === true || impact.trim() !== '' || visibility !== 'everyone',
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
