/**
 * HR's form fields as native elements (light: no Fluent UI in the part's code): a labelled text
 * box and a group of check boxes, each at least 48 px to touch, with its help and its error
 * beside it and tied to it (`aria-describedby`, `aria-invalid`), in the theme's colours.
 */
import * as React from 'react';

import { useId } from '../../../ui/light/useId';
import styles from './PulseAdmin.module.scss';

export interface ITextBoxProps {
  readonly label: string;
  readonly value: string;
  onChange?(text: string): void;
  readonly error?: string;
  readonly help?: string;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'date' | 'time';
  readonly inputMode?: 'text' | 'numeric';
  readonly readOnly?: boolean;
  readonly required?: boolean;
  /** The language of what is typed (a Dutch wording: `nl`). */
  readonly lang?: string;
}

export function TextBox(props: ITextBoxProps): React.ReactElement {
  const id = useId('se-pulse-field');
  const described = [props.help ? `${id}-help` : '', props.error ? `${id}-error` : ''].filter((part) => part !== '').join(' ');
  const common = {
    id,
    className: [styles.input, props.readOnly ? styles.inputReadOnly : ''].join(' ').trim(),
    value: props.value,
    readOnly: props.readOnly,
    required: props.required,
    lang: props.lang,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described || undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange?.(event.target.value)
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      {props.multiline ? <textarea rows={3} {...common} /> : <input type={props.type ?? 'text'} inputMode={props.inputMode} {...common} />}
      {props.help && (
        <span id={`${id}-help`} className={styles.help}>
          {props.help}
        </span>
      )}
      {props.error && (
        <span id={`${id}-error`} className={styles.error} data-testid="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

export interface ICheckListProps {
  readonly legend: string;
  /** `detail`: a second, quieter line (a crew's site and line). */
  readonly options: ReadonlyArray<{ readonly key: string; readonly text: string; readonly detail?: string }>;
  readonly checked: readonly string[];
  onChange(checked: string[]): void;
  readonly error?: string;
  readonly help?: string;
}

export function CheckList(props: ICheckListProps): React.ReactElement {
  const id = useId('se-pulse-checks');
  const toggle = (key: string, on: boolean): void =>
    props.onChange(on ? props.options.map((o) => o.key).filter((k) => k === key || props.checked.indexOf(k) >= 0) : props.checked.filter((k) => k !== key));
  const described = [props.help ? `${id}-help` : '', props.error ? `${id}-error` : ''].filter((part) => part !== '').join(' ');
  return (
    <fieldset className={styles.fieldset} aria-describedby={described || undefined}>
      <legend className={styles.legend}>{props.legend}</legend>
      {props.help && (
        <span id={`${id}-help`} className={styles.help}>
          {props.help}
        </span>
      )}
      <div className={styles.checks}>
        {props.options.map((option) => (
          <label key={option.key} className={styles.check}>
            <input type="checkbox" checked={props.checked.indexOf(option.key) >= 0} onChange={(event) => toggle(option.key, event.target.checked)} />
            {option.detail ? (
              <span className={styles.checkText}>
                <span>{option.text}</span>
                <span className={styles.subtle}>{option.detail}</span>
              </span>
            ) : (
              <span>{option.text}</span>
            )}
          </label>
        ))}
      </div>
      {props.error && (
        <span id={`${id}-error`} className={styles.error} data-testid="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
