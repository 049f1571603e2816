/**
 * The box a reply or an answer back is written in: a labelled text area with the characters left,
 * Send and Cancel (48 px targets). The text stays until it was sent: a failed send shows why
 * (`error`) and keeps every character, so nothing typed is lost.
 */
import * as React from 'react';

import { THREAD_TEXT_MAX } from '../../core/pulse/threads/threads';
import { format } from '../format';
import styles from './PulseThreads.module.scss';
import type { ThreadWords } from './threadWords';

export interface IThreadTextBoxProps {
  readonly words: ThreadWords;
  readonly label: string;
  readonly hint: string;
  /** Sends the text; resolves when it was kept, rejects with the words of why not. */
  readonly onSend: (text: string) => Promise<void>;
  readonly onCancel: () => void;
}

export function ThreadTextBox(props: IThreadTextBoxProps): React.ReactElement {
  const { words } = props;
  const id = React.useRef(`se-thread-${Math.random().toString(36).slice(2)}`).current;
  const [text, setText] = React.useState('');
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const left = THREAD_TEXT_MAX - text.length;

  const send = async (): Promise<void> => {
    if (text.trim() === '') {
      setError(words.errors.textEmpty);
      return;
    }
    if (left < 0) {
      setError(words.errors.textTooLong);
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      await props.onSend(text);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setSending(false);
    }
  };
  const onSend = (): void => {
    void send();
  };

  return (
    <div className={styles.thread}>
      <label htmlFor={id} className={styles.who}>
        {props.label}
      </label>
      <textarea
        id={id}
        className={styles.box}
        value={text}
        aria-describedby={`${id}-hint ${id}-left${error ? ` ${id}-error` : ''}`}
        aria-invalid={error !== undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <p id={`${id}-hint`} className={styles.hint}>
        {props.hint}
      </p>
      <p id={`${id}-left`} className={styles.hint} aria-live="polite">
        {format(words.charactersLeft, Math.max(0, left))}
      </p>
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className={`${styles.button} ${styles.primary}`} disabled={sending} onClick={onSend}>
          {sending ? words.sending : words.send}
        </button>
        <button type="button" className={styles.button} disabled={sending} onClick={props.onCancel}>
          {words.cancel}
        </button>
      </div>
    </div>
  );
}
