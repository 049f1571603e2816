import * as React from 'react';
import * as strings from 'PulseAdminWebPartStrings';

import { SHIPPED_LANGUAGES } from '../../../core/models/common';
import { type Question, SURVEY_CADENCES, type Survey, type SurveyCadence } from '../../../core/models/pulse';
import type { PlantMap } from '../../../core/plant/types';
import {
  audienceMinimumRound,
  type PulseAdminStore,
  type PulseCrewList,
  PulseCrewsError,
  type PulseCrewsErrorCode,
  type PulseCrewSource,
  surveyLockedThresholds
} from '../../../core/pulse/adminPorts';
import { audienceIncludesAgency } from '../../../core/pulse/audience';
import { MIN_COMMENT_GROUP_SIZE, MIN_GROUP_SIZE } from '../../../core/pulse/definition';
import { localName, lineByCode, siteByCode } from '../../../core/plant/workplace';
import { defaultRoundLengthDays, type RoundLengthResult } from '../../../core/pulse/roundLength';
import { roundWindows } from '../../../core/pulse/schedule';
import { questionWording, type SurveyRuleError, validateSurvey } from '../../../core/pulse/surveyRules';
import { isTimeZone, parseLocalTime } from '../../../core/pulse/zonedTime';
import type { SurveyRound } from '../../../core/models/pulse';
import { withDeadline } from '../../../core/recovery';
import { format, formatCount } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { Notice } from '../../../ui/light/Notice';
import { Select } from '../../../ui/light/Select';
import { Spinner } from '../../../ui/light/Spinner';
import { CheckList, TextBox } from './Fields';
import { CADENCE_NAMES, DRIVER_NAMES, errorTextOf, failureText, LANGUAGE_NAMES, whenText } from './pulseText';
import { errorsAt, formOf, inputOf, linesOf, type SurveyForm } from './surveyForm';
import styles from './PulseAdmin.module.scss';

export interface ISurveyEditorProps {
  /** The survey edited; undefined for a new one. */
  readonly survey: Survey | undefined;
  /** `schedule`: saved and scheduled at once (its schedule then required). */
  readonly mode: 'edit' | 'schedule';
  readonly questions: readonly Question[];
  readonly rounds: readonly SurveyRound[];
  readonly plantMap: PlantMap;
  readonly store: PulseAdminStore;
  /** The crews by name, each with its shortest round (the relay reads their rosters). */
  readonly crews: PulseCrewSource;
  readonly locale: string;
  readonly now: () => Date;
  /** `title`: the saved survey's name; `scheduled`: whether it was scheduled too. */
  onSaved(title: string, scheduled: boolean): void;
  onCancel(): void;
}

/** The relay's crews within this, or the form says they are unavailable. */
const CREWS_MS = 10_000;

function browserTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

type CrewsState = { readonly kind: 'loading' } | { readonly kind: 'loaded'; readonly list: PulseCrewList } | { readonly kind: 'failed'; readonly code: PulseCrewsErrorCode };

const CREWS_REASONS: Record<PulseCrewsErrorCode, string> = {
  noRelay: strings.CrewsNoRelay,
  notAllowed: strings.CrewsNotAllowed,
  notSetUp: strings.CrewsNotSetUp,
  relayFault: strings.CrewsRelayFault,
  unavailable: strings.CrewsBusy,
  unexpected: strings.CrewsUnexpected
};

/**
 * The crews, each with its shortest round for this opening time and zone, from the relay: asked
 * again when they change (the last answer stays while asking) and on request. While the zone is
 * no zone the crews are still listed (asked for UTC), but their rounds do not count (`zoneKnown`).
 */
function useCrews(source: PulseCrewSource, opensAt: string, timeZone: string): { state: CrewsState; zoneKnown: boolean; again(): void } {
  const [state, setState] = React.useState<CrewsState>({ kind: 'loading' });
  const [asked, setAsked] = React.useState(0);
  const time = parseLocalTime(opensAt) === undefined ? '00:00' : opensAt.trim();
  const known = isTimeZone(timeZone.trim());
  const zone = known ? timeZone.trim() : 'UTC';
  React.useEffect(() => {
    let current = true;
    setState((before) => (before.kind === 'loaded' ? before : { kind: 'loading' }));
    withDeadline(source.crews(time, zone), CREWS_MS, 'Reading the crews').then(
      (list) => current && setState({ kind: 'loaded', list }),
      (error: unknown) => current && setState({ kind: 'failed', code: error instanceof PulseCrewsError ? error.code : 'unavailable' })
    );
    return () => {
      current = false;
    };
  }, [source, time, zone, asked]);
  return { state, zoneKnown: known, again: () => setAsked((n) => n + 1) };
}

interface ICrewPickerProps {
  readonly state: CrewsState;
  readonly chosen: readonly string[];
  readonly plantMap: PlantMap;
  readonly locale: string;
  onChange(keys: string[]): void;
  onAgain(): void;
  readonly error?: string;
}

/**
 * The audience's crews, picked by name with their site and line (where the plant map places
 * them). Crews already chosen stay listed, also when the relay no longer lists them or cannot be
 * asked, so HR can see and remove them; new ones are picked only from the relay's list.
 */
function CrewPicker(props: ICrewPickerProps): React.ReactElement {
  const { state, chosen, plantMap, locale } = props;
  const listed = state.kind === 'loaded' ? state.list.crews : [];
  const place = (siteCode?: string, lineCode?: string): string | undefined => {
    const site = siteByCode(plantMap, siteCode);
    const line = lineByCode(plantMap, lineCode);
    const parts = [site ? localName(site, locale) : siteCode, line ? localName(line, locale) : lineCode].filter((part): part is string => !!part);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  };
  const options = listed
    .map((crew) => ({ key: crew.crewKey, text: crew.name, detail: place(crew.siteCode, crew.lineCode) }))
    .concat(
      chosen
        .filter((key) => !listed.some((crew) => crew.crewKey.toLowerCase() === key.toLowerCase()))
        .map((key) => ({ key, text: format(state.kind === 'loaded' ? strings.CrewUnknown : strings.CrewChosenEarlier, key), detail: undefined }))
    );
  return (
    <div data-testid="crew-picker">
      {state.kind === 'loading' && <Spinner size="small" label={strings.CrewsLoading} />}
      {state.kind === 'failed' && (
        <Notice type="warning" live={false}>
          <span data-testid="crews-unavailable">{format(strings.CrewsUnavailable, CREWS_REASONS[state.code])}</span>
        </Notice>
      )}
      {state.kind === 'failed' && state.code !== 'notAllowed' && <Button className={styles.action} text={strings.CrewsTryAgain} onClick={props.onAgain} />}
      {state.kind === 'loaded' && listed.length === 0 && <p className={styles.subtle}>{strings.CrewsNone}</p>}
      {options.length > 0 && <CheckList legend={strings.FieldCrews} help={strings.CrewsHelp} options={options} checked={chosen} onChange={props.onChange} error={props.error} />}
      {options.length === 0 && props.error && (
        <span className={styles.error} data-testid="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** HR's form for a survey: questions from the bank, languages, audience, cadence, round length, thresholds, schedule. */
export function SurveyEditor(props: ISurveyEditorProps): React.ReactElement {
  const { survey, questions, plantMap, locale } = props;
  const locked = survey ? surveyLockedThresholds(props.rounds, survey.id) : undefined;
  const [form, setForm] = React.useState<SurveyForm>(() =>
    formOf(survey, {
      timeZone: browserTimeZone(),
      roundLengthDays: defaultRoundLengthDays(undefined, 'monthly'),
      minGroupSize: locked?.minGroupSize ?? MIN_GROUP_SIZE,
      minCommentGroupSize: locked?.minCommentGroupSize ?? MIN_COMMENT_GROUP_SIZE,
      languages: [...SHIPPED_LANGUAGES]
    })
  );
  const [lengthTouched, setLengthTouched] = React.useState(survey !== undefined);
  const [errors, setErrors] = React.useState<readonly SurveyRuleError[]>([]);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  // A new survey once added: a retry after a failed second step updates it, never adds another.
  const [savedId, setSavedId] = React.useState<number | undefined>(survey?.id);
  const [toAdd, setToAdd] = React.useState('');
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  const crews = useCrews(props.crews, form.opensAt, form.timeZone);
  const audience = React.useMemo(
    () => ({ siteCodes: form.siteCodes, departments: linesOf(form.departments), crewKeys: linesOf(form.crewKeys) }),
    [form.siteCodes, form.departments, form.crewKeys]
  );
  // The audience's crews' rosters say it: HR's own teams never stand in for them.
  const minimum = React.useMemo((): RoundLengthResult | 'loading' | undefined => {
    if (crews.state.kind === 'loading') {
      return 'loading';
    }
    return crews.state.kind === 'failed' || !crews.zoneKnown ? undefined : audienceMinimumRound(crews.state.list, audience, plantMap);
  }, [crews.state, crews.zoneKnown, audience, plantMap]);
  // While the crews are asked again (another opening time), the rules keep the last minimum they gave.
  const lastMinimum = React.useRef<number | undefined>(undefined);
  if (minimum !== 'loading') {
    lastMinimum.current = minimum !== undefined && minimum.ok ? minimum.minimumDays : undefined;
  }
  const minimumDays = lastMinimum.current;
  React.useEffect(() => {
    // A new survey starts with the roster's minimum until HR types a length of their own.
    if (!lengthTouched && minimum !== 'loading') {
      setForm((current) => ({ ...current, roundLengthDays: String(defaultRoundLengthDays(minimum, current.cadence)) }));
    }
  }, [minimum, lengthTouched, form.cadence]);

  const set = (change: Partial<SurveyForm>): void => setForm((current) => ({ ...current, ...change }));
  const at = (place: string): string | undefined => errorTextOf(errorsAt(errors, place), locale);
  const wording = (question: Question): string => questionWording(question, locale) ?? questionWording(question, 'en-us') ?? question.questionKey;
  const byKey = (key: string): Question | undefined => questions.filter((q) => q.questionKey === key)[0];
  const scheduling = props.mode === 'schedule';

  const submit = async (): Promise<void> => {
    const checked = validateSurvey(inputOf(form), {
      questions,
      plantMap: plantMap.sites.length > 0 ? plantMap : undefined,
      minimumRoundLengthDays: minimumDays,
      lockedThresholds: locked,
      schedule: scheduling ? { now: props.now() } : undefined
    });
    setFailure(undefined);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    setSaving(true);
    const draft = checked.draft;
    try {
      let id = savedId;
      const fields = { title: draft.title, definition: draft.definition, cadence: draft.cadence, minGroupSize: draft.minGroupSize, minCommentGroupSize: draft.minCommentGroupSize };
      if (id === undefined) {
        id = await props.store.addSurvey(draft);
        setSavedId(id);
        if (scheduling) {
          await props.store.updateSurvey(id, { status: 'scheduled', definition: { ...draft.definition, paused: false } });
        }
      } else {
        await props.store.updateSurvey(id, scheduling ? { ...fields, status: 'scheduled', definition: { ...draft.definition, paused: false } } : fields);
      }
      props.onSaved(draft.title, scheduling);
    } catch (error) {
      // The form stays as typed: nothing is lost, Save tries again.
      setFailure(failureText(error));
      setSaving(false);
    }
  };

  const move = (index: number, by: number): void =>
    setForm((current) => {
      const keys = [...current.questionKeys];
      const [key] = keys.splice(index, 1);
      keys.splice(index + by, 0, key);
      return { ...current, questionKeys: keys };
    });
  const available = questions.filter((q) => q.isActive && form.questionKeys.indexOf(q.questionKey) < 0);
  const pick = toAdd !== '' && available.some((q) => q.questionKey === toAdd) ? toAdd : available[0]?.questionKey ?? '';

  const siteOptions = plantMap.sites
    .map((site) => ({ key: site.code, text: `${site.names[locale]?.trim() || site.name} (${site.code})` }))
    .concat(form.siteCodes.filter((code) => !plantMap.sites.some((site) => site.code === code)).map((code) => ({ key: code, text: code })));
  const agencyIn = audienceIncludesAgency({ employmentTypes: linesOf(form.employmentTypes) });
  const errorCount = errors.length;

  const windows = React.useMemo(() => {
    const input = inputOf(form);
    const definition = input.definition as Survey['definition'];
    const preview = { id: 0, status: 'scheduled' as const, cadence: form.cadence, minGroupSize: 5, minCommentGroupSize: 10, definition };
    const now = props.now();
    return roundWindows(preview, now, new Date(now.getTime() + 400 * 86_400_000), 3);
  }, [form, props]);

  let minimumText: string;
  if (minimum === 'loading') {
    minimumText = strings.RoundMinimumLoading;
  } else if (minimum !== undefined && minimum.ok) {
    minimumText = formatCount(locale, minimum.minimumDays, { one: strings.RoundMinimumOne, other: strings.RoundMinimum });
  } else {
    minimumText = format(strings.RoundMinimumUnknown, defaultRoundLengthDays(undefined, form.cadence));
  }

  return (
    <form
      className={styles.editor}
      noValidate
      aria-labelledby="se-survey-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="se-survey-editor-title" className={styles.subheading} tabIndex={-1} ref={headingRef}>
        {survey ? format(scheduling ? strings.EditorScheduleTitle : strings.EditorEditTitle, survey.title) : strings.EditorNewTitle}
      </h3>
      <div aria-live="polite">
        {errorCount > 0 && (
          <Notice type="error" live={false}>
            {strings.ErrorSummary} {at('form')}
          </Notice>
        )}
      </div>
      <TextBox label={strings.FieldTitle} required value={form.title} onChange={(title) => set({ title })} error={at('title')} />

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.QuestionsLegend}</legend>
        {at('questionKeys') && (
          <span className={styles.error} data-testid="field-error">
            {at('questionKeys')}
          </span>
        )}
        <ol className={styles.questionList} aria-label={strings.QuestionsLegend}>
          {form.questionKeys.map((key, index) => {
            const question = byKey(key);
            const name = question ? wording(question) : key;
            const error = at(`questionKeys[${index}]`);
            return (
              <li key={`${key}-${index}`} className={styles.questionRow} data-testid="survey-question">
                <span className={styles.questionText}>
                  <span className={styles.name}>{name}</span>
                  <span className={styles.subtle}>{question ? `${DRIVER_NAMES[question.driver]} · ${key}` : key}</span>
                  {error && (
                    <span className={styles.error} data-testid="field-error">
                      {error}
                    </span>
                  )}
                </span>
                <span className={styles.rowActions}>
                  <Button className={styles.action} iconName="Up" text={strings.MoveUp} aria-label={format(strings.MoveUpLabel, name)} disabled={index === 0} onClick={() => move(index, -1)} />
                  <Button
                    className={styles.action}
                    iconName="Down"
                    text={strings.MoveDown}
                    aria-label={format(strings.MoveDownLabel, name)}
                    disabled={index === form.questionKeys.length - 1}
                    onClick={() => move(index, 1)}
                  />
                  <Button
                    className={styles.action}
                    iconName="Cancel"
                    text={strings.Remove}
                    aria-label={format(strings.RemoveLabel, name)}
                    onClick={() => set({ questionKeys: form.questionKeys.filter((_k, i) => i !== index) })}
                  />
                </span>
              </li>
            );
          })}
        </ol>
        {available.length > 0 ? (
          <div className={styles.row}>
            <div className={styles.grow}>
              <Select label={strings.QuestionToAdd} value={pick} options={available.map((q) => ({ key: q.questionKey, text: `${wording(q)} (${DRIVER_NAMES[q.driver]})` }))} onChange={setToAdd} />
            </div>
            <Button className={styles.action} iconName="Add" text={strings.AddToSurvey} onClick={() => pick && set({ questionKeys: [...form.questionKeys, pick] })} />
          </div>
        ) : (
          <p className={styles.subtle}>{strings.NoQuestionsLeft}</p>
        )}
      </fieldset>

      <CheckList
        legend={strings.LanguagesLegend}
        options={SHIPPED_LANGUAGES.map((language) => ({ key: language, text: LANGUAGE_NAMES[language] }))}
        checked={form.languages}
        onChange={(languages) => set({ languages })}
        error={at('languages')}
      />

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.AudienceLegend}</legend>
        <span className={styles.help}>{strings.AudienceHelp}</span>
        {at('audience') && (
          <span className={styles.error} data-testid="field-error">
            {at('audience')}
          </span>
        )}
        {siteOptions.length > 0 ? (
          <CheckList legend={strings.FieldSites} options={siteOptions} checked={form.siteCodes} onChange={(siteCodes) => set({ siteCodes })} error={at('audience.siteCodes')} />
        ) : (
          <TextBox
            label={strings.FieldSiteCodes}
            multiline
            value={form.siteCodes.join('\n')}
            onChange={(text) => set({ siteCodes: linesOf(text) })}
            error={at('audience.siteCodes')}
          />
        )}
        <TextBox label={strings.FieldDepartments} multiline value={form.departments} onChange={(departments) => set({ departments })} error={at('audience.departments')} />
        <CrewPicker
          state={crews.state}
          chosen={linesOf(form.crewKeys)}
          plantMap={plantMap}
          locale={locale}
          onChange={(keys) => set({ crewKeys: keys.join('\n') })}
          onAgain={crews.again}
          error={at('audience.crewKeys')}
        />
        <TextBox
          label={strings.FieldEmploymentTypes}
          multiline
          value={form.employmentTypes}
          onChange={(employmentTypes) => set({ employmentTypes })}
          error={at('audience.employmentTypes')}
        />
        <div aria-live="polite">
          <Notice type={agencyIn ? 'info' : 'warning'} live={false}>
            <span data-testid="agency-notice">{agencyIn ? strings.AgencyIncluded : strings.AgencyExcluded}</span>
          </Notice>
        </div>
      </fieldset>

      <Select
        label={strings.FieldCadence}
        value={form.cadence}
        options={SURVEY_CADENCES.map((cadence) => ({ key: cadence, text: CADENCE_NAMES[cadence] }))}
        onChange={(cadence) => set({ cadence: cadence as SurveyCadence })}
      />
      {at('cadence') && (
        <span className={styles.error} data-testid="field-error">
          {at('cadence')}
        </span>
      )}
      <TextBox
        label={strings.FieldRoundLength}
        inputMode="numeric"
        value={form.roundLengthDays}
        onChange={(roundLengthDays) => {
          setLengthTouched(true);
          set({ roundLengthDays });
        }}
        help={minimumText}
        error={at('roundLengthDays')}
      />

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.ThresholdsLegend}</legend>
        <span className={styles.help} data-testid="thresholds-help">
          {locked ? format(strings.ThresholdsLocked, locked.minGroupSize, locked.minCommentGroupSize) : strings.ThresholdsHelp}
        </span>
        <TextBox
          label={strings.FieldMinGroup}
          inputMode="numeric"
          readOnly={locked !== undefined}
          value={form.minGroupSize}
          onChange={(minGroupSize) => set({ minGroupSize })}
          error={at('minGroupSize')}
        />
        <TextBox
          label={strings.FieldMinComments}
          inputMode="numeric"
          readOnly={locked !== undefined}
          value={form.minCommentGroupSize}
          onChange={(minCommentGroupSize) => set({ minCommentGroupSize })}
          error={at('minCommentGroupSize')}
        />
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.ScheduleLegend}</legend>
        <span className={styles.help}>{scheduling ? strings.ScheduleRequired : strings.ScheduleHelp}</span>
        <TextBox label={strings.FieldFirstOpensOn} type="date" value={form.firstOpensOn} onChange={(firstOpensOn) => set({ firstOpensOn })} error={at('firstOpensOn')} />
        <TextBox label={strings.FieldOpensAt} type="time" value={form.opensAt} onChange={(opensAt) => set({ opensAt })} error={at('opensAt')} />
        <TextBox label={strings.FieldTimeZone} value={form.timeZone} onChange={(timeZone) => set({ timeZone })} error={at('timeZone')} />
        <TextBox label={strings.FieldMaxReminders} inputMode="numeric" value={form.maxReminders} onChange={(maxReminders) => set({ maxReminders })} error={at('maxReminders')} />
        {windows.length > 0 && (
          <div>
            <span className={styles.label}>{strings.ComingRounds}</span>
            <ul className={styles.plainList} data-testid="coming-rounds">
              {windows.map((window) => (
                <li key={window.roundNumber}>
                  {format(strings.RoundWindow, window.roundNumber, whenText(window.opensAt, locale, form.timeZone), whenText(window.closesAt, locale, form.timeZone))}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      {failure && (
        <Notice type="error">
          {strings.SaveFailed} {failure}
        </Notice>
      )}
      <div className={styles.actions}>
        {saving ? (
          <Spinner label={strings.Saving} />
        ) : (
          <>
            <Button primary={true} className={styles.action} type="submit" text={scheduling ? strings.SaveAndSchedule : strings.Save} />
            <Button className={styles.action} text={strings.Cancel} onClick={props.onCancel} />
          </>
        )}
      </div>
    </form>
  );
}
