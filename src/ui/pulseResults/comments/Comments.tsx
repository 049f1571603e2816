/**
 * The round's released comment lists (plant, sites, lines, crews), each as the relay sent it:
 * already shuffled, with no time and no author. A list withheld says why. Employees see none.
 * `actionsFor` lets the comment threads put their actions on each row, `status` say above the
 * lists what they have to say of them all.
 */
import * as React from 'react';

import type { RoundResultsShown } from '../../../core/pulse/results/wire';
import { format } from '../../format';
import { Notice } from '../../light/Notice';
import styles from '../PulseResults.module.scss';
import { commentLists, type CommentView } from '../resultsView';
import type { ResultsWords } from '../resultsWords';
import { CommentRow } from './CommentRow';

export interface ICommentsProps {
  readonly round: RoundResultsShown;
  readonly words: ResultsWords;
  readonly locale: string;
  /** Actions on one comment (its thread's replies, hiding it), below its text. */
  readonly actionsFor?: (comment: CommentView, listKey: string) => React.ReactNode;
  /** Above the lists: what the actions have to say of them all (the replies could not be read). */
  readonly status?: React.ReactNode;
}

export function Comments(props: ICommentsProps): React.ReactElement {
  const { words } = props;
  const lists = commentLists(props.round, words, props.locale);
  if (lists.length === 0) {
    return <Notice type="info">{words.commentsEmpty}</Notice>;
  }
  return (
    <div className={styles.section}>
      {props.status}
      {lists.map((list) => (
        <section key={list.key} className={styles.section}>
          <h3 className={styles.subheading}>{format(words.commentsOf, list.label)}</h3>
          {'text' in list.comments ? (
            <p className={styles.withheld} data-withheld={list.comments.withheld}>
              {list.comments.text}
            </p>
          ) : (
            <ul className={styles.comments}>
              {list.comments.map((comment, index) => (
                <CommentRow
                  key={comment.threadId ?? index}
                  question={comment.question}
                  text={comment.text}
                  questionLabel={words.questionLabel}
                  actions={props.actionsFor?.(comment, list.key)}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
