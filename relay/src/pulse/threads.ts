/**
 * A round's comment threads as the results and the thread routes need them
 * (docs/pulse-results.md "Comment threads"): each comment's thread id, which comments HR and
 * leaders may still be shown, and each thread as HR, a leader or its author reads it. The rules
 * are the core's (`src/core/pulse/threads/threads.ts`); the messages are `threadsStore.ts`'s.
 */
import type { SPFI } from '@pnp/sp';

import type { CommentEntry } from '../../../src/core/pulse/ballot';
import type { RoundRelease } from '../../../src/core/pulse/results/release';
import { authorActsCutoff, messagesByThread, type StoredThreadMessage, threadFor, type ThreadView } from '../../../src/core/pulse/threads/threads';
import type { PulseKeyring } from './envelope';
import { readRoundMessages, type RoundMessages, threadIdOf } from './threadsStore';

export interface RoundThreads {
  readonly roundId: number;
  /** The round's messages as read (for a write: whether its request is there already). */
  readonly written: RoundMessages;
  /** The id of a comment's thread. */
  threadIdOf(comment: Pick<CommentEntry, 'token'>): string;
  /**
   * The comments HR and leaders may be shown: a comment its author deleted is left out of every
   * list (from the first midnight, UTC, after the deletion, as every act of an author). Nothing
   * else changes: the lists are decided by who answered, never by the comments they hold.
   */
  shownToOthers(comments: readonly CommentEntry[]): CommentEntry[];
  /** A thread as HR and leaders read it (the author's acts from the day after). */
  forOthers(threadId: string): ThreadView;
  /** A thread as its author reads it (everything at once). */
  forAuthor(threadId: string): ThreadView;
}

/** The round's threads at `now`. */
export async function readRoundThreads(sp: SPFI, keys: PulseKeyring, roundId: number, now: Date, log: (line: string) => void): Promise<RoundThreads> {
  const written = await readRoundMessages(sp, keys, roundId, log);
  const byThread = messagesByThread(written.messages);
  const cutoff = authorActsCutoff(now);
  const messagesOf = (threadId: string): readonly StoredThreadMessage[] => byThread.get(threadId) ?? [];
  const forOthers = (threadId: string): ThreadView => threadFor(messagesOf(threadId), { authorActsBefore: cutoff });
  const idOf = (comment: Pick<CommentEntry, 'token'>): string => threadIdOf(keys, roundId, comment);
  return {
    roundId,
    written,
    threadIdOf: idOf,
    shownToOthers: (comments) => comments.filter((comment) => !byThread.has(idOf(comment)) || forOthers(idOf(comment)).status !== 'deleted'),
    forOthers,
    forAuthor: (threadId) => threadFor(messagesOf(threadId))
  };
}

/** A leader's release without the comments HR hid (HR's keeps them, to show them again). */
export function withoutHidden(view: RoundRelease, threads: RoundThreads): RoundRelease {
  return {
    ...view,
    comments: view.comments.map((list) =>
      'comments' in list ? { ...list, comments: list.comments.filter((comment) => comment.threadId === undefined || threads.forOthers(comment.threadId).status !== 'hidden') } : list
    )
  };
}
