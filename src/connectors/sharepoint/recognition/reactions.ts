/**
 * Reactions (SE_Reactions): one item per person and recognition, unique by ReactionKey, so
 * counts are counted and never a shared counter to lose updates on. A reaction counts only
 * for the person its Author is (or the relay wrote it for): see `trustedRows.ts`. A key held by
 * someone else's item never stops its person reacting: see `ownRow.ts`.
 */
import type { ItemId } from '../../../core/models/common';
import { reactionKey } from '../../../core/models/keys';
import type { ReactionKind } from '../../../core/models/recognition';
import { writeOwnRow } from '../../../core/recognition/ownRow';
import type { ReactionSummary, ReactionWriter } from '../../../core/recognition/ports';
import { reactionPerson, rowAuthor, summariseReactions } from '../../../core/recognition/trustedRows';
import { LISTS } from '../../../core/schema/lists';
import { isDuplicateError, storeCall } from '../httpErrors';
import { type ListClient, listOf } from '../listClient';
import type { RecognitionContext } from './context';

type Reactions = ListClient<typeof LISTS.reactions>;

/** The reactions of the given recognitions, with this turn's other reads: counts and the signed-in person's own. */
export async function readReactions(context: RecognitionContext, recognitionIds: readonly ItemId[]): Promise<Map<ItemId, ReactionSummary>> {
  if (recognitionIds.length === 0) {
    return new Map();
  }
  const me = (await context.currentUser()).id;
  const list = listOf(context.reads(), LISTS.reactions);
  const recognitionId = list.field('recognitionId');
  const rows = await list.read({
    select: ['id', 'recognitionId', 'kind', 'reactionKey'],
    people: ['person'],
    logins: ['person'],
    filter: `${recognitionId} ge ${Math.min(...recognitionIds)} and ${recognitionId} le ${Math.max(...recognitionIds)}`,
    top: 5000
  });
  const reactions = rows.map((row) => ({
    id: row.number('id') ?? 0,
    recognitionId: row.number('recognitionId') ?? 0,
    reactionKey: row.text('reactionKey') ?? '',
    kind: row.text('kind'),
    author: rowAuthor(row.person('person').id, row.login('person'))
  }));
  return summariseReactions(reactions, new Set(recognitionIds), me);
}

export class SharePointReactions implements ReactionWriter {
  private readonly list: Reactions;

  public constructor(private readonly context: RecognitionContext) {
    this.list = listOf(context.sp, LISTS.reactions);
  }

  public react(recognitionId: ItemId, kind: ReactionKind | undefined): Promise<void> {
    return storeCall('Saving the reaction', async () => {
      const me = (await this.context.currentUser()).id;
      const list = this.list;
      await writeOwnRow(
        {
          // My items on this post under a key naming me (either form); made-up keys count for nobody.
          read: async () =>
            (
              await list.read({
                select: ['id', 'reactionKey'],
                filter: `${list.eq('recognitionId', recognitionId)} and ${list.idField('person')} eq ${me}`,
                orderBy: ['id', 'asc'],
                top: 100
              })
            )
              .map((row) => ({ id: row.number('id') ?? 0, recognitionId, reactionKey: row.text('reactionKey') ?? '', kind, author: { id: me, isApp: false } }))
              .filter((row) => reactionPerson(row) === me)
              .map((row) => row.id),
          add: async (key) => {
            await list.add(list.payload({ title: key, recognitionId, kind, reactionKey: key }));
          },
          update: (id) => list.update(id, list.payload({ kind })),
          remove: (id) => list.delete(id),
          isDuplicate: isDuplicateError
        },
        reactionKey(recognitionId, me),
        kind ? 'save' : 'remove'
      );
    });
  }
}
