/**
 * The wall's notices: at most three, newest last, one per sentence; and what the wall says to
 * screen readers, through two live regions that are on the page from the start (`Announcer`):
 * every notice (errors assertively), and words that have no notice of their own (a reaction
 * saved: the pressed button is what the eye sees).
 */
import * as React from 'react';

export interface WallNotice {
  readonly type: 'success' | 'info' | 'error' | 'warning';
  readonly text: string;
}

export type Notify = (notice: WallNotice) => void;

/** What the live regions say now; `seq` changes with each announcement (the same words again are said again). */
export interface Announcement {
  readonly text: string;
  readonly assertive: boolean;
  readonly seq: number;
}

export interface WallNotices {
  readonly notices: readonly WallNotice[];
  /** Shows a notice and announces it (the same sentence again moves to the end). Stable across renders. */
  readonly notify: Notify;
  /** Says something to screen readers only. Stable across renders. */
  readonly announce: (text: string) => void;
  readonly announcement: Announcement | undefined;
  /** Counts notices shown, so the wall can bring a new one into view. */
  readonly shownCount: number;
  dismiss(notice: WallNotice): void;
}

export function useNotices(): WallNotices {
  const [notices, setNotices] = React.useState<WallNotice[]>([]);
  const [announcement, setAnnouncement] = React.useState<Announcement | undefined>(undefined);
  const [shownCount, setShownCount] = React.useState(0);
  const announce = React.useCallback((text: string, assertive: boolean = false) => setAnnouncement((a) => ({ text, assertive, seq: (a?.seq ?? 0) + 1 })), []);
  const notify = React.useCallback<Notify>(
    (notice) => {
      setNotices((list) => [...list.filter((n) => n.text !== notice.text), notice].slice(-3));
      setShownCount((n) => n + 1);
      announce(notice.text, notice.type === 'error');
    },
    [announce]
  );
  const dismiss = React.useCallback((notice: WallNotice) => setNotices((list) => list.filter((n) => n !== notice)), []);
  const sayOnly = React.useCallback((text: string) => announce(text, false), [announce]);
  return { notices, notify, announce: sayOnly, announcement, shownCount, dismiss };
}
