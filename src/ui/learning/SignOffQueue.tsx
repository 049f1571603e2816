/**
 * "Waiting for your sign-off", the trainer's part of My learning, on their phone: the colleagues
 * who asked a trainer to sign off practice this person may sign off (`signOffQueue`, the relay's
 * own rule over the trainer's levels and the paths, so the page offers nothing the relay refuses).
 * Two taps from the person's name: the name (their waiting steps), then "Sign off" on a step (a
 * small form: the station, preselected when only one fits or the trainer runs only one of them, and an optional note, counted as
 * SharePoint counts and refused, never cut, past 1,000), then Confirm.
 *
 * Only a person who may sign off on some path reads anything more: the requests are read after
 * the first paint (one `$batch`), from the paths and levels the part read already. A sign-off
 * keeps its request id across Try again, so a lost answer is counted once; a failure is said in
 * words and keeps the station and the note.
 */
import * as React from 'react';

import { signOffNote, MAX_SIGN_OFF_NOTE } from '../../core/learning/signOff';
import { preferredStation, type QueuePath, signOffQueue, type SignOffTask, signsOffOn, trainerSkillsAt } from '../../core/learning/signOffQueue';
import { pathName, stepWording } from '../../core/learning/wording';
import type { ItemId } from '../../core/models/common';
import { newRequestId } from '../../core/requestId';
import { utf16Length } from '../../core/text/unicode';
import { format, formatCount } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { failureCodeOf, type LearningFailureCode, type LearningWords } from './learningWords';
import styles from './MyLearning.module.scss';
import type { LearningSnapshot, MyLearningSource, SignOffAskedRow } from './types';

export interface ISignOffQueueProps {
  readonly source: Pick<MyLearningSource, 'signOffRequests' | 'signOff'>;
  /** What the part read first: the paths, steps, the person's id and levels. */
  readonly data: LearningSnapshot;
  readonly words: LearningWords;
  readonly locale: string;
  /** IANA zone: the levels' lapse days, and the expiry the relay writes. */
  readonly timeZone: string;
  readonly now: Date;
  /** Says a sign-off done in the part's live region. */
  readonly announce: (text: string) => void;
}

type Load = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'loaded'; readonly rows: readonly SignOffAskedRow[] };
type View = { readonly kind: 'list' } | { readonly kind: 'person'; readonly learnerId: number } | { readonly kind: 'form'; readonly task: SignOffTask };
type Sending = { readonly kind: 'idle' } | { readonly kind: 'sending' } | { readonly kind: 'failed'; readonly code: LearningFailureCode };

const keyOf = (task: Pick<SignOffTask, 'learnerId' | 'stepId'>): string => `${task.learnerId}:${task.stepId}`;

/** The failure of a sign-off in words: the relay's refusal of what was sent (400) names the sign-off. */
function signOffFailure(error: unknown): LearningFailureCode {
  const code = failureCodeOf(error);
  return code === 'invalid' ? 'signOffInvalid' : code;
}

export function SignOffQueue(props: ISignOffQueueProps): React.ReactElement {
  const { source, data, words, locale, timeZone, now } = props;
  const trainerId = data.personId;
  const paths: QueuePath[] = data.paths.map((p) => ({ id: p.id, isActive: p.isActive, grants: p.grants ?? [], trainerIds: p.trainerIds ?? [] }));
  const lapseDaysOf = (pathId: ItemId | undefined): number => data.paths.filter((p) => p.id === pathId)[0]?.lapseDays ?? 0;
  const trainerSkills = trainerSkillsAt(data.skills ?? [], lapseDaysOf, now, timeZone);
  const pathIds = trainerId === undefined ? [] : paths.filter((p) => signsOffOn(trainerId, p, trainerSkills)).map((p) => p.id);
  const pathKey = pathIds.join(',');

  const [load, setLoad] = React.useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const [done, setDone] = React.useState<readonly string[]>([]);
  const [view, setView] = React.useState<View>({ kind: 'list' });
  const [station, setStation] = React.useState('');
  const [note, setNote] = React.useState('');
  const [problem, setProblem] = React.useState<string | undefined>(undefined);
  const [sending, setSending] = React.useState<Sending>({ kind: 'idle' });
  // One request id per sign-off: Try again resends it, and the relay counts it once.
  const requestIds = React.useRef(new Map<string, string>());
  const heading = React.useRef<HTMLHeadingElement>(null);
  const sectionHeading = React.useRef<HTMLHeadingElement>(null);
  // Counts returns to the list: its heading takes the focus (not on the first paint).
  const [listReturns, setListReturns] = React.useState(0);

  React.useEffect(() => {
    if (pathKey === '') {
      return undefined;
    }
    let live = true;
    setLoad({ kind: 'loading' });
    source.signOffRequests(pathKey.split(',').map(Number)).then(
      (rows) => live && setLoad({ kind: 'loaded', rows }),
      (error: unknown) => live && setLoad({ kind: 'failed', error })
    );
    return () => {
      live = false;
    };
  }, [source, pathKey, attempt]);

  React.useEffect(() => {
    if (view.kind !== 'list') {
      heading.current?.focus();
    }
  }, [view]);
  React.useEffect(() => {
    if (listReturns > 0) {
      sectionHeading.current?.focus();
    }
  }, [listReturns]);
  const backToList = (): void => {
    setView({ kind: 'list' });
    setListReturns((n) => n + 1);
  };

  if (trainerId === undefined || pathIds.length === 0) {
    // Not a trainer on any path: nothing read, nothing shown.
    return <></>;
  }

  const rows = load.kind === 'loaded' ? load.rows : [];
  const tasks = signOffQueue({ trainerId, trainerSkills, paths, steps: data.steps, rows }).filter((task) => done.indexOf(keyOf(task)) < 0);
  const nameOf = (learnerId: number): string => rows.filter((r) => r.learnerId === learnerId)[0]?.learnerName ?? '';
  const loginOf = (learnerId: number): string => rows.filter((r) => r.learnerId === learnerId)[0]?.learnerLogin ?? '';
  const stepTitle = (stepId: ItemId): string => {
    const step = data.steps.filter((s) => s.id === stepId)[0];
    return step ? stepWording(step, locale).title : '';
  };
  const pathTitle = (pathId: ItemId): string => {
    const path = data.paths.filter((p) => p.id === pathId)[0];
    return path ? pathName(path, locale) : '';
  };
  const people = tasks.map((t) => t.learnerId).filter((id, index, all) => all.indexOf(id) === index);

  const openForm = (task: SignOffTask): void => {
    setStation(preferredStation(task.stations, trainerSkills) ?? '');
    setNote('');
    setProblem(undefined);
    setSending({ kind: 'idle' });
    setView({ kind: 'form', task });
  };

  const noteLength = utf16Length(signOffNote(note) ?? '');
  const confirm = (task: SignOffTask): void => {
    if (task.stations.indexOf(station) < 0) {
      setProblem(words.chooseStation);
      return;
    }
    if (noteLength > MAX_SIGN_OFF_NOTE) {
      setProblem(format(words.noteTooLong, noteLength - MAX_SIGN_OFF_NOTE));
      return;
    }
    setProblem(undefined);
    const key = keyOf(task);
    const requestId = requestIds.current.get(key) ?? newRequestId();
    requestIds.current.set(key, requestId);
    setSending({ kind: 'sending' });
    const text = signOffNote(note);
    source
      .signOff({ learnerLogin: loginOf(task.learnerId), stepId: task.stepId, station, ...(text ? { note: text } : {}), requestId, timeZone })
      .then(
        () => {
          requestIds.current.delete(key);
          setDone((before) => before.concat([key]));
          setSending({ kind: 'idle' });
          props.announce(format(words.signedOff, stepTitle(task.stepId), nameOf(task.learnerId)));
          const more = tasks.some((t) => t.learnerId === task.learnerId && keyOf(t) !== key);
          if (more) {
            setView({ kind: 'person', learnerId: task.learnerId });
          } else {
            backToList();
          }
        },
        (error: unknown) => setSending({ kind: 'failed', code: signOffFailure(error) })
      );
  };

  const body = (): React.ReactNode => {
    if (load.kind === 'loading') {
      return <Spinner label={words.signOffLoading} />;
    }
    if (load.kind === 'failed') {
      return (
        <>
          <Notice type="error">{words.errors[failureCodeOf(load.error)]}</Notice>
          <div className={styles.actions}>
            <Button className={styles.target} text={words.tryAgain} onClick={() => setAttempt((n) => n + 1)} />
          </div>
        </>
      );
    }
    if (view.kind === 'form') {
      const task = view.task;
      const busy = sending.kind === 'sending';
      return (
        <div className={styles.screen}>
          <h4 className={styles.stepTitle} ref={heading} tabIndex={-1}>
            {format(words.signOffFor, stepTitle(task.stepId), nameOf(task.learnerId))}
          </h4>
          <p className={styles.meta}>{pathTitle(task.pathId)}</p>
          <fieldset className={styles.choices} disabled={busy}>
            <legend className={styles.pathName}>{words.station}</legend>
            {task.stations.map((code) => (
              <label key={code} className={[styles.choice, station === code ? styles.chosen : ''].join(' ').trim()}>
                <input type="radio" name="se-signoff-station" value={code} checked={station === code} onChange={() => setStation(code)} />
                <span>{code}</span>
              </label>
            ))}
          </fieldset>
          <label className={styles.pathName} htmlFor="se-signoff-note">
            {words.note}
          </label>
          <textarea
            id="se-signoff-note"
            className={styles.note}
            value={note}
            rows={4}
            disabled={busy}
            aria-describedby="se-signoff-count"
            aria-invalid={noteLength > MAX_SIGN_OFF_NOTE}
            onChange={(event) => setNote(event.target.value)}
          />
          <p id="se-signoff-count" className={noteLength > MAX_SIGN_OFF_NOTE ? styles.attention : styles.meta}>
            {format(words.noteCount, noteLength, MAX_SIGN_OFF_NOTE)}
          </p>
          {problem && <Notice type="error">{problem}</Notice>}
          {sending.kind === 'failed' && <Notice type="error">{words.errors[sending.code]}</Notice>}
          <div className={styles.actions}>
            <Button className={styles.target} text={words.previous} disabled={busy} onClick={() => setView({ kind: 'person', learnerId: task.learnerId })} />
            <Button
              className={styles.target}
              primary={true}
              disabled={busy}
              text={busy ? words.signingOff : sending.kind === 'failed' ? words.tryAgain : words.confirm}
              onClick={() => confirm(task)}
            />
          </div>
        </div>
      );
    }
    const own = view.kind === 'person' ? tasks.filter((t) => t.learnerId === view.learnerId) : [];
    if (view.kind === 'person' && own.length > 0) {
      return (
        <div className={styles.screen}>
          <h4 className={styles.stepTitle} ref={heading} tabIndex={-1}>
            {nameOf(view.learnerId)}
          </h4>
          <ul className={styles.paths}>
            {own.map((task) => (
              <li key={keyOf(task)} className={styles.path}>
                <span className={styles.pathName}>{stepTitle(task.stepId)}</span>
                <span className={styles.meta}>{pathTitle(task.pathId)}</span>
                <div className={styles.actions}>
                  <Button className={styles.target} primary={true} text={words.signOff} description={stepTitle(task.stepId)} onClick={() => openForm(task)} />
                </div>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button className={styles.target} text={words.backToList} onClick={backToList} />
          </div>
        </div>
      );
    }
    if (people.length === 0) {
      return <p className={styles.meta}>{words.signOffNone}</p>;
    }
    return (
      <ul className={styles.paths}>
        {people.map((learnerId) => (
          <li key={learnerId} className={styles.path}>
            <Button
              className={[styles.target, styles.person].join(' ')}
              text={nameOf(learnerId)}
              onClick={() => setView({ kind: 'person', learnerId })}
            />
            <span className={styles.meta}>
              {formatCount(locale, tasks.filter((t) => t.learnerId === learnerId).length, words.stepsWaiting)}
            </span>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section aria-labelledby="se-learning-signoff">
      <h3 id="se-learning-signoff" className={styles.sectionTitle} ref={sectionHeading} tabIndex={-1}>
        {words.signOffHeading}
      </h3>
      {body()}
    </section>
  );
}
