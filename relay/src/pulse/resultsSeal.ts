/**
 * What the relay seals about a round so that nobody who can write SharePoint can change it
 * unseen (docs/relay.md "Pulse results", docs/pulse-threat-model.md):
 *
 * - **the thresholds locked at opening**: when the timer opens a round it seals the round's
 *   minimum group sizes in SE_Responses at `<roundId>:thresholds`, bound to that place. HR may
 *   still change the round's row; the results use the larger of the sealed value, the row and the
 *   product's floor, so a threshold is never lowered after opening. A round the relay wrote
 *   (Author its own identity) without this item had it deleted: its results are refused.
 * - **the published mark**: when the timer publishes a round it writes the published record
 *   (`results.ts`) and then seals the record's digest into the newest box of every slot of the
 *   round (`published` beside the entries; whatever reads boxes ignores it). Removing the mark
 *   means writing a box (its Editor changes: the box check fails) or deleting one (its answers are
 *   missing: the box check fails); a record deleted or swapped no longer matches the mark.
 *
 * Every item here is plain text a box reader takes for an empty ballot box, so counting a round's
 * answers counts nothing from it.
 */
import { createHash } from 'crypto';

import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { BOX_BLOCK_BYTES, BOX_SLOTS, boxTitle, generationOf, parseBox, shuffled, slotKey, utf8Length } from '../../../src/core/pulse/ballot';
import type { Thresholds } from '../../../src/core/pulse/results/minimumSize';
import { LISTS } from '../../../src/core/schema/lists';
import { etagOf, readPlace } from './ballotStore';
import { boxContext, type PulseKeyring } from './envelope';
import { relayLogin } from './ownIdentity';

const RESPONSES = LISTS.responses;
type Row = Record<string, unknown>;
type Log = (line: string) => void;

/** The sealed thresholds' place: Title, BoxKey and the place the envelope is bound to. */
export function thresholdsPlace(roundId: number): string {
  return `${roundId}:thresholds`;
}

/** JSON padded with spaces to whole blocks, as a box's plain text is. */
export function padded(value: object): string {
  const json = JSON.stringify(value);
  const rest = utf8Length(json) % BOX_BLOCK_BYTES;
  return rest === 0 ? json : json + ' '.repeat(BOX_BLOCK_BYTES - rest);
}

/** The SHA-256 of a sealed record's plain text: what the boxes' mark names. */
export function digestOf(plain: string): string {
  return createHash('sha256').update(plain, 'utf8').digest('base64url');
}

/** The oldest item at `place` the relay wrote and last wrote that opens, as plain text; undefined when none. */
export async function readSealedPlace(sp: SPFI, keys: PulseKeyring, roundId: number, place: string, log: Log): Promise<string | undefined> {
  const [own, rows] = await Promise.all([
    relayLogin(sp),
    sp.web.lists
      .getByTitle(RESPONSES.title)
      .items.select('ID', 'Title', RESPONSES.fields.envelope, 'Author/Name', 'Editor/Name')
      .expand('Author', 'Editor')
      .filter(`${RESPONSES.fields.boxKey} eq '${place}'`)
      .orderBy('ID', true)
      .top(100)<Row[]>()
  ]);
  const nameOf = (value: unknown): string => String((value as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase();
  for (const row of rows) {
    if (nameOf(row.Author) !== own || nameOf(row.Editor) !== own || row.Title !== place) {
      log(`pulse: SE_Responses item ${String(row.ID)} at ${place} is not used: the relay did not write it.`);
      continue;
    }
    try {
      const plain = keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, place));
      parseBox(plain);
      return plain;
    } catch (error) {
      log(`pulse: SE_Responses item ${String(row.ID)} at ${place} does not open: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return undefined;
}

/** Writes a sealed item at `place` (an empty ballot box to box readers, `fields` beside it). */
export async function writeSealedPlace(sp: SPFI, keys: PulseKeyring, round: { readonly roundId: number; readonly surveyId: number }, place: string, fields: object): Promise<void> {
  await sp.web.lists.getByTitle(RESPONSES.title).items.add({
    Title: place,
    [RESPONSES.fields.roundId]: round.roundId,
    [RESPONSES.fields.surveyId]: round.surveyId,
    [RESPONSES.fields.boxKey]: place,
    [RESPONSES.fields.envelope]: keys.seal(padded({ ...fields, version: 1, entries: [] }), boxContext(round.roundId, place))
  });
}

/** Seals the round's thresholds as it opens (once: a round sealed already is left as it is). */
export async function sealThresholds(sp: SPFI, keys: PulseKeyring, round: { readonly roundId: number; readonly surveyId: number }, thresholds: Thresholds, log: Log): Promise<void> {
  if ((await readSealedThresholds(sp, keys, round.roundId, log)) === undefined) {
    await writeSealedPlace(sp, keys, round, thresholdsPlace(round.roundId), { thresholds });
  }
}

/** The thresholds sealed when the round opened; undefined when none. */
export async function readSealedThresholds(sp: SPFI, keys: PulseKeyring, roundId: number, log: Log): Promise<Thresholds | undefined> {
  const plain = await readSealedPlace(sp, keys, roundId, thresholdsPlace(roundId), log);
  const value = plain === undefined ? undefined : (JSON.parse(plain) as { thresholds?: { minGroupSize?: unknown; minCommentGroupSize?: unknown } }).thresholds;
  if (!value || typeof value.minGroupSize !== 'number' || typeof value.minCommentGroupSize !== 'number') {
    return undefined;
  }
  return { minGroupSize: value.minGroupSize, minCommentGroupSize: value.minCommentGroupSize };
}

/** The larger of each threshold (the sealed one may be absent). */
export function strictest(row: Thresholds, sealed: Thresholds | undefined): Thresholds {
  return sealed === undefined
    ? row
    : { minGroupSize: Math.max(row.minGroupSize, sealed.minGroupSize), minCommentGroupSize: Math.max(row.minCommentGroupSize, sealed.minCommentGroupSize) };
}

/** The marks the round's boxes carry: the digests named, and how many slots' newest box carries `digest`. */
export interface BoxMarks {
  readonly digests: ReadonlySet<string>;
  /** Slots whose newest box carries each digest. */
  readonly slotsMarked: (digest: string) => number;
}

interface SlotNewest {
  readonly id: number;
  readonly title: string;
  readonly etag: string;
  readonly plain?: string;
}

async function newestOfSlot(sp: SPFI, keys: PulseKeyring, roundId: number, slot: number): Promise<{ newest?: SlotNewest; next: number; marks: string[] }> {
  const rows = await readPlace(sp, slotKey(roundId, slot));
  let newest: SlotNewest | undefined;
  let best = -1;
  const marks: string[] = [];
  for (const row of rows) {
    const title = String(row.Title ?? '');
    const generation = generationOf(title, roundId, slot);
    if (generation === undefined) {
      continue;
    }
    let plain: string | undefined;
    try {
      plain = keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, title));
      const mark = (JSON.parse(plain) as { published?: unknown }).published;
      if (typeof mark === 'string') {
        marks.push(mark);
      }
    } catch {
      plain = undefined;
    }
    if (generation > best) {
      best = generation;
      newest = { id: row.ID, title, etag: etagOf(row), plain };
    }
  }
  return { newest, next: best + 1, marks };
}

/** Every mark the round's boxes carry. */
export async function readMarks(sp: SPFI, keys: PulseKeyring, roundId: number): Promise<BoxMarks> {
  const digests = new Set<string>();
  const marked = new Map<string, number>();
  for (let slot = 0; slot < BOX_SLOTS; slot += 1) {
    const { newest, marks } = await newestOfSlot(sp, keys, roundId, slot);
    marks.forEach((mark) => digests.add(mark));
    const mark = newest?.plain === undefined ? undefined : (JSON.parse(newest.plain) as { published?: unknown }).published;
    if (typeof mark === 'string') {
      marked.set(mark, (marked.get(mark) ?? 0) + 1);
    }
  }
  return { digests, slotsMarked: (digest) => marked.get(digest) ?? 0 };
}

/** Writes of one slot's box tried before the run gives up (the next run marks it). */
const MARK_ATTEMPTS = 5;

/**
 * Seals `digest` into the newest box of every slot of the round (a slot without a box gets an
 * empty one), entries shuffled again and sealed with a fresh IV. A box that does not open is
 * never written over: the mark goes into a new generation beside it.
 */
export async function markBoxes(sp: SPFI, keys: PulseKeyring, round: { readonly roundId: number; readonly surveyId: number }, digest: string, random: () => number): Promise<void> {
  const { roundId, surveyId } = round;
  const list = sp.web.lists.getByTitle(RESPONSES.title);
  for (let slot = 0; slot < BOX_SLOTS; slot += 1) {
    for (let attempt = 1; ; attempt += 1) {
      const { newest, next } = await newestOfSlot(sp, keys, roundId, slot);
      const box = newest?.plain === undefined ? undefined : (JSON.parse(newest.plain) as { published?: unknown });
      if (box && box.published === digest) {
        break;
      }
      try {
        if (newest && newest.plain !== undefined) {
          const entries = parseBox(newest.plain).entries;
          const plain = padded({ version: 1, entries: shuffled(entries, random), published: digest });
          await list.items.getById(newest.id).update({ [RESPONSES.fields.envelope]: keys.seal(plain, boxContext(roundId, newest.title)) }, newest.etag);
        } else {
          const title = boxTitle(roundId, slot, Math.max(0, next));
          await list.items.add({
            Title: title,
            [RESPONSES.fields.roundId]: roundId,
            [RESPONSES.fields.surveyId]: surveyId,
            [RESPONSES.fields.boxKey]: slotKey(roundId, slot),
            [RESPONSES.fields.envelope]: keys.seal(padded({ version: 1, entries: [], published: digest }), boxContext(roundId, title))
          });
        }
        break;
      } catch (error) {
        // Another writer changed the box meanwhile: read it again.
        if (httpStatusOf(error) !== 412 || attempt >= MARK_ATTEMPTS) {
          throw error;
        }
      }
    }
  }
}
