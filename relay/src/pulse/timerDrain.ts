/**
 * The timer's drain of the rounds' inboxes into their ballot boxes (docs/relay.md "The pulse
 * timer"): box writes happen here, in batches, never at an answer's request, so a box's write
 * time says nothing about whose answer it took (docs/pulse-threat-model.md "Times").
 *
 * For every round open or closed within `RECENTLY_CLOSED_MS`:
 *
 * - while the round is open, its inbox waits until it holds at least the round's minimum group of
 *   answers: a batch of one would tell a reader of both lists which boxes that person's answer
 *   and comments went to. Once the round is closed, whatever is left is drained, before the box
 *   check (`timer.ts` runs it after this step) and before any results;
 * - a batch's entries go into the boxes of their slots (each token once: a box holding it already
 *   is not given it again), and the newest box of **every** slot is written, shuffled and sealed
 *   again, whether the batch had entries for it or not (a slot without a box gets an empty one):
 *   the number of boxes written says nothing about how many entries, or comments, the batch held
 *   (beyond the new boxes a large batch fills);
 * - only then are the batch's parcels taken out of the inbox, with each item's ETag (parcels that
 *   arrived meanwhile stay). A drain that dies half way leaves the parcels in the inbox; the next
 *   run puts them in again, and the boxes take none twice. Nothing is lost, nothing counted twice.
 */
import type { SPFI } from '@pnp/sp';

import { BOX_SLOTS, type BallotEntry, slotOf } from '../../../src/core/pulse/ballot';
import { storeInSlot, tokensInSlots } from './ballotStore';
import type { PulseKeyring } from './envelope';
import { type InboxItem, parcelTokens, readRoundInbox, removeParcels } from './inbox';
import { entriesOfParcel, parseParcelLine } from './inboxParcel';
import type { SweptRound } from './timerPending';

/** What the drain did. */
export interface DrainReport {
  /** Parcels (answers) moved into the boxes and out of the inbox. */
  readonly drained: number;
  /** Box items written. */
  readonly boxWrites: number;
  /** Parcels left in the inbox of open rounds, fewer than the round's minimum group. */
  readonly waiting: number;
}

export interface DrainOptions {
  readonly random?: () => number;
  readonly log: (line: string) => void;
}

/** Drains one round's inbox (above). */
export async function drainRound(sp: SPFI, keys: PulseKeyring, round: SweptRound, options: DrainOptions): Promise<DrainReport> {
  const { log } = options;
  const items = await readRoundInbox(sp, keys, round.roundId, log);
  const entries: BallotEntry[] = [];
  const tokens = new Set<string>();
  for (const item of items) {
    for (const line of item.lines ?? []) {
      const parcel = parseParcelLine(line);
      if (!tokens.has(parcel.token)) {
        tokens.add(parcel.token);
        entries.push(...entriesOfParcel(parcel));
      }
    }
  }
  if (tokens.size === 0) {
    return { drained: 0, boxWrites: 0, waiting: 0 };
  }
  // Parcels a drain put in the boxes but could not take out of the inbox (it died, or lost every
  // race for an inbox item) are no part of a batch: counted with them, one new answer could make
  // up a batch of its own, and the boxes' growth would be that one person's.
  const boxed = await tokensInSlots(sp, keys, round.roundId, log);
  const fresh = [...tokens].filter((token) => !boxed.has(token));
  if (fresh.length === 0 || (!round.closed && fresh.length < round.minGroupSize)) {
    const stale = new Set([...tokens].filter((token) => boxed.has(token)));
    await removeFrom(sp, keys, round.roundId, items, stale, options);
    return { drained: 0, boxWrites: 0, waiting: fresh.length };
  }
  let boxWrites = 0;
  for (let slot = 0; slot < BOX_SLOTS; slot += 1) {
    const done = await storeInSlot(
      sp,
      keys,
      slot,
      entries.filter((entry) => slotOf(entry.token) === slot),
      { roundId: round.roundId, surveyId: round.surveyId, random: options.random, log, reseal: true }
    );
    boxWrites += done.writes;
  }
  await removeFrom(sp, keys, round.roundId, items, tokens, options);
  return { drained: fresh.length, boxWrites, waiting: 0 };
}

/** Takes the parcels with these tokens out of the inbox items that hold any. */
async function removeFrom(sp: SPFI, keys: PulseKeyring, roundId: number, items: readonly InboxItem[], tokens: ReadonlySet<string>, options: DrainOptions): Promise<void> {
  for (const item of items.filter((i) => parcelTokens(i).some((token) => tokens.has(token)))) {
    await removeParcels(sp, keys, roundId, item, tokens, options);
  }
}

/** The drain of every round it concerns; a round that fails is logged and left for the next run (its parcels stay in the inbox). */
export async function drainRounds(sp: SPFI, keys: PulseKeyring, rounds: readonly SweptRound[], options: DrainOptions): Promise<DrainReport> {
  const total = { drained: 0, boxWrites: 0, waiting: 0 };
  for (const round of rounds) {
    try {
      const done = await drainRound(sp, keys, round, options);
      total.drained += done.drained;
      total.boxWrites += done.boxWrites;
      total.waiting += done.waiting;
    } catch (error) {
      options.log(`pulse timer: the inbox of round ${round.roundId} was not drained (${error instanceof Error ? error.message : String(error)}); the next run tries again.`);
    }
  }
  return total;
}
