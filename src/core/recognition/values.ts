/**
 * HR's values as people read them: the name and description in the reader's language, and the
 * values in use in HR's order. One home for every part that shows a value.
 */
import type { RecognitionValue, ValueTranslation } from '../models/values';

/**
 * The translations that fit the reader, best first: the exact tag (`nl-be`), then any tag of
 * the same language (`nl-nl`, `nl`).
 */
function translationsFor(value: RecognitionValue, locale: string): ValueTranslation[] {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0];
  const exact = value.translations[tag];
  const sameLanguage = Object.keys(value.translations)
    .filter((key) => key.toLowerCase() !== tag && key.toLowerCase().split('-')[0] === language)
    .map((key) => value.translations[key]);
  return [exact, ...sameLanguage].filter((translation): translation is ValueTranslation => translation !== undefined);
}

/** The value's name in the reader's language: exact tag, then same language, then English title. */
export function valueName(value: RecognitionValue, locale: string): string {
  return translationsFor(value, locale).find((t) => t.name?.trim())?.name?.trim() || value.title;
}

/** The value's description in the reader's language (same fallbacks as the name), when there is one. */
export function valueDescription(value: RecognitionValue, locale: string): string | undefined {
  return translationsFor(value, locale).find((t) => t.description?.trim())?.description?.trim() || value.description;
}

/** Active values in HR's order. */
export function activeValues(values: readonly RecognitionValue[]): RecognitionValue[] {
  return values.filter((v) => v.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
}
