import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { Icon } from '@fluentui/react/lib/Icon';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { IPopupRestoreFocusParams } from '@fluentui/react/lib/Popup';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'CrewRecognitionWebPartStrings';
import * as shared from 'RecognitionSharedStrings';

import type { RecognitionValue } from '../../../core/models/values';
import type { ComposeError, RecipientRef } from '../../../core/recognition/compose';
import {
  type ComposerEvent,
  type ComposerPerson,
  composerPick,
  composerReducer,
  type ComposerState,
  editedField,
  pickProblems,
  showsMessageBox,
  startComposer
} from '../../../core/recognition/composer';
import { valueSuggestions } from '../../../core/recognition/suggestions';
import { fieldErrorText } from '../../../ui/recognition/composeErrorText';
import { ComposerMessageStep, composerMessageWords } from '../../../ui/recognition/ComposerMessageStep';
import type { GiveOutcome, GiveRecognitionDeps, RecognitionPick } from '../../../ui/recognition/giveRecognition';
import { storeErrorSentence } from '../../../ui/recognition/storeErrorText';
import { useGiveRecognition } from '../../../ui/recognition/useGiveRecognition';
import { format } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import { type CrewEntry, LEADER_MILESTONES, type LeaderMilestone, SERVICE_ANNIVERSARY } from '../../../core/recognition/crew';
import { valueName } from '../../../core/recognition/values';
import { daysText, yearsText } from './crewText';
import { legibleTheme } from './legibleTheme';
import styles from './CrewRecognition.module.scss';

export type ComposerMode =
  | { readonly kind: 'recognise'; readonly person: CrewEntry }
  | { readonly kind: 'anniversary'; readonly person: CrewEntry; readonly years: number }
  | { readonly kind: 'milestone' };

export interface ICrewComposerProps {
  readonly mode: ComposerMode;
  /** Crew members who can receive (ensured as site users). */
  readonly crew: readonly CrewEntry[];
  /** Active values, in HR's order. */
  readonly values: readonly RecognitionValue[];
  readonly locale: string;
  /** What giving needs besides the pick (a fresh request id each time). */
  giveDeps(): GiveRecognitionDeps;
  /** Sent or kept in the outbox: the view closes the composer and says so. */
  onDone(outcome: Extract<GiveOutcome, { kind: 'sent' | 'queued' }>): void;
  onCancel(): void;
}

const MILESTONE_TEXT: Record<LeaderMilestone, string> = {
  'safety-streak': strings.MilestoneSafety,
  'zero-defect-streak': strings.MilestoneZeroDefect,
  'first-solo-shift': strings.MilestoneFirstSolo
};

function isStreak(kind: LeaderMilestone): boolean {
  return kind !== 'first-solo-shift';
}

/** Crew members picked by their directory id. */
type Picked = ComposerPerson;

function startFor(mode: ComposerMode, locale: string): ComposerState<Picked> {
  switch (mode.kind) {
    case 'recognise':
      return startComposer<Picked>({ people: [{ id: mode.person.profile.id }] });
    case 'anniversary':
      return startComposer<Picked>({ people: [{ id: mode.person.profile.id }], message: format(strings.AnniversaryMessage, yearsText(locale, mode.years)) });
    case 'milestone':
      // The leader ticks who reached it, then goes on with "Next".
      return { ...startComposer<Picked>(), addingPeople: true };
  }
}

/** The section's theme with the colour pairs that would not read replaced (`legibleTheme`). */
function LegibleTheme(props: { children: React.ReactNode }): React.ReactElement {
  const theme = useTheme();
  const legible = React.useMemo(() => legibleTheme(theme), [theme]);
  return <ThemeProvider theme={legible}>{props.children}</ThemeProvider>;
}

/**
 * The crew view's composer, the one composer behaviour (`core/recognition/composer.ts`): the
 * person is known from the tap that opened it, so a value and a suggested line send it (or
 * the leader's own words); impact and who can see it are one tap away. A milestone first asks
 * which one and who reached it; an anniversary starts with its congratulations written.
 */
export function CrewComposer(props: ICrewComposerProps): React.ReactElement {
  const { mode, values, locale } = props;
  const [state, setState] = React.useState<ComposerState<Picked>>(() => startFor(mode, locale));
  const [milestone, setMilestone] = React.useState<LeaderMilestone>('safety-streak');
  const [days, setDays] = React.useState('');
  const [errors, setErrors] = React.useState<readonly ComposeError[]>([]);
  const [daysError, setDaysError] = React.useState(false);
  const [problem, setProblem] = React.useState<string | undefined>(undefined);
  const { sending, give } = useGiveRecognition();
  const stepStart = React.useRef<HTMLParagraphElement>(null);
  // Closed unsent, focus goes back to the button that opened the composer; once sent, the view
  // moves it to its confirmation (the list re-sorts: that button may be far down by then).
  const returnFocus = React.useRef(true);
  const restoreFocus = React.useCallback((opened: IPopupRestoreFocusParams): void => {
    const opener = opened.originalElement;
    if (returnFocus.current && opened.containsFocus && opener instanceof HTMLElement) {
      setTimeout(() => opener.focus(), 0);
    }
  }, []);

  const dispatch = (event: ComposerEvent<Picked>): void =>
    setState((current) => {
      const next = composerReducer(current, event);
      // A milestone's people are ticked, never picked with one tap (even one of them).
      return mode.kind === 'milestone' && next.step === 'person' ? { ...next, addingPeople: true } : next;
    });

  // Each step's first words take the focus, so screen reader and keyboard users follow along.
  const firstStep = React.useRef(state.step);
  React.useEffect(() => {
    if (state.step !== firstStep.current) {
      firstStep.current = state.step;
      stepStart.current?.focus();
    }
  }, [state.step]);

  const title =
    mode.kind === 'recognise'
      ? format(strings.ComposerRecogniseTitle, mode.person.profile.displayName)
      : mode.kind === 'anniversary'
        ? format(strings.ComposerAnniversaryTitle, mode.person.profile.displayName)
        : strings.ComposerMilestoneTitle;
  const fieldError = (field: ComposeError['field']): string | undefined => fieldErrorText(errors, field, locale);
  const streak = mode.kind === 'milestone' && isStreak(milestone);
  const dayCount = Number(days);
  const chosen = values.find((v) => v.valueKey === state.valueKey);
  // A milestone's words are the leader's own: the value's lines speak of other deeds.
  const suggestions = mode.kind === 'milestone' ? [] : valueSuggestions(chosen, locale);
  const names = state.people
    .map((picked) => props.crew.find((entry) => entry.profile.id === picked.id)?.profile.displayName)
    .filter((name): name is string => name !== undefined)
    .join(', ');

  /** "Next" once the milestone's people are ticked (and its days given). */
  const next = (): void => {
    if (streak && (!Number.isInteger(dayCount) || dayCount < 1)) {
      setDaysError(true);
      return;
    }
    setDaysError(false);
    const missing = pickProblems(state, 'value');
    setErrors(missing);
    if (missing.length === 0) {
      dispatch({ type: 'peopleDone' });
    }
  };

  /** Sends the leader's own words, or the suggested line tapped. */
  const send = async (suggestion?: string): Promise<void> => {
    // In the order they were ticked (the first is the one the leader had in mind).
    const recipients = state.people
      .map((picked) => props.crew.find((entry) => entry.profile.id === picked.id)?.recipient)
      .filter((r): r is RecipientRef => r !== undefined);
    const chosenPick = composerPick(state, suggestion);
    const streakImpact =
      streak && chosenPick.impact.trim() === ''
        ? format(milestone === 'safety-streak' ? strings.MilestoneImpactSafety : strings.MilestoneImpactZeroDefect, daysText(locale, dayCount))
        : chosenPick.impact;
    const pick: RecognitionPick = {
      ...chosenPick,
      recipients,
      impact: streakImpact,
      kind: mode.kind === 'recognise' ? (recipients.length > 1 ? 'crew' : 'leader') : mode.kind,
      ...(mode.kind === 'milestone' ? { milestoneKind: milestone } : {}),
      ...(mode.kind === 'anniversary' ? { milestoneKind: SERVICE_ANNIVERSARY } : {})
    };
    setProblem(undefined);
    const outcome = await give(pick, props.giveDeps());
    switch (outcome.kind) {
      case 'invalid':
        setErrors(outcome.errors);
        dispatch({ type: 'showProblems', fields: outcome.errors.map((e) => e.field) });
        return;
      case 'rejected':
        setErrors([]);
        setProblem(strings.ResultRejected);
        return;
      case 'failed':
        setProblem(storeErrorSentence(outcome.code));
        return;
      default:
        returnFocus.current = false;
        props.onDone(outcome);
    }
  };

  const recipientError = fieldError('recipients');
  const valueError = fieldError('value');
  const messageBox = showsMessageBox(state, suggestions);
  return (
    <FluentTheme>
      <LegibleTheme>
        <Dialog
          hidden={false}
          onDismiss={props.onCancel}
          minWidth="min(480px, calc(100vw - 32px))"
          dialogContentProps={{ type: DialogType.close, title, closeButtonAriaLabel: strings.CloseLabel }}
          modalProps={{
            isBlocking: true,
            isAlert: false,
            className: styles.composer,
            // One place decides where focus goes on closing (restoreFocus), not two.
            focusTrapZoneProps: { disableRestoreFocus: true },
            popupProps: { onRestoreFocus: restoreFocus }
          }}
        >
          <form
            className={styles.form}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (state.step === 'person') {
                next();
              } else if (messageBox) {
                void send();
              }
            }}
          >
            {state.step === 'person' && (
              <>
                <ChoiceGroup
                  label={strings.MilestoneKindLabel}
                  selectedKey={milestone}
                  options={LEADER_MILESTONES.map((kind) => ({ key: kind, text: MILESTONE_TEXT[kind] }))}
                  onChange={(_e, option) => option && setMilestone(option.key as LeaderMilestone)}
                />
                {isStreak(milestone) && (
                  <TextField
                    label={strings.StreakDaysLabel}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    value={days}
                    onChange={(_e, text) => setDays(text ?? '')}
                    errorMessage={daysError ? strings.ErrorStreakDays : undefined}
                  />
                )}
                <fieldset className={styles.fieldset}>
                  <legend className={styles.legend}>{strings.RecipientsLegend}</legend>
                  {props.crew.map((entry) => (
                    <Checkbox
                      key={entry.profile.id}
                      className={styles.check}
                      label={entry.profile.displayName}
                      checked={state.people.some((p) => p.id === entry.profile.id)}
                      onChange={() => dispatch({ type: 'pickPerson', person: { id: entry.profile.id } })}
                    />
                  ))}
                  {recipientError && (
                    <p role="alert" className={styles.error}>
                      {recipientError}
                    </p>
                  )}
                </fieldset>
              </>
            )}
            {state.step !== 'person' && mode.kind !== 'milestone' && recipientError && (
              <p role="alert" className={styles.error}>
                {recipientError}
              </p>
            )}
            {state.step === 'value' && (
              <fieldset className={styles.fieldset}>
                <legend className={styles.legend}>
                  <span ref={stepStart} tabIndex={-1}>
                    {strings.ValueLegend}
                  </span>
                </legend>
                <div className={styles.values}>
                  {values.map((value) => (
                    <DefaultButton
                      key={value.valueKey}
                      className={`${styles.valueButton} ${value.valueKey === state.valueKey ? styles.valueSelected : ''}`}
                      toggle
                      checked={value.valueKey === state.valueKey}
                      onClick={() => {
                        setErrors((current) => current.filter((e) => e.field !== 'value'));
                        dispatch({ type: 'pickValue', valueKey: value.valueKey });
                      }}
                      style={value.color ? { borderColor: value.color } : undefined}
                    >
                      {value.iconName && <Icon iconName={value.iconName} className={styles.valueIcon} aria-hidden />}
                      <span>{valueName(value, locale)}</span>
                    </DefaultButton>
                  ))}
                </div>
                {valueError && (
                  <p role="alert" className={styles.error}>
                    {valueError}
                  </p>
                )}
              </fieldset>
            )}
            {state.step === 'message' && (
              <>
                <p className={styles.legend} ref={stepStart} tabIndex={-1}>
                  {format(shared.ComposerSummary, names, chosen ? valueName(chosen, locale) : '—')}
                </p>
                <ComposerMessageStep
                  state={state}
                  suggestions={suggestions}
                  locale={locale}
                  busy={sending}
                  errors={{ message: fieldError('message'), impact: fieldError('impact'), visibility: fieldError('visibility') }}
                  words={composerMessageWords(strings)}
                  onEvent={(event) => {
                    const edited = editedField(event);
                    setErrors((current) => (edited ? current.filter((e) => e.field !== edited) : current));
                    dispatch(event);
                  }}
                  onSendSuggestion={(line) => {
                    void send(line);
                  }}
                />
              </>
            )}
            {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
            <DialogFooter>
              {sending ? (
                <Spinner label={strings.Sending} />
              ) : (
                <>
                  {state.step === 'person' && <PrimaryButton className={styles.action} type="submit" text={strings.NextButton} />}
                  {state.step === 'message' && messageBox && <PrimaryButton className={styles.action} type="submit" text={strings.SendButton} />}
                  {(state.step === 'message' || (state.step === 'value' && mode.kind === 'milestone')) && (
                    <DefaultButton className={styles.action} text={strings.BackButton} onClick={() => dispatch({ type: 'back' })} />
                  )}
                  <DefaultButton className={styles.action} text={strings.CancelButton} onClick={props.onCancel} />
                </>
              )}
            </DialogFooter>
          </form>
        </Dialog>
      </LegibleTheme>
    </FluentTheme>
  );
}
