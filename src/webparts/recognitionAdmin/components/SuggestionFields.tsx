import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'RecognitionAdminWebPartStrings';

import { SUGGESTION_LANGUAGES, type ValueError } from '../../../core/recognition/valueValidation';
import { format } from '../../../ui/format';
import { VALUE_ERROR_TEXT } from './adminText';
import { touchFieldStyles } from './fieldStyles';
import styles from './RecognitionAdmin.module.scss';

export interface ISuggestionFieldsProps {
  /** The lines as typed, per language (`SUGGESTION_LANGUAGES`). */
  readonly suggestions: Readonly<Record<string, string>>;
  /** The form's problems; those of the suggested lines are shown under their language. */
  readonly errors: readonly ValueError[];
  onChange(language: string, text: string): void;
}

const FIELDS: Record<(typeof SUGGESTION_LANGUAGES)[number], { readonly label: string; readonly lang: string }> = {
  'en-us': { label: strings.FieldSuggestionsEnglish, lang: 'en' },
  'nl-nl': { label: strings.FieldSuggestionsDutch, lang: 'nl' },
  'sv-se': { label: strings.FieldSuggestionsSwedish, lang: 'sv' }
};

/** HR's suggested lines for a value: one box per language, one line per suggestion. */
export function SuggestionFields(props: ISuggestionFieldsProps): React.ReactElement {
  const errorOf = (language: string): string | undefined => {
    const found = props.errors.filter((e) => e.field === `suggestions:${language}`);
    return found.length > 0 ? found.map((e) => format(VALUE_ERROR_TEXT[e.code], e.detail ?? '')).join(' ') : undefined;
  };
  return (
    <fieldset className={styles.fieldset} aria-describedby="se-value-suggestions-help">
      <legend className={styles.legend}>{strings.SuggestionsLegend}</legend>
      <p id="se-value-suggestions-help" className={styles.subtle}>
        {strings.SuggestionsHelp}
      </p>
      {SUGGESTION_LANGUAGES.map((language) => (
        <TextField styles={touchFieldStyles}
          key={language}
          label={FIELDS[language].label}
          lang={FIELDS[language].lang}
          multiline
          autoAdjustHeight
          rows={4}
          value={props.suggestions[language] ?? ''}
          onChange={(_e, text) => props.onChange(language, text ?? '')}
          errorMessage={errorOf(language)}
        />
      ))}
    </fieldset>
  );
}
