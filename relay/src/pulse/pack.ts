/**
 * A whole round's entries packed into sealed boxes at once, as the relay's writes would leave
 * them (each slot's entries in generations that fit, each box shuffled and sealed for its place).
 * Used where answers are written in bulk rather than one by one: the local tenant's seeded history.
 */
import {
  type BallotEntry,
  BOX_SLOTS,
  boxTitle,
  EMPTY_BOX,
  hasRoomFor,
  serialiseBox,
  slotKey,
  slotOf,
  withEntry,
  type BallotBox
} from '../../../src/core/pulse/ballot';
import { boxContext, type PulseKeyring } from './envelope';

export interface SealedBox {
  /** SE_Responses Title. */
  readonly title: string;
  /** SE_Responses BoxKey. */
  readonly boxKey: string;
  /** SE_Responses Envelope. */
  readonly envelope: string;
}

export function packRound(keys: PulseKeyring, roundId: number, entries: readonly BallotEntry[], random: () => number): SealedBox[] {
  const out: SealedBox[] = [];
  for (let slot = 0; slot < BOX_SLOTS; slot += 1) {
    const boxes: BallotBox[] = [];
    let current: BallotBox = EMPTY_BOX;
    for (const entry of entries.filter((e) => slotOf(e.token) === slot)) {
      if (!hasRoomFor(current, entry)) {
        boxes.push(current);
        current = EMPTY_BOX;
      }
      current = withEntry(current, entry, random).box;
    }
    if (current.entries.length > 0) {
      boxes.push(current);
    }
    boxes.forEach((box, generation) => {
      const title = boxTitle(roundId, slot, generation);
      out.push({ title, boxKey: slotKey(roundId, slot), envelope: keys.seal(serialiseBox(box), boxContext(roundId, title)) });
    });
  }
  return out;
}
