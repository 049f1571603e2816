/**
 * The ballot box: how the relay keeps a round's answers so that nothing a reader without the key
 * can see pairs an answer with a participation record. Framework-free (the encryption itself is
 * the relay's, `relay/src/pulse/envelope.ts`).
 *
 * - A round's answers live in a few **boxes** (SE_Responses items), never one item per answer.
 *   A box is a shuffled array of entries, encrypted as a whole; every write re-encrypts it with a
 *   fresh IV and shuffles the entries again, so neither the order nor the ciphertext tells which
 *   entry came last. The plain text is padded to whole blocks ({@link BOX_BLOCK_BYTES}), so the
 *   size of a box moves in steps, not by the length of the one answer just added.
 * - An **answer entry** holds the scores, the coarse group attributes and the day; a **comment
 *   entry** (one per comment, apart from the scores) holds the text, the question, the group and
 *   the author's tag (a keyed hash of the person and the round, so the relay alone can show the
 *   author replies and let them delete it; it never sits beside the scores). Each entry has its
 *   **token** (a keyed hash of the device's submission key, never the key itself) and counts once
 *   per token, whichever box holds it.
 * - Boxes come in {@link BOX_SLOTS} slots per round; the token decides the slot, so a resend of a
 *   submission always lands in the same slot, where the relay sees whether the token is there
 *   already. A slot is a chain of boxes (generation 0, 1, …): when the newest is full
 *   ({@link BOX_PLAINTEXT_LIMIT}) the next is started.
 * - Exactly once per person: SE_Participation (who, never what) goes `pending` with the token,
 *   then the answer goes into the round's inbox (`relay/src/pulse/inbox.ts`; the relay's timer
 *   moves it into its box later), then participation goes `counted` and the token is cleared
 *   ({@link participationStep}).
 */
import type { ParticipationStatus } from '../models/pulse';
import type { GroupAttributes } from './audience';

/** Boxes per round (slots); each slot is a chain of boxes. */
export const BOX_SLOTS = 8;

/** The plain text of a box is padded to a multiple of this many UTF-8 bytes. */
export const BOX_BLOCK_BYTES = 1024;

/**
 * The most plain text a box holds, in UTF-8 bytes. Encrypted and in base64url it stays under
 * 60,000 characters, below SharePoint's 63,999 for a multiple-lines-of-text column.
 */
export const BOX_PLAINTEXT_LIMIT = 44 * 1024;

/** Coarse attributes the results group by (site, line, crew, employment type, tenure band, group key); nothing finer about the person. */
export type EntryGroups = GroupAttributes;

/** One person's scores in a round. */
export interface AnswerEntry {
  readonly kind: 'answers';
  /** Keyed hash of the submission key (`<key id>:<hex>`): counted once, whichever box holds it. */
  readonly token: string;
  /** The day it was given (`YYYY-MM-DD`, UTC), no time of day. */
  readonly day: string;
  readonly groups: EntryGroups;
  readonly answers: { readonly [questionKey: string]: number };
}

/**
 * One comment, kept apart from the scores of the same person: with the key, a comment's author
 * can be found (for replies and deleting it), their scores cannot. No day: comments are shown
 * without time.
 */
export interface CommentEntry {
  readonly kind: 'comment';
  /** Keyed hash of the submission key and the question: counted once. */
  readonly token: string;
  readonly groups: EntryGroups;
  readonly questionKey: string;
  /** Verbatim, as typed. */
  readonly text: string;
  /** Keyed hash of the author and the round (`<key id>:<hex>`): only the relay can compute it. */
  readonly author: string;
}

export type BallotEntry = AnswerEntry | CommentEntry;

export interface BallotBox {
  readonly version: 1;
  readonly entries: readonly BallotEntry[];
}

export const EMPTY_BOX: BallotBox = { version: 1, entries: [] };

/** The SE_Responses item's title: the box's place, bound into its encryption. */
export function boxTitle(roundId: number, slot: number, generation: number): string {
  return `${roundId}:${slot}:${generation}`;
}

/** The SE_Responses `BoxKey` of a slot: every box of a slot is found by it. */
export function slotKey(roundId: number, slot: number): string {
  return `${roundId}:${slot}`;
}

/** The generation of a box from its title; undefined for a title that is not a box's. */
export function generationOf(title: string, roundId: number, slot: number): number | undefined {
  const prefix = `${slotKey(roundId, slot)}:`;
  if (title.indexOf(prefix) !== 0) {
    return undefined;
  }
  const rest = title.slice(prefix.length);
  return /^\d{1,6}$/.test(rest) ? Number(rest) : undefined;
}

/** The slot of a token: taken from the token's own (keyed, so unpredictable) hash digits. */
export function slotOf(token: string): number {
  const hex = token.slice(token.indexOf(':') + 1, token.indexOf(':') + 9);
  const value = parseInt(hex, 16);
  return isNaN(value) ? 0 : value % BOX_SLOTS;
}

/** The day of `now`, `YYYY-MM-DD` in UTC. */
export function entryDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** UTF-8 length of a text (lone surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      bytes += 4;
      i += 1;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

/** The box as plain text: JSON padded with spaces to whole blocks. */
export function serialiseBox(box: BallotBox): string {
  const json = JSON.stringify({ version: box.version, entries: box.entries });
  const rest = utf8Length(json) % BOX_BLOCK_BYTES;
  return rest === 0 ? json : json + new Array(BOX_BLOCK_BYTES - rest + 1).join(' ');
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is BallotEntry {
  if (!isRecord(value) || typeof value.token !== 'string' || !isRecord(value.groups)) {
    return false;
  }
  if (value.kind === 'answers') {
    return typeof value.day === 'string' && isRecord(value.answers);
  }
  return value.kind === 'comment' && typeof value.questionKey === 'string' && typeof value.text === 'string' && typeof value.author === 'string';
}

/** A box's plain text back to entries; throws on anything that is not a box. */
export function parseBox(text: string): BallotBox {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.entries) || !value.entries.every(isEntry)) {
    throw new Error('Not a ballot box.');
  }
  return { version: 1, entries: value.entries as BallotEntry[] };
}

/** Whether the box holds an entry with this token. */
export function holdsToken(box: BallotBox, token: string): boolean {
  return box.entries.some((entry) => entry.token === token);
}

/** Fisher–Yates with the given source of numbers in [0, 1). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = out[i];
    out[i] = out[j];
    out[j] = swap;
  }
  return out;
}

/** The box with the entry added (once: a box holding the token is returned as it is), shuffled. */
export function withEntry(box: BallotBox, entry: BallotEntry, random: () => number): { readonly box: BallotBox; readonly added: boolean } {
  if (holdsToken(box, entry.token)) {
    return { box, added: false };
  }
  return { box: { version: 1, entries: shuffled(box.entries.concat([entry]), random) }, added: true };
}

/** Whether the box can take the entry without going over {@link BOX_PLAINTEXT_LIMIT}. */
export function hasRoomFor(box: BallotBox, entry: BallotEntry): boolean {
  return box.entries.length === 0 || utf8Length(serialiseBox({ version: 1, entries: box.entries.concat([entry]) })) <= BOX_PLAINTEXT_LIMIT;
}

/** The answer entries among entries. */
export function answerEntries(entries: readonly BallotEntry[]): AnswerEntry[] {
  return entries.filter((entry): entry is AnswerEntry => entry.kind === 'answers');
}

/** The comment entries among entries. */
export function commentEntries(entries: readonly BallotEntry[]): CommentEntry[] {
  return entries.filter((entry): entry is CommentEntry => entry.kind === 'comment');
}

/** Every entry of a round's boxes, each token once (a box written twice in a race holds a copy). */
export function distinctEntries(boxes: readonly BallotBox[]): BallotEntry[] {
  const seen: { [token: string]: true } = {};
  const out: BallotEntry[] = [];
  boxes.forEach((box) =>
    box.entries.forEach((entry) => {
      if (!seen[entry.token]) {
        seen[entry.token] = true;
        out.push(entry);
      }
    })
  );
  return out;
}

/** The participation record of a person in a round, as the relay finds it. */
export interface ParticipationState {
  readonly status: ParticipationStatus;
  /** Set while pending: the token of the submission being counted. */
  readonly token?: string;
}

/**
 * What the relay does with a submission carrying `token`, given the person's participation:
 * - `start`: none yet; write it `pending` with the token, then store the entry;
 * - `finish`: pending with this token (a resend, or the same submission sent twice at once):
 *   store the entry unless its box holds it already, then count it;
 * - `settleOther`: pending with another submission's token (sent from another device, or the
 *   first try failed after participation was written): if that submission's entry is in its box,
 *   count it and refuse this one; otherwise this one takes the record over;
 * - `alreadyAnswered`: counted; nothing is stored.
 */
export type ParticipationStep = 'start' | 'finish' | 'settleOther' | 'alreadyAnswered';

export function participationStep(existing: ParticipationState | undefined, token: string): ParticipationStep {
  if (!existing) {
    return 'start';
  }
  if (existing.status === 'counted') {
    return 'alreadyAnswered';
  }
  return existing.token === token ? 'finish' : 'settleOther';
}
