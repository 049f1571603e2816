/**
 * The wall's notices: at most three, newest last, one per sentence (the wall shows them in a
 * live region that is on the page from the start); and words said to screen readers only, in
 * a second such region, for what has no notice of its own (a reaction saved: the pressed
 * button is what the eye sees).
 */
import * as React from 'react';

export interface WallNotice {
  readonly type: 'success' | 'info' | 'error' | 'warning';
  readonly text: string;
  /** The notice takes the focus (what the person acted on is gone, as a reported post). */
  readonly focus?: boolean;
}

export type Notify = (notice: WallNotice) => void;

/** What the screen-reader-only region says now; `seq` changes with each announcement (the same words again are said again). */
export interface Announcement {
  readonly text: string;
  readonly seq: number;
}

export interface WallNotices {
  readonly notices: readonly WallNotice[];
  /** Shows a notice (the same sentence again moves to the end, and is said again). Stable across renders. */
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
  const announce = React.useCallback((text: string) => setAnnouncement((a) => ({ text, seq: (a?.seq ?? 0) + 1 })), []);
  const notify = React.useCallback<Notify>((notice) => {
    setNotices((list) => [...list.filter((n) => n.text !== notice.text), notice].slice(-3));
    setShownCount((n) => n + 1);
  }, []);
  const dismiss = React.useCallback((notice: WallNotice) => setNotices((list) => list.filter((n) => n !== notice)), []);
  return { notices, notify, announce, announcement, shownCount, dismiss };
}
