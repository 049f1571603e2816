/**
 * An on/off switch like Fluent UI's Toggle: a `<button role="switch">` named by its label,
 * with the state written beside it; Enter and Space flip it. The whole row (label, switch and
 * state) is one `<label>`: a tap anywhere on it flips the switch, a target at least 48 px tall
 * and as wide as the row, for gloves.
 */
import * as React from 'react';

import styles from './Light.module.scss';
import { useId } from './useId';

export interface ISwitchProps {
  readonly label: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  /** Shown beside the switch (not part of its name: the checked state is announced). */
  readonly onText?: string;
  readonly offText?: string;
  onChange(checked: boolean): void;
}

export function Switch(props: ISwitchProps): React.ReactElement {
  const labelId = useId('se-switch-label');
  const state = props.checked ? props.onText : props.offText;
  return (
    // A label's click reaches the button inside it (its labelled control) once; a click on the
    // button itself is not passed on again.
    <label className={[styles.switchField, props.disabled ? styles.switchFieldDisabled : ''].join(' ').trim()}>
      <span id={labelId} className={styles.switchLabel}>
        {props.label}
      </span>
      <span className={styles.switchRow}>
        <button
          type="button"
          role="switch"
          className={styles.switch}
          aria-checked={props.checked}
          aria-labelledby={labelId}
          disabled={props.disabled}
          onClick={() => props.onChange(!props.checked)}
        >
          <span className={styles.thumb} />
        </button>
        {state && (
          <span className={styles.switchState} aria-hidden={true}>
            {state}
          </span>
        )}
      </span>
    </label>
  );
}
