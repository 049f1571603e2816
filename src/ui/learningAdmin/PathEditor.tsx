/**
 * A path's form: names in en/nl/sv, active, the paths it requires (a cycle is refused with the
 * names around it), the levels it grants, validity, lapse, renewal and named trainers. What HR
 * typed stays on screen when saving fails; Save is Try again.
 */
import * as React from 'react';

import type { AdminPath, LearningAdminStore } from '../../core/learning/learningAdminPorts';
import { checkPathDraft, EMPTY_TEXTS, isError, type Language, type PathDraft, pathDraftOf, type PathProblem } from '../../core/learning/pathDraft';
import { pathName } from '../../core/learning/wording';
import { SHIPPED_LANGUAGES } from '../../core/models/common';
import { LEARNING_CATEGORIES, type LearningCategory, SKILL_LEVELS, type SkillLevel } from '../../core/models/learning';
import { format } from '../format';
import { Notice } from '../light/Notice';
import type { AdminWords } from './adminWords';
import { failureText } from './failureText';
import { Action, Field, Problems, Tick } from './Fields';
import styles from './LearningAdmin.module.scss';

export interface IPathEditorProps {
  readonly words: AdminWords;
  readonly locale: string;
  /** Absent: a new path. */
  readonly path?: AdminPath;
  readonly paths: readonly AdminPath[];
  readonly store: LearningAdminStore;
  onSaved(id: number): void;
  onCancel(): void;
}

const NEW_PATH: PathDraft = { names: EMPTY_TEXTS, category: 'other', isActive: true, requiresPathIds: [], grants: [], validityMonths: '', lapseDays: '', trainers: [] };

/** A problem in words; a cycle names every path around it. */
export function pathProblemText(words: AdminWords, problem: PathProblem, nameOf: (id: number) => string): string {
  if (problem.code === 'prerequisiteCycle') {
    return format(words.form.prerequisiteCycle, problem.cycle.map(nameOf).join(' → '));
  }
  if (problem.code === 'translationMissing') {
    return `${words.languages[problem.language]}: ${words.form.translationMissing}`;
  }
  if (problem.code === 'nameTooLong') {
    return format(words.form.nameTooLong, problem.length);
  }
  return words.form[problem.code];
}

export function PathEditor(props: IPathEditorProps): React.ReactElement {
  const { words, path, paths, store } = props;
  const [draft, setDraft] = React.useState<PathDraft>(() => (path ? pathDraftOf(path, []) : NEW_PATH));
  const [trainersText, setTrainersText] = React.useState('');
  const [problems, setProblems] = React.useState<PathProblem[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);

  // The named trainers' sign-in names, read once when an existing path opens.
  React.useEffect(() => {
    let current = true;
    if (path && path.trainerIds.length > 0) {
      store.trainersOf(path.trainerIds).then(
        (names) => current && setTrainersText((typed) => (typed === '' ? names.join('\n') : typed)),
        () => undefined
      );
    }
    return () => {
      current = false;
    };
  }, [path, store]);

  const change = (patch: Partial<PathDraft>): void => setDraft((current) => ({ ...current, ...patch }));
  const others = paths.filter((other) => other.id !== path?.id);
  const nameOf = (id: number): string => {
    if (id === (path?.id ?? 0)) {
      return draft.names['en-us'] || words.newPath;
    }
    const found = paths.filter((p) => p.id === id)[0];
    return found ? pathName(found, props.locale) : `#${id}`;
  };

  const save = (): void => {
    const trainers = trainersText
      .split(/[\n,;]/)
      .map((t) => t.trim())
      .filter((t) => t !== '');
    const full: PathDraft = { ...draft, trainers };
    const found = checkPathDraft(full, paths);
    setProblems(found);
    setFailure(undefined);
    if (found.some(isError)) {
      return;
    }
    setSaving(true);
    store.savePath(full).then(
      (id) => {
        setSaving(false);
        props.onSaved(id);
      },
      (error: unknown) => {
        setSaving(false);
        setFailure(failureText(words, error));
      }
    );
  };

  const errors = problems.filter(isError).map((p) => pathProblemText(words, p, nameOf));
  const warnings = problems.filter((p) => !isError(p)).map((p) => pathProblemText(words, p, nameOf));
  const fieldError = (...codes: Array<PathProblem['code']>): string | undefined => {
    const found = problems.filter((p) => codes.indexOf(p.code) >= 0 && isError(p))[0];
    return found ? pathProblemText(words, found, nameOf) : undefined;
  };

  /** A name field's error: missing (English), or too long (any language). */
  const nameError = (language: Language): string | undefined => {
    const tooLong = problems.filter((p) => p.code === 'nameTooLong' && p.language === language)[0];
    return tooLong ? pathProblemText(words, tooLong, nameOf) : language === 'en-us' ? fieldError('nameMissing') : undefined;
  };

  return (
    <section aria-labelledby="se-learning-path-heading">
      <h3 id="se-learning-path-heading" className={styles.subheading}>
        {path ? words.editPath : words.newPath}
      </h3>
      {SHIPPED_LANGUAGES.map((language: Language) => (
        <Field
          key={language}
          label={format(words.nameIn, words.languages[language])}
          value={draft.names[language]}
          lang={language.slice(0, 2)}
          error={nameError(language)}
          onChange={(value) => change({ names: { ...draft.names, [language]: value } })}
        />
      ))}
      <div className={styles.field}>
        <label className={styles.label} htmlFor="se-learning-category">
          {words.category}
        </label>
        <select id="se-learning-category" className={styles.input} value={draft.category} onChange={(event) => change({ category: event.target.value as LearningCategory })}>
          {LEARNING_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {words.categories[category]}
            </option>
          ))}
        </select>
      </div>
      <Tick label={words.pathIsActive} checked={draft.isActive} onChange={(isActive) => change({ isActive })} />
      {others.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{words.requires}</legend>
          {others.map((other) => (
            <Tick
              key={other.id}
              label={pathName(other, props.locale)}
              checked={draft.requiresPathIds.indexOf(other.id) >= 0}
              onChange={(on) => change({ requiresPathIds: on ? [...draft.requiresPathIds, other.id] : draft.requiresPathIds.filter((id) => id !== other.id) })}
            />
          ))}
          {fieldError('prerequisiteCycle', 'requiresItself', 'unknownPrerequisite') && <span className={styles.error}>{fieldError('prerequisiteCycle', 'requiresItself', 'unknownPrerequisite')}</span>}
        </fieldset>
      )}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{words.grantsLegend}</legend>
        {draft.grants.map((grant, row) => (
          <div key={row} className={styles.grantRow}>
            <Field label={words.station} value={grant.station} onChange={(station) => change({ grants: draft.grants.map((g, i) => (i === row ? { ...g, station } : g)) })} />
            <div className={styles.field}>
              <label className={styles.label} htmlFor={`se-grant-level-${row}`}>
                {words.level}
              </label>
              <select
                id={`se-grant-level-${row}`}
                className={styles.input}
                value={grant.level}
                onChange={(event) => change({ grants: draft.grants.map((g, i) => (i === row ? { ...g, level: event.target.value as SkillLevel | '' } : g)) })}
              >
                <option value="">{words.noLevel}</option>
                {SKILL_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            </div>
            <Action text={words.remove} description={grant.station} onClick={() => change({ grants: draft.grants.filter((_, i) => i !== row) })} />
          </div>
        ))}
        {fieldError('grantInvalid') && <span className={styles.error}>{fieldError('grantInvalid')}</span>}
        <div className={styles.actions}>
          <Action text={words.addGrant} iconName="Add" onClick={() => change({ grants: [...draft.grants, { station: '', level: '' }] })} />
        </div>
      </fieldset>
      <Field label={words.validityMonths} help={words.validityHelp} inputMode="numeric" value={draft.validityMonths} error={fieldError('validityMonths')} onChange={(validityMonths) => change({ validityMonths })} />
      <Field label={words.lapseDays} help={words.lapseHelp} inputMode="numeric" value={draft.lapseDays} error={fieldError('lapseDays')} onChange={(lapseDays) => change({ lapseDays })} />
      <div className={styles.field}>
        <label className={styles.label} htmlFor="se-learning-renewal">
          {words.renewalPath}
        </label>
        <select
          id="se-learning-renewal"
          className={styles.input}
          value={draft.renewalPathId === undefined ? '' : String(draft.renewalPathId)}
          onChange={(event) => change({ renewalPathId: event.target.value === '' ? undefined : Number(event.target.value) })}
        >
          <option value="">{words.renewalSame}</option>
          {others.map((other) => (
            <option key={other.id} value={String(other.id)}>
              {pathName(other, props.locale)}
            </option>
          ))}
        </select>
        {fieldError('renewalPathUnknown') && <span className={styles.error}>{fieldError('renewalPathUnknown')}</span>}
      </div>
      <Field label={words.trainers} help={words.trainersHelp} multiline={true} inputMode="email" value={trainersText} error={fieldError('trainerInvalid')} onChange={setTrainersText} />
      <Problems errors={errors} warnings={warnings} warningLabel={words.warning} />
      {failure && <Notice type="error">{failure}</Notice>}
      <div className={styles.actions}>
        <Action primary={true} text={saving ? words.saving : failure ? words.tryAgain : words.save} disabled={saving} onClick={save} />
        <Action text={words.back} onClick={props.onCancel} disabled={saving} />
      </div>
    </section>
  );
}
