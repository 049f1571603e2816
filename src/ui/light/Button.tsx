/**
 * A native `<button>` that looks like Fluent UI's DefaultButton or PrimaryButton: its text is
 * its accessible name, Enter and Space press it, `disabled` takes it out of the tab order.
 */
import * as React from 'react';

import { Icon } from './Icon';
import styles from './Light.module.scss';
import { useId } from './useId';

export interface IButtonProps extends Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  readonly text: string;
  /** Fluent UI (MDL2) icon name shown before the text. */
  readonly iconName?: string;
  readonly primary?: boolean;
  /** Said after the name by screen readers (`aria-describedby` on a hidden text). */
  readonly description?: string;
}

export const Button = React.forwardRef<HTMLButtonElement, IButtonProps>(function Button(props, ref) {
  const { text, iconName, primary, description, className, type, ...rest } = props;
  const descriptionId = useId('se-button-description');
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={[styles.button, primary ? styles.primary : '', className ?? ''].join(' ').trim()}
      aria-describedby={description ? descriptionId : undefined}
      {...rest}
    >
      {iconName && <Icon iconName={iconName} className={styles.buttonIcon} />}
      <span>{text}</span>
      {description && (
        // Hidden: not part of the name, read as the description through `aria-describedby`.
        <span id={descriptionId} hidden={true}>
          {description}
        </span>
      )}
    </button>
  );
});
