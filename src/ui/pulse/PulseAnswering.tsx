/**
 * Answering one pulse round in under a minute with gloves: a start screen (how long, who can
 * see this, the language), one question per screen with large answer targets (five faces, or
 * 0–10 for eNPS, or an optional comment), Back and Skip, a summary that sends, and a done
 * screen that says what became of the answers. The web part, the Pulse card's quick view and the
 * on-shift prompt show it; the rules are `src/core/pulse/answering.ts`, sending is `PulseAnswers`.
 */
import * as React from 'react';

import { type AnswerSheet, answeredCount, cleared, goTo, isAnswered, minutesToAnswer, newSheet, type PulseOpenQuestion, type PulseOpenRound, questionText, scaleOf, sheetProblem, withComment, withScore } from '../../core/pulse/answering';
import type { PulseAnswers, SendResult } from '../../core/pulse/pulseAnswers';
import { PULSE_TEXT_MAX } from '../../core/pulse/submission';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { useId } from '../light/useId';
import { format, formatCount } from '../format';
import styles from './Pulse.module.scss';
import { closingTime } from './closingTime';
import { Face } from './Face';
import { pulseWords } from './pulseWords';

export interface IPulseAnsweringProps {
  readonly round: PulseOpenRound;
  readonly answers: Pick<PulseAnswers, 'send'>;
  /** The page's language (the survey itself starts in the person's own, as the relay says). */
  readonly locale: string;
  /** IANA zone times are shown in (the device's). */
  readonly timeZone: string;
  /** After the done screen's Close, or once answered. */
  readonly onFinished?: (result: SendResult) => void;
}

function Privacy(props: { round: PulseOpenRound; language: string }): React.ReactElement {
  const words = pulseWords(props.language);
  const { privacy } = props.round;
  return (
    <details className={styles.privacy}>
      <summary className={styles.privacySummary}>{words.privacyTitle}</summary>
      <ul className={styles.privacyList}>
        <li>{words.privacyStored}</li>
        <li>{format(words.privacyGroups, privacy.minGroupSize, privacy.minCommentGroupSize)}</li>
        <li>{words.privacyPublished}</li>
        <li>{words.privacyParticipation}</li>
        <li>{words.privacyKept}</li>
      </ul>
    </details>
  );
}

function LanguageSwitch(props: { round: PulseOpenRound; language: string; onChange: (language: string) => void }): React.ReactElement {
  const labelId = useId('se-pulse-language');
  if (props.round.languages.length < 2) {
    return <></>;
  }
  return (
    <div className={styles.languages} role="group" aria-labelledby={labelId}>
      <span id={labelId} className={styles.languagesLabel}>
        {pulseWords(props.language).language}
      </span>
      {props.round.languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={[styles.choice, styles.languageChoice, language === props.language ? styles.chosen : ''].join(' ')}
          aria-pressed={language === props.language}
          onClick={() => props.onChange(language)}
        >
          {pulseWords(language).languageName}
        </button>
      ))}
    </div>
  );
}

function ScaleQuestion(props: { question: PulseOpenQuestion; sheet: AnswerSheet; labelId: string; onPick: (score: number) => void }): React.ReactElement {
  const words = pulseWords(props.sheet.language);
  const chosen = props.sheet.scores[props.question.key];
  const scale = scaleOf(props.question.kind);
  const likert = props.question.kind === 'likert5';
  return (
    <div className={likert ? styles.faces : styles.numbers} role="radiogroup" aria-labelledby={props.labelId}>
      {scale.map((score, index) => {
        const name = likert ? words.likert[index] : score === 0 ? format(words.enpsOption, score, words.enpsLow) : score === 10 ? format(words.enpsOption, score, words.enpsHigh) : String(score);
        return (
          <button
            key={score}
            type="button"
            role="radio"
            aria-checked={chosen === score}
            aria-label={name}
            className={[styles.choice, likert ? styles.face : styles.number, chosen === score ? styles.chosen : ''].join(' ')}
            onClick={() => props.onPick(score)}
          >
            {likert ? (
              <>
                <Face score={score} className={styles.faceIcon} />
                <span className={styles.faceLabel} aria-hidden={true}>
                  {words.likert[index]}
                </span>
              </>
            ) : (
              <span aria-hidden={true}>{score}</span>
            )}
          </button>
        );
      })}
      {!likert && (
        <div className={styles.ends} aria-hidden={true}>
          <span>{words.enpsLow}</span>
          <span>{words.enpsHigh}</span>
        </div>
      )}
    </div>
  );
}

function TextQuestion(props: { question: PulseOpenQuestion; sheet: AnswerSheet; round: PulseOpenRound; labelId: string; onText: (text: string) => void }): React.ReactElement {
  const words = pulseWords(props.sheet.language);
  const hintId = useId('se-pulse-hint');
  const countId = useId('se-pulse-count');
  const value = props.sheet.comments[props.question.key] ?? '';
  const left = PULSE_TEXT_MAX - value.length;
  return (
    <div className={styles.comment}>
      <label className={styles.commentLabel} htmlFor={`${countId}-box`}>
        {words.commentLabel}
      </label>
      <textarea
        id={`${countId}-box`}
        className={styles.commentBox}
        rows={4}
        value={value}
        aria-describedby={`${hintId} ${countId}`}
        aria-invalid={left < 0}
        onChange={(event) => props.onText(event.target.value)}
      />
      <p id={hintId} className={styles.hint}>
        {format(words.commentHint, props.round.privacy.minCommentGroupSize)}
      </p>
      <p id={countId} className={left < 0 ? styles.error : styles.hint} aria-live="polite">
        {left < 0 ? format(words.commentTooLong, PULSE_TEXT_MAX) : formatCount(props.sheet.language, left, words.charactersLeft)}
      </p>
    </div>
  );
}

function resultText(result: SendResult, language: string): string {
  const words = pulseWords(language);
  switch (result.kind) {
    case 'counted':
      return words.counted;
    case 'queued':
      return words.queued;
    case 'alreadyAnswered':
      return words.alreadyAnswered;
    default:
      return words.errors[result.code];
  }
}

export function PulseAnswering(props: IPulseAnsweringProps): React.ReactElement {
  const { round } = props;
  const [sheet, setSheet] = React.useState<AnswerSheet>(() => newSheet(round));
  const [started, setStarted] = React.useState(false);
  const [sending, setSending] = React.useState(false);
  const [result, setResult] = React.useState<SendResult | undefined>(undefined);
  const [problem, setProblem] = React.useState<string | undefined>(undefined);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const questionId = useId('se-pulse-question');
  const words = pulseWords(sheet.language);
  const total = round.questions.length;
  const onSummary = sheet.index >= total;
  const question = onSummary ? undefined : round.questions[sheet.index];

  // Each new screen the person moved to is announced and starts at its heading (a phone keeps the
  // scroll otherwise). Not the first one: a part that takes the focus as it loads would pull it
  // out of whatever the person is doing elsewhere on the page (an open menu closes).
  const firstScreen = React.useRef(true);
  React.useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [started, sheet.index, result]);

  const move = (index: number): void => {
    setProblem(undefined);
    setSheet((current) => goTo(current, round, index));
  };

  const send = async (): Promise<void> => {
    const blocking = sheetProblem(sheet, round);
    if (blocking) {
      setProblem(blocking.code === 'nothingAnswered' ? words.nothingAnswered : format(words.commentTooLong, PULSE_TEXT_MAX));
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      const outcome = await props.answers.send(sheet, round);
      if (outcome.kind === 'refused' && outcome.code === 'invalid') {
        setProblem(words.errors.invalid);
      } else {
        setResult(outcome);
      }
    } catch {
      // Not even kept on the device: say so, and keep the answers and Send on the screen.
      setProblem(words.sendFailed);
    } finally {
      setSending(false);
    }
  };

  if (result) {
    const ok = result.kind === 'counted' || result.kind === 'queued' || result.kind === 'alreadyAnswered';
    return (
      <section className={styles.screen} lang={sheet.language} aria-labelledby={questionId}>
        <h3 id={questionId} ref={headingRef} tabIndex={-1} className={styles.title}>
          {round.title}
        </h3>
        <Notice type={result.kind === 'counted' ? 'success' : ok ? 'info' : 'error'} live={true}>
          {resultText(result, sheet.language)}
        </Notice>
        {props.onFinished && (
          <div className={styles.actions}>
            <Button className={styles.target} text={words.close} onClick={() => props.onFinished?.(result)} />
          </div>
        )}
      </section>
    );
  }

  if (!started) {
    return (
      <section className={styles.screen} lang={sheet.language} aria-labelledby={questionId}>
        <h3 id={questionId} ref={headingRef} tabIndex={-1} className={styles.title}>
          {round.title}
        </h3>
        <p className={styles.meta}>
          {formatCount(sheet.language, total, words.questionCount)} · {format(words.minutes, minutesToAnswer(round))} · {format(words.openUntil, closingTime(round.closesAt, sheet.language, props.timeZone))}
        </p>
        <LanguageSwitch round={round} language={sheet.language} onChange={(language) => setSheet((current) => ({ ...current, language }))} />
        <Privacy round={round} language={sheet.language} />
        <div className={styles.actions}>
          <Button className={styles.target} primary={true} text={words.start} onClick={() => setStarted(true)} />
        </div>
      </section>
    );
  }

  if (question) {
    const answered = isAnswered(sheet, question.key);
    return (
      <section className={styles.screen} lang={sheet.language} aria-labelledby={questionId}>
        <p className={styles.progress}>
          <progress className={styles.bar} max={total} value={sheet.index + 1} aria-hidden={true} />
          {format(words.progress, sheet.index + 1, total)}
        </p>
        <h3 id={questionId} ref={headingRef} tabIndex={-1} className={styles.question}>
          {questionText(question, sheet.language)}
        </h3>
        {question.kind === 'text' ? (
          <TextQuestion question={question} sheet={sheet} round={round} labelId={questionId} onText={(text) => setSheet((current) => withComment(current, question, text))} />
        ) : (
          <ScaleQuestion
            question={question}
            sheet={sheet}
            labelId={questionId}
            onPick={(score) => {
              // A tap answers and moves on: one tap a question.
              setSheet((current) => goTo(withScore(current, question, score), round, current.index + 1));
            }}
          />
        )}
        <div className={styles.actions}>
          <Button className={styles.target} text={words.back} disabled={sheet.index === 0} onClick={() => move(sheet.index - 1)} />
          {answered ? (
            <Button className={styles.target} primary={true} text={words.next} onClick={() => move(sheet.index + 1)} />
          ) : (
            <Button
              className={styles.target}
              text={words.skip}
              onClick={() => {
                setSheet((current) => goTo(cleared(current, question.key), round, current.index + 1));
              }}
            />
          )}
        </div>
      </section>
    );
  }

  return (
    <section className={styles.screen} lang={sheet.language} aria-labelledby={questionId}>
      <h3 id={questionId} ref={headingRef} tabIndex={-1} className={styles.title}>
        {format(words.summary, answeredCount(sheet, round), total)}
      </h3>
      <ol className={styles.review}>
        {round.questions.map((q, index) => (
          <li key={q.key} className={styles.reviewItem}>
            <span className={styles.reviewText}>{questionText(q, sheet.language)}</span>
            <span className={styles.reviewAnswer}>
              {!isAnswered(sheet, q.key)
                ? words.skipped
                : q.kind === 'text'
                  ? '✓'
                  : q.kind === 'likert5'
                    ? (
                        <>
                          <Face score={sheet.scores[q.key]} className={styles.faceIcon} />
                          {words.likert[sheet.scores[q.key] - 1]}
                        </>
                      )
                    : String(sheet.scores[q.key])}
            </span>
            <Button className={styles.target} text={words.change} description={questionText(q, sheet.language)} onClick={() => move(index)} />
          </li>
        ))}
      </ol>
      {problem && (
        <Notice type="error" live={true}>
          {problem}
        </Notice>
      )}
      <div className={styles.actions}>
        <Button className={styles.target} text={words.back} onClick={() => move(total - 1)} />
        <Button className={styles.target} primary={true} text={sending ? words.sending : words.send} disabled={sending} onClick={() => {
            send().catch(() => undefined);
          }} />
      </div>
    </section>
  );
}
