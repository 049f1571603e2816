/**
 * HR's value editor: the rules a value must meet before it is saved. Codes, not words: the
 * view turns them into the reader's language.
 */
import type { ItemId } from '../models/common';
import type { RecognitionValue, ValueTranslation } from '../models/values';
import { composeFieldLength, hasVisibleText, MAX_MESSAGE_LENGTH, normaliseLine } from './compose';
import type { ValueDraft } from './ports';
import { MAX_SUGGESTIONS } from './suggestions';

export const VALUE_KEY_PATTERN = /^[a-z0-9-]+$/;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Single line of text columns in SharePoint. */
export const MAX_NAME_LENGTH = 255;
export const EDITED_LANGUAGES = ['nl-nl', 'sv-se'] as const;
/** The languages HR writes suggested lines in (English too: its lines are every reader's fallback). */
export const SUGGESTION_LANGUAGES = ['en-us', 'nl-nl', 'sv-se'] as const;

export type ValueErrorCode =
  | 'nameRequired'
  | 'nameTooLong'
  | 'keyRequired'
  | 'keyFormat'
  | 'keyTaken'
  | 'colourFormat'
  | 'orderInvalid'
  /** A suggested line shows nothing (only invisible characters or marks); `detail`: its line number. */
  | 'suggestionEmpty'
  /** A suggested line is longer than a message may be; `detail`: its line number. */
  | 'suggestionTooLong'
  /** More lines than are offered; `detail`: how many are. */
  | 'suggestionsTooMany';

export interface ValueError {
  readonly code: ValueErrorCode;
  readonly field: 'title' | 'valueKey' | 'color' | 'sortOrder' | `name:${string}` | `suggestions:${string}`;
  /** A number the words show (a line number, a limit). */
  readonly detail?: string;
}

/** The form's fields as typed (strings), before they become a draft. */
export interface ValueForm {
  readonly valueKey: string;
  readonly title: string;
  readonly description: string;
  readonly iconName: string;
  readonly color: string;
  readonly sortOrder: string;
  readonly isActive: boolean;
  readonly translations: Readonly<Record<string, { readonly name: string; readonly description: string }>>;
  /** Suggested lines per language (`SUGGESTION_LANGUAGES`), as typed: one line each. */
  readonly suggestions: Readonly<Record<string, string>>;
}

export function formOf(value: RecognitionValue | undefined, nextOrder: number): ValueForm {
  const translations: Record<string, { name: string; description: string }> = {};
  for (const language of EDITED_LANGUAGES) {
    const t = value?.translations[language];
    translations[language] = { name: t?.name ?? '', description: t?.description ?? '' };
  }
  const suggestions: Record<string, string> = {};
  for (const language of SUGGESTION_LANGUAGES) {
    const lines: unknown = value?.translations[language]?.suggestions;
    suggestions[language] = Array.isArray(lines) ? lines.filter((line): line is string => typeof line === 'string').join('\n') : '';
  }
  return {
    valueKey: value?.valueKey ?? '',
    title: value?.title ?? '',
    description: value?.description ?? '',
    iconName: value?.iconName ?? '',
    color: value?.color ?? '',
    sortOrder: String(value?.sortOrder ?? nextOrder),
    isActive: value?.isActive ?? true,
    translations,
    suggestions
  };
}

/**
 * One language's suggested lines as typed: each line that is not blank is a suggestion (blank
 * lines only separate), kept as it is sent (`normaliseLine`). A line that shows nothing or is
 * longer than a message may be is refused with its line number, as are more lines than offered.
 */
export function suggestionLines(text: string, language: string): { readonly lines: string[]; readonly errors: ValueError[] } {
  const field = `suggestions:${language}` as const;
  const lines: string[] = [];
  const errors: ValueError[] = [];
  text.split(/\r\n?|\n/).forEach((typed, index) => {
    if (typed.trim() === '') {
      return;
    }
    const line = normaliseLine(typed);
    if (!hasVisibleText(line)) {
      errors.push({ code: 'suggestionEmpty', field, detail: String(index + 1) });
    } else if (composeFieldLength(line, 'message') > MAX_MESSAGE_LENGTH) {
      errors.push({ code: 'suggestionTooLong', field, detail: String(index + 1) });
    } else {
      lines.push(line);
    }
  });
  if (lines.length > MAX_SUGGESTIONS) {
    errors.push({ code: 'suggestionsTooMany', field, detail: String(MAX_SUGGESTIONS) });
  }
  return { lines, errors };
}

/** A key from a name: `Team spirit` → `team-spirit` (only suggested for new values). */
export function suggestKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export type ValueValidation = { readonly ok: true; readonly draft: ValueDraft } | { readonly ok: false; readonly errors: ValueError[] };

export function validateValue(form: ValueForm, existing: readonly RecognitionValue[], id?: ItemId): ValueValidation {
  const errors: ValueError[] = [];
  const title = form.title.trim();
  const valueKey = form.valueKey.trim();
  const color = form.color.trim();
  if (!title) {
    errors.push({ code: 'nameRequired', field: 'title' });
  } else if (Array.from(title).length > MAX_NAME_LENGTH) {
    errors.push({ code: 'nameTooLong', field: 'title' });
  }
  if (!valueKey) {
    errors.push({ code: 'keyRequired', field: 'valueKey' });
  } else if (!VALUE_KEY_PATTERN.test(valueKey)) {
    errors.push({ code: 'keyFormat', field: 'valueKey' });
  } else if (existing.some((v) => v.valueKey === valueKey && v.id !== id)) {
    errors.push({ code: 'keyTaken', field: 'valueKey' });
  }
  if (color && !COLOUR_PATTERN.test(color)) {
    errors.push({ code: 'colourFormat', field: 'color' });
  }
  const order = Number(form.sortOrder);
  if (form.sortOrder.trim() === '' || !Number.isInteger(order) || order < 0) {
    errors.push({ code: 'orderInvalid', field: 'sortOrder' });
  }
  const suggestionsOf = (language: string): string[] => {
    const found = suggestionLines(form.suggestions?.[language] ?? '', language);
    errors.push(...found.errors);
    return found.lines;
  };
  const withSuggestions = (translation: ValueTranslation, lines: string[]): ValueTranslation =>
    lines.length > 0 ? { ...translation, suggestions: lines } : translation;
  const translations: Record<string, ValueTranslation | undefined> = {
    'en-us': withSuggestions({ name: title, description: form.description.trim() }, suggestionsOf('en-us'))
  };
  for (const [language, text] of Object.entries(form.translations)) {
    const name = text.name.trim();
    if (Array.from(name).length > MAX_NAME_LENGTH) {
      errors.push({ code: 'nameTooLong', field: `name:${language}` });
    }
    const lines = suggestionsOf(language);
    // Lines without a name are kept too: readers see the English name and their own lines.
    translations[language] = name || lines.length > 0 ? withSuggestions({ name, description: text.description.trim() }, lines) : undefined;
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      valueKey,
      title,
      ...(form.description.trim() ? { description: form.description.trim() } : {}),
      ...(form.iconName.trim() ? { iconName: form.iconName.trim() } : {}),
      ...(color ? { color: color.toLowerCase() } : {}),
      sortOrder: order,
      translations,
      isActive: form.isActive
    }
  };
}
