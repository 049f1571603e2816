/**
 * A person's own comments of the latest pulse rounds, in the Pulse part (the Pulse card words the
 * same threads in its Adaptive Card, with `answered.ts`): "HR answered your comment" or "Your team leader answered your comment", the thread
 * (HR, the team leader, and "You" for their own answers back), Answer back once someone replied,
 * and Delete my comment after a confirmation. The relay finds the comments by the person's token;
 * nothing here, nor anything the page keeps, says which comments are theirs (nothing is stored on
 * the device: a shared kiosk keeps none of it).
 */
import * as React from 'react';

import type { MyCommentBody, MyCommentsBody, PulseThreadsSource } from '../../core/pulse/threads/wire';
import { answeredHeadline } from './answered';
import styles from './PulseThreads.module.scss';
import { ThreadTextBox } from './ThreadTextBox';
import { threadErrorText, type ThreadWords, threadWords } from './threadWords';

export interface IMyCommentsProps {
  /** The relay's thread routes (`pulseThreadsOf(services).threads`). */
  readonly source: Pick<PulseThreadsSource, 'mine' | 'answer' | 'remove'>;
  /** The page's language tag (`nl-nl`…). */
  readonly language: string;
  /** The wording of a comment's question in the page's language, when the part knows it. */
  readonly questionText?: (questionKey: string, roundId: number) => string | undefined;
  /** Heading level of "Your comments" (2 unless given). */
  readonly headingLevel?: 2 | 3 | 4;
}

// Where it always was too: the words of a waiting reply live in `answered.ts`, shared with the card.
export { answeredLine } from './answered';

type Load = { readonly state: 'loading' } | { readonly state: 'failed'; readonly text: string } | { readonly state: 'loaded'; readonly body: MyCommentsBody };

export function MyComments(props: IMyCommentsProps): React.ReactElement {
  const words = threadWords(props.language);
  const [load, setLoad] = React.useState<Load>({ state: 'loading' });
  const { source } = props;

  const read = React.useCallback(async (): Promise<void> => {
    try {
      const body = await source.mine();
      setLoad({ state: 'loaded', body });
    } catch (error) {
      setLoad({ state: 'failed', text: threadErrorText(words, error) });
    }
  }, [source, words]);

  React.useEffect(() => {
    void read();
  }, [read]);
  const readAgain = (): void => {
    void read();
  };

  const Heading = `h${props.headingLevel ?? 2}` as 'h2';
  return (
    <section className={styles.mine} aria-busy={load.state === 'loading'}>
      <Heading className={styles.heading}>{words.myCommentsTitle}</Heading>
      {load.state === 'loading' && <p className={styles.note}>{words.loading}</p>}
      {load.state === 'failed' && (
        <>
          <p className={styles.error} role="alert">
            {load.text}
          </p>
          <div className={styles.actions}>
            <button type="button" className={styles.button} onClick={readAgain}>
              {words.tryAgain}
            </button>
          </div>
        </>
      )}
      {load.state === 'loaded' && load.body.comments.length === 0 && <p className={styles.note}>{words.myCommentsNone}</p>}
      {load.state === 'loaded' && load.body.comments.length > 0 && (
        <ul className={styles.comments}>
          {load.body.comments.map((comment) => (
            <MyComment key={comment.threadId} comment={comment} words={words} question={props.questionText?.(comment.questionKey, comment.roundId)} source={source} onChanged={readAgain} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface IMyCommentProps {
  readonly comment: MyCommentBody;
  readonly words: ThreadWords;
  readonly question?: string;
  readonly source: Pick<PulseThreadsSource, 'answer' | 'remove'>;
  readonly onChanged: () => void;
}

function MyComment(props: IMyCommentProps): React.ReactElement {
  const { comment, words } = props;
  const [writing, setWriting] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);

  const answer = async (text: string): Promise<void> => {
    try {
      await props.source.answer(comment.threadId, text);
    } catch (failure) {
      throw new Error(threadErrorText(words, failure));
    }
    setWriting(false);
    props.onChanged();
  };

  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await props.source.remove(comment.threadId);
      setConfirming(false);
      props.onChanged();
    } catch (failure) {
      setError(threadErrorText(words, failure));
    } finally {
      setBusy(false);
    }
  };
  const onRemove = (): void => {
    void remove();
  };

  const headline = answeredHeadline(comment, words);
  return (
    <li className={styles.comment}>
      {headline && <p className={styles.headline}>{headline}</p>}
      <p className={styles.note}>{props.question ? `${comment.title} · ${props.question}` : comment.title}</p>
      <p className={`${styles.message} ${styles.own}`}>
        <span className={styles.who}>{words.yourComment}</span>
        {comment.text}
      </p>
      {comment.messages.length > 0 ? (
        <ul className={styles.messages} aria-label={words.repliesLabel}>
          {comment.messages.map((message, index) => (
            <li key={index} className={`${styles.message}${message.mine ? ` ${styles.own}` : ''}`}>
              <span className={styles.who}>{words.rolesForAuthor[message.role]}</span>
              {message.text}
            </li>
          ))}
        </ul>
      ) : (
        comment.status === 'visible' && <p className={styles.note}>{words.noReplyYet}</p>
      )}
      {comment.status === 'deleted' && <p className={styles.note}>{words.deleted}</p>}
      {comment.status === 'hidden' && <p className={styles.note}>{words.hiddenByHr}</p>}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {writing && <ThreadTextBox words={words} label={words.answerLabel} hint={words.answerHint} onSend={answer} onCancel={() => setWriting(false)} />}
      {confirming && (
        <div className={styles.confirm} role="group" aria-label={words.deleteQuestion}>
          <p className={styles.headline}>{words.deleteQuestion}</p>
          <p className={styles.hint}>{words.deleteExplained}</p>
          <div className={styles.actions}>
            <button type="button" className={`${styles.button} ${styles.primary}`} disabled={busy} onClick={onRemove}>
              {words.deleteConfirm}
            </button>
            <button type="button" className={styles.button} disabled={busy} onClick={() => setConfirming(false)}>
              {words.keep}
            </button>
          </div>
        </div>
      )}
      {!writing && !confirming && comment.status !== 'deleted' && (
        <div className={styles.actions}>
          {comment.canAnswer && (
            <button type="button" className={styles.button} onClick={() => setWriting(true)}>
              {words.answerBack}
            </button>
          )}
          <button type="button" className={styles.button} onClick={() => setConfirming(true)}>
            {words.deleteComment}
          </button>
        </div>
      )}
    </li>
  );
}
