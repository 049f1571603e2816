/**
 * "My learning": the person's next small step first ("7 min: read “Lockout procedure”"), then
 * every assigned path with its progress, due date, what it waits for and practice waiting for a
 * trainer. Core decides what to show (`learningPlan`); this renders it in the reader's language.
 *
 * A read, watch or course step: open its content, then "Mark as done"; a quiz: one question a
 * screen (`QuizRunner`). Both go through the relay with a key made once, so Try again after a
 * failure counts once; every failure is said in words with Try again, and nothing given is lost.
 * A step done is celebrated in a live region that is on the page from the start, so screen
 * readers announce it.
 */
import * as React from 'react';

import { learningPlan, type OpenStep } from '../../core/learning/nextStep';
import { isTenantAddress } from '../../core/learning/steps';
import { pathName, stepWording } from '../../core/learning/wording';
import type { ItemId } from '../../core/models/common';
import type { Quiz } from '../../core/models/learning';
import { newRequestId } from '../../core/requestId';
import { format, formatCount } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { useRecoveringLoad } from '../recovery/useRecoveringLoad';
import { failureCodeOf, learningWords, type LearningWords } from './learningWords';
import styles from './MyLearning.module.scss';
import { pathProgress } from './pathProgress';
import { QuizRunner } from './QuizRunner';
import { SignOffQueue } from './SignOffQueue';
import { MilestoneSharing } from './MilestoneSharing';
import { VivaCourses } from './VivaCourses';
import type { LearningSnapshot, MyLearningSource, ShownStep } from './types';

export interface IMyLearningProps {
  readonly source: MyLearningSource;
  /** The page's language (`nl-nl`). */
  readonly locale: string;
  /** IANA zone dates are shown in (the device's). */
  readonly timeZone: string;
  /** The clock (tests). */
  readonly now?: () => Date;
}

/** A due date as the day it falls on (due at the end of that day, so the instant just before). */
function dayOf(due: string, locale: string, timeZone: string): string {
  const at = new Date(Date.parse(due) - 1);
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** The step's line: "7 min: read “Lockout procedure”". */
export function stepLine(step: ShownStep, open: Pick<OpenStep, 'kind' | 'minutes'>, words: LearningWords, locale: string): string {
  return format(words.stepLine[open.kind], open.minutes, stepWording(step, locale).title);
}

/** Whether a content link may be shown: inside the tenant (the page's host, or a path on it). */
function safeLink(url: string | undefined): string | undefined {
  const host = typeof location === 'undefined' ? '' : location.hostname;
  return url !== undefined && isTenantAddress(url, [host]) ? url.trim() : undefined;
}

type Action = { readonly kind: 'idle' } | { readonly kind: 'saving' } | { readonly kind: 'failed'; readonly error: unknown };
/** The quiz being taken, kept with its step as it was when started (the plan moves on once it is passed). */
type QuizState = { readonly open: OpenStep } & ({ readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'ready'; readonly quiz: Quiz });

export function MyLearning(props: IMyLearningProps): React.ReactElement {
  const { source, locale, timeZone } = props;
  const words = learningWords(locale);
  const read = React.useCallback(() => source.read(), [source]);
  // The person's Viva Learning courses, below the paths (a source without them shows none).
  const courses = React.useMemo(() => {
    const readCourses = source.courses;
    return readCourses ? { courses: () => readCourses.call(source) } : undefined;
  }, [source]);
  // The person's choice to share finished paths on the wall (a source without it shows no switch).
  const sharing = React.useMemo(() => {
    const { milestoneSharing, setMilestoneSharing } = source;
    return milestoneSharing && setMilestoneSharing
      ? { milestoneSharing: () => milestoneSharing.call(source), setMilestoneSharing: (allowed: boolean) => setMilestoneSharing.call(source, allowed) }
      : undefined;
  }, [source]);
  const { state, reload, update } = useRecoveringLoad<LearningSnapshot>(read, 'Reading your learning');
  const [chosenStep, setChosenStep] = React.useState<ItemId | undefined>(undefined);
  const [action, setAction] = React.useState<Action>({ kind: 'idle' });
  const [quiz, setQuiz] = React.useState<QuizState | undefined>(undefined);
  const [celebration, setCelebration] = React.useState('');
  // One request id per step done: Try again resends it, and the relay counts it once.
  const requestIds = React.useRef(new Map<ItemId, string>());
  const nextHeading = React.useRef<HTMLHeadingElement>(null);
  // Counts returns to the next step: its heading takes the focus once it is on screen.
  const [returns, setReturns] = React.useState(0);
  React.useEffect(() => {
    if (returns > 0) {
      nextHeading.current?.focus();
    }
  }, [returns]);

  const now = (props.now ?? (() => new Date()))();
  const data = state.kind === 'loaded' ? state.data : undefined;
  const plan = data ? learningPlan(data, now) : undefined;
  const current = plan ? plan.open.filter((o) => o.stepId === chosenStep)[0] ?? plan.next : undefined;
  const stepOf = (id: ItemId): ShownStep | undefined => data?.steps.filter((s) => s.id === id)[0];
  const nameOf = (id: ItemId): string => {
    const path = data?.paths.filter((p) => p.id === id)[0];
    return path ? pathName(path, locale) : '';
  };

  /** Records the step done on the page (the relay has it) and celebrates it: the step, or the path it finished. */
  const recordDone = (open: OpenStep): void => {
    const step = stepOf(open.stepId);
    update((before) => ({
      ...before,
      progress: before.progress.filter((p) => p.stepId !== open.stepId).concat([{ stepId: open.stepId, pathId: open.pathId, status: 'completed' }])
    }));
    const finishedPath = open.done + 1 >= open.stepCount;
    setCelebration(finishedPath ? format(words.celebratePath, nameOf(open.pathId)) : format(words.celebrateStep, step ? stepWording(step, locale).title : ''));
  };

  /** Back to the next step, its heading focused. */
  const backToNext = (): void => {
    setChosenStep(undefined);
    setAction({ kind: 'idle' });
    setQuiz(undefined);
    setReturns((n) => n + 1);
  };

  /** Practice done: asked of a trainer; the plan shows it waiting for them and goes on with the next step. */
  const askSignOff = (open: OpenStep): void => {
    const requestId = requestIds.current.get(open.stepId) ?? newRequestId();
    requestIds.current.set(open.stepId, requestId);
    setCelebration('');
    setAction({ kind: 'saving' });
    source.askSignOff(open.stepId, requestId).then(
      (answer) => {
        const step = stepOf(open.stepId);
        update((before) => ({
          ...before,
          progress: before.progress.filter((p) => p.stepId !== open.stepId).concat([{ stepId: open.stepId, pathId: open.pathId, status: answer.status }])
        }));
        // A trainer may have signed it off already (asked twice, or on the spot): then it is done.
        setCelebration(format(answer.status === 'signed-off' ? words.celebrateStep : words.askedSignOff, step ? stepWording(step, locale).title : ''));
        backToNext();
      },
      (error: unknown) => setAction({ kind: 'failed', error })
    );
  };

  const markDone = (open: OpenStep): void => {
    const requestId = requestIds.current.get(open.stepId) ?? newRequestId();
    requestIds.current.set(open.stepId, requestId);
    setCelebration('');
    setAction({ kind: 'saving' });
    source.markDone(open.stepId, requestId).then(
      () => {
        recordDone(open);
        backToNext();
      },
      (error: unknown) => setAction({ kind: 'failed', error })
    );
  };

  const openQuiz = (open: OpenStep): void => {
    setCelebration('');
    setQuiz({ kind: 'loading', open });
    source.quiz(open.stepId).then(
      (loaded) => setQuiz({ kind: 'ready', quiz: loaded, open }),
      (error: unknown) => setQuiz({ kind: 'failed', error, open })
    );
  };

  const live = (
    <div className={styles.live} role="status" aria-live="polite">
      {celebration && <Notice type="success" live={false}>{celebration}</Notice>}
    </div>
  );

  if (state.kind === 'loading') {
    return (
      <div className={styles.panel}>
        {live}
        <Spinner label={words.loading} />
      </div>
    );
  }
  if (state.kind === 'failed' || !data || !plan) {
    return (
      <div className={styles.panel}>
        {live}
        <Notice type="error">{words.errors[failureCodeOf(state.kind === 'failed' ? state.error : undefined)]}</Notice>
        <div className={styles.actions}>
          <Button className={styles.target} text={words.tryAgain} onClick={() => reload()} />
        </div>
      </div>
    );
  }

  if (quiz) {
    const taken = quiz.open;
    return (
      <div className={styles.panel}>
        {live}
        {quiz.kind === 'loading' && <Spinner label={words.quizLoading} />}
        {quiz.kind === 'failed' && (
          <>
            <Notice type="error">{words.errors[failureCodeOf(quiz.error)]}</Notice>
            <div className={styles.actions}>
              <Button className={styles.target} text={words.back} onClick={() => setQuiz(undefined)} />
              <Button className={styles.target} primary={true} text={words.tryAgain} onClick={() => openQuiz(taken)} />
            </div>
          </>
        )}
        {quiz.kind === 'ready' && (
          <QuizRunner
            quiz={quiz.quiz}
            locale={locale}
            submit={(attemptKey, answers) => source.submitQuiz(taken.stepId, attemptKey, answers)}
            onPassed={() => recordDone(taken)}
            onClose={backToNext}
          />
        )}
      </div>
    );
  }

  const step = current ? stepOf(current.stepId) : undefined;
  const link = step ? safeLink(step.contentUrl) : undefined;
  const due = (open: Pick<OpenStep, 'dueDate' | 'overdue'>): React.ReactNode =>
    open.dueDate && <span className={open.overdue ? styles.overdue : styles.meta}>{format(open.overdue ? words.overdue : words.due, dayOf(open.dueDate, locale, timeZone))}</span>;

  return (
    <div className={styles.panel}>
      {live}
      <section className={styles.next} aria-labelledby="se-learning-next">
        <h3 id="se-learning-next" className={styles.sectionTitle} ref={nextHeading} tabIndex={-1}>
          {words.nextHeading}
        </h3>
        {current && step ? (
          <>
            <p className={styles.stepTitle}>{stepLine(step, current, words, locale)}</p>
            <p className={styles.meta}>
              {format(words.stepOf, current.position, current.stepCount, nameOf(current.pathId))} {due(current)}
            </p>
            {step.kind === 'practice' && <p className={styles.meta}>{words.practiceHint}</p>}
            {step.kind === 'viva-course' && <p className={styles.meta}>{words.courseHint}</p>}
            {action.kind === 'failed' && <Notice type="error">{words.errors[failureCodeOf(action.error)]}</Notice>}
            <div className={styles.actions}>
              {link && (step.kind === 'read' || step.kind === 'watch') && (
                <a className={[styles.target, styles.link].join(' ')} href={link} target="_blank" rel="noopener noreferrer">
                  {words.open}
                </a>
              )}
              {(step.kind === 'read' || step.kind === 'watch' || step.kind === 'viva-course') && (
                <Button
                  className={styles.target}
                  primary={true}
                  disabled={action.kind === 'saving'}
                  text={action.kind === 'saving' ? words.saving : action.kind === 'failed' ? words.tryAgain : words.markDone}
                  onClick={() => markDone(current)}
                />
              )}
              {step.kind === 'quiz' && <Button className={styles.target} primary={true} text={words.startQuiz} onClick={() => openQuiz(current)} />}
              {step.kind === 'practice' && (
                <Button
                  className={styles.target}
                  primary={true}
                  disabled={action.kind === 'saving'}
                  text={action.kind === 'saving' ? words.asking : action.kind === 'failed' ? words.tryAgain : words.askSignOff}
                  onClick={() => askSignOff(current)}
                />
              )}
            </div>
          </>
        ) : (
          <p className={styles.meta}>{data.assignments.length === 0 ? words.nothingAssigned : words.nothingOpen}</p>
        )}
      </section>
      {plan.open.length + plan.waiting.length + plan.finished.length + plan.awaitingSignOff.length > 0 && (
        <section aria-labelledby="se-learning-paths">
          <h3 id="se-learning-paths" className={styles.sectionTitle}>
            {words.pathsHeading}
          </h3>
          <ul className={styles.paths}>
            {pathProgress(data, plan).map((path) => {
              const open = plan.open.filter((o) => o.pathId === path.pathId)[0];
              const waiting = plan.waiting.filter((w) => w.pathId === path.pathId)[0];
              const signOff = plan.awaitingSignOff.filter((a) => a.pathId === path.pathId);
              const openStep = open ? stepOf(open.stepId) : undefined;
              return (
                <li key={path.pathId} className={styles.path}>
                  <span className={styles.pathName}>{nameOf(path.pathId)}</span>
                  <progress className={styles.bar} max={Math.max(1, path.total)} value={path.done} aria-label={nameOf(path.pathId)} />
                  <span className={styles.meta}>
                    {path.finished ? words.finished : formatCount(locale, path.total, words.stepsDone, path.done)} {open && due(open)}
                  </span>
                  {waiting && <span className={styles.meta}>{format(words.waitingFor, waiting.waitingFor.map(nameOf).filter((n) => n !== '').join(', '))}</span>}
                  {signOff.map((s) => {
                    const shown = stepOf(s.stepId);
                    return (
                      <span key={s.stepId} className={styles.meta}>
                        {format(words.awaitingSignOff, shown ? stepWording(shown, locale).title : '')}
                      </span>
                    );
                  })}
                  {open && openStep && open !== current && (
                    <Button
                      className={styles.target}
                      text={words.goToStep}
                      description={stepLine(openStep, open, words, locale)}
                      onClick={() => {
                        setChosenStep(open.stepId);
                        setAction({ kind: 'idle' });
                        setReturns((n) => n + 1);
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {sharing && <MilestoneSharing source={sharing} locale={locale} />}
      {courses && <VivaCourses source={courses} steps={data.steps} locale={locale} timeZone={timeZone} now={props.now} />}
      <SignOffQueue source={source} data={data} words={words} locale={locale} timeZone={timeZone} now={now} announce={setCelebration} />
    </div>
  );
}
