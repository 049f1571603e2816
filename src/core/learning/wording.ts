/**
 * A path's and a step's words in the reader's language. HR writes them in SharePoint per
 * language tag; a reader gets the exact tag (`nl-be`), then any tag of their language (`nl-nl`),
 * then English (`en-us`, any `en`), then the list's Title. Blank texts count as missing.
 */
import { FALLBACK_LANGUAGE, Translations } from '../models/common';
import type { LearningPath, LearningStep, StepTranslation } from '../models/learning';

/** The tags of `translations` that fit `locale`, best first (exact, same language, English). */
function fittingTags(tags: readonly string[], locale: string): string[] {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const fallback = FALLBACK_LANGUAGE.split('-')[0];
  const rank = (tag: string): number => {
    const lower = tag.toLowerCase();
    const tagLanguage = lower.split('-')[0];
    if (lower === wanted) return 0;
    if (tagLanguage === language) return 1;
    if (lower === FALLBACK_LANGUAGE) return 2;
    if (tagLanguage === fallback) return 3;
    return -1;
  };
  return tags
    .filter((tag) => rank(tag) >= 0)
    .sort((a, b) => rank(a) - rank(b));
}

/** The first non-blank text `pick` finds in the translations that fit `locale`. */
export function translatedText<T>(translations: Translations<T>, locale: string, pick: (text: T) => string | undefined): string | undefined {
  for (const tag of fittingTags(Object.keys(translations), locale)) {
    const entry = translations[tag];
    const text = entry === undefined ? undefined : pick(entry);
    if (typeof text === 'string' && text.trim() !== '') {
      return text.trim();
    }
  }
  return undefined;
}

/** Whether `language` has its own non-blank text (exact tag or another tag of the language), English not counted. */
export function hasOwnText<T>(translations: Translations<T>, language: string, pick: (text: T) => string | undefined): boolean {
  const wanted = language.toLowerCase().split('-')[0];
  return Object.keys(translations).some((tag) => {
    const entry = translations[tag];
    const text = entry === undefined ? undefined : pick(entry);
    return tag.toLowerCase().split('-')[0] === wanted && typeof text === 'string' && text.trim() !== '';
  });
}

export interface StepWording {
  readonly title: string;
  readonly body?: string;
}

/** A step's title and instructions in the reader's language. */
export function stepWording(step: Pick<LearningStep, 'title' | 'translations'>, locale: string): StepWording {
  const translations: Translations<StepTranslation> = step.translations;
  const title = translatedText(translations, locale, (t) => t.title) ?? step.title;
  const body = translatedText(translations, locale, (t) => t.body);
  return body === undefined ? { title } : { title, body };
}

/** A path's name in the reader's language. */
export function pathName(path: Pick<LearningPath, 'title' | 'translations'>, locale: string): string {
  return translatedText(path.translations, locale, (t) => t.name) ?? path.title;
}
