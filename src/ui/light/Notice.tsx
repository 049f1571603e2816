/**
 * A message bar like Fluent UI's MessageBar: an icon for its kind, the text in a live region
 * (errors assertive, the rest polite) and, when it can be dismissed, a close button (48 px).
 * A part that announces its notices through a live region of its own (one that is on the page
 * before any notice, which screen readers follow more reliably) passes `live={false}`.
 */
import * as React from 'react';

import { Icon } from './Icon';
import styles from './Light.module.scss';

export type NoticeType = 'info' | 'success' | 'warning' | 'error';

export interface INoticeProps {
  readonly type: NoticeType;
  readonly children: React.ReactNode;
  onDismiss?(): void;
  /** Accessible name of the close button (required with `onDismiss`). */
  readonly dismissLabel?: string;
  readonly className?: string;
  /** Whether the text is a live region of its own (default); false when the part announces it. */
  readonly live?: boolean;
}

const KIND: Record<NoticeType, { icon: string; className: string }> = {
  info: { icon: 'Info', className: '' },
  success: { icon: 'Completed', className: styles.noticeSuccess },
  warning: { icon: 'Warning', className: styles.noticeWarning },
  error: { icon: 'ErrorBadge', className: styles.noticeError }
};

export function Notice(props: INoticeProps): React.ReactElement {
  const kind = KIND[props.type];
  return (
    // `ms-MessageBar…`: the global class names Fluent UI gives its message bar (no styles of
    // their own), kept as hooks for page CSS and tests.
    <div className={['ms-MessageBar', `ms-MessageBar--${props.type}`, styles.notice, kind.className, props.className ?? ''].join(' ').trim()}>
      <Icon iconName={kind.icon} className={styles.noticeIcon} />
      <div
        className={styles.noticeText}
        role={props.live === false ? undefined : 'status'}
        aria-live={props.live === false ? undefined : props.type === 'error' ? 'assertive' : 'polite'}
      >
        {props.children}
      </div>
      {props.onDismiss && (
        <button type="button" className={styles.noticeClose} aria-label={props.dismissLabel} title={props.dismissLabel} onClick={props.onDismiss}>
          <Icon iconName="Clear" />
        </button>
      )}
    </div>
  );
}
