/**
 * Tells a recognised person through their Teams activity feed: Graph
 * `POST /users/{id}/teamwork/sendActivityNotification` (scope TeamsActivity.Send). Teams only
 * delivers activity notifications for an app that is installed for the recipient and declares
 * the activity type in its manifest (`activities.activityTypes`: `recognitionReceived`), so the
 * product's Teams app package must be deployed with it; see the README.
 */
import type { RecognitionNotice, RecognitionNotifier } from '../../core/recognition/ports';
import { DEFAULT_RETRY_POLICY, expectOk, type RetryPolicy, sendBatch } from './graphBatch';
import type { GraphClientLike } from './graphClient';

export const RECOGNITION_ACTIVITY_TYPE = 'recognitionReceived';

export class TeamsActivityNotifier implements RecognitionNotifier {
  private readonly wallUrl: string;
  private readonly retry: RetryPolicy;

  public constructor(
    private readonly graph: GraphClientLike,
    options: { wallUrl?: string; retry?: RetryPolicy } = {}
  ) {
    // Where the notification leads: the page with the recognition wall (this page by default).
    const here = typeof location !== 'undefined' ? location.href.split('#')[0] : '';
    this.wallUrl = options.wallUrl ?? here;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  public async notify(notice: RecognitionNotice): Promise<void> {
    if (!notice.recipientDirectoryId) {
      return; // no directory id: the wall itself still shows it
    }
    const [response] = await sendBatch(
      this.graph,
      [
        {
          method: 'POST',
          url: `/users/${encodeURIComponent(notice.recipientDirectoryId)}/teamwork/sendActivityNotification`,
          body: {
            topic: { source: 'text', value: notice.valueName, webUrl: `${this.wallUrl}#recognition-${notice.recognitionId}` },
            activityType: RECOGNITION_ACTIVITY_TYPE,
            previewText: { content: notice.preview },
            templateParameters: [
              { name: 'giver', value: notice.giverName },
              { name: 'value', value: notice.valueName }
            ]
          }
        }
      ],
      this.retry
    );
    expectOk(response, 'Notifying the recognised person');
  }
}
