/**
 * A round's comment threads as the results and the thread routes need them
 * (docs/pulse-results.md "Comment threads"): each comment's thread id, which comments HR and
 * leaders may still be shown, and each thread as HR, a leader or its author reads it. The rules
 * are the core's (`src/core/pulse/threads/threads.ts`); the messages are `threadsStore.ts`'s.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { commentEntries, type CommentEntry, distinctEntries } from '../../../src/core/pulse/ballot';
import type { RoundRelease } from '../../../src/core/pulse/results/release';
import { LISTS } from '../../../src/core/schema/lists';
import { authorActsCutoff, messagesByThread, type StoredThreadMessage, threadFor, type ThreadView } from '../../../src/core/pulse/threads/threads';
import { readRoundBoxes } from './ballotStore';
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

/** Rounds whose comments a relay instance keeps (the results' six, and some room). */
const KEPT_ROUNDS = 12;

const keptComments = new WeakMap<SPFI, Map<number, { readonly version: string; readonly comments: readonly CommentEntry[] }>>();

/**
 * A round's comment entries (its boxes and inbox, each token once), kept by this relay instance
 * and read again whenever any SE_Responses item of the round changed (its id and ETag, one light
 * request): a person's own comments are asked for whenever their Pulse part shows them, and a
 * published round's boxes seldom change. What is kept is what the relay reads on every such call
 * anyway, in its own memory.
 */
export async function roundComments(sp: SPFI, keys: PulseKeyring, roundId: number, log: (line: string) => void): Promise<readonly CommentEntry[]> {
  const responses = LISTS.responses;
  const rows = await sp.web.lists
    .getByTitle(responses.title)
    .items.select('ID')
    .filter(`${responses.fields.roundId} eq ${roundId}`)
    .top(5000)<Array<Record<string, unknown>>>();
  const etags = rows.map((row) => row['odata.etag']);
  const version = etags.every((etag) => typeof etag === 'string' && etag !== '') ? rows.map((row, i) => `${String(row.ID)}:${String(etags[i])}`).sort().join('|') : undefined;
  let kept = keptComments.get(sp);
  if (!kept) {
    kept = new Map();
    keptComments.set(sp, kept);
  }
  const known = kept.get(roundId);
  if (known && version !== undefined && known.version === version) {
    return known.comments;
  }
  const comments = commentEntries(distinctEntries(await readRoundBoxes(sp, keys, roundId, log)));
  if (version !== undefined) {
    kept.delete(roundId);
    kept.set(roundId, { version, comments });
    // The oldest kept round goes first (a Map keeps the order rounds were set in).
    for (const roundKept of kept.keys()) {
      if (kept.size <= KEPT_ROUNDS) {
        break;
      }
      kept.delete(roundKept);
    }
  }
  return comments;
}
