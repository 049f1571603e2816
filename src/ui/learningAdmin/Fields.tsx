/**
 * The Learning admin forms' fields as native elements (no Fluent UI in the part's first chunk):
 * a labelled input and a tick box, each at least 48 px to touch, with the field's error tied to
 * it (`aria-invalid`, `aria-describedby`), so a screen reader says what is wrong where it is.
 */
import * as React from 'react';

import { Button, type IButtonProps } from '../light/Button';
import { useId } from '../light/useId';
import styles from './LearningAdmin.module.scss';

export interface IFieldProps {
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  readonly error?: string;
  readonly help?: string;
  readonly type?: 'text' | 'date' | 'url';
  readonly inputMode?: 'text' | 'numeric' | 'email';
  readonly multiline?: boolean;
  /** The language of what is typed (`nl`, `sv`). */
  readonly lang?: string;
}

export function Field(props: IFieldProps): React.ReactElement {
  const id = useId('se-learning-admin-field');
  const notes = [props.help ? `${id}-help` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    value: props.value,
    lang: props.lang,
    className: styles.input,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': notes
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={3} {...shared} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input type={props.type ?? 'text'} inputMode={props.inputMode} {...shared} onChange={(event) => props.onChange(event.target.value)} />
      )}
      {props.help && (
        <span id={`${id}-help`} className={styles.help}>
          {props.help}
        </span>
      )}
      {props.error && (
        <span id={`${id}-error`} className={styles.error}>
          {props.error}
        </span>
      )}
    </div>
  );
}

export function Tick(props: { readonly label: string; readonly checked: boolean; onChange(checked: boolean): void }): React.ReactElement {
  return (
    <label className={styles.tick}>
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

/** A list of what is wrong, announced when it appears; nothing when there is nothing. */
export function Problems(props: { readonly errors: readonly string[]; readonly warnings?: readonly string[]; readonly warningLabel: string }): React.ReactElement {
  const warnings = props.warnings ?? [];
  if (props.errors.length === 0 && warnings.length === 0) {
    return <></>;
  }
  return (
    <div role="alert" className={styles.problems}>
      <ul>
        {props.errors.map((text) => (
          <li key={`e:${text}`} className={styles.error}>
            {text}
          </li>
        ))}
        {warnings.map((text) => (
          <li key={`w:${text}`}>
            {props.warningLabel}: {text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The light button at 48 × 48 px at least. */
export function Action(props: IButtonProps): React.ReactElement {
  return <Button {...props} className={styles.action} />;
}
