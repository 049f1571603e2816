/**
 * A small line at the top of every intranet page, only while the person is on a paid shift and a
 * pulse round is open and unanswered for them: "Answer now" opens the survey over the page, "Not
 * now" hides it for that round on this device. It stays silent otherwise, also when the roster or
 * the relay cannot be reached (a prompt is no place for an outage notice), and looks again every
 * few minutes, so a shift that starts while the page is open brings it, and an outage that ends
 * lets it show without a reload.
 */
import * as React from 'react';

import type { PulseOpenRound } from '../../../core/pulse/answering';
import { minutesToAnswer } from '../../../core/pulse/answering';
import { promptRound, type PromptSources } from '../../../core/pulse/promptNow';
import type { PulseAnswers } from '../../../core/pulse/pulseAnswers';
import { format, formatCount } from '../../../ui/format';
import { Button } from '../../../ui/light/Button';
import { OnDemand, onDemand } from '../../../ui/light/OnDemand';
import { Spinner } from '../../../ui/light/Spinner';
import type { IPulsePanelProps } from '../../../ui/pulse/PulsePanel';
import { pulseWords } from '../../../ui/pulse/pulseWords';
import styles from './PulsePromptBar.module.scss';

/** The survey's screens come with their own chunk, when "Answer now" is pressed (or hovered). */
const LazyPulsePanel = onDemand<IPulsePanelProps>(() => import(/* webpackChunkName: 'pulse-survey' */ '../../../ui/pulse/PulsePanel').then((m) => m.PulsePanel));

/** How often the prompt looks again (a shift starting, an answer made elsewhere, an outage over). */
export const PROMPT_RECHECK_MS = 5 * 60 * 1000;

export interface IPulsePromptBarProps {
  readonly sources: PromptSources;
  readonly answers: Pick<PulseAnswers, 'openRounds' | 'send' | 'flush' | 'refused' | 'forgetRefused' | 'dismiss'>;
  readonly locale: string;
  /** IANA zone times are shown in (the device's). */
  readonly timeZone: string;
  readonly recheckMs?: number;
}

export function PulsePromptBar(props: IPulsePromptBarProps): React.ReactElement {
  const { sources, answers, locale } = props;
  const words = pulseWords(locale);
  const [round, setRound] = React.useState<PulseOpenRound | undefined>(undefined);
  /** The first look has ended (with or without a prompt): the page's tools can tell "nothing to show" from "still looking". */
  const [settled, setSettled] = React.useState(false);
  const [open, setOpen] = React.useState(false);
  const openRef = React.useRef(false);
  const answerRef = React.useRef<HTMLButtonElement>(null);
  const dialogRef = React.useRef<HTMLDivElement>(null);

  const check = React.useCallback((): void => {
    if (openRef.current) {
      return; // never swap the survey under the person's fingers
    }
    promptRound(sources)
      .then(setRound, () => setRound(undefined))
      .then(() => setSettled(true), () => setSettled(true));
  }, [sources]);

  React.useEffect(() => {
    check();
    const timer = setInterval(check, props.recheckMs ?? PROMPT_RECHECK_MS);
    const online = (): void => check();
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [check, props.recheckMs]);

  React.useEffect(() => {
    openRef.current = open;
    if (open) {
      dialogRef.current?.focus();
    }
  }, [open]);

  const close = (): void => {
    setOpen(false);
    // The prompt goes once the round is answered; it was read again when the survey closed.
    check();
    setTimeout(() => answerRef.current?.focus(), 0);
  };

  if (!round) {
    // Nothing to show; an empty, settled mark for whoever measures the page.
    return <div data-busy={!settled} data-settled={settled} hidden={true} />;
  }
  return (
    <div className={styles.bar} role="region" aria-label={round.title} lang={locale}>
      <p className={styles.text}>{format(words.promptText, minutesToAnswer(round), formatCount(locale, round.questions.length, words.questionCount))}</p>
      <div className={styles.actions}>
        <Button
          ref={answerRef}
          className={styles.target}
          primary={true}
          text={words.promptAnswer}
          onClick={() => setOpen(true)}
          onMouseEnter={() => LazyPulsePanel.preload()}
          onFocus={() => LazyPulsePanel.preload()}
        />
        <Button
          className={styles.target}
          text={words.promptLater}
          onClick={() => {
            answers.dismiss(round.roundId);
            setRound(undefined);
          }}
        />
      </div>
      {open && (
        <div className={styles.backdrop}>
          <div
            ref={dialogRef}
            className={styles.dialog}
            role="dialog"
            aria-modal={true}
            aria-label={round.title}
            tabIndex={-1}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                close();
              }
            }}
          >
            <div className={styles.dialogTop}>
              <Button className={styles.target} text={words.close} onClick={close} />
            </div>
            <OnDemand components={[LazyPulsePanel]} fallback={<Spinner label={words.loading} />} failedText={words.errors.network} retryText={words.tryAgain}>
              <LazyPulsePanel answers={answers} locale={locale} timeZone={props.timeZone} roundId={round.roundId} onAllAnswered={close} />
            </OnDemand>
          </div>
        </div>
      )}
    </div>
  );
}
