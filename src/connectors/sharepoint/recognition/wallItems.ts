/**
 * Recognitions as the wall shows them (SE_Recognitions rows with the recipient and giver
 * expanded), shared by the wall and HR's moderation queue.
 */
import type { RecognitionKind, RecognitionStatus, RecognitionVisibility } from '../../../core/models/recognition';
import { isAppLogin } from '../../../core/people/claims';
import type { PersonSummary, WallItem } from '../../../core/recognition/ports';
import type { WallPageRequest } from '../../../core/recognition/wallQuery';
import { LISTS } from '../../../core/schema/lists';
import type { ListClient, ListQuery, ListRow } from '../listClient';

export type Recognitions = ListClient<typeof LISTS.recognitions>;

const WALL_ITEM: Pick<ListQuery<typeof LISTS.recognitions>, 'select' | 'people' | 'logins'> = {
  select: ['id', 'created', 'kind', 'valueKey', 'message', 'impact', 'siteCode', 'lineCode', 'shiftCode', 'crewKey', 'visibility', 'status', 'batchId', 'milestoneKind'],
  people: ['recipient', 'giver', 'author'],
  logins: ['author']
};

/**
 * Whether the relay wrote the post. Only such a post is ever shown: a row a person wrote
 * themselves (through REST, in the window before Engage Setup took members' write access away)
 * says nothing the product can trust, so it counts as hidden.
 */
export function writtenByRelay(row: ListRow<typeof LISTS.recognitions>): boolean {
  return isAppLogin(row.login('author') ?? '');
}

/** Who gave the post: `Giver`, which the relay set from the giver's token; for a row the relay did not write, its Author. */
export function giverOf(row: ListRow<typeof LISTS.recognitions>): PersonSummary {
  return writtenByRelay(row) ? row.person('giver') : row.person('author');
}

export function toWallItem(row: ListRow<typeof LISTS.recognitions>): WallItem {
  return {
    id: row.number('id') ?? 0,
    recipient: row.person('recipient'),
    giver: giverOf(row),
    kind: (row.text('kind') ?? 'peer') as RecognitionKind,
    valueKey: row.text('valueKey') ?? '',
    message: row.text('message') ?? '',
    impact: row.text('impact'),
    siteCode: row.text('siteCode') ?? '',
    lineCode: row.text('lineCode'),
    shiftCode: row.text('shiftCode'),
    crewKey: row.text('crewKey'),
    visibility: (row.text('visibility') ?? 'everyone') as RecognitionVisibility,
    status: writtenByRelay(row) ? ((row.text('status') ?? 'published') as RecognitionStatus) : 'hidden',
    batchId: row.text('batchId'),
    milestoneKind: row.text('milestoneKind'),
    created: row.text('created') ?? ''
  };
}

/** The wall's items matching `request` (a filter that starts on an index), newest first. */
export async function readWallItems(list: Recognitions, request: WallPageRequest): Promise<WallItem[]> {
  return (await list.read({ ...WALL_ITEM, filter: request.filter, orderBy: ['id', 'desc'], top: request.top })).map(toWallItem);
}

/** The newest items without a filter: allowed on any list size (ordered by the ID index). */
export async function readNewestItems(list: Recognitions, top: number): Promise<WallItem[]> {
  return (await list.read({ ...WALL_ITEM, orderBy: ['id', 'desc'], top })).map(toWallItem);
}
