import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Icon } from '@fluentui/react/lib/Icon';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'RecognitionAdminWebPartStrings';

import type { RecognitionValue } from '../../../core/models/values';
import type { ValueDraft } from '../../../core/recognition/ports';
import { format } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import { Switch } from '../../../ui/light/Switch';
import { valueName } from '../../../core/recognition/values';
import { COLOUR_PATTERN, formOf, suggestKey, type ValueError, type ValueForm, validateValue } from '../../../core/recognition/valueValidation';
import { failureText, untranslatedText, VALUE_ERROR_TEXT } from './adminText';
import { iconShown } from './iconCheck';
import { SuggestionFields } from './SuggestionFields';
import { touchFieldStyles, usePrimaryButtonStyles } from './fieldStyles';
import styles from './RecognitionAdmin.module.scss';

export interface IValueEditorProps {
  /** The value edited; undefined for a new one. */
  readonly value: RecognitionValue | undefined;
  readonly existing: readonly RecognitionValue[];
  /** The page's language: the value is named in it. */
  readonly locale: string;
  save(draft: ValueDraft, id?: number): Promise<unknown>;
  /** `name`: the saved value's name in the page's language. */
  onSaved(name: string): void;
  onCancel(): void;
}

/** HR's form for one value: names in three languages, icon with preview, colour, order, in use. */
export function ValueEditor(props: IValueEditorProps): React.ReactElement {
  return (
    <FluentTheme>
      <Editor {...props} />
    </FluentTheme>
  );
}

function Editor(props: IValueEditorProps): React.ReactElement {
  const { value, existing, locale } = props;
  const nextOrder = existing.reduce((max, v) => Math.max(max, v.sortOrder), 0) + 1;
  const [form, setForm] = React.useState<ValueForm>(() => formOf(value, nextOrder));
  const [keyTouched, setKeyTouched] = React.useState(value !== undefined);
  const [errors, setErrors] = React.useState<readonly ValueError[]>([]);
  const [iconError, setIconError] = React.useState<string | undefined>(undefined);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const primaryStyles = usePrimaryButtonStyles();
  React.useEffect(() => headingRef.current?.focus(), []);

  const errorOf = (field: ValueError['field']): string | undefined => {
    const found = errors.filter((e) => e.field === field);
    return found.length > 0 ? found.map((e) => VALUE_ERROR_TEXT[e.code]).join(' ') : undefined;
  };
  const set = (change: Partial<ValueForm>): void => setForm((current) => ({ ...current, ...change }));
  const setTranslation = (language: string, change: Partial<{ name: string; description: string }>): void =>
    setForm((current) => ({ ...current, translations: { ...current.translations, [language]: { ...current.translations[language], ...change } } }));

  const submit = async (): Promise<void> => {
    const result = validateValue(form, existing, value?.id);
    // An icon no part can draw is refused with the rest: the value would show none anywhere.
    const icon = form.iconName.trim();
    const unknownIcon = icon !== '' && iconShown(icon) === false ? format(strings.ErrorIconUnknown, icon) : undefined;
    setIconError(unknownIcon);
    if (!result.ok || unknownIcon) {
      setErrors(result.ok ? [] : result.errors);
      return;
    }
    setErrors([]);
    setFailure(undefined);
    setSaving(true);
    try {
      await props.save(result.draft, value?.id);
      props.onSaved(valueName(result.draft, locale));
    } catch (error) {
      setFailure(failureText(error));
      setSaving(false);
    }
  };

  const colour = form.color.trim();
  const untranslated = untranslatedText({ description: form.description, translations: form.translations });
  return (
    <form
      className={styles.editor}
      noValidate
      aria-labelledby="se-value-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="se-value-editor-title" className={styles.subheading} tabIndex={-1} ref={headingRef}>
        {value ? format(strings.EditorEditTitle, valueName(value, locale)) : strings.EditorNewTitle}
      </h3>
      <TextField styles={touchFieldStyles}
        label={strings.FieldName}
        required
        value={form.title}
        onChange={(_e, text) => set(keyTouched ? { title: text ?? '' } : { title: text ?? '', valueKey: suggestKey(text ?? '') })}
        errorMessage={errorOf('title')}
      />
      <TextField styles={touchFieldStyles}
        label={strings.FieldKey}
        required
        readOnly={value !== undefined}
        value={form.valueKey}
        onChange={(_e, text) => {
          setKeyTouched(true);
          set({ valueKey: text ?? '' });
        }}
        errorMessage={errorOf('valueKey')}
      />
      <TextField styles={touchFieldStyles} label={strings.FieldDescription} multiline rows={2} value={form.description} onChange={(_e, text) => set({ description: text ?? '' })} />
      <div className={styles.row}>
        <TextField styles={touchFieldStyles}
          className={styles.grow}
          label={strings.FieldIcon}
          value={form.iconName}
          onChange={(_e, text) => set({ iconName: text ?? '' })}
          errorMessage={iconError}
        />
        <div className={styles.preview} aria-label={strings.IconPreview} role="img">
          {form.iconName.trim() && (
            <Icon iconName={form.iconName.trim()} style={COLOUR_PATTERN.test(colour) ? { color: colour } : undefined} aria-hidden />
          )}
        </div>
      </div>
      <div className={styles.row}>
        <TextField styles={touchFieldStyles} className={styles.grow} label={strings.FieldColour} value={form.color} onChange={(_e, text) => set({ color: text ?? '' })} errorMessage={errorOf('color')} />
        <span className={styles.swatch} style={COLOUR_PATTERN.test(colour) ? { backgroundColor: colour } : undefined} aria-hidden />
      </div>
      <TextField styles={touchFieldStyles} label={strings.FieldOrder} type="number" inputMode="numeric" min={0} value={form.sortOrder} onChange={(_e, text) => set({ sortOrder: text ?? '' })} errorMessage={errorOf('sortOrder')} />
      <Switch label={strings.FieldActive} checked={form.isActive} onChange={(checked) => set({ isActive: checked })} />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.TranslationsLegend}</legend>
        <TextField styles={touchFieldStyles} label={strings.FieldNameDutch} lang="nl" value={form.translations['nl-nl']?.name ?? ''} onChange={(_e, text) => setTranslation('nl-nl', { name: text ?? '' })} errorMessage={errorOf('name:nl-nl')} />
        <TextField styles={touchFieldStyles} label={strings.FieldDescriptionDutch} lang="nl" multiline rows={2} value={form.translations['nl-nl']?.description ?? ''} onChange={(_e, text) => setTranslation('nl-nl', { description: text ?? '' })} />
        <TextField styles={touchFieldStyles} label={strings.FieldNameSwedish} lang="sv" value={form.translations['sv-se']?.name ?? ''} onChange={(_e, text) => setTranslation('sv-se', { name: text ?? '' })} errorMessage={errorOf('name:sv-se')} />
        <TextField styles={touchFieldStyles} label={strings.FieldDescriptionSwedish} lang="sv" multiline rows={2} value={form.translations['sv-se']?.description ?? ''} onChange={(_e, text) => setTranslation('sv-se', { description: text ?? '' })} />
      </fieldset>
      <SuggestionFields
        suggestions={form.suggestions}
        errors={errors}
        onChange={(language, text) => setForm((current) => ({ ...current, suggestions: { ...current.suggestions, [language]: text } }))}
      />
      {/* Before saving: which readers would see this value in English. */}
      <div aria-live="polite">
        {untranslated.length > 0 && (
          <MessageBar messageBarType={MessageBarType.warning} data-testid="untranslated">
            {untranslated.join(' ')}
          </MessageBar>
        )}
      </div>
      {failure && <MessageBar messageBarType={MessageBarType.error}>{failure}</MessageBar>}
      <div className={styles.actions}>
        {saving ? (
          <Spinner label={strings.Saving} />
        ) : (
          <>
            <PrimaryButton styles={primaryStyles} className={styles.action} type="submit" text={strings.Save} />
            <DefaultButton className={styles.action} text={strings.Cancel} onClick={props.onCancel} />
          </>
        )}
      </div>
    </form>
  );
}
