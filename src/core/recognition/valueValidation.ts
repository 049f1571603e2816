/**
 * HR's value editor: the rules a value must meet before it is saved. Codes, not words: the
 * view turns them into the reader's language.
 */
import type { ItemId } from '../models/common';
import type { RecognitionValue } from '../models/values';
import type { ValueDraft } from './ports';

export const VALUE_KEY_PATTERN = /^[a-z0-9-]+$/;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Single line of text columns in SharePoint. */
export const MAX_NAME_LENGTH = 255;
export const EDITED_LANGUAGES = ['nl-nl', 'sv-se'] as const;

export type ValueErrorCode = 'nameRequired' | 'nameTooLong' | 'keyRequired' | 'keyFormat' | 'keyTaken' | 'colourFormat' | 'orderInvalid';

export interface ValueError {
  readonly code: ValueErrorCode;
  readonly field: 'title' | 'valueKey' | 'color' | 'sortOrder' | `name:${string}`;
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
}

export function formOf(value: RecognitionValue | undefined, nextOrder: number): ValueForm {
  const translations: Record<string, { name: string; description: string }> = {};
  for (const language of EDITED_LANGUAGES) {
    const t = value?.translations[language];
    translations[language] = { name: t?.name ?? '', description: t?.description ?? '' };
  }
  return {
    valueKey: value?.valueKey ?? '',
    title: value?.title ?? '',
    description: value?.description ?? '',
    iconName: value?.iconName ?? '',
    color: value?.color ?? '',
    sortOrder: String(value?.sortOrder ?? nextOrder),
    isActive: value?.isActive ?? true,
    translations
  };
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
  const translations: Record<string, { name: string; description: string } | undefined> = {
    'en-us': { name: title, description: form.description.trim() }
  };
  for (const [language, text] of Object.entries(form.translations)) {
    const name = text.name.trim();
    if (Array.from(name).length > MAX_NAME_LENGTH) {
      errors.push({ code: 'nameTooLong', field: `name:${language}` });
    }
    translations[language] = name ? { name, description: text.description.trim() } : undefined;
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
