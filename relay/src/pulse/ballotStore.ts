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
 * - Boxes are written by the timer's drain of the round's inbox (`timerDrain.ts`), many entries
 *   at once, never at an answer's request (`inbox.ts`). What reads a round's answers reads its
 *   inbox too ({@link readRoundBoxes}).
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
  BOX_SLOTS,
  boxTitle,
  EMPTY_BOX,
  generationOf,
  hasRoomFor,
  holdsToken,
  parseBox,
  serialiseBox,
  shuffled,
  slotKey,
  slotOf
} from '../../../src/core/pulse/ballot';
import { LISTS } from '../../../src/core/schema/lists';
import { problem, RelayProblem } from '../router';
import { deleteIfThere } from '../sharepoint';
import { boxContext, type PulseKeyring } from './envelope';
import { entriesOfParcel, isInboxTitle, parseInbox, parseParcelLine } from './inboxParcel';
import { writtenByRelay } from './ownIdentity';

const PARTICIPATION = LISTS.participation;
const RESPONSES = LISTS.responses;

export type Row = Record<string, unknown> & { ID: number };

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

/** The SE_Responses items of one place (a slot's or an inbox lane's `BoxKey`) that the relay wrote, oldest first. */
export async function readPlace(sp: SPFI, boxKey: string): Promise<Row[]> {
  const byRelay = await writtenByRelay(sp);
  const rows = await sp.web.lists
    .getByTitle(RESPONSES.title)
    .items.select('ID', 'Title', RESPONSES.fields.envelope, 'Author/Name')
    .expand('Author')
    .filter(`${RESPONSES.fields.boxKey} eq '${boxKey}'`)
    .orderBy('ID', true)
    .top(5000)<Row[]>();
  return rows.filter(byRelay);
}

async function readSlot(sp: SPFI, keys: PulseKeyring, roundId: number, slot: number, log: (line: string) => void): Promise<SlotBox[]> {
  const rows = await readPlace(sp, slotKey(roundId, slot));
  const out: SlotBox[] = [];
  for (const row of rows) {
    const title = typeof row.Title === 'string' ? row.Title : '';
    const generation = generationOf(title, roundId, slot);
    if (generation === undefined) {
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

/**
 * Every box of a round, opened, and what its inbox holds, as one box per inbox item: every answer
 * the round holds, for the box check, the results and the checks of the tests (an entry the drain
 * has put in a box but not yet taken out of the inbox is in both: `distinctEntries` counts it once).
 * Boxes and inbox items that do not open are left out (logged).
 */
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
    const title = String(row.Title ?? '');
    try {
      const plain = keys.open(String(row[RESPONSES.fields.envelope] ?? ''), boxContext(roundId, title));
      boxes.push(
        isInboxTitle(title, roundId)
          ? { version: 1, entries: parseInbox(plain).reduce<BallotEntry[]>((all, line) => all.concat(entriesOfParcel(parseParcelLine(line))), []) }
          : parseBox(plain)
      );
    } catch (error) {
      log(`pulse box ${row.ID} of round ${roundId} does not open: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return boxes;
}

/** The tokens the boxes of a round's slots hold (the inbox not included). */
export async function tokensInSlots(sp: SPFI, keys: PulseKeyring, roundId: number, log: (line: string) => void): Promise<Set<string>> {
  const tokens = new Set<string>();
  for (let slot = 0; slot < BOX_SLOTS; slot += 1) {
    for (const { box } of await readSlot(sp, keys, roundId, slot, log)) {
      for (const entry of box?.entries ?? []) {
        tokens.add(entry.token);
      }
    }
  }
  return tokens;
}

/** Whether a box of the token's slot holds it (the inbox is `inbox.ts`'s to look in). */
export async function isInSlot(sp: SPFI, keys: PulseKeyring, roundId: number, token: string, log: (line: string) => void): Promise<boolean> {
  const boxes = await readSlot(sp, keys, roundId, slotOf(token), log);
  return boxes.some((b) => b.box !== undefined && holdsToken(b.box, token));
}

/** Per relay instance: writers of one slot (or one inbox lane) take turns (ETags still guard across instances). */
const instanceTurns = new Map<string, Promise<unknown>>();

/** Runs `work` after the instance's earlier work on `place` (a slot's or an inbox lane's key). */
export async function inTurn<T>(turns: Map<string, Promise<unknown>> | undefined, place: string, work: () => Promise<T>): Promise<T> {
  const slotTurns = turns ?? instanceTurns;
  const before = slotTurns.get(place) ?? Promise.resolve();
  const mine = before.then(work, work);
  const settled = mine.then(
    () => undefined,
    () => undefined
  );
  slotTurns.set(place, settled);
  try {
    return await mine;
  } finally {
    if (slotTurns.get(place) === settled) {
      slotTurns.delete(place);
    }
  }
}

/** Writes of one box (or inbox item) tried before giving up (503): other instances keep winning it. */
export const MAX_ATTEMPTS = 30;

/**
 * After a failed write of a box or an inbox item (`what`): anything but a 412 is thrown again; a
 * 412 (another writer won the item) is retried after a short random wait, longer as the attempts
 * go on, until {@link MAX_ATTEMPTS} (then 503: try again shortly).
 */
export async function afterConflict(error: unknown, attempt: number, random: () => number, log: (line: string) => void, what: string): Promise<void> {
  if (httpStatusOf(error) !== 412) {
    throw error;
  }
  if (attempt >= MAX_ATTEMPTS) {
    throw new RelayProblem(problem(503, 'unavailable', 'Many answers are arriving at once. Try again shortly.', { retryAfterSeconds: 2 }), error);
  }
  log(`${what} changed meanwhile (412); attempt ${attempt + 1}`);
  await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20 * Math.min(attempt, 10))));
}

export interface AppendOptions {
  readonly roundId: number;
  readonly surveyId: number;
  readonly random?: () => number;
  readonly log?: (line: string) => void;
  /** The turns of this relay instance's writers; the instance's own unless given (tests: other instances). */
  readonly turns?: Map<string, Promise<unknown>>;
}

/** What writing a slot did. */
export interface SlotWrite {
  /** Entries put into a box (those a box of the slot held already are not). */
  readonly added: number;
  /** Box items written (changed or added). */
  readonly writes: number;
}

/**
 * Puts the entries (all of the slot) into the boxes of their slot, each token once: the newest
 * box takes what fits, the rest goes into new generations, and every box written is shuffled as a
 * whole and sealed with a fresh IV. With `reseal`, the newest box is written even when nothing is
 * added (a slot without a box that opens gets an empty one), so that a drain writes every slot
 * whatever its batch holds.
 */
export async function storeInSlot(sp: SPFI, keys: PulseKeyring, slot: number, entries: readonly BallotEntry[], options: AppendOptions & { readonly reseal?: boolean }): Promise<SlotWrite> {
  const { roundId, surveyId } = options;
  const random = options.random ?? shuffleRandom;
  const log = options.log ?? (() => undefined);
  const list = sp.web.lists.getByTitle(RESPONSES.title);
  const seal = (box: BallotBox, title: string): string => keys.seal(serialiseBox({ version: 1, entries: shuffled(box.entries, random) }), boxContext(roundId, title));
  return inTurn(options.turns, slotKey(roundId, slot), async () => {
    for (let attempt = 1; ; attempt += 1) {
      const boxes = await readSlot(sp, keys, roundId, slot, log);
      const held = new Set<string>();
      boxes.forEach((b) => b.box?.entries.forEach((e) => held.add(e.token)));
      const fresh = entries.filter((entry) => {
        if (held.has(entry.token)) {
          return false;
        }
        held.add(entry.token);
        return true;
      });
      const newest = boxes.reduce<SlotBox | undefined>((best, b) => (best === undefined || b.generation > best.generation ? b : best), undefined);
      // The newest box takes what fits (one that does not open is never written over).
      let kept: BallotBox | undefined = newest?.box;
      const rest: BallotEntry[] = [];
      for (const entry of fresh) {
        if (kept !== undefined && rest.length === 0 && hasRoomFor(kept, entry)) {
          kept = { version: 1, entries: kept.entries.concat([entry]) };
        } else {
          rest.push(entry);
        }
      }
      const changed = kept !== undefined && newest?.box !== undefined && (kept !== newest.box || options.reseal === true);
      const emptyBox = options.reseal === true && !changed && rest.length === 0;
      if (!changed && rest.length === 0 && !emptyBox) {
        return { added: 0, writes: 0 };
      }
      try {
        if (changed && newest !== undefined && kept !== undefined) {
          await list.items.getById(newest.id).update({ [RESPONSES.fields.envelope]: seal(kept, newest.title) }, newest.etag);
        }
      } catch (error) {
        // Another instance wrote the box meanwhile: read it again.
        await afterConflict(error, attempt, random, log, `pulse box of round ${roundId}, slot ${slot}`);
        continue;
      }
      // What did not fit: new generations, each filled as far as it takes.
      let generation = newest === undefined ? 0 : newest.generation + 1;
      let writes = changed ? 1 : 0;
      let box: BallotBox = EMPTY_BOX;
      const addBox = async (full: BallotBox): Promise<void> => {
        const title = boxTitle(roundId, slot, generation);
        await list.items.add({
          Title: title,
          [RESPONSES.fields.roundId]: roundId,
          [RESPONSES.fields.surveyId]: surveyId,
          [RESPONSES.fields.boxKey]: slotKey(roundId, slot),
          [RESPONSES.fields.envelope]: seal(full, title)
        });
        generation += 1;
        writes += 1;
      };
      for (const entry of rest) {
        if (!hasRoomFor(box, entry)) {
          await addBox(box);
          box = EMPTY_BOX;
        }
        box = { version: 1, entries: box.entries.concat([entry]) };
      }
      if (box.entries.length > 0 || emptyBox) {
        await addBox(box);
      }
      return { added: fresh.length, writes };
    }
  });
}

/**
 * Puts one entry into a box of its slot, once: `present` when a box of the slot holds its token
 * already, `added` otherwise (the drain writes many at once, `storeInSlot`).
 */
export async function appendEntry(sp: SPFI, keys: PulseKeyring, entry: BallotEntry, options: AppendOptions): Promise<'added' | 'present'> {
  const done = await storeInSlot(sp, keys, slotOf(entry.token), [entry], options);
  return done.added === 0 ? 'present' : 'added';
}
