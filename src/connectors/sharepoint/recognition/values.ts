/** HR's values (SE_Values): read by everyone, written by HR (people with Override List Behaviors: `rights()`). */
import type { ItemId } from '../../../core/models/common';
import type { RecognitionValue, ValueTranslation } from '../../../core/models/values';
import type { AdminRights, ValueDraft, ValueStore } from '../../../core/recognition/ports';
import { LISTS } from '../../../core/schema/lists';
import { storeCall } from '../httpErrors';
import { type ListClient, listOf } from '../listClient';
import { readAdminRights } from './adminRights';
import type { RecognitionContext } from './context';

type Values = ListClient<typeof LISTS.values>;

function parseTranslations(value: string | undefined): Record<string, ValueTranslation | undefined> {
  if (value === undefined) {
    return {};
  }
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, ValueTranslation | undefined>) : {};
  } catch {
    return {};
  }
}

/** Queues the read of every value, in their order, on the list's root (plain or batched). */
export async function readValues(list: Values): Promise<RecognitionValue[]> {
  const rows = await list.read({
    select: ['id', 'valueKey', 'title', 'description', 'iconName', 'color', 'sortOrder', 'translations', 'isActive'],
    orderBy: ['sortOrder', 'asc'],
    top: 500
  });
  return rows.map((row) => ({
    id: row.number('id') ?? 0,
    valueKey: row.text('valueKey') ?? '',
    title: row.text('title') ?? '',
    description: row.text('description'),
    iconName: row.text('iconName'),
    color: row.text('color'),
    sortOrder: row.number('sortOrder') ?? 0,
    translations: parseTranslations(row.text('translations')),
    isActive: row.flag('isActive')
  }));
}

export class SharePointValues implements ValueStore {
  private readonly list: Values;

  public constructor(private readonly context: RecognitionContext) {
    this.list = listOf(context.sp, LISTS.values);
  }

  public values(): Promise<RecognitionValue[]> {
    return storeCall('Reading the values', () => readValues(this.list.on(this.context.reads())));
  }

  /** Whether the signed-in person may change values and decide on reports: on this turn's `$batch`. */
  public rights(): Promise<AdminRights> {
    return storeCall('Reading your permissions', () => readAdminRights(this.context.reads()));
  }

  public save(value: ValueDraft, id?: ItemId): Promise<ItemId> {
    return storeCall('Saving the value', async () => {
      const fields = this.list.payload({
        valueKey: value.valueKey,
        title: value.title,
        description: value.description ?? '',
        iconName: value.iconName ?? '',
        color: value.color ?? '',
        sortOrder: value.sortOrder,
        translations: JSON.stringify(value.translations),
        isActive: value.isActive
      });
      if (id !== undefined) {
        await this.list.update(id, fields);
        return id;
      }
      return this.list.add(fields);
    });
  }
}
