/**
 * Reactions (SE_Reactions): one item per person and recognition, unique by ReactionKey, so
 * counts are counted and never a shared counter to lose updates on.
 */
import type { ItemId } from '../../../core/models/common';
import { reactionKey } from '../../../core/models/keys';
import { REACTION_KINDS, type ReactionKind } from '../../../core/models/recognition';
import type { ReactionSummary, ReactionWriter } from '../../../core/recognition/ports';
import { LISTS } from '../../../core/schema/lists';
import { isDuplicateError, storeCall } from '../httpErrors';
import { type ListClient, type ListRow, listOf } from '../listClient';
import type { RecognitionContext } from './context';

type Reactions = ListClient<typeof LISTS.reactions>;

function isReactionKind(kind: string | undefined): kind is ReactionKind {
  return kind !== undefined && (REACTION_KINDS as readonly string[]).includes(kind);
}

/** The reactions of the given recognitions, with this turn's other reads: counts and the signed-in person's own. */
export async function readReactions(context: RecognitionContext, recognitionIds: readonly ItemId[]): Promise<Map<ItemId, ReactionSummary>> {
  const result = new Map<ItemId, ReactionSummary>();
  if (recognitionIds.length === 0) {
    return result;
  }
  const me = (await context.currentUser()).id;
  const list = listOf(context.reads(), LISTS.reactions);
  const recognitionId = list.field('recognitionId');
  const wanted = new Set(recognitionIds);
  const rows = await list.read({
    select: ['recognitionId', 'kind'],
    ids: ['person'],
    filter: `${recognitionId} ge ${Math.min(...recognitionIds)} and ${recognitionId} le ${Math.max(...recognitionIds)}`,
    top: 5000
  });
  for (const row of rows) {
    const id = row.number('recognitionId') ?? 0;
    const kind = row.text('kind');
    if (!wanted.has(id) || !isReactionKind(kind)) {
      continue;
    }
    const current = result.get(id) ?? { counts: {} };
    const counts = { ...current.counts, [kind]: (current.counts[kind] ?? 0) + 1 };
    result.set(id, { counts, mine: row.personId('person') === me ? kind : current.mine });
  }
  return result;
}

export class SharePointReactions implements ReactionWriter {
  private readonly list: Reactions;

  public constructor(private readonly context: RecognitionContext) {
    this.list = listOf(context.sp, LISTS.reactions);
  }

  public react(recognitionId: ItemId, kind: ReactionKind | undefined): Promise<void> {
    return storeCall('Saving the reaction', async () => {
      const key = reactionKey(recognitionId, (await this.context.currentUser()).id);
      const find = async (): Promise<ListRow<typeof LISTS.reactions> | undefined> =>
        (await this.list.read({ select: ['id'], filter: this.list.eq('reactionKey', key), top: 1 }))[0];
      let existing = await find();
      if (!existing && kind) {
        try {
          await this.list.add(this.list.payload({ title: key, recognitionId, kind, reactionKey: key }));
          return;
        } catch (error) {
          if (!isDuplicateError(error)) {
            throw error;
          }
          existing = await find(); // the same person reacted in another tab meanwhile
        }
      }
      if (existing) {
        const id = existing.number('id') ?? 0;
        await (kind ? this.list.update(id, this.list.payload({ kind })) : this.list.delete(id));
      }
    });
  }
}
