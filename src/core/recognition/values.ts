/**
 * HR's values as people read them: the name and description in the reader's language, and the
 * values in use in HR's order. One home for every part that shows a value.
 */
import type { RecognitionValue, ValueTranslation } from '../models/values';

/**
 * The translations that fit the reader, best first: the exact tag (`nl-be`), then any tag of
 * the same language (`nl-nl`, `nl`).
 */
function translationsFor(value: Pick<RecognitionValue, 'translations'>, locale: string): ValueTranslation[] {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0];
  const exact = value.translations[tag];
  const sameLanguage = Object.keys(value.translations)
    .filter((key) => key.toLowerCase() !== tag && key.toLowerCase().split('-')[0] === language)
    .map((key) => value.translations[key]);
  return [exact, ...sameLanguage].filter((translation): translation is ValueTranslation => translation !== undefined);
}

/** The value's name in the reader's language: exact tag, then same language, then English title. */
export function valueName(value: Pick<RecognitionValue, 'title' | 'translations'>, locale: string): string {
  return translationsFor(value, locale).find((t) => t.name?.trim())?.name?.trim() || value.title;
}

/** The value's description in the reader's language (same fallbacks as the name), when there is one. */
export function valueDescription(value: Pick<RecognitionValue, 'description' | 'translations'>, locale: string): string | undefined {
  return translationsFor(value, locale).find((t) => t.description?.trim())?.description?.trim() || value.description;
}

/**
 * The languages, of `languages`, whose readers would see this value in English: it has no name
 * in that language, or no description there while the English has one. The same matching as
 * `valueName` (exact tag, then any tag of the language), so HR is warned of what readers see.
 */
export function untranslatedLanguages(
  value: Pick<RecognitionValue, 'description' | 'translations'>,
  languages: readonly string[]
): string[] {
  return languages.filter((language) => {
    const found = translationsFor(value, language);
    const named = found.some((t) => Boolean(t.name?.trim()));
    const described = !value.description?.trim() || found.some((t) => Boolean(t.description?.trim()));
    return !named || !described;
  });
}

/** Active values in HR's order. */
export function activeValues(values: readonly RecognitionValue[]): RecognitionValue[] {
  return values.filter((v) => v.isActive).sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title));
}
