/**
 * One released comment: the question it answers, in the page's language, and the text as written.
 * No author, no time (the relay sends neither). `actions` is where a comment's own actions go
 * (an anonymous reply, hiding an abusive comment) when the comment threads offer them.
 */
import * as React from 'react';

import styles from '../PulseResults.module.scss';

export interface ICommentRowProps {
  /** The question's wording. */
  readonly question: string;
  readonly text: string;
  readonly questionLabel: string;
  /** Actions on this comment, shown below its text. */
  readonly actions?: React.ReactNode;
}

export function CommentRow(props: ICommentRowProps): React.ReactElement {
  return (
    <li className={styles.comment}>
      <p className={styles.commentQuestion}>
        <span className={styles.visuallyHidden}>{props.questionLabel}: </span>
        {props.question}
      </p>
      <p className={styles.commentText}>{props.text}</p>
      {props.actions && <div className={styles.actions}>{props.actions}</div>}
    </li>
  );
}
