/** A spinning ring with its label, like Fluent UI's Spinner; the label is read as a status. */
import * as React from 'react';

import styles from './Light.module.scss';

export interface ISpinnerProps {
  readonly label?: string;
  /** `small`: ring and label side by side; `inline`: the same, inside a line of text. */
  readonly size?: 'medium' | 'small' | 'inline';
  readonly className?: string;
}

export function Spinner(props: ISpinnerProps): React.ReactElement {
  const size = props.size === 'small' ? styles.spinnerSmall : props.size === 'inline' ? styles.spinnerInline : '';
  return (
    // `ms-Spinner`: Fluent UI's global class name for its spinner, kept as a hook (no styles).
    <div className={['ms-Spinner', styles.spinner, size, props.className ?? ''].join(' ').trim()} data-busy="true">
      <div className={styles.ring} aria-hidden={true} />
      {props.label && (
        <div className={styles.spinnerLabel} role="status" aria-live="polite">
          {props.label}
        </div>
      )}
    </div>
  );
}
