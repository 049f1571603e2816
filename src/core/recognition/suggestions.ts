/**
 * Suggested lines per value: what a colleague can send with one tap, in the reader's language.
 * HR keeps them with the value (`Translations` JSON, `suggestions` per language), so they are
 * edited where the value's name is, and the five default values ship with some in en, nl and sv.
 */
import type { RecognitionValue, ValueTranslation } from '../models/values';
import { composeFieldLength, hasVisibleText, MAX_MESSAGE_LENGTH, normaliseLine } from './compose';

/** At most this many lines per language are offered (a phone shows them without scrolling far). */
export const MAX_SUGGESTIONS = 6;

/** The language whose lines every reader falls back to. */
const FALLBACK_LANGUAGE = 'en';

/**
 * The lines of one translation as they are sent: text on one line (as `normaliseLine` keeps
 * it), showing something, within the message limit, each once. What a hand-edited list item
 * holds that is not such a line is left out.
 */
function usableLines(translation: ValueTranslation | undefined): string[] {
  const lines: unknown = translation?.suggestions;
  if (!Array.isArray(lines)) {
    return [];
  }
  const result: string[] = [];
  for (const line of lines) {
    if (typeof line !== 'string') {
      continue;
    }
    const text = normaliseLine(line);
    if (hasVisibleText(text) && composeFieldLength(text, 'message') <= MAX_MESSAGE_LENGTH && result.indexOf(text) < 0) {
      result.push(text);
    }
  }
  return result.slice(0, MAX_SUGGESTIONS);
}

/** The stored language tags of a value that belong to a language (`nl` → `nl-nl`, `nl-be`), the exact tag first. */
function tagsOf(value: Pick<RecognitionValue, 'translations'>, tag: string): string[] {
  const language = tag.split('-')[0];
  const keys = Object.keys(value.translations);
  const exact = keys.filter((key) => key.toLowerCase() === tag);
  const sameLanguage = keys.filter((key) => key.toLowerCase() !== tag && key.toLowerCase().split('-')[0] === language);
  return exact.concat(sameLanguage);
}

function linesIn(value: Pick<RecognitionValue, 'translations'>, tag: string): string[] {
  for (const key of tagsOf(value, tag)) {
    const lines = usableLines(value.translations[key]);
    if (lines.length > 0) {
      return lines;
    }
  }
  return [];
}

/**
 * The value's suggested lines for a reader: those of the reader's language (the exact tag, then
 * any tag of the language), else the English ones, else none. Never a mix of languages.
 */
export function valueSuggestions(value: Pick<RecognitionValue, 'translations'> | undefined, locale: string): string[] {
  if (!value || typeof value.translations !== 'object' || value.translations === null) {
    return [];
  }
  const own = linesIn(value, locale.toLowerCase());
  return own.length > 0 ? own : linesIn(value, FALLBACK_LANGUAGE);
}
