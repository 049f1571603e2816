/**
 * The person's open pulse rounds: Loading, then the first round to answer (the one closing first),
 * the next one after it, or "nothing open for you now". A failed load says why in the person's
 * language with "Try again" and recovers by itself (`useRecoveringLoad`). Answers waiting on the
 * device are sent when the connection is back; answers the relay refused for good are shown with
 * why until the person closes the notice. The Pulse web part and the Pulse card's quick view show it.
 */
import * as React from 'react';

import { type PulseOpenRound, roundsToAnswer } from '../../core/pulse/answering';
import { PulseError } from '../../core/pulse/answerPorts';
import type { PulseAnswers } from '../../core/pulse/pulseAnswers';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { useRecoveringLoad } from '../recovery/useRecoveringLoad';
import styles from './Pulse.module.scss';
import { PulseAnswering } from './PulseAnswering';
import { pulseWords } from './pulseWords';

export interface IPulsePanelProps {
  readonly answers: Pick<PulseAnswers, 'openRounds' | 'send' | 'flush' | 'refused' | 'forgetRefused'>;
  readonly locale: string;
  /** IANA zone times are shown in (the device's). */
  readonly timeZone: string;
  /** Start at this round (the on-shift prompt's), when it is open for the person. */
  readonly roundId?: number;
  /** Called when the person has answered every round shown (the card closes its quick view). */
  readonly onAllAnswered?: () => void;
  /** Called once the rounds have been read (or could not be): what the page shows below them may load then. */
  readonly onSettled?: () => void;
}

/** The error's words for a failed load, in the page's language. */
export function loadErrorText(error: unknown, locale: string): string {
  const words = pulseWords(locale);
  return error instanceof PulseError ? words.errors[error.code] : words.errors.unexpected;
}

export function PulsePanel(props: IPulsePanelProps): React.ReactElement {
  const { answers, locale } = props;
  const words = pulseWords(locale);
  const read = React.useCallback((): Promise<PulseOpenRound[]> => answers.openRounds(), [answers]);
  const { state, reload, update } = useRecoveringLoad(read, 'Reading the open pulse rounds');
  const [refused, setRefused] = React.useState(() => answers.refused());
  const { onSettled } = props;
  const settled = state.kind !== 'loading';
  React.useEffect(() => {
    if (settled) {
      onSettled?.();
    }
  }, [settled, onSettled]);

  // Back online: what waits on the device goes out, and the rounds are read again.
  React.useEffect(() => {
    if (typeof window === 'undefined') {
      return undefined;
    }
    const online = (): void => {
      answers
        .flush()
        .then(() => reload(true))
        .catch(() => undefined);
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [answers, reload]);

  const refusedNotices = refused.map((answer) => (
    <Notice
      key={`${answer.roundId}-${answer.queuedAt}`}
      type="error"
      dismissLabel={words.close}
      onDismiss={() => {
        answers.forgetRefused(answer.roundId);
        setRefused(answers.refused());
      }}
    >
      {words.errors[answer.code]}
    </Notice>
  ));

  if (state.kind === 'loading') {
    return (
      <div className={styles.panel}>
        <Spinner label={words.loading} />
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className={styles.panel}>
        {refusedNotices}
        <Notice type="error" live={true}>
          {loadErrorText(state.error, locale)}
        </Notice>
        <div className={styles.actions}>
          <Button className={styles.target} text={words.tryAgain} onClick={() => reload()} />
        </div>
      </div>
    );
  }
  const open = roundsToAnswer(state.data);
  const first = open.find((r) => r.roundId === props.roundId) ?? open[0];
  return (
    <div className={styles.panel}>
      {refusedNotices}
      {first ? (
        <PulseAnswering
          key={first.roundId}
          round={first}
          answers={answers}
          locale={locale}
          timeZone={props.timeZone}
          onFinished={(result) => {
            setRefused(answers.refused());
            // The answered round leaves the list: the next one, or "all answered", shows.
            update((rounds) => rounds.map((r) => (r.roundId === first.roundId && result.kind !== 'refused' ? { ...r, answered: true } : r)));
            if (open.length <= 1) {
              props.onAllAnswered?.();
            }
          }}
        />
      ) : (
        <Notice type={state.data.length > 0 ? 'success' : 'info'}>{state.data.length > 0 ? words.allAnswered : words.none}</Notice>
      )}
    </div>
  );
}
