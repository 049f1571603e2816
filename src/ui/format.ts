/**
 * Fills numbered placeholders in a localised string: format('{0} of {1}', 2, 5) → '2 of 5'.
 * Unknown placeholders stay as written so a translation mistake is visible, not silent.
 */
export function format(template: string, ...values: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}

/**
 * A counted phrase in one language, as the loc files carry it: `one` ("{0} day", "{0} dag") and
 * `other` ("{0} days", "{0} dagen"), CLDR's two categories for English, Dutch and Swedish. In
 * the loc files the `other` form has the plain key and the `one` form the same key with `One`
 * (`Days`, `DaysOne`).
 */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

interface PluralRulesLike {
  select(count: number): string;
}

/** Intl.PluralRules, typed here because the SPFx build's ES5 library does not declare it. */
const PluralRules = (Intl as unknown as { PluralRules?: new (locale: string) => PluralRulesLike }).PluralRules;

/** Per locale; `undefined` once a locale turned out to have none (no Intl.PluralRules, a malformed tag). */
const rulesByLocale: { [locale: string]: PluralRulesLike | undefined } = Object.create(null);

function rulesFor(locale: string): PluralRulesLike | undefined {
  if (!(locale in rulesByLocale)) {
    let rules: PluralRulesLike | undefined;
    try {
      rules = PluralRules && locale ? new PluralRules(locale) : undefined;
    } catch {
      rules = undefined; // a malformed tag: fall back below
    }
    rulesByLocale[locale] = rules;
  }
  return rulesByLocale[locale];
}

/**
 * The platform's plural category of `count` for the page's locale, narrowed to the two forms the
 * loc files carry (a language with more categories reads `other` for all but `one`). Without
 * Intl.PluralRules, or for a tag it does not know, 1 is `one` and everything else `other`.
 */
export function pluralCategory(locale: string, count: number): keyof PluralForms {
  const rules = rulesFor(locale);
  const category = rules ? rules.select(count) : count === 1 ? 'one' : 'other';
  return category === 'one' ? 'one' : 'other';
}

/** The form of `forms` that fits `count` in the page's locale (for a template whose {0} is not the count). */
export function pluralForm(locale: string, count: number, forms: PluralForms): string {
  return forms[pluralCategory(locale, count)];
}

/**
 * A count in words, the one way every part shows one: the form that fits `count` in the page's
 * locale, with `count` as {0} and `values` as {1}, {2}…:
 * formatCount('en-us', 1, { one: '{0} day', other: '{0} days' }) → '1 day'.
 */
export function formatCount(locale: string, count: number, forms: PluralForms, ...values: ReadonlyArray<string | number>): string {
  return format(pluralForm(locale, count, forms), count, ...values);
}

/**
 * A part's words for a language tag (`nl-nl`, `sv`, `en-US`…): the table's entry for the tag's
 * language (`en`, `nl`, `sv`), the table's `en` for any other.
 */
export function wordsFor<T>(table: { readonly en: T; readonly [language: string]: T }, language: string): T {
  const base = language.toLowerCase().split('-')[0];
  return Object.prototype.hasOwnProperty.call(table, base) ? table[base] : table.en;
}
