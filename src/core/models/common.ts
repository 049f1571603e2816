/**
 * Types shared by every area of the domain. Framework-free: no SharePoint, React or HTTP types.
 *
 * Dates cross the boundary as ISO 8601 strings (what SharePoint REST returns); the aliases
 * below say which kind of string a property holds.
 */

/** A SharePoint list item id (the built-in `ID` column): a positive integer. */
export type ItemId = number;

/** An instant in ISO 8601 with offset, normally UTC: `2025-03-01T05:45:00Z`. */
export type IsoDateTime = string;

/** A calendar date without time, ISO 8601: `2025-03-01`. */
export type IsoDate = string;

/**
 * A person as a list item refers to one: the site user id (site-collection scoped, what a
 * User column stores) plus what SharePoint can expand. Only `id` is needed to write.
 */
export interface PersonRef {
  readonly id: number;
  readonly displayName?: string;
  /** Claims login name, e.g. `i:0#.f|membership|anna@contoso.com`. */
  readonly loginName?: string;
  readonly email?: string;
}

/** The languages the product ships complete. Language tags are lower case, as SPFx uses them. */
export const SHIPPED_LANGUAGES = ['en-us', 'nl-nl', 'sv-se'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

/** The language used when a text has no translation for the reader's language. */
export const FALLBACK_LANGUAGE: ShippedLanguage = 'en-us';

/**
 * Texts per language tag, as stored in the `Translations` JSON columns. HR may add languages
 * beyond the shipped ones, so the keys are any lower-case language tag.
 */
export interface Translations<TText> {
  readonly [languageTag: string]: TText | undefined;
}
