/**
 * The wall over SE_Recognitions: newest first and under the list view threshold on a million
 * items. Its first render is one `$batch`: whether setup has run (until then every member can
 * write every post, and the wall shows none: `notSetUp`), the values, the first page, the posts I reported,
 * who keeps recognitions of themselves off the public wall, my own choice and the plant map.
 * Preferences count only when their Author is the person they name (`trustedRows.ts`), so no
 * member can take a colleague's recognitions off the public wall.
 * SharePoint answers every part of a `$batch` after a failed one with 500 (not run): the parts
 * that may fail while the wall still works come last (the first page, which the list view
 * threshold may refuse, then the plant map), and a plant map refused that way is read again.
 */
import type { SPFI } from '@pnp/sp';

import type { ItemId } from '../../../core/models/common';
import { type ReactionSummary, RecognitionStoreError, type WallItem, type WallPage, type WallReader, type WallStart } from '../../../core/recognition/ports';
import { indexedPage, nextWindowUpper, type WallFilters, windowPage } from '../../../core/recognition/wallQuery';
import { LISTS } from '../../../core/schema/lists';
import { ruleFor } from '../../../core/setup/listSecurity';
import { isThresholdError, storeCall } from '../httpErrors';
import { listOf } from '../listClient';
import { settledBatch } from '../requestPolicy';
import type { RecognitionContext } from './context';
import { readReportedByMe } from './moderation';
import { readOptedOut, readPreference, type StoredPreference } from './preferences';
import { readReactions } from './reactions';
import { readValues } from './values';
import { readNewestItems, readWallItems, type Recognitions, writtenByRelay } from './wallItems';

/** How many ID windows one page may walk before it returns what it has (with a cursor). */
const MAX_WINDOWS_PER_PAGE = 20;

interface Cursor {
  readonly mode: 'indexed' | 'window';
  /** Indexed mode: the last ID shown. Window mode: the upper end of the next window. */
  readonly id: number;
}

function encodeCursor(cursor: Cursor): string {
  return `${cursor.mode}:${cursor.id}`;
}

function decodeCursor(text: string | undefined): Cursor | undefined {
  const match = /^(indexed|window):(\d+)$/.exec(text ?? '');
  return match ? { mode: match[1] as Cursor['mode'], id: Number(match[2]) } : undefined;
}

export class SharePointWallReader implements WallReader {
  private readonly recognitions: Recognitions;

  public constructor(private readonly context: RecognitionContext) {
    this.recognitions = listOf(context.sp, LISTS.recognitions);
  }

  /**
   * Everything the wall shows first, in one `$batch`: the values, the first page (with the
   * posts I reported), who keeps recognitions of themselves off the public wall, my own
   * choice and the plant map (sites, lines, shifts). Reactions need the page's IDs and come in a second request.
   */
  public start(filters: WallFilters, top: number): Promise<WallStart> {
    return storeCall('Reading the wall', async () => {
      const [batched, execute] = settledBatch(this.context.sp);
      // First: whether setup has run (a failed part fails every later one, and nothing else matters then).
      const access = batched.web.lists.getByTitle(LISTS.recognitions.title).select('WriteSecurity')<{ WriteSecurity?: unknown }>();
      const values = readValues(listOf(batched, LISTS.values));
      const preferences = listOf(batched, LISTS.preferences);
      const optedOut = readOptedOut(preferences);
      const userId = this.context.user?.siteUserId;
      const mine = userId !== undefined ? readPreference(preferences, userId) : undefined;
      const finish = this.pageIn(batched, filters, top);
      // Last: SharePoint refuses every part after a failed one, and these are the parts that
      // may fail while the wall still works (the first page over the view threshold, before it).
      // Without a plant map the wall still works: filters then offer what the posts name.
      const plant = this.context.plantMap(batched);
      // When the batch itself fails, each read rejects too: the error is the batch's, not theirs.
      [access, values, optedOut, mine].forEach((read) => read?.catch(() => undefined));
      await execute();
      if ((await access).WriteSecurity !== ruleFor(LISTS.recognitions.title).write) {
        // Until Engage Setup has run every member can write every post: nothing on the wall could be trusted.
        plant.catch(() => undefined);
        throw new RecognitionStoreError('notSetUp', 'Reading the wall: Engage Setup has not secured the recognitions list yet.');
      }
      const [page, valueList, hidden, preference] = await Promise.all([finish(), values, optedOut, mine ?? this.myPreference()]);
      await plant;
      // A plant map read that failed (refused after the first page failed, or none kept) is
      // read again on its own; one that succeeded is kept and costs no request.
      const plantMap = await this.context.plantMap();
      return { values: valueList, page, hiddenFromPublicWall: hidden, hideMe: preference?.hideFromPublicWall === true, plant: plantMap };
    });
  }

  /** The signed-in person's preference when the page did not say who they are. */
  private async myPreference(): Promise<StoredPreference | undefined> {
    const { id } = await this.context.currentUser();
    return readPreference(listOf(this.context.reads(), LISTS.preferences), id);
  }

  /**
   * Newest first, under the threshold at any size. The first page is one `$batch`: the page and
   * the posts I reported. Without a selective filter the page is the newest items (published
   * kept); with one, the filter goes first; when SharePoint still refuses (the filter matches
   * more than 5,000 items), windows of 5,000 IDs are walked back.
   */
  public page(filters: WallFilters, top: number, cursorText?: string): Promise<WallPage> {
    return storeCall('Reading the wall', async () => {
      const [batched, execute] = settledBatch(this.context.sp);
      const finish = this.pageIn(batched, filters, top, cursorText);
      await execute();
      return finish();
    });
  }

  /**
   * Puts the requests of one page into `batched` and returns what turns their answers into
   * the page once the batch has run (walking ID windows when the filter alone is refused).
   */
  private pageIn(batched: SPFI, filters: WallFilters, top: number, cursorText?: string): () => Promise<WallPage> {
    const cursor = decodeCursor(cursorText);
    const selective = Object.values(filters).some((v) => v !== undefined && v !== '');
    const inBatch = this.recognitions.on(batched);
    const hiddenRequest = readReportedByMe(listOf(batched, LISTS.reports));
    let firstRequest: Promise<WallItem[]> | undefined;
    if (!cursor && !selective) {
      firstRequest = readNewestItems(inBatch, top * 2 + 1);
    } else if (!cursor || cursor.mode === 'indexed') {
      firstRequest = readWallItems(inBatch, indexedPage(filters, top + 1, cursor?.id));
    }
    const settled = firstRequest?.then(
      (all) => ({ all }),
      (error: unknown) => ({ error })
    );
    // Answers are read after the batch ran; until then a failure must not go unhandled.
    hiddenRequest.catch(() => undefined);
    return async () => {
      const reported = await hiddenRequest;
      const visible = (items: WallItem[]): WallItem[] => items.filter((i) => i.status === 'published' && !reported.has(i.id));
      const outcome = settled ? await settled : undefined;
      if (outcome && 'all' in outcome) {
        const all = outcome.all;
        const published = all.filter((i) => i.status === 'published');
        const shown = published.slice(0, top);
        const last = shown[shown.length - 1] ?? all[all.length - 1];
        const more = selective ? published.length > top : all.length === top * 2 + 1 || published.length > top;
        return {
          items: visible(shown),
          cursor: more && last ? encodeCursor(selective ? { mode: 'indexed', id: last.id } : { mode: 'window', id: last.id - 1 }) : undefined
        };
      }
      if (outcome && 'error' in outcome && !isThresholdError(outcome.error)) {
        throw outcome.error;
      }
      // Too many items for the filter alone: walk windows of IDs, newest first.
      let upper: number | undefined = cursor?.mode === 'window' ? cursor.id : await this.newestId();
      const collected: WallItem[] = [];
      for (let windows = 0; upper !== undefined && upper > 0 && windows < MAX_WINDOWS_PER_PAGE && collected.length < top; windows += 1) {
        const need = top - collected.length;
        // One more than needed tells whether this window holds more below the last one shown.
        const items = await readWallItems(this.recognitions, windowPage(filters, upper, need + 1));
        collected.push(...items.slice(0, need));
        upper = items.length > need ? items[need - 1].id - 1 : nextWindowUpper(upper);
      }
      return {
        items: visible(collected),
        cursor: upper !== undefined && upper > 0 ? encodeCursor({ mode: 'window', id: upper }) : undefined
      };
    };
  }

  private async newestId(): Promise<number> {
    const [newest] = await this.recognitions.read({ select: ['id'], orderBy: ['id', 'desc'], top: 1 });
    return newest?.number('id') ?? 0;
  }

  public reactions(recognitionIds: readonly ItemId[]): Promise<Map<ItemId, ReactionSummary>> {
    return storeCall('Reading reactions', () => readReactions(this.context, recognitionIds));
  }

  public hiddenFromPublicWall(personIds: readonly number[]): Promise<Set<number>> {
    return storeCall('Reading wall preferences', async () => {
      const wanted = new Set(personIds);
      const optedOut = await readOptedOut(listOf(this.context.reads(), LISTS.preferences));
      return new Set(Array.from(optedOut).filter((id) => wanted.has(id)));
    });
  }

  public lastRecognised(personIds: readonly number[]): Promise<Map<number, string>> {
    return storeCall('Reading when people were last recognised', async () => {
      const [batched, execute] = settledBatch(this.context.sp);
      const inBatch = this.recognitions.on(batched);
      const reads = personIds.map((id) =>
        inBatch
          .read({
            select: ['created'],
            people: ['author'],
            logins: ['author'],
            filter: `${inBatch.idField('recipient')} eq ${id} and ${inBatch.eq('status', 'published')}`,
            orderBy: ['id', 'desc'],
            top: 5
          })
          // Posts the relay wrote only (see `writtenByRelay`).
          .then((rows) => [id, rows.find(writtenByRelay)?.text('created')] as const)
      );
      await execute();
      const result = new Map<number, string>();
      for (const [id, created] of await Promise.all(reads)) {
        if (created) {
          result.set(id, created);
        }
      }
      return result;
    });
  }
}
