/**
 * Above the results part's comments, when the threads could not be read: the comments stand
 * without their replies (a reply still works), and this says why, with Try again (a 48 px target)
 * that reads the threads again and nothing else. Disabled while that read is under way, so a
 * double tap reads once.
 */
import * as React from 'react';

import styles from './PulseThreads.module.scss';
import { threadErrorText, threadWords } from './threadWords';

export interface IThreadsReadFailedProps {
  /** Why the read failed (a `PulseThreadsError`, else "something went wrong"). */
  readonly error: unknown;
  /** The page's language tag (`nl-nl`…). */
  readonly language: string;
  /** A read of the threads is under way. */
  readonly reading: boolean;
  readonly onTryAgain: () => void;
}

export function ThreadsReadFailed(props: IThreadsReadFailedProps): React.ReactElement {
  const words = threadWords(props.language);
  return (
    <div className={styles.thread}>
      <p className={styles.error} role="alert">
        {`${words.readFailed} ${threadErrorText(words, props.error)}`}
      </p>
      <div className={styles.actions}>
        <button type="button" className={styles.button} disabled={props.reading} onClick={props.onTryAgain}>
          {words.tryAgain}
        </button>
      </div>
    </div>
  );
}
