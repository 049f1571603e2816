/** The wall's notices: at most three, newest last, one per sentence. */
import * as React from 'react';

export interface WallNotice {
  readonly type: 'success' | 'info' | 'error' | 'warning';
  readonly text: string;
}

export type Notify = (notice: WallNotice) => void;

export interface WallNotices {
  readonly notices: readonly WallNotice[];
  /** Shows a notice (the same sentence again moves to the end). Stable across renders. */
  readonly notify: Notify;
  dismiss(notice: WallNotice): void;
}

export function useNotices(): WallNotices {
  const [notices, setNotices] = React.useState<WallNotice[]>([]);
  const notify = React.useCallback<Notify>((notice) => setNotices((list) => [...list.filter((n) => n.text !== notice.text), notice].slice(-3)), []);
  const dismiss = React.useCallback((notice: WallNotice) => setNotices((list) => list.filter((n) => n !== notice)), []);
  return { notices, notify, dismiss };
}
