/**
 * The relay's pulse storage on the engagement site: participation (SE_Participation, who answered,
 * never what) and the encrypted ballot boxes (SE_Responses), the rules of
 * `src/core/pulse/ballot.ts` with SharePoint underneath.
 *
 * - Participation is one item per person and round, kept by key (`settleKeyedRows`: SharePoint
 *   refuses a unique column in a list read as own items only); only items the relay wrote count,
 *   with its own identity (`ownIdentity.ts`), not any app principal's.
 * - A box is written with its ETag (`IF-MATCH`): two writers of one box never overwrite each
 *   other's entry; the loser reads the box again and retries. Within one relay instance the
 *   writers of a slot also wait for each other, so a burst at shift change does not turn into a
 *   storm of retries.
 * - A box that does not open with the relay's keys (changed by someone, or written with a key the
 *   relay no longer has) is never written over: the next generation is started instead.
 */
import { randomInt } from 'crypto';

import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { settleKeyedRows } from '../../../src/core/keyedRows';
import { participationKey } from '../../../src/core/models/keys';
import type { ParticipationStatus } from '../../../src/core/models/pulse';
import {
  type BallotBox,
  type BallotEntry,
  boxTitle,
  EMPTY_BOX,
  generationOf,
  hasRoomFor,
  holdsToken,
  parseBox,
  serialiseBox,
  slotKey,
  slotOf,
  withEntry
} from '../../../src/core/pulse/ballot';
import { LISTS } from '../../../src/core/schema/lists';
import { problem, RelayProblem } from '../router';
import { deleteIfThere } from '../sharepoint';
import { boxContext, type PulseKeyring } from './envelope';
import { writtenByRelay } from './ownIdentity';

const PARTICIPATION = LISTS.participation;
const RESPONSES = LISTS.responses;

type Row = Record<string, unknown> & { ID: number };

export interface ParticipationRecord {
  readonly id: number;
  readonly status: ParticipationStatus;
  readonly token?: string;
  readonly etag: string;
  /** When the record was last written (ms since the epoch; NaN when SharePoint did not say). */
  readonly modified: number;
}

/**
 * A number in [0, 1) from the operating system's secure source, for the boxes' shuffles: the order
 * of a box's entries must not be guessable from earlier draws.
 */
export function shuffleRandom(): number {
  return randomInt(0, 2 ** 47) / 2 ** 47;
}

/**
 * The row's ETag for IF-MATCH. A row without one is refused: `*` would write over whatever another
 * writer put there since.
 */
export function etagOf(row: Readonly<Record<string, unknown>>): string {
  const etag = row['odata.etag'];
  if (typeof etag !== 'string' || etag === '') {
    throw new Error('SharePoint sent a pulse list row without its ETag; it is not written without one.');
  }
  return etag;
}
/**
 * A pending participation this old was left by a request that failed: no request runs this
 * long (Azure Functions ends an HTTP request after 230 seconds).
 */
export const PENDING_STALE_MS = 10 * 60 * 1000;

/** The person's participation in a round (the one that stands for the key), undefined when none. */
export async function readParticipation(sp: SPFI, roundId: number, userId: number, settle = true): Promise<ParticipationRecord | undefined> {
  const list = sp.web.lists.getByTitle(PARTICIPATION.title);
  const byRelay = await writtenByRelay(sp);
  const rows = await list.items
    .select('ID', PARTICIPATION.fields.status, PARTICIPATION.fields.token, 'Modified', 'Author/Name')
    .expand('Author')
    .filter(`${PARTICIPATION.fields.participationKey} eq '${participationKey(roundId, userId)}'`)
    .orderBy('ID', true)
    .top(100)<Row[]>();
  const plan = settleKeyedRows(rows.map((row) => ({ id: row.ID, trusted: byRelay(row) })));
  if (settle) {
    for (const id of plan.drop) {
      await deleteIfThere(list.items.getById(id));
    }
  }
  const kept = rows.find((row) => row.ID === plan.keep);
  if (!kept) {
    return undefined;
  }
  const token = kept[PARTICIPATION.fields.token];
  return {
    id: kept.ID,
    status: kept[PARTICIPATION.fields.status] === 'counted' ? 'counted' : 'pending',
    token: typeof token === 'string' && token !== '' ? token : undefined,
    etag: etagOf(kept),
    modified: Date.parse(String(kept.Modified ?? ''))
  };
}

/** A participation record of a round as the timer's sweep reads it. */
export interface RoundParticipation extends ParticipationRecord {
  readonly key: string;
  /** Written by the relay (only such records count). */
  readonly trusted: boolean;
}

/** Rows read per request: SharePoint's view threshold. */
const PAGE = 5000;

/** Every participation record of a round, paged by ID (RoundId is indexed). */
export async function readRoundParticipation(sp: SPFI, roundId: number): Promise<RoundParticipation[]> {
  const list = sp.web.lists.getByTitle(PARTICIPATION.title);
  const byRelay = await writtenByRelay(sp);
  const out: RoundParticipation[] = [];
  for (let after = 0; ; ) {
    const rows = await list.items
      .select('ID', PARTICIPATION.fields.participationKey, PARTICIPATION.fields.status, PARTICIPATION.fields.token, 'Modified', 'Author/Name')
      .expand('Author')
      .filter(`${PARTICIPATION.fields.roundId} eq ${roundId} and ID gt ${after}`)
      .orderBy('ID', true)
      .top(PAGE)<Row[]>();
    for (const row of rows) {
      const token = row[PARTICIPATION.fields.token];
      out.push({
        id: row.ID,
        key: String(row[PARTICIPATION.fields.participationKey] ?? ''),
        status: row[PARTICIPATION.fields.status] === 'counted' ? 'counted' : 'pending',
        token: typeof token === 'string' && token !== '' ? token : undefined,
        etag: etagOf(row),
        modified: Date.parse(String(row.Modified ?? '')),
        trusted: byRelay(row)
      });
    }
    if (rows.length < PAGE) {
      return out;
    }
    after = rows[rows.length - 1].ID;
  }
}

/** Writes the person's participation `pending` with the token; the record that stands afterwards. */
export async function startParticipation(sp: SPFI, roundId: number, userId: number, token: string): Promise<ParticipationRecord> {
  const key = participationKey(roundId, userId);
  await sp.web.lists.getByTitle(PARTICIPATION.title).items.add({
    Title: key,
    [PARTICIPATION.fields.roundId]: roundId,
    [`${PARTICIPATION.fields.participant}Id`]: userId,
    [PARTICIPATION.fields.participationKey]: key,
    [PARTICIPATION.fields.status]: 'pending',
    [PARTICIPATION.fields.token]: token
  });
  // Two requests at once each added one: the oldest stands, for both.
  const kept = await readParticipation(sp, roundId, userId);
  if (!kept) {
    throw new Error('The participation just written is not there.');
  }
  return kept;
}

/** Removes a participation record this request wrote and must not keep (nothing was stored for it). */
export async function dropParticipation(sp: SPFI, record: ParticipationRecord): Promise<void> {
  await deleteIfThere(sp.web.lists.getByTitle(PARTICIPATION.title).items.getById(record.id));
}

/**
 * Removes a record with its ETag (one changed meanwhile stays: false); one removed already is fine.
 */
export async function removeParticipation(sp: SPFI, record: ParticipationRecord): Promise<boolean> {
  try {
    await sp.web.lists.getByTitle(PARTICIPATION.title).items.getById(record.id).delete(record.etag);
    return true;
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404) {
      return true;
    }
    if (status === 412) {
      return false;
    }
    throw error;
  }
}

/**
 * Changes the record, with its ETag; false when it changed meanwhile (412), so the caller reads
 * it again.
 */
export async function updateParticipation(sp: SPFI, record: ParticipationRecord, status: ParticipationStatus, token: string | undefined): Promise<boolean> {
  try {
    await sp.web.lists
      .getByTitle(PARTICIPATION.title)
      .items.getById(record.id)
      .update({ [PARTICIPATION.fields.status]: status, [PARTICIPATION.fields.token]: token === undefined ? null : token }, record.etag);
    return true;
  } catch (error) {
    if (httpStatusOf(error) === 412) {
      return false;
    }
    throw error;
  }
}

/** A box of a slot as read: opened, or not (then it is never written). */
interface SlotBox {
  readonly id: number;
  readonly title: string;
  readonly generation: number;
  readonly etag: string;
  readonly box?: BallotBox;
}

async function readSlot(sp: SPFI, keys: PulseKeyring, roundId: number, slot: number, log: (line: string) => void): Promise<SlotBox[]> {
  const byRelay = await writtenByRelay(sp);
  const rows = await sp.web.lists
    .getByTitle(RESPONSES.title)
    .items.select('ID', 'Title', RESPONSES.fields.envelope, 'Author/Name')
    .expand('Author')
    .filter(`${RESPONSES.fields.boxKey} eq '${slotKey(roundId, slot)}'`)
    .orderBy('ID', true)
    .top(5000)<Row[]>();
  const out: SlotBox[] = [];
  for (const row of rows) {
    const title = typeof row.Title === 'string' ? row.Title : '';
    const generation = generationOf(title, roundId, slot);
    if (generation === undefined || !byRelay(row)) {
      continue;
    }
    let box: BallotBox | undefined;
    try {
      box = parseBox(keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, title)));
    } catch (error) {
      log(`pulse box ${row.ID} of round ${roundId} does not open: ${error instanceof Error ? error.message : String(error)}`);
    }
    out.push({ id: row.ID, title, generation, etag: etagOf(row), box });
  }
  return out;
}

/** Every box of a round, opened (for results and the checks of the tests); boxes that do not open are left out. */
export async function readRoundBoxes(sp: SPFI, keys: PulseKeyring, roundId: number, log: (line: string) => void = () => undefined): Promise<BallotBox[]> {
  const byRelay = await writtenByRelay(sp);
  const rows = await sp.web.lists
    .getByTitle(RESPONSES.title)
    .items.select('ID', 'Title', RESPONSES.fields.envelope, 'Author/Name')
    .expand('Author')
    .filter(`${RESPONSES.fields.roundId} eq ${roundId}`)
    .top(5000)<Row[]>();
  const boxes: BallotBox[] = [];
  for (const row of rows) {
    if (!byRelay(row)) {
      continue;
    }
    try {
      boxes.push(parseBox(keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, String(row.Title ?? '')))));
    } catch (error) {
      log(`pulse box ${row.ID} of round ${roundId} does not open: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return boxes;
}

/** Whether a box of the token's slot holds it. */
export async function isInABox(sp: SPFI, keys: PulseKeyring, roundId: number, token: string, log: (line: string) => void): Promise<boolean> {
  const boxes = await readSlot(sp, keys, roundId, slotOf(token), log);
  return boxes.some((b) => b.box !== undefined && holdsToken(b.box, token));
}

/** Per relay instance: writers of one slot take turns (ETags still guard across instances). */
const instanceTurns = new Map<string, Promise<unknown>>();

async function inTurn<T>(slotTurns: Map<string, Promise<unknown>>, slot: string, work: () => Promise<T>): Promise<T> {
  const before = slotTurns.get(slot) ?? Promise.resolve();
  const mine = before.then(work, work);
  const settled = mine.then(
    () => undefined,
    () => undefined
  );
  slotTurns.set(slot, settled);
  try {
    return await mine;
  } finally {
    if (slotTurns.get(slot) === settled) {
      slotTurns.delete(slot);
    }
  }
}

/** Writes of one box tried before giving up (503): other instances keep winning the box. */
const MAX_ATTEMPTS = 30;

export interface AppendOptions {
  readonly roundId: number;
  readonly surveyId: number;
  readonly random?: () => number;
  readonly log?: (line: string) => void;
  /** The turns of this relay instance's writers; the instance's own unless given (tests: other instances). */
  readonly turns?: Map<string, Promise<unknown>>;
}

/**
 * Puts the entry into a box of its slot, once: `present` when a box of the slot holds its token
 * already, `added` otherwise.
 */
export async function appendEntry(sp: SPFI, keys: PulseKeyring, entry: BallotEntry, options: AppendOptions): Promise<'added' | 'present'> {
  const { roundId, surveyId } = options;
  const random = options.random ?? shuffleRandom;
  const log = options.log ?? (() => undefined);
  const slot = slotOf(entry.token);
  const list = sp.web.lists.getByTitle(RESPONSES.title);
  return inTurn(options.turns ?? instanceTurns, slotKey(roundId, slot), async () => {
    for (let attempt = 1; ; attempt += 1) {
      const boxes = await readSlot(sp, keys, roundId, slot, log);
      if (boxes.some((b) => b.box !== undefined && holdsToken(b.box, entry.token))) {
        return 'present';
      }
      const newest = boxes.reduce<SlotBox | undefined>((best, b) => (best === undefined || b.generation > best.generation ? b : best), undefined);
      try {
        if (newest?.box !== undefined && hasRoomFor(newest.box, entry)) {
          const next = withEntry(newest.box, entry, random).box;
          await list.items.getById(newest.id).update({ [RESPONSES.fields.envelope]: keys.seal(serialiseBox(next), boxContext(roundId, newest.title)) }, newest.etag);
        } else {
          const title = boxTitle(roundId, slot, newest === undefined ? 0 : newest.generation + 1);
          await list.items.add({
            Title: title,
            [RESPONSES.fields.roundId]: roundId,
            [RESPONSES.fields.surveyId]: surveyId,
            [RESPONSES.fields.boxKey]: slotKey(roundId, slot),
            [RESPONSES.fields.envelope]: keys.seal(serialiseBox(withEntry(EMPTY_BOX, entry, random).box), boxContext(roundId, title))
          });
        }
        return 'added';
      } catch (error) {
        if (httpStatusOf(error) !== 412) {
          throw error;
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new RelayProblem(problem(503, 'unavailable', 'Many answers are arriving at once. Try again shortly.', { retryAfterSeconds: 2 }), error);
        }
        log(`pulse box of round ${roundId}, slot ${slot} changed meanwhile (412); attempt ${attempt + 1}`);
        // Another instance wrote the box meanwhile: read it again, after a short random wait.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20 * Math.min(attempt, 10))));
      }
    }
  });
}
