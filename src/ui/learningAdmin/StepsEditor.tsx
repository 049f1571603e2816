/**
 * A path's steps: in order, each with Edit, Move up, Move down and Delete (48 px each, no drag:
 * a phone and a keyboard can both do it), and the step form. A quiz step's form has its questions,
 * choices in en/nl/sv, which choices are right and the pass mark; on save the step is written to
 * SharePoint without the answers, then the answers go to the relay, which seals them
 * (`POST /api/learning/quiz-key`). What HR typed stays on screen when either fails.
 */
import * as React from 'react';

import type { AdminPath, AdminStep, LearningAdminRelay, LearningAdminStore } from '../../core/learning/learningAdminPorts';
import { checkStepForm, EMPTY_TEXTS, isError, type Language, newQuestion, type QuestionDraft, quizOf, reorderedSteps, type StepForm, type StepFormProblem, type Texts } from '../../core/learning/pathDraft';
import { stepsInOrder } from '../../core/learning/steps';
import { pathName, stepWording } from '../../core/learning/wording';
import { SHIPPED_LANGUAGES } from '../../core/models/common';
import { STEP_KINDS, type StepKind } from '../../core/models/learning';
import { format } from '../format';
import { Notice } from '../light/Notice';
import type { AdminWords } from './adminWords';
import { failureText } from './failureText';
import { Action, Field, Problems, Tick } from './Fields';
import styles from './LearningAdmin.module.scss';

export interface IStepsEditorProps {
  readonly words: AdminWords;
  readonly locale: string;
  readonly path: AdminPath;
  readonly steps: readonly AdminStep[];
  readonly store: LearningAdminStore;
  readonly relay: LearningAdminRelay;
  readonly tenantHosts: readonly string[];
  /** After any change: the part reads paths and steps again. */
  onChanged(): void;
  onBack(): void;
}

const textsOf = (pick: (language: Language) => string | undefined): Texts => ({ 'en-us': pick('en-us') ?? '', 'nl-nl': pick('nl-nl') ?? '', 'sv-se': pick('sv-se') ?? '' });

/** A stored step as the form shows it (a quiz's right choices are never read back: HR ticks them again to change them). */
function formOf(step: AdminStep | undefined, pathId: number): StepForm {
  if (!step) {
    return { pathId, kind: 'read', titles: EMPTY_TEXTS, minutes: '5', contentUrl: '', vivaCourseId: '', questions: [], passMark: '' };
  }
  const questions: QuestionDraft[] = (step.quiz?.questions ?? []).map((question) => {
    const english = question.translations['en-us'];
    return {
      prompts: textsOf((language) => question.translations[language]?.prompt),
      choices: (english?.options ?? []).map((_, index) => textsOf((language) => question.translations[language]?.options[index])),
      right: []
    };
  });
  return {
    id: step.id,
    pathId,
    kind: step.kind,
    titles: textsOf((language) => step.translations[language]?.title ?? (language === 'en-us' ? step.title : undefined)),
    minutes: String(step.estimatedMinutes),
    contentUrl: step.contentUrl ?? '',
    vivaCourseId: step.vivaCourseId ?? '',
    questions,
    passMark: step.quiz ? String(step.quiz.passMark) : ''
  };
}

function problemText(words: AdminWords, problem: StepFormProblem): string {
  const text = problem.code === 'quizInvalid' ? words.form.quizInvalid : words.form[problem.code];
  return problem.language ? `${words.languages[problem.language as Language] ?? problem.language}: ${text}` : text;
}

function QuestionFields(props: { readonly words: AdminWords; readonly index: number; readonly question: QuestionDraft; onChange(question: QuestionDraft): void; onRemove(): void }): React.ReactElement {
  const { words, question, index } = props;
  const setChoice = (choice: number, language: Language, value: string): void =>
    props.onChange({ ...question, choices: question.choices.map((texts, i) => (i === choice ? { ...texts, [language]: value } : texts)) });
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{format(words.question, index + 1)}</legend>
      {SHIPPED_LANGUAGES.map((language: Language) => (
        <Field
          key={language}
          label={format(words.promptIn, words.languages[language])}
          lang={language.slice(0, 2)}
          value={question.prompts[language]}
          onChange={(value) => props.onChange({ ...question, prompts: { ...question.prompts, [language]: value } })}
        />
      ))}
      {question.choices.map((choice, c) => (
        <div key={c}>
          {SHIPPED_LANGUAGES.map((language: Language) => (
            <Field key={language} label={format(words.choiceIn, c + 1, words.languages[language])} lang={language.slice(0, 2)} value={choice[language]} onChange={(value) => setChoice(c, language, value)} />
          ))}
          <Tick
            label={format(words.rightChoice, c + 1)}
            checked={question.right.indexOf(c) >= 0}
            onChange={(on) => props.onChange({ ...question, right: on ? [...question.right, c] : question.right.filter((r) => r !== c) })}
          />
        </div>
      ))}
      <div className={styles.actions}>
        <Action text={words.addChoice} iconName="Add" onClick={() => props.onChange({ ...question, choices: [...question.choices, EMPTY_TEXTS] })} />
        <Action text={words.removeQuestion} onClick={props.onRemove} />
      </div>
    </fieldset>
  );
}

function StepFormView(props: {
  readonly words: AdminWords;
  readonly form: StepForm;
  readonly problems: readonly StepFormProblem[];
  onChange(form: StepForm): void;
}): React.ReactElement {
  const { words, form } = props;
  const change = (patch: Partial<StepForm>): void => props.onChange({ ...form, ...patch });
  const fieldError = (...codes: string[]): string | undefined => {
    const found = props.problems.filter((p) => codes.indexOf(p.code) >= 0 && isError(p))[0];
    return found ? problemText(words, found) : undefined;
  };
  return (
    <>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="se-learning-step-kind">
          {words.kind}
        </label>
        <select id="se-learning-step-kind" className={styles.input} value={form.kind} onChange={(event) => change({ kind: event.target.value as StepKind })}>
          {STEP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {words.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      {SHIPPED_LANGUAGES.map((language: Language) => (
        <Field
          key={language}
          label={format(words.titleIn, words.languages[language])}
          lang={language.slice(0, 2)}
          value={form.titles[language]}
          error={language === 'en-us' ? fieldError('titleMissing') : undefined}
          onChange={(value) => change({ titles: { ...form.titles, [language]: value } })}
        />
      ))}
      <Field label={words.minutes} inputMode="numeric" value={form.minutes} error={fieldError('minutesOutOfRange')} onChange={(minutes) => change({ minutes })} />
      {(form.kind === 'read' || form.kind === 'watch') && (
        <Field label={words.contentUrl} help={words.contentUrlHelp} type="url" value={form.contentUrl} error={fieldError('contentUrlMissing', 'contentUrlOutsideTenant')} onChange={(contentUrl) => change({ contentUrl })} />
      )}
      {form.kind === 'viva-course' && <Field label={words.vivaCourseId} value={form.vivaCourseId} error={fieldError('vivaCourseMissing')} onChange={(vivaCourseId) => change({ vivaCourseId })} />}
      {form.kind === 'quiz' && (
        <>
          <p className={styles.help}>{words.answersHelp}</p>
          {form.questions.map((question, index) => (
            <QuestionFields
              key={index}
              words={words}
              index={index}
              question={question}
              onChange={(changed) => change({ questions: form.questions.map((q, i) => (i === index ? changed : q)) })}
              onRemove={() => change({ questions: form.questions.filter((_, i) => i !== index) })}
            />
          ))}
          <div className={styles.actions}>
            <Action text={words.addQuestion} iconName="Add" onClick={() => change({ questions: [...form.questions, newQuestion()] })} />
          </div>
          <Field label={words.passMarkLabel} inputMode="numeric" value={form.passMark} error={fieldError('passMark')} onChange={(passMark) => change({ passMark })} />
        </>
      )}
    </>
  );
}

export function StepsEditor(props: IStepsEditorProps): React.ReactElement {
  const { words, path, store, relay } = props;
  const ordered = stepsInOrder(props.steps, path.id);
  const [editing, setEditing] = React.useState<StepForm | undefined>(undefined);
  const [problems, setProblems] = React.useState<StepFormProblem[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  /** Runs a change; `failed` words its failure (what was typed stays on screen). */
  const run = (work: () => Promise<void>, after?: () => void, failed: (error: unknown) => string = (error) => failureText(words, error)): void => {
    setBusy(true);
    setFailure(undefined);
    work().then(
      () => {
        setBusy(false);
        after?.();
        props.onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(failed(error));
      }
    );
  };

  const save = (form: StepForm): void => {
    const found = checkStepForm(form, props.tenantHosts);
    setProblems(found);
    setNotice(undefined);
    if (found.some(isError)) {
      return;
    }
    const existing = ordered.filter((step) => step.id === form.id)[0];
    const sortOrder = existing ? existing.sortOrder : (ordered.length > 0 ? ordered[ordered.length - 1].sortOrder : 0) + 10;
    let stored = false;
    run(
      async () => {
        const id = await store.saveStep(form, sortOrder);
        stored = true;
        // Saved from here on: Try again changes this step, never adds a second one.
        setEditing((current) => (current ? { ...current, id } : current));
        if (form.kind === 'quiz') {
          await relay.sealQuizKey(id, quizOf(form).answerKey);
        }
      },
      () => {
        setEditing(undefined);
        setNotice(words.saved);
      },
      (error) => (stored ? format(words.keyNotSealed, failureText(words, error)) : failureText(words, error))
    );
  };

  if (editing) {
    const errors = problems.filter(isError).map((p) => problemText(words, p));
    const warnings = problems.filter((p) => !isError(p)).map((p) => problemText(words, p));
    return (
      <section aria-labelledby="se-learning-step-heading">
        <h3 id="se-learning-step-heading" className={styles.subheading}>
          {editing.id === undefined ? words.addStep : words.editStep}
        </h3>
        <StepFormView words={words} form={editing} problems={problems} onChange={setEditing} />
        <Problems errors={errors} warnings={warnings} warningLabel={words.warning} />
        {failure && <Notice type="error">{failure}</Notice>}
        <div className={styles.actions}>
          <Action primary={true} text={busy ? words.saving : failure ? words.tryAgain : words.save} disabled={busy} onClick={() => save(editing)} />
          <Action
            text={words.back}
            disabled={busy}
            onClick={() => {
              setEditing(undefined);
              setFailure(undefined);
              setProblems([]);
            }}
          />
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="se-learning-steps-heading">
      <h3 id="se-learning-steps-heading" className={styles.subheading}>
        {format(words.stepsOf, pathName(path, props.locale))}
      </h3>
      {notice && <Notice type="success">{notice}</Notice>}
      {failure && <Notice type="error">{failure}</Notice>}
      {ordered.length === 0 && <p>{words.noSteps}</p>}
      <ol className={styles.list}>
        {ordered.map((step, index) => {
          const title = stepWording(step, props.locale).title;
          return (
            <li key={step.id} className={styles.row}>
              <span className={styles.name}>{title}</span> <span className={styles.subtle}>· {words.kinds[step.kind]}</span>
              {step.kind === 'quiz' && <div className={step.keySealed ? styles.subtle : styles.error}>{step.keySealed ? words.keySealed : words.keyMissing}</div>}
              <div className={styles.actions}>
                <Action text={words.editStep} description={title} disabled={busy} onClick={() => setEditing(formOf(step, path.id))} />
                <Action text={words.moveUp} description={title} disabled={busy || index === 0} onClick={() => run(() => store.reorder(reorderedSteps(ordered, index, -1)))} />
                <Action text={words.moveDown} description={title} disabled={busy || index === ordered.length - 1} onClick={() => run(() => store.reorder(reorderedSteps(ordered, index, 1)))} />
                <Action
                  text={words.deleteStep}
                  description={title}
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(format(words.confirmDelete, title))) {
                      run(() => store.deleteStep(step.id));
                    }
                  }}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <div className={styles.actions}>
        <Action primary={true} text={words.addStep} iconName="Add" disabled={busy} onClick={() => setEditing(formOf(undefined, path.id))} />
        <Action text={words.back} onClick={props.onBack} />
      </div>
    </section>
  );
}
