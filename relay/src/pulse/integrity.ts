/**
 * The box check: whether a round's boxes still hold every answer its participation counted.
 *
 * Anyone who can write SE_Responses (a site owner, a SharePoint admin) can put back an older copy
 * of a box's Envelope: it still opens (same key, same place), and the answers added since are
 * gone. Without storage outside SharePoint that cannot be prevented; it can be detected. Each
 * counted participation record stands for one answer entry, in a box or still in the round's
 * inbox (`readRoundBoxes` reads both; the timer drains a round it closes before it checks it), so
 * a round whose counted records outnumber the distinct answer entries has lost answers (`answersMissing`); more
 * entries than counted records means records were deleted (`answersExtra`). A box whose last
 * writer (Editor) is not the relay was written by someone else, whatever it holds.
 *
 * What it does not catch: a rollback together with the deletion of as many participation records
 * (the person then seems not to have answered), or both lists put back to an earlier state as a
 * whole. The results refuse to publish a round whose check is not `consistent`.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { answerEntries, type BallotBox, distinctEntries } from '../../../src/core/pulse/ballot';
import { LISTS } from '../../../src/core/schema/lists';
import { readRoundBoxes, readRoundParticipation } from './ballotStore';
import type { PulseKeyring } from './envelope';
import { relayLogin } from './ownIdentity';

export interface BoxCheck {
  readonly roundId: number;
  /** `pending`: participation is still being settled; checked again later. */
  readonly status: 'consistent' | 'answersMissing' | 'answersExtra' | 'boxEditedByOthers' | 'pending';
  /** Counted participation records (the relay's, one per key). */
  readonly counted: number;
  /** Distinct answer entries in the boxes and the inbox the relay wrote. */
  readonly answers: number;
  /** Boxes (and inbox items) the relay wrote whose last writer was someone else. */
  readonly editedByOthers: number;
}

/** Checks the round's boxes against its participation (above). */
export async function checkRoundBoxes(
  sp: SPFI,
  keys: PulseKeyring,
  roundId: number,
  log: (line: string) => void = () => undefined,
  /** The round's boxes when the caller has read them already (`readRoundBoxes`). */
  read?: readonly BallotBox[]
): Promise<BoxCheck> {
  const [records, boxes, own, editors] = await Promise.all([
    readRoundParticipation(sp, roundId),
    read ?? readRoundBoxes(sp, keys, roundId, log),
    relayLogin(sp),
    sp.web.lists
      .getByTitle(LISTS.responses.title)
      .items.select('ID', 'Author/Name', 'Editor/Name')
      .expand('Author', 'Editor')
      .filter(`${LISTS.responses.fields.roundId} eq ${roundId}`)
      .top(5000)<Array<{ Author?: { Name?: string }; Editor?: { Name?: string } }>>()
  ]);
  const mine = records.filter((r) => r.trusted);
  const counted = new Set(mine.filter((r) => r.status === 'counted').map((r) => r.key)).size;
  const answers = answerEntries(distinctEntries(boxes)).length;
  const editedByOthers = editors.filter((row) => (row.Author?.Name ?? '').toLowerCase() === own && (row.Editor?.Name ?? '').toLowerCase() !== own).length;
  const status: BoxCheck['status'] = mine.some((r) => r.status === 'pending')
    ? 'pending'
    : counted > answers
      ? 'answersMissing'
      : counted < answers
        ? 'answersExtra'
        : editedByOthers > 0
          ? 'boxEditedByOthers'
          : 'consistent';
  if (status !== 'consistent' && status !== 'pending') {
    log(`pulse box check: round ${roundId} is ${status}: ${counted} counted, ${answers} answers in its boxes, ${editedByOthers} box(es) last written by someone else. Its results are not published.`);
  }
  return { roundId, status, counted, answers, editedByOthers };
}
