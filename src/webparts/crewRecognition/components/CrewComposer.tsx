import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { Icon } from '@fluentui/react/lib/Icon';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'CrewRecognitionWebPartStrings';

import type { RecognitionValue } from '../../../core/models/values';
import type { ComposeError, RecipientRef } from '../../../core/recognition/compose';
import { fieldErrorText } from '../../../ui/recognition/composeErrorText';
import type { GiveOutcome, GiveRecognitionDeps, RecognitionPick } from '../../../ui/recognition/giveRecognition';
import { storeErrorSentence } from '../../../ui/recognition/storeErrorText';
import { useGiveRecognition } from '../../../ui/recognition/useGiveRecognition';
import { format } from '../../../ui/format';
import { FluentTheme } from '../../../ui/host/FluentTheme';
import { type CrewEntry, LEADER_MILESTONES, type LeaderMilestone, SERVICE_ANNIVERSARY } from '../../../core/recognition/crew';
import { valueName } from '../../../core/recognition/values';
import { daysText, yearsText } from './crewText';
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

/** The compact composer of the crew view: value buttons, what they did, optional impact, send. */
export function CrewComposer(props: ICrewComposerProps): React.ReactElement {
  const { mode, values, locale } = props;
  const [valueKey, setValueKey] = React.useState<string | undefined>(values[0]?.valueKey);
  const [message, setMessage] = React.useState(mode.kind === 'anniversary' ? format(strings.AnniversaryMessage, yearsText(locale, mode.years)) : '');
  const [impact, setImpact] = React.useState('');
  const [milestone, setMilestone] = React.useState<LeaderMilestone>('safety-streak');
  const [days, setDays] = React.useState('');
  const [selected, setSelected] = React.useState<readonly string[]>(mode.kind === 'milestone' ? [] : [mode.person.profile.id]);
  const [errors, setErrors] = React.useState<readonly ComposeError[]>([]);
  const [daysError, setDaysError] = React.useState(false);
  const [problem, setProblem] = React.useState<string | undefined>(undefined);
  const { sending, give } = useGiveRecognition();

  const title =
    mode.kind === 'recognise'
      ? format(strings.ComposerRecogniseTitle, mode.person.profile.displayName)
      : mode.kind === 'anniversary'
        ? format(strings.ComposerAnniversaryTitle, mode.person.profile.displayName)
        : strings.ComposerMilestoneTitle;
  const fieldError = (field: ComposeError['field']): string | undefined => fieldErrorText(errors, field, locale);

  const submit = async (): Promise<void> => {
    const streak = mode.kind === 'milestone' && isStreak(milestone);
    const dayCount = Number(days);
    if (streak && (!Number.isInteger(dayCount) || dayCount < 1)) {
      setDaysError(true);
      return;
    }
    setDaysError(false);
    // In the order they were ticked (the first is the one the leader had in mind).
    const recipients = selected
      .map((id) => props.crew.find((entry) => entry.profile.id === id)?.recipient)
      .filter((r): r is RecipientRef => r !== undefined);
    const streakImpact =
      streak && impact.trim() === ''
        ? format(milestone === 'safety-streak' ? strings.MilestoneImpactSafety : strings.MilestoneImpactZeroDefect, daysText(locale, dayCount))
        : impact;
    const pick: RecognitionPick = {
      recipients,
      valueKey: valueKey ?? '',
      message,
      impact: streakImpact,
      visibility: 'everyone',
      kind: mode.kind === 'recognise' ? (recipients.length > 1 ? 'crew' : 'leader') : mode.kind,
      ...(mode.kind === 'milestone' ? { milestoneKind: milestone } : {}),
      ...(mode.kind === 'anniversary' ? { milestoneKind: SERVICE_ANNIVERSARY } : {})
    };
    setProblem(undefined);
    const outcome = await give(pick, props.giveDeps());
    switch (outcome.kind) {
      case 'invalid':
        setErrors(outcome.errors);
        return;
      case 'rejected':
        setErrors([]);
        setProblem(strings.ResultRejected);
        return;
      case 'failed':
        setProblem(storeErrorSentence(outcome.code));
        return;
      default:
        props.onDone(outcome);
    }
  };

  const recipientError = fieldError('recipients');
  const valueError = fieldError('value');
  return (
    <FluentTheme>
      <Dialog
        hidden={false}
        onDismiss={props.onCancel}
        minWidth="min(480px, calc(100vw - 32px))"
        dialogContentProps={{ type: DialogType.close, title, closeButtonAriaLabel: strings.CloseLabel }}
        modalProps={{ isBlocking: true, isAlert: false, className: styles.composer }}
      >
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {mode.kind === 'milestone' && (
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
                    checked={selected.includes(entry.profile.id)}
                    onChange={(_e, checked) =>
                      setSelected((current) => (checked ? [...current, entry.profile.id] : current.filter((id) => id !== entry.profile.id)))
                    }
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
          {mode.kind !== 'milestone' && recipientError && (
            <p role="alert" className={styles.error}>
              {recipientError}
            </p>
          )}
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{strings.ValueLegend}</legend>
            <div className={styles.values}>
              {values.map((value) => (
                <DefaultButton
                  key={value.valueKey}
                  className={`${styles.valueButton} ${value.valueKey === valueKey ? styles.valueSelected : ''}`}
                  toggle
                  checked={value.valueKey === valueKey}
                  onClick={() => setValueKey(value.valueKey)}
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
          <TextField
            label={strings.MessageLabel}
            placeholder={strings.MessagePlaceholder}
            multiline
            autoAdjustHeight
            rows={3}
            value={message}
            onChange={(_e, text) => setMessage(text ?? '')}
            errorMessage={fieldError('message')}
          />
          <TextField
            label={strings.ImpactLabel}
            placeholder={strings.ImpactPlaceholder}
            value={impact}
            onChange={(_e, text) => setImpact(text ?? '')}
            errorMessage={fieldError('impact')}
          />
          {problem && <MessageBar messageBarType={MessageBarType.error}>{problem}</MessageBar>}
          <DialogFooter>
            {sending ? (
              <Spinner label={strings.Sending} />
            ) : (
              <>
                <PrimaryButton className={styles.action} type="submit" text={strings.SendButton} />
                <DefaultButton className={styles.action} text={strings.CancelButton} onClick={props.onCancel} />
              </>
            )}
          </DialogFooter>
        </form>
      </Dialog>
    </FluentTheme>
  );
}
