/**
 * Writing a person's one row in a list keyed by a unique column that members write themselves
 * (SE_Reactions by ReactionKey, SE_Preferences by PersonKey). The unique column keeps a retry
 * or a second tab to one item, but any member can take someone else's key first; the reader
 * ignores such an item (`trustedRows.ts`), and the writer must not be stopped by it either:
 *
 * 1. read the person's own rows (Author = the person, naming the person), keep the oldest and
 *    delete the rest; to remove, delete that one too;
 * 2. with a row kept, update it;
 * 3. else add one under the key; when SharePoint refuses it as a duplicate, read the own rows
 *    again (a second tab added it: update that) and, with none, the key is held by someone
 *    else's item: add under the squat-proof key (the key and a random nonce), which nobody can
 *    take first, then settle again in case a second tab did the same.
 */
import { settleKeyedRows } from '../keyedRows';
import { newRequestId } from '../requestId';
import { squatProofKey } from './trustedRows';

/** The signed-in person's rows about one subject, and how to change them. */
export interface OwnRows {
  /** Ids of the rows the person wrote about the subject under its key (either form). */
  read(): Promise<readonly number[]>;
  add(key: string): Promise<void>;
  update(id: number): Promise<void>;
  remove(id: number): Promise<void>;
  /** Whether a failed add was refused because the key is already taken. */
  isDuplicate(error: unknown): boolean;
}

/** A fresh nonce for the squat-proof key: 24 hex digits of a random request id. */
export function newNonce(): string {
  return newRequestId().replace(/-/g, '').slice(0, 24);
}

/** Keeps the oldest of the person's own rows, deletes the others; the kept row's id. */
async function settle(rows: OwnRows): Promise<number | undefined> {
  const plan = settleKeyedRows((await rows.read()).map((id) => ({ id, trusted: true })));
  for (const id of plan.drop) {
    await rows.remove(id);
  }
  return plan.keep;
}

/** Saves the person's one row under `key` (`save`), or removes every row of theirs (`remove`). */
export async function writeOwnRow(rows: OwnRows, key: string, action: 'save' | 'remove', nonce: () => string = newNonce): Promise<void> {
  let kept = await settle(rows);
  if (action === 'remove') {
    if (kept !== undefined) {
      await rows.remove(kept);
    }
    return;
  }
  if (kept === undefined) {
    try {
      await rows.add(key);
      return;
    } catch (error) {
      if (!rows.isDuplicate(error)) {
        throw error;
      }
    }
    kept = await settle(rows);
    if (kept === undefined) {
      await rows.add(squatProofKey(key, nonce()));
      await settle(rows);
      return;
    }
  }
  await rows.update(kept);
}
