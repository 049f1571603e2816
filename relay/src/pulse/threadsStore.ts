/**
 * Comment threads in SE_Comments, written and read by the relay alone (docs/pulse-results.md
 * "Comment threads", docs/pulse-threat-model.md "Comment threads"):
 *
 * - **One item per message**, added, never changed: Title a keyed hash of the message's request id
 *   (a resend of the same write finds it and writes nothing), RoundId, and Body, the message sealed
 *   with the pulse keys (`envelope.ts`: AES-256-GCM, the active key, bound to the item's round and
 *   Title; older keys still open what they sealed). Inside: the thread id, the kind, the writer's
 *   role and the text.
 *   No column names the thread, the group, the role or the status: with SharePoint's Created
 *   beside them they would tell a site owner that a comment's author acted, and when.
 * - **One size**: the plain text is padded to {@link MESSAGE_PLAIN_BYTES}, the text kept as base64
 *   of its UTF-16 code units (as the inbox keeps comments), so a hide, a deletion, "ok" and the
 *   longest reply are sealed to the same number of characters.
 * - **Only the relay's own items count**: Author and Editor its own app login (`ownIdentity.ts`);
 *   anything else (a member before Engage Setup, a site owner, another app) is ignored and logged,
 *   and so is an item that does not open at its place.
 * - **Thread ids**: a keyed hash of the comment's token with the relay's token key (`<key id>:<hex>`),
 *   so only the relay can make one, and it names the comment, never its author ({@link threadIdOf}).
 *   Messages name their thread by it, inside the seal.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import type { CommentEntry } from '../../../src/core/pulse/ballot';
import { THREAD_TEXT_MAX, type StoredThreadMessage, type ThreadMessageKind, type ThreadRole } from '../../../src/core/pulse/threads/threads';
import { LISTS } from '../../../src/core/schema/lists';
import type { PulseKeyring } from './envelope';
import { relayLogin } from './ownIdentity';

const COMMENTS = LISTS.comments;

type Row = Record<string, unknown> & { ID: number };
type Log = (line: string) => void;

/**
 * The plain text of every message, in UTF-8 bytes: the longest text (as base64 of UTF-16, 2,668
 * characters), a thread id and the JSON around them fit with room to spare.
 */
export const MESSAGE_PLAIN_BYTES = 3072;

/** Messages of one round read at most (one page of the list view). */
const MAX_MESSAGES = 5000;

const KINDS: readonly ThreadMessageKind[] = ['reply', 'answer', 'deleted', 'hidden', 'shown'];
const ROLES: readonly ThreadRole[] = ['employee', 'hr', 'leader'];

/**
 * What the token key hashes for a thread id and a message's Title. A submission key has no `|`
 * (`SUBMISSION_KEY_PATTERN`), so neither can ever equal a submission's token.
 */
const threadSeed = (commentToken: string): string => `thread|${commentToken}`;
const messageSeed = (requestId: string): string => `message|${requestId}`;

/**
 * The id of a comment's thread: a keyed hash of its token with the key that made the token (named
 * in it), so the id stays the same across a rotation while that key is configured; with it gone,
 * the active key's (threads written before are then no longer found: docs/relay.md "Pulse keys").
 */
export function threadIdOf(keys: PulseKeyring, roundId: number, comment: Pick<CommentEntry, 'token'>): string {
  const keyId = comment.token.slice(0, Math.max(0, comment.token.indexOf(':')));
  return keys.token(roundId, threadSeed(comment.token), keys.ids.indexOf(keyId) >= 0 ? keyId : undefined);
}

/** The Title of a write's item, with the active key; `messageTitles` with every key (a resend across a rotation). */
export function messageTitle(keys: PulseKeyring, roundId: number, requestId: string): string {
  return keys.token(roundId, messageSeed(requestId));
}

function messageTitles(keys: PulseKeyring, roundId: number, requestId: string): string[] {
  return keys.ids.map((id) => keys.token(roundId, messageSeed(requestId), id));
}

/** What a message's envelope is bound to: its round and its item's Title. */
export function messageContext(roundId: number, title: string): string {
  return `round:${roundId}|thread-message:${title}`;
}

/** A message as sealed (the time is SharePoint's Created, read back). */
export type SealedMessage = Omit<StoredThreadMessage, 'writtenAt'>;

function utf16Base64(text: string): string {
  return Buffer.from(text, 'utf16le').toString('base64');
}

/** The message's plain text: JSON padded with spaces to one size. */
export function messagePlainText(message: SealedMessage): string {
  if (message.text.length > THREAD_TEXT_MAX) {
    throw new Error('A thread message is longer than a comment may be.');
  }
  const json = JSON.stringify({ v: 1, thread: message.threadId, kind: message.kind, role: message.role, text: utf16Base64(message.text) });
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MESSAGE_PLAIN_BYTES) {
    throw new Error('A thread message does not fit its size.');
  }
  return json + ' '.repeat(MESSAGE_PLAIN_BYTES - bytes);
}

/** A message's plain text back; undefined when it is not one. */
export function parseMessage(plain: string): SealedMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(plain);
  } catch {
    return undefined;
  }
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (raw.v !== 1 || typeof raw.thread !== 'string' || typeof raw.text !== 'string' || KINDS.indexOf(raw.kind as ThreadMessageKind) < 0 || ROLES.indexOf(raw.role as ThreadRole) < 0) {
    return undefined;
  }
  return { threadId: raw.thread, kind: raw.kind as ThreadMessageKind, role: raw.role as ThreadRole, text: Buffer.from(raw.text, 'base64').toString('utf16le') };
}

/** A round's messages with their items' Titles (for a resend), in the order written. */
export interface RoundMessages {
  readonly messages: readonly StoredThreadMessage[];
  readonly titles: ReadonlySet<string>;
}

const nameOf = (value: unknown): string => String((value as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase();

/** Every message of a round the relay wrote that opens, oldest first; the rest is logged and left out. */
export async function readRoundMessages(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<RoundMessages> {
  const [own, rows] = await Promise.all([
    relayLogin(sp),
    sp.web.lists
      .getByTitle(COMMENTS.title)
      .items.select('ID', 'Title', COMMENTS.fields.body, COMMENTS.fields.created, 'Author/Name', 'Editor/Name')
      .expand('Author', 'Editor')
      .filter(`${COMMENTS.fields.roundId} eq ${roundId}`)
      .orderBy('ID', true)
      .top(MAX_MESSAGES)<Row[]>()
  ]);
  if (rows.length >= MAX_MESSAGES) {
    log(`pulse threads: round ${roundId} has ${MAX_MESSAGES} or more messages; later ones are not read.`);
  }
  const messages: StoredThreadMessage[] = [];
  const titles = new Set<string>();
  for (const row of rows) {
    const title = String(row.Title ?? '');
    if (nameOf(row.Author) !== own || nameOf(row.Editor) !== own) {
      log(`pulse threads: SE_Comments item ${row.ID} is not used: the relay did not write it.`);
      continue;
    }
    let message: SealedMessage | undefined;
    try {
      message = parseMessage(keys.open(String(row[COMMENTS.fields.body] ?? ''), messageContext(roundId, title)));
    } catch (error) {
      log(`pulse threads: SE_Comments item ${row.ID} does not open: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!message) {
      log(`pulse threads: SE_Comments item ${row.ID} is no thread message.`);
      continue;
    }
    if (titles.has(title)) {
      // Two instances wrote the same resend at once: the first stands.
      continue;
    }
    titles.add(title);
    messages.push({ ...message, writtenAt: Date.parse(String(row[COMMENTS.fields.created] ?? '')) || 0 });
  }
  return { messages, titles };
}

/**
 * Adds a message unless the write it belongs to (`requestId`) is there already, under any key:
 * `present` then, and nothing is written (the page sent the same write again).
 */
export async function writeMessage(sp: SPFI, keys: PulseKeyring, roundId: number, requestId: string, message: SealedMessage, written: RoundMessages): Promise<'written' | 'present'> {
  if (messageTitles(keys, roundId, requestId).some((title) => written.titles.has(title))) {
    return 'present';
  }
  await sp.web.lists.getByTitle(COMMENTS.title).items.add(sealedMessageItem(keys, roundId, requestId, message));
  return 'written';
}

/**
 * The SE_Comments item of a message, as the relay writes it: its Title, round and sealed Body,
 * nothing else (the demo plant's seed writes its threads with it too).
 */
export function sealedMessageItem(keys: PulseKeyring, roundId: number, requestId: string, message: SealedMessage): { readonly Title: string; readonly [column: string]: string | number } {
  const title = messageTitle(keys, roundId, requestId);
  return {
    Title: title,
    [COMMENTS.fields.roundId]: roundId,
    [COMMENTS.fields.body]: keys.seal(messagePlainText(message), messageContext(roundId, title))
  };
}
