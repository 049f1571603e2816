import * as React from 'react';
import * as strings from 'PulseAdminWebPartStrings';

import type { Survey, SurveyRound } from '../../../core/models/pulse';
import { currentRound, type SurveyStep, surveySteps } from '../../../core/pulse/adminPorts';
import { nextOpening } from '../../../core/pulse/schedule';
import { format, formatCount } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { CADENCE_NAMES, STATUS_NAMES, whenText } from './pulseText';
import styles from './PulseAdmin.module.scss';

export interface ISurveyListProps {
  readonly surveys: readonly Survey[];
  readonly rounds: readonly SurveyRound[];
  readonly locale: string;
  readonly now: Date;
  /** Whether SharePoint lets this person change surveys: without it, no action is offered. */
  readonly mayChange: boolean;
  /** The survey whose Close waits for HR's second tap. */
  readonly confirmingClose?: number;
  onEdit(survey: Survey): void;
  onPreview(survey: Survey): void;
  onStep(survey: Survey, step: SurveyStep): void;
  onCancelClose(): void;
}

const ORDER: Record<Survey['status'], number> = { open: 0, scheduled: 1, draft: 2, closed: 3 };

const STEP_TEXT: Record<SurveyStep, [string, string]> = {
  schedule: [strings.Schedule, strings.ScheduleLabel],
  pause: [strings.Pause, strings.PauseLabel],
  resume: [strings.Resume, strings.ResumeLabel],
  close: [strings.Close, strings.CloseLabel]
};

/** What the list says of a survey's rounds: the one open now, else the next opening. */
function roundsText(survey: Survey, rounds: readonly SurveyRound[], locale: string, now: Date): string {
  const zone = survey.definition.timeZone;
  const open = currentRound(rounds, survey.id, now);
  if (open) {
    return format(strings.CurrentRound, open.roundNumber, whenText(new Date(open.closesAt), locale, zone));
  }
  const next = nextOpening(survey, now);
  if (next) {
    return format(strings.NextOpening, next.roundNumber, whenText(next.opensAt, locale, zone));
  }
  if (survey.status === 'closed') {
    return '';
  }
  return survey.definition.paused === true ? strings.PausedNoRound : strings.NotScheduled;
}

export function SurveyList(props: ISurveyListProps): React.ReactElement {
  const { locale, now } = props;
  const surveys = [...props.surveys].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.id - a.id);
  if (surveys.length === 0) {
    return <p>{props.mayChange ? strings.NoSurveys : strings.NoSurveysReadOnly}</p>;
  }
  return (
    <ul className={styles.list} aria-label={strings.SurveysListLabel}>
      {surveys.map((survey) => {
        const paused = survey.definition.paused === true && survey.status !== 'closed' && survey.status !== 'draft';
        const count = survey.definition.questionKeys.length;
        const rounds = roundsText(survey, props.rounds, locale, now);
        return (
          <li key={survey.id} className={styles.surveyRow} data-testid="survey">
            <span className={styles.who}>
              <span className={styles.name}>{survey.title}</span>
              <span className={styles.subtle}>
                <span className={styles.status} data-testid="survey-status">
                  {STATUS_NAMES[survey.status]}
                  {paused && ` · ${strings.StatusPaused}`}
                </span>
                {` · ${CADENCE_NAMES[survey.cadence]} · ${formatCount(locale, count, { one: strings.QuestionCountOne, other: strings.QuestionCount })}`}
              </span>
              {rounds && (
                <span className={styles.subtle} data-testid="survey-rounds">
                  {rounds}
                </span>
              )}
            </span>
            {props.mayChange && props.confirmingClose === survey.id ? (
              <span className={styles.confirm} role="group" aria-label={format(strings.CloseLabel, survey.title)}>
                <span>{format(strings.CloseConfirm, survey.title)}</span>
                <span className={styles.rowActions}>
                  <Button primary={true} className={styles.action} text={strings.CloseConfirmYes} onClick={() => props.onStep(survey, 'close')} />
                  <Button className={styles.action} text={strings.CloseConfirmNo} onClick={props.onCancelClose} />
                </span>
              </span>
            ) : (
              props.mayChange && (
                <span className={styles.rowActions}>
                  {survey.status !== 'closed' && (
                    <Button className={styles.action} text={strings.Edit} aria-label={format(strings.EditLabel, survey.title)} onClick={() => props.onEdit(survey)} />
                  )}
                  <Button className={styles.action} text={strings.Preview} aria-label={format(strings.PreviewLabel, survey.title)} onClick={() => props.onPreview(survey)} />
                  {surveySteps(survey).map((step) => (
                    <Button
                      key={step}
                      className={styles.action}
                      text={STEP_TEXT[step][0]}
                      aria-label={format(STEP_TEXT[step][1], survey.title)}
                      onClick={() => props.onStep(survey, step)}
                    />
                  ))}
                </span>
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}
