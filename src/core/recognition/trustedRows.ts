/**
 * Which SE_Reactions and SE_Preferences rows stand for a person. Members write these lists
 * themselves (all read, own items written), so a column a member can write never says who
 * someone is: a row speaks for a person only when its `Author` (set by SharePoint) is that
 * person, or when the relay's app identity wrote it for them (the relay checks a token first).
 *
 * - A reaction's person is the user id in its key (`recognitionId:userId`, or the squat-proof
 *   form `recognitionId:userId:r<nonce>`), and the key's recognition must be the row's
 *   `RecognitionId`; the row counts when its Author is that person (or the relay). A key
 *   written by someone else, or made up, counts for nobody, and every person counts once per
 *   post however many rows they wrote.
 * - A preference's person is its `Person` column; the row counts when its Author is that
 *   person (or the relay). `PersonKey` only keeps a person's ordinary row unique.
 *
 * When a person has several rows that count, one stands for them: one they wrote themselves
 * before one the relay wrote, then the oldest. The writers (`ownRow.ts`) keep the oldest of
 * the person's own rows and delete the rest, so readers and writers agree on which row it is.
 */
import type { ItemId } from '../models/common';
import { REACTION_KINDS, type ReactionKind } from '../models/recognition';
import { isAppLogin } from '../people/claims';
import type { ReactionSummary } from './ports';

/** Who wrote a row, as SharePoint recorded it. */
export interface RowAuthor {
  /** Site user id of the row's Author. */
  readonly id: number;
  /** Whether the Author is an app-only principal (the relay) rather than a person. */
  readonly isApp: boolean;
}

/** A row's Author from its site user id and claims login. */
export function rowAuthor(id: number, loginName: string | undefined): RowAuthor {
  return { id, isApp: isAppLogin(loginName ?? '') };
}

/** Whether a row about `personId` speaks for them: they wrote it, or the relay did. */
export function speaksFor(author: RowAuthor, personId: number): boolean {
  return personId > 0 && (author.isApp || author.id === personId);
}

/** The squat-proof form of a unique key: the key, then a random nonce nobody else can foresee. */
export function squatProofKey(key: string, nonce: string): string {
  return `${key}:r${nonce}`;
}

/** The recognition and person a reaction key names, in either form; undefined when it is neither. */
export function parseReactionKey(key: string): { readonly recognitionId: ItemId; readonly userId: number } | undefined {
  const match = /^(\d+):(\d+)(?::r[0-9A-Za-z-]+)?$/.exec(key);
  return match ? { recognitionId: Number(match[1]), userId: Number(match[2]) } : undefined;
}

/** A reaction row as read from SE_Reactions. */
export interface ReactionRow {
  readonly id: number;
  readonly recognitionId: ItemId;
  readonly reactionKey: string;
  readonly kind: string | undefined;
  readonly author: RowAuthor;
}

/** The person a reaction row stands for; undefined when the row speaks for nobody. */
export function reactionPerson(row: ReactionRow): number | undefined {
  const named = parseReactionKey(row.reactionKey);
  return named && named.recognitionId === row.recognitionId && speaksFor(row.author, named.userId) ? named.userId : undefined;
}

function isReactionKind(kind: string | undefined): kind is ReactionKind {
  return kind !== undefined && (REACTION_KINDS as readonly string[]).includes(kind);
}

/** Orders the rows that speak for one person: their own before the relay's, then the oldest. */
function standingFirst(a: { readonly id: number; readonly author: RowAuthor }, b: { readonly id: number; readonly author: RowAuthor }): number {
  return Number(a.author.isApp) - Number(b.author.isApp) || a.id - b.id;
}

/**
 * The reactions of the wanted recognitions: one per person per post (the row that stands for
 * them), counted by kind, and `me`'s own. Rows that speak for nobody are left out.
 */
export function summariseReactions(rows: readonly ReactionRow[], wanted: ReadonlySet<ItemId>, me: number): Map<ItemId, ReactionSummary> {
  const standing = new Map<string, ReactionRow & { readonly kind: ReactionKind; readonly person: number }>();
  for (const row of rows) {
    const person = reactionPerson(row);
    const kind = row.kind;
    if (person === undefined || !wanted.has(row.recognitionId) || !isReactionKind(kind)) {
      continue;
    }
    const slot = `${row.recognitionId}:${person}`;
    const current = standing.get(slot);
    if (!current || standingFirst(row, current) < 0) {
      standing.set(slot, { ...row, kind, person });
    }
  }
  const result = new Map<ItemId, ReactionSummary>();
  for (const row of Array.from(standing.values()).sort((a, b) => a.id - b.id)) {
    const current = result.get(row.recognitionId) ?? { counts: {} };
    const counts = { ...current.counts, [row.kind]: (current.counts[row.kind] ?? 0) + 1 };
    result.set(row.recognitionId, { counts, mine: row.person === me ? row.kind : current.mine });
  }
  return result;
}

/** A preference row as read from SE_Preferences. */
export interface PreferenceRow {
  readonly id: number;
  /** Site user id in the `Person` column. */
  readonly personId: number;
  readonly hideFromPublicWall: boolean;
  readonly author: RowAuthor;
}

/** The row that stands for `personId`'s preference; undefined when none speaks for them (defaults). */
export function preferenceOf<R extends PreferenceRow>(rows: readonly R[], personId: number): R | undefined {
  return rows.filter((row) => row.personId === personId && speaksFor(row.author, personId)).sort(standingFirst)[0];
}

/**
 * Everyone who keeps recognitions of themselves off the public wall, from rows that say so:
 * only rows that speak for the person they name count.
 */
export function optedOutPeople(rows: readonly PreferenceRow[]): Set<number> {
  return new Set(rows.filter((row) => row.hideFromPublicWall && speaksFor(row.author, row.personId)).map((row) => row.personId));
}
