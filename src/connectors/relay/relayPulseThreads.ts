/**
 * Comment threads through the relay (relay/src/routes/pulseThreads.ts, docs/relay.md "Comment
 * threads") on the page's one relay client (token, retries, Retry-After). The relay decides from
 * the token who may read or write which thread; the page only names a thread by the id the relay
 * gave it. A write carries a request id made once per write, so the client's resend of it (a
 * dropped connection, a busy relay) is stored once; and a write that failed keeps its request id
 * until it succeeds or changes (the same thread, kind and text or hide), so when the person sends
 * it again (Send in the results part, the Pulse part or the Pulse card, which all write through
 * this class) a write the relay kept before its answer was lost is kept once. A text is checked here as the relay checks it,
 * so a blank or too-long one never leaves the page. Failures become {@link PulseThreadsError}
 * codes; what the relay sends is checked before a part shows it.
 */
import { RecognitionStoreError } from '../../core/recognition/ports';
import { newRequestId } from '../../core/requestId';
import { checkThreadText, type ThreadMessageView, type ThreadRole, type ThreadStatus } from '../../core/pulse/threads/threads';
import {
  type MyCommentBody,
  type MyCommentsBody,
  type PulseThreadsBody,
  PulseThreadsError,
  type PulseThreadsErrorCode,
  type PulseThreadsSource,
  type ThreadBody
} from '../../core/pulse/threads/wire';
import { RelayCallError, type RelayClient } from './relayClient';

const STORE_CODES: { readonly [storeCode: string]: PulseThreadsErrorCode } = {
  noRelay: 'noRelay',
  notSetUp: 'notSetUp',
  relayFault: 'relayFault',
  throttled: 'unavailable',
  network: 'unavailable',
  rateLimited: 'rateLimited',
  accessDenied: 'accessDenied',
  notFound: 'notFound'
};

/** The relay's own codes a part words apart. */
const RELAY_CODES: { readonly [relayCode: string]: PulseThreadsErrorCode } = {
  threadClosed: 'threadClosed',
  nothingToAnswer: 'nothingToAnswer'
};

/** The relay client's failure as a threads code. */
export function pulseThreadsErrorOf(error: unknown): PulseThreadsError {
  if (error instanceof PulseThreadsError) {
    return error;
  }
  if (error instanceof RelayCallError && error.relayCode !== undefined && Object.prototype.hasOwnProperty.call(RELAY_CODES, error.relayCode)) {
    return new PulseThreadsError(RELAY_CODES[error.relayCode], error.message);
  }
  if (error instanceof RecognitionStoreError) {
    const code = Object.prototype.hasOwnProperty.call(STORE_CODES, error.code) ? STORE_CODES[error.code] : 'unexpected';
    return new PulseThreadsError(code, error.message, error.retryAfterSeconds);
  }
  return new PulseThreadsError('unexpected', error instanceof Error ? error.message : String(error));
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ROLES: readonly ThreadRole[] = ['employee', 'hr', 'leader'];
const STATUSES: readonly ThreadStatus[] = ['visible', 'hidden', 'deleted'];

function messageOf(value: unknown): ThreadMessageView | undefined {
  return isRecord(value) && ROLES.indexOf(value.role as ThreadRole) >= 0 && typeof value.text === 'string' ? { role: value.role as ThreadRole, text: value.text } : undefined;
}

function messagesOf(value: unknown): ThreadMessageView[] {
  return (Array.isArray(value) ? value : []).map(messageOf).filter((m): m is ThreadMessageView => m !== undefined);
}

function threadOf(value: unknown): ThreadBody | undefined {
  if (!isRecord(value) || typeof value.roundId !== 'number' || typeof value.threadId !== 'string' || (value.status !== 'visible' && value.status !== 'hidden')) {
    return undefined;
  }
  return { roundId: value.roundId, threadId: value.threadId, status: value.status, messages: messagesOf(value.messages) };
}

/** A `GET /api/pulse/threads` answer; a malformed thread is left out. */
export function parsePulseThreads(body: unknown): PulseThreadsBody {
  const raw = isRecord(body) ? body : {};
  const viewer = isRecord(raw.viewer) ? raw.viewer : {};
  const role = viewer.role === 'hr' || viewer.role === 'leader' ? viewer.role : 'employee';
  return { viewer: { role }, threads: (Array.isArray(raw.threads) ? raw.threads : []).map(threadOf).filter((t): t is ThreadBody => t !== undefined) };
}

function myCommentOf(value: unknown): MyCommentBody | undefined {
  if (!isRecord(value) || typeof value.roundId !== 'number' || typeof value.threadId !== 'string' || typeof value.text !== 'string' || STATUSES.indexOf(value.status as ThreadStatus) < 0) {
    return undefined;
  }
  const messages = (Array.isArray(value.messages) ? value.messages : [])
    .map((m) => {
      const message = messageOf(m);
      return message ? { ...message, mine: isRecord(m) && m.mine === true } : undefined;
    })
    .filter((m): m is ThreadMessageView & { mine: boolean } => m !== undefined);
  return {
    roundId: value.roundId,
    title: typeof value.title === 'string' ? value.title : '',
    questionKey: typeof value.questionKey === 'string' ? value.questionKey : '',
    text: value.text,
    threadId: value.threadId,
    status: value.status as ThreadStatus,
    messages,
    ...(value.answeredBy === 'hr' || value.answeredBy === 'leader' ? { answeredBy: value.answeredBy } : {}),
    canAnswer: value.canAnswer === true
  };
}

/** A `GET /api/pulse/threads/mine` answer; a malformed comment is left out. */
export function parseMyComments(body: unknown): MyCommentsBody {
  const raw = isRecord(body) ? body : {};
  return { comments: (Array.isArray(raw.comments) ? raw.comments : []).map(myCommentOf).filter((c): c is MyCommentBody => c !== undefined) };
}

/** A text as the relay takes it, or the code saying why not (nothing is sent). */
function checkedText(text: string): string {
  const checked = checkThreadText(text);
  if (!checked.ok) {
    throw new PulseThreadsError(checked.error === 'textTooLong' ? 'textTooLong' : 'textEmpty', 'The text is not one the relay takes.');
  }
  return checked.text;
}

export class RelayPulseThreads implements PulseThreadsSource {
  /**
   * Per thread and kind of write (its route), the write not known to be kept: what it was and its
   * request id. A failure may come after the relay kept it (the answer lost on the way back); the
   * same write sent again then carries the same id, which the relay keeps once. In memory only:
   * a page loaded again starts afresh.
   */
  private readonly pending = new Map<string, { readonly same: string; readonly requestId: string }>();

  public constructor(
    private readonly relay: RelayClient,
    private readonly requestId: () => string = newRequestId
  ) {}

  public async threads(): Promise<PulseThreadsBody> {
    return parsePulseThreads(await this.call(() => this.relay.get('/pulse/threads', 'Reading the comment threads')));
  }

  public async mine(): Promise<MyCommentsBody> {
    return parseMyComments(await this.call(() => this.relay.get('/pulse/threads/mine', 'Reading your comments')));
  }

  public async reply(threadId: string, text: string): Promise<void> {
    await this.write('/pulse/threads/reply', { threadId, text: checkedText(text) }, 'Replying to a comment');
  }

  public async setHidden(threadId: string, hidden: boolean): Promise<void> {
    await this.write('/pulse/threads/visibility', { threadId, hidden }, hidden ? 'Hiding a comment' : 'Showing a comment');
  }

  public async answer(threadId: string, text: string): Promise<void> {
    await this.write('/pulse/threads/answer', { threadId, text: checkedText(text) }, 'Answering back');
  }

  public async remove(threadId: string): Promise<void> {
    await this.write('/pulse/threads/delete', { threadId }, 'Deleting your comment');
  }

  /** One write, under one request id however often the client, or the person, sends it until it is kept. */
  private async write(path: string, body: { readonly threadId: string; readonly text?: string; readonly hidden?: boolean }, what: string): Promise<void> {
    const key = `${path} ${body.threadId}`;
    const same = JSON.stringify(body);
    const before = this.pending.get(key);
    const requestId = before !== undefined && before.same === same ? before.requestId : this.requestId();
    this.pending.set(key, { same, requestId });
    await this.call(() => this.relay.post(path, { ...body, requestId }, what));
    // Kept: the next write of this thread and kind is one of its own.
    if (this.pending.get(key)?.requestId === requestId) {
      this.pending.delete(key);
    }
  }

  private async call(work: () => Promise<unknown>): Promise<unknown> {
    try {
      return await work();
    } catch (error) {
      throw pulseThreadsErrorOf(error);
    }
  }
}
