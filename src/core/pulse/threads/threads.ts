/**
 * Anonymous two-way comment threads (docs/pulse-results.md "Comment threads"): the rules of a
 * thread, framework-free. The relay keeps the messages (sealed, `relay/src/pulse/threadsStore.ts`)
 * and decides who may act on which thread; this module says what a thread is made of and how it
 * reads to each viewer.
 *
 * - A **thread** belongs to one comment and is named by an opaque thread id the relay makes from
 *   the comment's token with its own key (never from its author's tag: two comments of one person
 *   must not be linkable through their threads). HR and leaders get the id with the comment.
 * - Its **messages**: HR's or a leader's `reply`, the author's `answer` back, the author's
 *   `deleted` (a tombstone: the comment leaves every list), HR's `hidden` and `shown`.
 * - **What others see of the author's acts** ({@link threadFor} with `authorActsBefore`): the
 *   author's answers back and deletions reach HR and leaders only from the first midnight (UTC)
 *   after they were written, together with everyone else's of that day. HR reading threads
 *   again and again then learns the day, never the minute, at which someone answered back or
 *   deleted a comment, so no page-view time can be set beside it. The author sees their own at
 *   once; HR's and leaders' own acts show at once to everyone.
 * - No message carries a time, a person or a writer's id to anyone: a viewer gets roles, texts
 *   and the thread's order.
 */
import { PULSE_TEXT_MAX, SUBMISSION_KEY_PATTERN } from '../submission';

/** The longest reply or answer back, in UTF-16 code units (as a comment). */
export const THREAD_TEXT_MAX = PULSE_TEXT_MAX;

/** Who wrote a message: the comment's author (`employee`), HR, or a leader of the comment's group. */
export type ThreadRole = 'employee' | 'hr' | 'leader';

export type ThreadMessageKind = 'reply' | 'answer' | 'deleted' | 'hidden' | 'shown';

/** One message as the relay keeps it (decrypted), in the order it was written. */
export interface StoredThreadMessage {
  /** The thread it belongs to: its comment's thread id. */
  readonly threadId: string;
  readonly kind: ThreadMessageKind;
  readonly role: ThreadRole;
  /** The reply's or answer's text; empty for a status change. */
  readonly text: string;
  /** When it was written (milliseconds; the item's Created, relay only, never sent). */
  readonly writtenAt: number;
}

/** A thread's state as a viewer sees it. */
export type ThreadStatus = 'visible' | 'hidden' | 'deleted';

export interface ThreadMessageView {
  readonly role: ThreadRole;
  readonly text: string;
}

export interface ThreadView {
  readonly status: ThreadStatus;
  /** Replies and answers back, oldest first. */
  readonly messages: readonly ThreadMessageView[];
}

export interface ThreadViewOptions {
  /**
   * For HR and leaders: the author's answers and deletions count only when written before this
   * (milliseconds; {@link authorActsCutoff}). Unset: every message counts (the author's own view).
   */
  readonly authorActsBefore?: number;
}

const AUTHOR_KINDS: readonly ThreadMessageKind[] = ['answer', 'deleted'];

/** The start of the UTC day of `now`: the author's acts written before it are shown to others. */
export function authorActsCutoff(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** Whether a message reaches a viewer with these options. */
function counts(message: StoredThreadMessage, options: ThreadViewOptions): boolean {
  if (options.authorActsBefore === undefined || AUTHOR_KINDS.indexOf(message.kind) < 0) {
    return true;
  }
  return message.writtenAt < options.authorActsBefore;
}

/**
 * A thread from its messages (in the order written). Deleted by its author is final; HR's last
 * `hidden` or `shown` decides otherwise.
 */
export function threadFor(messages: readonly StoredThreadMessage[], options: ThreadViewOptions = {}): ThreadView {
  let status: ThreadStatus = 'visible';
  const shown: ThreadMessageView[] = [];
  messages
    .filter((message) => counts(message, options))
    .forEach((message) => {
      if (message.kind === 'deleted') {
        status = 'deleted';
      } else if (message.kind === 'hidden' || message.kind === 'shown') {
        status = status === 'deleted' ? status : message.kind === 'hidden' ? 'hidden' : 'visible';
      } else {
        shown.push({ role: message.role, text: message.text });
      }
    });
  return { status, messages: shown };
}

/** The messages grouped by thread, each thread's in the order given. */
export function messagesByThread(messages: readonly StoredThreadMessage[]): Map<string, StoredThreadMessage[]> {
  const byThread = new Map<string, StoredThreadMessage[]>();
  messages.forEach((message) => {
    const list = byThread.get(message.threadId);
    if (list) {
      list.push(message);
    } else {
      byThread.set(message.threadId, [message]);
    }
  });
  return byThread;
}

/** The role of the last reply when the thread's last word is HR's or a leader's: "HR answered your comment". */
export function answeredBy(thread: ThreadView): 'hr' | 'leader' | undefined {
  const last = thread.messages[thread.messages.length - 1];
  return last && last.role !== 'employee' ? last.role : undefined;
}

/** Whether the author may answer back: their comment stands and someone replied to it. */
export function mayAnswerBack(thread: ThreadView): boolean {
  return thread.status === 'visible' && thread.messages.some((message) => message.role !== 'employee');
}

/** The rule a refused thread request breaks (sent as the 400's `field`). */
export type ThreadRequestError = 'body' | 'threadId' | 'requestId' | 'text' | 'textEmpty' | 'textTooLong' | 'hidden';

/** A thread id as the relay makes them: `<key id>:<64 hex>`. */
export const THREAD_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}:[0-9a-f]{64}$/;

/** A write to a thread, as the page sends it. `requestId` is made once per write on the device; a resend carries the same one. */
export interface ThreadRequest {
  readonly threadId: string;
  readonly requestId: string;
  /** A reply or an answer back. */
  readonly text?: string;
  /** HR hiding (true) or showing (false) a comment. */
  readonly hidden?: boolean;
}

export type ParsedThreadRequest = { readonly ok: true; readonly request: ThreadRequest } | { readonly ok: false; readonly error: ThreadRequestError };

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text the page sent: kept verbatim, refused when blank or too long. */
export function checkThreadText(value: unknown): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: ThreadRequestError } {
  if (typeof value !== 'string') {
    return { ok: false, error: 'text' };
  }
  if (value.trim() === '') {
    return { ok: false, error: 'textEmpty' };
  }
  return value.length > THREAD_TEXT_MAX ? { ok: false, error: 'textTooLong' } : { ok: true, text: value };
}

/**
 * A thread request's body: `threadId` and `requestId` always; `text` for a reply or answer back
 * (`needs: 'text'`), `hidden` for HR's hide or show (`needs: 'hidden'`); nothing for a deletion.
 */
export function parseThreadRequest(body: unknown, needs: 'text' | 'hidden' | 'nothing'): ParsedThreadRequest {
  if (!isRecord(body)) {
    return { ok: false, error: 'body' };
  }
  if (typeof body.threadId !== 'string' || !THREAD_ID_PATTERN.test(body.threadId)) {
    return { ok: false, error: 'threadId' };
  }
  if (typeof body.requestId !== 'string' || !SUBMISSION_KEY_PATTERN.test(body.requestId)) {
    return { ok: false, error: 'requestId' };
  }
  const base = { threadId: body.threadId, requestId: body.requestId };
  if (needs === 'text') {
    const text = checkThreadText(body.text);
    return text.ok ? { ok: true, request: { ...base, text: text.text } } : text;
  }
  if (needs === 'hidden') {
    return typeof body.hidden === 'boolean' ? { ok: true, request: { ...base, hidden: body.hidden } } : { ok: false, error: 'hidden' };
  }
  return { ok: true, request: base };
}
