/**
 * Reports and HR's decisions (SE_Reports, one report per person and post by ReportKey). A
 * report written here carries the reporter's own identity and hides the post for them only
 * until HR decides (see `RelayModeration` for hiding it for everyone).
 */
import { type KeyedRow, settleKeyedRows } from '../../../core/keyedRows';
import type { ItemId } from '../../../core/models/common';
import { reportKey } from '../../../core/models/keys';
import { isAppLogin } from '../../../core/people/claims';
import type { ReportOutcome } from '../../../core/recognition/moderation';
import type { ModerationItem, ModerationStore, PersonSummary, WallItem } from '../../../core/recognition/ports';
import { LISTS } from '../../../core/schema/lists';
import { httpStatusOf, storeCall } from '../httpErrors';
import { type ListClient, type ListRow, listOf } from '../listClient';
import { settledBatch } from '../requestPolicy';
import type { RecognitionContext } from './context';
import { readWallItems, type Recognitions } from './wallItems';

type Reports = ListClient<typeof LISTS.reports>;

/** How many posts one `$batch` of the queue asks for by ID. */
const POSTS_PER_BATCH = 50;

/**
 * Who reported: the `Reporter` the relay recorded when the relay wrote the report; otherwise
 * the report's Author (a person writing a report themselves cannot be taken at their word
 * about who the reporter is).
 */
function reporterOf(row: ListRow<typeof LISTS.reports>): PersonSummary {
  return isAppLogin(row.login('author') ?? '') ? row.person('reporter') : row.person('author');
}

/**
 * Queues the read of the posts the signed-in person reported that HR has not decided on
 * (hidden for them meanwhile; members read only their own reports).
 */
export async function readReportedByMe(list: Reports): Promise<Set<number>> {
  const rows = await list.read({ select: ['recognitionId'], filter: list.eq('status', 'open'), top: 5000 });
  return new Set(rows.map((row) => row.number('recognitionId') ?? 0));
}

/**
 * The queue's reports, one per reporter and post (the oldest): without a unique column a retry
 * may have left a second one for a moment.
 */
function oneReportPerPerson(rows: ReadonlyArray<ListRow<typeof LISTS.reports>>): Array<ListRow<typeof LISTS.reports>> {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.number('recognitionId') ?? 0}:${reporterOf(row).id}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

export class SharePointModeration implements ModerationStore {
  private readonly reports: Reports;
  private readonly recognitions: Recognitions;

  public constructor(private readonly context: RecognitionContext) {
    this.reports = listOf(context.sp, LISTS.reports);
    this.recognitions = listOf(context.sp, LISTS.recognitions);
  }

  public report(recognitionId: ItemId, reason: string): Promise<ReportOutcome> {
    return storeCall<ReportOutcome>('Reporting the post', async () => {
      const me = (await this.context.currentUser()).id;
      const key = reportKey(recognitionId, me);
      // One report per person and post, kept by key: SharePoint refuses a unique column in a list
      // read as own items only. Only this person's own items are settled here: a row someone
      // else wrote under the key is theirs (the queue names them as its reporter).
      const readKey = async (): Promise<KeyedRow[]> =>
        (await this.reports.read({ select: ['id'], ids: ['author'], filter: this.reports.eq('reportKey', key), orderBy: ['id', 'asc'], top: 100 }))
          .filter((row) => row.personId('author') === me)
          .map((row) => ({ id: row.number('id') ?? 0, trusted: true }));
      const settle = async (rows: readonly KeyedRow[]): Promise<number | undefined> => {
        const plan = settleKeyedRows(rows);
        for (const id of plan.drop) {
          await this.deleteIfThere(id);
        }
        return plan.keep;
      };
      if ((await settle(await readKey())) === undefined) {
        await this.reports.add(this.reports.payload({ title: key, recognitionId, reason, status: 'open', reportKey: key }, { reporter: me }));
        // A retry after a lost answer may have added one too: the oldest stays.
        await settle(await readKey());
      }
      return 'hiddenForReporter';
    });
  }

  /** Deletes a report; one deleted meanwhile is fine. */
  private async deleteIfThere(id: number): Promise<void> {
    try {
      await this.reports.delete(id);
    } catch (error) {
      if (httpStatusOf(error) !== 404) {
        throw error;
      }
    }
  }

  public openReports(): Promise<ModerationItem[]> {
    return storeCall('Reading the moderation queue', async () => {
      const rows = await this.reports.read({
        select: ['id', 'recognitionId', 'reason', 'status', 'created'],
        people: ['reporter', 'author'],
        logins: ['author'],
        filter: this.reports.eq('status', 'open'),
        orderBy: ['id', 'asc'],
        top: 500
      });
      const reports = oneReportPerPerson(rows);
      const ids = Array.from(new Set(reports.map((r) => r.number('recognitionId') ?? 0)));
      const posts = new Map<number, WallItem>();
      const id = this.recognitions.field('id');
      // One `ID eq n` query per post, a batch at a time: SharePoint refuses `or` on a list over
      // the view threshold, and a post may be gone (an empty answer, not an error).
      for (let i = 0; i < ids.length; i += POSTS_PER_BATCH) {
        const [batched, execute] = settledBatch(this.context.sp);
        const inBatch = this.recognitions.on(batched);
        const reads = Promise.all(ids.slice(i, i + POSTS_PER_BATCH).map((postId) => readWallItems(inBatch, { filter: `${id} eq ${postId}`, top: 1, orderBy: 'ID desc' })));
        // Read after the batch ran; until then a failure must not go unhandled.
        reads.catch(() => undefined);
        await execute();
        (await reads).flat().forEach((post) => posts.set(post.id, post));
      }
      return reports
        .map((r): ModerationItem | undefined => {
          const post = posts.get(r.number('recognitionId') ?? 0);
          return post
            ? { reportId: r.number('id') ?? 0, recognition: post, reason: r.text('reason') ?? '', reporter: reporterOf(r), status: 'open', created: r.text('created') ?? '' }
            : undefined;
        })
        .filter((m): m is ModerationItem => m !== undefined);
    });
  }

  /**
   * HR decides on a reported post, and with it on every open report of that post: `upheld`
   * removes the post, `dismissed` puts a post the relay hid (`reported`) back on the wall.
   */
  public decide(reportId: ItemId, decision: 'upheld' | 'dismissed', note: string): Promise<void> {
    return storeCall('Saving the decision', async () => {
      const me = (await this.context.currentUser()).id;
      const report = await this.reports.readItem(reportId, ['recognitionId']);
      const recognitionId = report.number('recognitionId') ?? 0;
      const [open, post] = await Promise.all([
        this.reports.read({ select: ['id'], filter: `${this.reports.eq('recognitionId', recognitionId)} and ${this.reports.eq('status', 'open')}`, top: 500 }),
        this.recognitions.readItem(recognitionId, ['status'])
      ]);
      const ids = new Set(open.map((r) => r.number('id') ?? 0).concat([reportId]));
      const status = post.text('status');
      const next = decision === 'upheld' ? 'removed' : status === 'reported' ? 'published' : undefined;
      // The post first: if that fails, the reports stay open in the queue and HR can try again.
      if (next && next !== status) {
        await this.recognitions.update(recognitionId, this.recognitions.payload({ status: next }));
      }
      const decided = this.reports.payload({ status: decision, decidedAt: new Date().toISOString(), decisionNote: note }, { decidedBy: me });
      const [batched, execute] = settledBatch(this.context.sp);
      const inBatch = this.reports.on(batched);
      const writes = Array.from(ids).map((id) => inBatch.update(id, decided));
      await execute();
      await Promise.all(writes);
    });
  }
}
