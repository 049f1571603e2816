/** Giving (SE_Recognitions): one item per recipient, stored once by its unique ClientRequestId. */
import type { ItemId } from '../../../core/models/common';
import type { NewRecognitionItem } from '../../../core/recognition/compose';
import type { RecognitionWriter } from '../../../core/recognition/ports';
import { LISTS } from '../../../core/schema/lists';
import { isDuplicateError, storeCall } from '../httpErrors';
import { type FieldValue, listOf } from '../listClient';
import type { RecognitionContext } from './context';
import type { Recognitions } from './wallItems';

/** A composed item as the list stores it, field by field through the registry. */
function itemFields(list: Recognitions, item: NewRecognitionItem): Record<string, FieldValue> {
  return list.payload(
    {
      title: item.Title,
      kind: item.Kind,
      valueKey: item.ValueKey,
      message: item.Message,
      impact: item.Impact,
      siteCode: item.SiteCode,
      lineCode: item.LineCode,
      shiftCode: item.ShiftCode,
      crewKey: item.CrewKey,
      visibility: item.Visibility,
      status: item.Status,
      batchId: item.BatchId,
      milestoneKind: item.MilestoneKind,
      clientRequestId: item.ClientRequestId
    },
    { recipient: item.RecipientId }
  );
}

export class SharePointRecognitionWriter implements RecognitionWriter {
  private readonly list: Recognitions;

  public constructor(context: RecognitionContext) {
    this.list = listOf(context.sp, LISTS.recognitions);
  }

  public give(items: readonly NewRecognitionItem[]): Promise<ItemId[]> {
    return storeCall('Saving the recognition', async () => {
      const ids: ItemId[] = [];
      for (const item of items) {
        try {
          ids.push(await this.list.add(itemFields(this.list, item)));
        } catch (error) {
          if (!isDuplicateError(error)) {
            throw error;
          }
          // Sent before (the answer was lost): the unique ClientRequestId kept it to one item.
          const [existing] = await this.list.read({ select: ['id'], filter: this.list.eq('clientRequestId', item.ClientRequestId), top: 1 });
          ids.push(existing?.number('id') ?? 0);
        }
      }
      return ids;
    });
  }
}
