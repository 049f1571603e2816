import * as React from 'react';
import * as strings from 'PulseAdminWebPartStrings';

import { PULSE_DRIVERS, type PulseDriver, type Question, QUESTION_KINDS, type QuestionKind } from '../../../core/models/pulse';
import type { PulseAdminStore, QuestionDraft } from '../../../core/pulse/adminPorts';
import { type SurveyRuleError, validateQuestion } from '../../../core/pulse/surveyRules';
import { Button } from '../../../ui/light/Button';
import { Notice } from '../../../ui/light/Notice';
import { Select } from '../../../ui/light/Select';
import { Spinner } from '../../../ui/light/Spinner';
import { TextBox } from './Fields';
import { DRIVER_NAMES, errorTextOf, failureText, KIND_NAMES } from './pulseText';
import styles from './PulseAdmin.module.scss';

export interface IQuestionEditorProps {
  readonly questions: readonly Question[];
  readonly store: Pick<PulseAdminStore, 'addQuestion'>;
  readonly locale: string;
  /** `key`: the added question's key. */
  onAdded(key: string): void;
  onCancel(): void;
}

interface QuestionForm {
  readonly questionKey: string;
  readonly english: string;
  readonly dutch: string;
  readonly swedish: string;
  readonly driver: PulseDriver;
  readonly kind: QuestionKind;
}

/** A new question for the bank: its key, driver, kind of answer and wording in English, Dutch and Swedish. */
export function QuestionEditor(props: IQuestionEditorProps): React.ReactElement {
  const [form, setForm] = React.useState<QuestionForm>({ questionKey: '', english: '', dutch: '', swedish: '', driver: 'engagement', kind: 'likert5' });
  const [errors, setErrors] = React.useState<readonly SurveyRuleError[]>([]);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);
  const set = (change: Partial<QuestionForm>): void => setForm((current) => ({ ...current, ...change }));
  const at = (field: string): string | undefined => errorTextOf(errors.filter((e) => e.field === field), props.locale, 'question');

  const submit = async (): Promise<void> => {
    // A translation left empty is left out: the survey rules then refuse the question in that language.
    const translations: { [language: string]: { text: string } } = {};
    if (form.dutch.trim() !== '') {
      translations['nl-nl'] = { text: form.dutch.trim() };
    }
    if (form.swedish.trim() !== '') {
      translations['sv-se'] = { text: form.swedish.trim() };
    }
    const draft: QuestionDraft = { questionKey: form.questionKey.trim(), title: form.english.trim(), driver: form.driver, kind: form.kind, translations };
    const found = validateQuestion(draft, props.questions);
    setErrors(found);
    setFailure(undefined);
    if (found.length > 0) {
      return;
    }
    setSaving(true);
    try {
      await props.store.addQuestion(draft);
      props.onAdded(draft.questionKey);
    } catch (error) {
      setFailure(failureText(error));
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.editor}
      noValidate
      aria-labelledby="se-question-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="se-question-editor-title" className={styles.subheading} tabIndex={-1} ref={headingRef}>
        {strings.QuestionEditorTitle}
      </h3>
      <TextBox label={strings.FieldQuestionKey} required value={form.questionKey} onChange={(questionKey) => set({ questionKey })} error={at('questionKey')} />
      <TextBox label={strings.FieldWordingEnglish} required lang="en" value={form.english} onChange={(english) => set({ english })} error={at('title')} />
      <TextBox label={strings.FieldWordingDutch} lang="nl" value={form.dutch} onChange={(dutch) => set({ dutch })} error={at('translations.nl-nl')} />
      <TextBox label={strings.FieldWordingSwedish} lang="sv" value={form.swedish} onChange={(swedish) => set({ swedish })} error={at('translations.sv-se')} />
      <Select
        label={strings.FieldDriver}
        value={form.driver}
        options={PULSE_DRIVERS.map((driver) => ({ key: driver, text: DRIVER_NAMES[driver] }))}
        onChange={(driver) => set({ driver: driver as PulseDriver })}
      />
      <Select label={strings.FieldKind} value={form.kind} options={QUESTION_KINDS.map((kind) => ({ key: kind, text: KIND_NAMES[kind] }))} onChange={(kind) => set({ kind: kind as QuestionKind })} />
      {failure && (
        <Notice type="error">
          {strings.QuestionSaveFailed} {failure}
        </Notice>
      )}
      <div className={styles.actions}>
        {saving ? (
          <Spinner label={strings.Saving} />
        ) : (
          <>
            <Button primary={true} className={styles.action} type="submit" text={strings.AddQuestionSave} />
            <Button className={styles.action} text={strings.Cancel} onClick={props.onCancel} />
          </>
        )}
      </div>
    </form>
  );
}
