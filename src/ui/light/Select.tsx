/** A labelled native `<select>` (the phone's own picker), in place of Fluent UI's Dropdown. */
import * as React from 'react';

import styles from './Light.module.scss';
import { useId } from './useId';

export interface ISelectOption {
  readonly key: string;
  readonly text: string;
}

export interface ISelectProps {
  readonly label: string;
  readonly options: readonly ISelectOption[];
  readonly value: string;
  onChange(key: string): void;
}

export function Select(props: ISelectProps): React.ReactElement {
  const id = useId('se-select');
  return (
    <div className={styles.selectField}>
      <label htmlFor={id} className={styles.fieldLabel}>
        {props.label}
      </label>
      <select id={id} className={styles.select} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.options.map((option) => (
          <option key={option.key} value={option.key}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
