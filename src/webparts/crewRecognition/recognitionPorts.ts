/**
 * What the crew view, the admin view and the Recognise card need from recognition storage and
 * the directory, as narrow structural types: the parts wire `PnPRecognitionStore`,
 * `GraphPeopleDirectory` and `RecognitionService`; tests pass typed fakes.
 */
import type { RecipientRef } from '../../core/recognition/compose';
import type { ModerationStore, ValueStore, WallReader } from '../../core/recognition/ports';
import type { RecognitionService } from '../../core/recognition/recognitionService';
import type { PersonProfile } from '../../core/people/types';
import type { RecognitionValue } from '../../core/models/values';

/** Directory people as site users (the SharePoint store ensures them). */
export interface RecipientResolver {
  /** Ensures a directory person as a site user; `exists: false` when the directory lost them. */
  resolveRecipient(profile: PersonProfile): Promise<RecipientRef>;
  /** The signed-in person's site user id (the giver). */
  currentUserId(): Promise<number>;
}

export type CrewStore = Pick<WallReader, 'lastRecognised'> & Pick<ValueStore, 'values'> & RecipientResolver;
export type AdminStore = Pick<ValueStore, 'values' | 'save'> & Pick<ModerationStore, 'openReports' | 'decide'>;
export type RecognitionGiver = Pick<RecognitionService, 'give' | 'flush'>;

/** The value's name in the reader's language (English title when there is no translation). */
export function valueName(value: RecognitionValue, locale: string): string {
  const lang = locale.toLowerCase();
  const translation = value.translations[lang] ?? value.translations[lang.slice(0, 2)];
  return translation?.name?.trim() || value.title;
}

/** Active values in HR's order. */
export function activeValues(values: readonly RecognitionValue[]): RecognitionValue[] {
  return values.filter((v) => v.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
}

/** A fresh id per submission (the outbox's idempotency key). */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  const crypto = typeof globalThis !== 'undefined' ? (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto : undefined;
  if (crypto?.getRandomValues) {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) {
      bytes[i] = Math.floor(Math.random() * 256);
    }
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The device's localStorage as the outbox's store; memory when storage is blocked (private mode). */
/** A store failure's code, read by shape (ES5 builds lose Error subclass prototypes). */
export function storeErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
  }
  return 'unexpected';
}
