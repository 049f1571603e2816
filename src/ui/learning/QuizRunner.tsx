/**
 * A quiz step, one question a screen: the choices as 48 px targets (tick every right one), Back
 * and Next, then Send. The attempt's key is made once when the attempt starts, so sending it
 * again after a failure (Try again) counts once at the relay; the answers given stay on screen
 * whatever fails. The relay scores it: a pass with how many were right, a failed attempt with the
 * pass mark only (it tells nothing about which answers were wrong), the attempts so far and those
 * left today (three in 24 hours); a quiz not passed can be tried again while attempts are left (a
 * new attempt, a new key).
 */
import * as React from 'react';

import type { QuizAnswers } from '../../core/learning/quiz';
import { translatedText } from '../../core/learning/wording';
import type { Quiz, QuizQuestion } from '../../core/models/learning';
import { newRequestId } from '../../core/requestId';
import { format, formatCount } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { failureCodeOf, learningWords } from './learningWords';
import styles from './MyLearning.module.scss';
import type { QuizScored } from './types';

export interface IQuizRunnerProps {
  readonly quiz: Quiz;
  readonly locale: string;
  /** Sends one attempt; rejects with a coded failure. */
  readonly submit: (attemptKey: string, answers: QuizAnswers) => Promise<QuizScored>;
  /** The quiz was passed (the part marks the step done and celebrates). */
  readonly onPassed: (scored: QuizScored) => void;
  readonly onClose: () => void;
}

/** A question's prompt and choices in the reader's language (each choice falls back on its own). */
function questionText(question: QuizQuestion, locale: string): { prompt: string; options: string[] } {
  const english = question.translations['en-us'];
  const count = Math.max(0, ...Object.keys(question.translations).map((tag) => question.translations[tag]?.options.length ?? 0), english?.options.length ?? 0);
  const options: string[] = [];
  for (let i = 0; i < count; i += 1) {
    options.push(translatedText(question.translations, locale, (t) => t.options[i]) ?? '');
  }
  return { prompt: translatedText(question.translations, locale, (t) => t.prompt) ?? question.key, options };
}

type Phase = { readonly kind: 'answering' } | { readonly kind: 'sending' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'scored'; readonly scored: QuizScored };

export function QuizRunner(props: IQuizRunnerProps): React.ReactElement {
  const { quiz, locale } = props;
  const words = learningWords(locale);
  const [index, setIndex] = React.useState(0);
  const [answers, setAnswers] = React.useState<{ [key: string]: number[] }>({});
  const [phase, setPhase] = React.useState<Phase>({ kind: 'answering' });
  const [hint, setHint] = React.useState(false);
  // Made once per attempt: a resend of this attempt counts once.
  const attemptKey = React.useRef(newRequestId());
  const heading = React.useRef<HTMLHeadingElement>(null);
  const question = quiz.questions[index];
  const text = questionText(question, locale);
  const chosen = answers[question.key] ?? [];
  const last = index === quiz.questions.length - 1;

  React.useEffect(() => {
    heading.current?.focus();
  }, [index, phase.kind]);

  const toggle = (choice: number): void => {
    setHint(false);
    setAnswers((before) => {
      const now = before[question.key] ?? [];
      return { ...before, [question.key]: now.indexOf(choice) >= 0 ? now.filter((c) => c !== choice) : now.concat([choice]).sort((a, b) => a - b) };
    });
  };

  const send = (): void => {
    setPhase({ kind: 'sending' });
    props.submit(attemptKey.current, answers).then(
      (scored) => {
        setPhase({ kind: 'scored', scored });
        if (scored.passed) {
          props.onPassed(scored);
        }
      },
      (error: unknown) => setPhase({ kind: 'failed', error })
    );
  };

  const forward = (): void => {
    if (chosen.length === 0) {
      setHint(true);
      return;
    }
    if (last) {
      send();
    } else {
      setIndex(index + 1);
    }
  };

  if (phase.kind === 'scored') {
    const { scored } = phase;
    const again = (): void => {
      attemptKey.current = newRequestId();
      setAnswers({});
      setIndex(0);
      setPhase({ kind: 'answering' });
    };
    const result = scored.passed
      ? scored.correct !== undefined && scored.total !== undefined
        ? format(words.passed, scored.correct, scored.total, scored.passMark)
        : words.passedShort
      : formatCount(locale, scored.passMark, words.notPassed);
    const canRetry = !scored.passed && scored.attemptsLeft > 0;
    return (
      <div className={styles.screen}>
        <h3 className={styles.stepTitle} ref={heading} tabIndex={-1}>
          {result}
        </h3>
        <p className={styles.meta}>{formatCount(locale, scored.attempts, words.attempts)}</p>
        {!scored.passed && <p className={styles.meta}>{canRetry ? formatCount(locale, scored.attemptsLeft, words.attemptsLeft) : words.noAttemptsLeft}</p>}
        <div className={styles.actions}>
          {canRetry && <Button className={styles.target} primary={true} text={words.tryQuizAgain} onClick={again} />}
          <Button className={styles.target} primary={!canRetry} text={words.back} onClick={props.onClose} />
        </div>
      </div>
    );
  }

  const busy = phase.kind === 'sending';
  return (
    <div className={styles.screen}>
      <p className={styles.meta}>{format(words.questionOf, index + 1, quiz.questions.length)}</p>
      <h3 className={styles.stepTitle} ref={heading} tabIndex={-1} id={`se-quiz-q-${question.key}`}>
        {text.prompt}
      </h3>
      <fieldset className={styles.choices} aria-labelledby={`se-quiz-q-${question.key}`} disabled={busy}>
        <legend className={styles.meta}>{words.chooseHint}</legend>
        {text.options.map((option, choice) => (
          <label key={choice} className={[styles.choice, chosen.indexOf(choice) >= 0 ? styles.chosen : ''].join(' ').trim()}>
            <input type="checkbox" checked={chosen.indexOf(choice) >= 0} onChange={() => toggle(choice)} />
            <span>{option}</span>
          </label>
        ))}
      </fieldset>
      {hint && (
        <p className={styles.error} role="alert">
          {words.chooseFirst}
        </p>
      )}
      {phase.kind === 'failed' && (
        <Notice type="error">
          {words.errors[failureCodeOf(phase.error)]} {words.answersKept}
        </Notice>
      )}
      <div className={styles.actions}>
        <Button className={styles.target} text={index === 0 ? words.back : words.previous} disabled={busy} onClick={() => (index === 0 ? props.onClose() : setIndex(index - 1))} />
        {phase.kind === 'failed' ? (
          <Button className={styles.target} primary={true} text={words.tryAgain} onClick={send} />
        ) : (
          <Button className={styles.target} primary={true} disabled={busy} text={busy ? words.sending : last ? words.send : words.next} onClick={forward} />
        )}
      </div>
    </div>
  );
}
