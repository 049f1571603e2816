/**
 * What the relay's thread routes send and take (docs/relay.md "Comment threads"), one shape for
 * the relay and the page, and the port the parts read and write threads through.
 *
 * - `GET /api/pulse/threads`: HR and leaders, the threads of the comments their results show
 *   ({@link PulseThreadsBody}); anyone else none.
 * - `GET /api/pulse/threads/mine`: the caller's own comments of the latest rounds, each with its
 *   thread ({@link MyCommentsBody}).
 * - `POST /api/pulse/threads/reply`, `…/visibility` (HR), `…/answer`, `…/delete` (the author):
 *   `{threadId, requestId, text?, hidden?}` → `{done: true}`.
 *
 * Nothing carries a time or a person: roles, texts and the thread's order only.
 */
import type { ThreadMessageView, ThreadStatus } from './threads';

/** The role a thread reader has, from the token (as the results'). */
export type ThreadsViewerRole = 'hr' | 'leader' | 'employee';

/** A thread as HR or a leader reads it: a comment of their results, by its thread id. */
export interface ThreadBody {
  readonly roundId: number;
  readonly threadId: string;
  /** `hidden`: HR hid it (HR only reads hidden threads; leaders never get them). */
  readonly status: 'visible' | 'hidden';
  readonly messages: readonly ThreadMessageView[];
}

export interface PulseThreadsBody {
  readonly viewer: { readonly role: ThreadsViewerRole };
  /** Threads with a message or a status, of the comments the caller's results show. */
  readonly threads: readonly ThreadBody[];
}

/** One of the caller's own comments, with its thread. */
export interface MyCommentBody {
  readonly roundId: number;
  /** The round's survey title. */
  readonly title: string;
  readonly questionKey: string;
  /** The comment as they wrote it. */
  readonly text: string;
  readonly threadId: string;
  readonly status: ThreadStatus;
  /** Replies and their own answers back (`mine`), oldest first. */
  readonly messages: ReadonlyArray<ThreadMessageView & { readonly mine: boolean }>;
  /** Whose word is the last: "HR answered your comment", "Your team leader answered". */
  readonly answeredBy?: 'hr' | 'leader';
  /** Someone replied and the comment stands: the author may answer back. */
  readonly canAnswer: boolean;
}

export interface MyCommentsBody {
  readonly comments: readonly MyCommentBody[];
}

/** Why a thread read or write failed, for the parts to put into words. */
export type PulseThreadsErrorCode =
  | 'noRelay'
  | 'notSetUp'
  | 'relayFault'
  | 'unavailable'
  | 'rateLimited'
  | 'accessDenied'
  /** No such thread for this caller: gone, or never theirs to see (one answer for both). */
  | 'notFound'
  /** Deleted by its author or hidden by HR: no more answers. */
  | 'threadClosed'
  /** Nobody replied yet: nothing to answer back to. */
  | 'nothingToAnswer'
  | 'textEmpty'
  | 'textTooLong'
  | 'unexpected';

export class PulseThreadsError extends Error {
  public constructor(
    public readonly code: PulseThreadsErrorCode,
    message: string,
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'PulseThreadsError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Where the parts read and write comment threads (the relay; nothing else can). */
export interface PulseThreadsSource {
  /** HR and leaders: the threads of the comments their results show. */
  threads(): Promise<PulseThreadsBody>;
  /** HR or a leader replies to a comment they can see. */
  reply(threadId: string, text: string): Promise<void>;
  /** HR hides (true) or shows again (false) a comment. */
  setHidden(threadId: string, hidden: boolean): Promise<void>;
  /** The caller's own comments with their threads. */
  mine(): Promise<MyCommentsBody>;
  /** The author answers back. */
  answer(threadId: string, text: string): Promise<void>;
  /** The author deletes their comment. */
  remove(threadId: string): Promise<void>;
}
