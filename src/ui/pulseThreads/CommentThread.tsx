/**
 * A released comment's thread in the Pulse results part, for HR and team leaders: the replies and
 * the author's answers back (by role, never by name or time), a Reply box, and for HR Hide and
 * Show. It goes below the comment's own text (the results part's comment row, as its `actions`).
 * Replies go through the relay, which alone knows who wrote the comment; a reply sent shows at
 * once, and `onChanged` lets the part read the threads again.
 */
import * as React from 'react';

import type { ThreadMessageView } from '../../core/pulse/threads/threads';
import type { PulseThreadsSource, ThreadBody } from '../../core/pulse/threads/wire';
import styles from './PulseThreads.module.scss';
import { ThreadTextBox } from './ThreadTextBox';
import { threadErrorText, threadWords } from './threadWords';

export interface ICommentThreadProps {
  /** The comment's thread id, as the results gave it (`ShownComment.threadId`). */
  readonly threadId: string;
  /** The thread as `GET /api/pulse/threads` gave it; undefined when it has no message yet. */
  readonly thread?: ThreadBody;
  /** The reader's role, from the results' `viewer.role`: HR may also hide and show. */
  readonly role: 'hr' | 'leader';
  /** The relay's thread routes (`pulseThreadsOf(services).threads`). */
  readonly source: Pick<PulseThreadsSource, 'reply' | 'setHidden'>;
  /** The page's language tag (`nl-nl`…). */
  readonly language: string;
  /** After a reply, a hide or a show was kept: the part may read the threads again. */
  readonly onChanged?: () => void;
}

export function CommentThread(props: ICommentThreadProps): React.ReactElement {
  const words = threadWords(props.language);
  const [sent, setSent] = React.useState<ThreadMessageView[]>([]);
  const [writing, setWriting] = React.useState(false);
  const [hidden, setHidden] = React.useState(props.thread?.status === 'hidden');
  const [busy, setBusy] = React.useState(false);
  const [note, setNote] = React.useState<{ readonly text: string; readonly error: boolean } | undefined>(undefined);

  React.useEffect(() => {
    setHidden(props.thread?.status === 'hidden');
    setSent([]);
  }, [props.thread]);

  const messages = (props.thread?.messages ?? []).concat(sent);

  const reply = async (text: string): Promise<void> => {
    try {
      await props.source.reply(props.threadId, text);
    } catch (error) {
      throw new Error(threadErrorText(words, error));
    }
    setSent((before) => before.concat([{ role: props.role, text }]));
    setWriting(false);
    setNote({ text: words.sent, error: false });
    props.onChanged?.();
  };

  const toggle = async (): Promise<void> => {
    setBusy(true);
    setNote(undefined);
    try {
      await props.source.setHidden(props.threadId, !hidden);
      setNote({ text: hidden ? words.shownDone : words.hiddenDone, error: false });
      setHidden(!hidden);
      props.onChanged?.();
    } catch (error) {
      setNote({ text: threadErrorText(words, error), error: true });
    } finally {
      setBusy(false);
    }
  };
  const onToggle = (): void => {
    void toggle();
  };

  return (
    <div className={styles.thread}>
      {hidden && <p className={styles.note}>{words.hiddenNote}</p>}
      {messages.length > 0 && (
        <ul className={styles.messages} aria-label={words.repliesLabel}>
          {messages.map((message, index) => (
            <li key={index} className={styles.message}>
              <span className={styles.who}>{words.roles[message.role]}</span>
              {message.text}
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p className={note.error ? styles.error : styles.note} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      {writing ? (
        <ThreadTextBox words={words} label={words.replyLabel} hint={words.replyHint} onSend={reply} onCancel={() => setWriting(false)} />
      ) : (
        <div className={styles.actions}>
          <button type="button" className={styles.button} onClick={() => setWriting(true)}>
            {words.reply}
          </button>
          {props.role === 'hr' && (
            <button type="button" className={styles.button} disabled={busy} onClick={onToggle}>
              {hidden ? words.show : words.hide}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
