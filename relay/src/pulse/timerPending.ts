/**
 * The timer's sweep of participation left `pending` (docs/relay.md "The pulse timer"). A request
 * that died after writing participation `pending` leaves the submission's token (a keyed hash of
 * the device's submission key) beside the person; the device normally sends the answer again and
 * the relay finishes it, but a device that never comes back would leave the token there for good.
 *
 * For every round that is open or closed within {@link RECENTLY_CLOSED_MS}, each record the relay
 * wrote and left pending for longer than a request can run ({@link PENDING_STALE_MS}) is settled:
 *
 * - its token is in the round's inbox or a box: the answer arrived, the record goes `counted` and
 *   the token is cleared (what the request would have done);
 * - its token is in no box and the round is closed: the answer never arrived and cannot any more,
 *   the record is removed (the person did not take part);
 * - its token is in no box and the round is open: left as it is, for the device's resend (the
 *   person's next submission takes it over, `routes/pulse.ts`), and settled after the close.
 *
 * Every write goes with the record's ETag: a resend finishing the record meanwhile wins, and the
 * next run looks again.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { settleKeyedRows } from '../../../src/core/keyedRows';
import { LISTS } from '../../../src/core/schema/lists';
import { PENDING_STALE_MS, readRoundParticipation, removeParticipation, type RoundParticipation, updateParticipation } from './ballotStore';
import type { PulseKeyring } from './envelope';
import { isStored } from './inbox';

const ROUNDS = LISTS.surveyRounds;

/** Rounds closed this long ago are still swept: a relay that was down for days catches up. */
export const RECENTLY_CLOSED_MS = 14 * 24 * 60 * 60 * 1000;

/** A round as the sweep reads it. */
export interface SweptRound {
  readonly roundId: number;
  readonly surveyId: number;
  readonly closesAt: number;
  /** Closed by the clock or by its status (HR closed it early). */
  readonly closed: boolean;
  /** The round's minimum group (5 when SE_SurveyRounds does not say): the drain's smallest batch while it is open. */
  readonly minGroupSize: number;
}

/** The product's smallest minimum group: HR may raise it, never lower it. */
const MIN_GROUP_FLOOR = 5;

/** What the sweep did. */
export interface PendingReport {
  /** Records found with their answer in a box: counted, token cleared. */
  readonly counted: number;
  /** Records of closed rounds whose answer never arrived: removed. */
  readonly removed: number;
  /** Stale records of open rounds without their answer: left for the device's resend. */
  readonly waiting: number;
}

type Row = Record<string, unknown>;

/** The rounds open at `now` or closed within {@link RECENTLY_CLOSED_MS} (SE_SurveyRounds is HR's short list). */
export async function readSweptRounds(sp: SPFI, now: Date): Promise<SweptRound[]> {
  const since = new Date(now.getTime() - RECENTLY_CLOSED_MS).toISOString();
  const rows = await sp.web.lists
    .getByTitle(ROUNDS.title)
    .items.select('ID', ROUNDS.fields.surveyId, ROUNDS.fields.opensAt, ROUNDS.fields.closesAt, ROUNDS.fields.status, ROUNDS.fields.minGroupSize)
    .filter(`${ROUNDS.fields.closesAt} ge datetime'${since}'`)
    .top(5000)<Row[]>();
  return rows
    .map((row) => {
      const closesAt = Date.parse(String(row[ROUNDS.fields.closesAt] ?? ''));
      const minGroupSize = Number(row[ROUNDS.fields.minGroupSize]);
      return {
        minGroupSize: Number.isFinite(minGroupSize) ? Math.max(MIN_GROUP_FLOOR, minGroupSize) : MIN_GROUP_FLOOR,
        roundId: Number(row.ID),
        surveyId: Number(row[ROUNDS.fields.surveyId]),
        closesAt,
        closed: row[ROUNDS.fields.status] === 'closed' || !(now.getTime() < closesAt),
        opened: Date.parse(String(row[ROUNDS.fields.opensAt] ?? '')) <= now.getTime()
      };
    })
    .filter((round) => round.opened && Number.isFinite(round.closesAt))
    .map(({ roundId, surveyId, closesAt, closed, minGroupSize }) => ({ roundId, surveyId, closesAt, closed, minGroupSize }));
}

/**
 * Settles the round's stale pending records (above), given its participation as read. Of a key's
 * records only the one that stands for it (`settleKeyedRows`: the oldest the relay wrote) is
 * settled; the others are `readParticipation`'s to remove when the person is next read.
 */
export async function settlePending(
  sp: SPFI,
  keys: PulseKeyring,
  round: SweptRound,
  records: readonly RoundParticipation[],
  now: Date,
  log: (line: string) => void
): Promise<PendingReport> {
  let counted = 0;
  let removed = 0;
  let waiting = 0;
  const byKey = new Map<string, RoundParticipation[]>();
  for (const record of records) {
    byKey.set(record.key, [...(byKey.get(record.key) ?? []), record]);
  }
  for (const rows of byKey.values()) {
    const plan = settleKeyedRows(rows);
    const kept = rows.find((row) => row.id === plan.keep);
    if (!kept || kept.status !== 'pending' || !(now.getTime() - kept.modified > PENDING_STALE_MS)) {
      continue;
    }
    if (kept.token !== undefined && (await isStored(sp, keys, round.roundId, kept.token, log))) {
      counted += (await updateParticipation(sp, kept, 'counted', undefined)) ? 1 : 0;
    } else if (round.closed) {
      removed += (await removeParticipation(sp, kept)) ? 1 : 0;
    } else {
      waiting += 1;
    }
  }
  return { counted, removed, waiting };
}

/** The sweep of every round it concerns; a round that fails is logged and left for the next run. */
export async function sweepRounds(sp: SPFI, keys: PulseKeyring, now: Date, log: (line: string) => void): Promise<PendingReport> {
  const total = { counted: 0, removed: 0, waiting: 0 };
  for (const round of await readSweptRounds(sp, now)) {
    try {
      const done = await settlePending(sp, keys, round, await readRoundParticipation(sp, round.roundId), now, log);
      total.counted += done.counted;
      total.removed += done.removed;
      total.waiting += done.waiting;
    } catch (error) {
      log(`pulse timer: the pending participation of round ${round.roundId} was not settled (${error instanceof Error ? error.message : String(error)}); the next run tries again.`);
    }
  }
  return total;
}
