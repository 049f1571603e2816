/**
 * The round's inbox on the engagement site (SE_Responses items `roundId:inbox:lane:n`, BoxKey
 * `roundId:inbox:lane`): the answer's request puts its parcel there with **one write** whatever the
 * answer holds, of the same size for every answer of the round (`inboxParcel.ts`); the timer moves
 * parcels into the boxes in batches (`timerDrain.ts`) and then takes them out of the inbox.
 *
 * - Sealed as boxes are: AES-256-GCM bound to the item's place, a fresh IV on every write, and
 *   its parcels shuffled on every write, so their order is not the order they came in.
 * - Written with its ETag (`IF-MATCH`); within one relay instance the writers of a lane take
 *   turns. A lane is a chain of items: the first with room takes the parcel, a new one is added
 *   when none has room. An item that does not open, or that another account wrote, is never
 *   written over (nor read).
 * - Exactly once: a parcel is looked for in its lane's inbox, then in its slot's boxes (in that
 *   order: the drain writes the boxes before it clears the inbox, so a parcel moving meanwhile is
 *   found in one or the other); the drain adds to the boxes only tokens they do not hold.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { BOX_SLOTS, shuffled } from '../../../src/core/pulse/ballot';
import { LISTS } from '../../../src/core/schema/lists';
import { afterConflict, etagOf, inTurn, isInSlot, readPlace, type Row, shuffleRandom } from './ballotStore';
import { boxContext, type PulseKeyring } from './envelope';
import {
  inboxGenerationOf,
  inboxHasRoom,
  inboxKey,
  inboxTitle,
  laneOf,
  type Parcel,
  parcelLine,
  parseInbox,
  parseParcelLine,
  serialiseInbox
} from './inboxParcel';

const RESPONSES = LISTS.responses;

/** An inbox item as read: opened (its parcels' lines), or not (then it is never written). */
export interface InboxItem {
  readonly id: number;
  readonly title: string;
  readonly lane: number;
  readonly generation: number;
  readonly etag: string;
  /** The parcels' lines; undefined when the item does not open. */
  readonly lines?: readonly string[];
}

/** The tokens of the parcels an item holds. */
export function parcelTokens(item: InboxItem): string[] {
  return (item.lines ?? []).map((line) => parseParcelLine(line).token);
}

function inboxItemOf(row: Row, keys: PulseKeyring, roundId: number, lane: number, log: (line: string) => void): InboxItem | undefined {
  const title = typeof row.Title === 'string' ? row.Title : '';
  const generation = inboxGenerationOf(title, roundId, lane);
  if (generation === undefined) {
    return undefined;
  }
  let lines: string[] | undefined;
  try {
    lines = parseInbox(keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, title)));
  } catch (error) {
    log(`pulse inbox ${row.ID} of round ${roundId} does not open: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { id: row.ID, title, lane, generation, etag: etagOf(row), lines };
}

/** The inbox items of one lane of a round that the relay wrote, oldest generation first. */
export async function readLane(sp: SPFI, keys: PulseKeyring, roundId: number, lane: number, log: (line: string) => void): Promise<InboxItem[]> {
  return (await readPlace(sp, inboxKey(roundId, lane)))
    .map((row) => inboxItemOf(row, keys, roundId, lane, log))
    .filter((item): item is InboxItem => item !== undefined)
    .sort((a, b) => a.generation - b.generation || a.id - b.id);
}

/** Every inbox item of a round, lane by lane. */
export async function readRoundInbox(sp: SPFI, keys: PulseKeyring, roundId: number, log: (line: string) => void): Promise<InboxItem[]> {
  const lanes = await Promise.all(Array.from({ length: BOX_SLOTS }, (_, lane) => readLane(sp, keys, roundId, lane, log)));
  return lanes.reduce<InboxItem[]>((all, items) => all.concat(items), []);
}

/** Whether the round holds the token: in its lane's inbox, or in a box of its slot (in that order, above). */
export async function isStored(sp: SPFI, keys: PulseKeyring, roundId: number, token: string, log: (line: string) => void): Promise<boolean> {
  const lane = await readLane(sp, keys, roundId, laneOf(token), log);
  if (lane.some((item) => parcelTokens(item).indexOf(token) >= 0)) {
    return true;
  }
  return isInSlot(sp, keys, roundId, token, log);
}

export interface PostOptions {
  readonly roundId: number;
  readonly surveyId: number;
  /** The round's bucket (`parcelBucket`). */
  readonly bucket: number;
  readonly random?: () => number;
  readonly log?: (line: string) => void;
  /** The turns of this relay instance's writers; the instance's own unless given (tests: other instances). */
  readonly turns?: Map<string, Promise<unknown>>;
}

/**
 * Puts the parcel into its lane's inbox with one write, once: `present` when the round holds its
 * token already (inbox or box), `added` otherwise.
 */
export async function postParcel(sp: SPFI, keys: PulseKeyring, parcel: Parcel, options: PostOptions): Promise<'added' | 'present'> {
  const { roundId, surveyId } = options;
  const random = options.random ?? shuffleRandom;
  const log = options.log ?? (() => undefined);
  const lane = laneOf(parcel.token);
  const { line, oversized } = parcelLine(parcel, options.bucket);
  if (oversized) {
    log(`pulse inbox of round ${roundId}: a parcel's group attributes are longer than its bucket allows; it takes more than one bucket.`);
  }
  const list = sp.web.lists.getByTitle(RESPONSES.title);
  return inTurn(options.turns, inboxKey(roundId, lane), async () => {
    for (let attempt = 1; ; attempt += 1) {
      const items = await readLane(sp, keys, roundId, lane, log);
      if (items.some((item) => parcelTokens(item).indexOf(parcel.token) >= 0) || (await isInSlot(sp, keys, roundId, parcel.token, log))) {
        return 'present';
      }
      const target = items.find((item) => item.lines !== undefined && inboxHasRoom(item.lines, line));
      try {
        if (target?.lines !== undefined) {
          const lines = shuffled(target.lines.concat([line]), random);
          await list.items.getById(target.id).update({ [RESPONSES.fields.envelope]: keys.seal(serialiseInbox(lines), boxContext(roundId, target.title)) }, target.etag);
        } else {
          const title = inboxTitle(roundId, lane, items.reduce((next, item) => Math.max(next, item.generation + 1), 0));
          await list.items.add({
            Title: title,
            [RESPONSES.fields.roundId]: roundId,
            [RESPONSES.fields.surveyId]: surveyId,
            [RESPONSES.fields.boxKey]: inboxKey(roundId, lane),
            [RESPONSES.fields.envelope]: keys.seal(serialiseInbox([line]), boxContext(roundId, title))
          });
        }
        return 'added';
      } catch (error) {
        await afterConflict(error, attempt, random, log, `pulse inbox of round ${roundId}, lane ${lane}`);
      }
    }
  });
}

/**
 * Takes the parcels with these tokens out of the item (those that arrived since stay), with its
 * ETag; a changed item is read again. The caller has put them in the boxes first.
 */
export async function removeParcels(
  sp: SPFI,
  keys: PulseKeyring,
  roundId: number,
  item: InboxItem,
  tokens: ReadonlySet<string>,
  options: { readonly random?: () => number; readonly log: (line: string) => void }
): Promise<void> {
  const random = options.random ?? shuffleRandom;
  const list = sp.web.lists.getByTitle(RESPONSES.title);
  let current: InboxItem | undefined = item;
  for (let attempt = 1; current?.lines !== undefined; attempt += 1) {
    const lines: readonly string[] = current.lines;
    const kept = lines.filter((line) => !tokens.has(parseParcelLine(line).token));
    if (kept.length === lines.length) {
      return;
    }
    try {
      await list.items.getById(current.id).update({ [RESPONSES.fields.envelope]: keys.seal(serialiseInbox(shuffled(kept, random)), boxContext(roundId, current.title)) }, current.etag);
      return;
    } catch (error) {
      if (httpStatusOf(error) === 404) {
        return;
      }
      // Answers arriving write the same item: wait a random while, as every writer of a box does.
      await afterConflict(error, attempt, random, options.log, `pulse inbox item ${current.id} of round ${roundId}`);
    }
    const id: number = current.id;
    current = (await readLane(sp, keys, roundId, current.lane, options.log)).find((again) => again.id === id);
  }
}
