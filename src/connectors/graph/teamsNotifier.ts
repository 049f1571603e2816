/**
 * Tells a recognised person through their Teams activity feed: Graph
 * `POST /users/{id}/teamwork/sendActivityNotification` (scope TeamsActivity.Send). Teams only
 * delivers activity notifications for an app that is installed for the recipient and declares
 * the activity type in its manifest (`activities.activityTypes`: `recognitionReceived`), so the
 * product's Teams app package must be deployed with it; see docs/teams-app.md.
 *
 * The topic is plain text (the value's name), and Graph requires the link of a text topic to be
 * a Teams link (teams.microsoft.com). The link opens the recognition wall tab of the product's
 * Teams app, with the recognition as sub-entity and the SharePoint page as the fallback for
 * clients that cannot show the tab.
 */
import type { ItemId } from '../../core/models/common';
import type { RecognitionNotice, RecognitionNotifier } from '../../core/recognition/ports';
import { DEFAULT_RETRY_POLICY, expectOk, type RetryPolicy, sendBatch } from './graphBatch';
import type { GraphClientLike } from './graphClient';

export const RECOGNITION_ACTIVITY_TYPE = 'recognitionReceived';

/** `id` of the product's Teams app in teams/manifest.template.json. */
export const TEAMS_APP_MANIFEST_ID = 'cc2cc126-125c-4603-a471-58c20da2dc81';

/** `entityId` of the app's personal tab that shows the recognition wall. */
export const RECOGNITION_WALL_TAB_ID = 'recognitionWall';

const TEAMS_ENTITY_LINK = 'https://teams.microsoft.com/l/entity';

/** Graph has been seen to refuse notifications with longer links; the fallback page goes first. */
export const MAX_TOPIC_LINK_LENGTH = 1024;

export interface RecognitionLink {
  /** The id Teams knows the app by (see TeamsActivityNotifier's `teamsAppId`). */
  readonly teamsAppId: string;
  readonly recognitionId: ItemId;
  /** Shown by Teams for the link: the value the person was recognised for. */
  readonly label: string;
  /** The SharePoint page with the wall, for clients that cannot show the tab; '' for none. */
  readonly wallUrl: string;
}

/** Teams deep link to the recognition wall tab, focused on one recognition. */
export function recognitionDeepLink(link: RecognitionLink): string {
  const entity = `${TEAMS_ENTITY_LINK}/${encodeURIComponent(link.teamsAppId)}/${encodeURIComponent(RECOGNITION_WALL_TAB_ID)}`;
  const label = `label=${encodeURIComponent(link.label)}`;
  const context = `context=${encodeURIComponent(JSON.stringify({ subEntityId: `recognition-${link.recognitionId}` }))}`;
  const withoutFallback = `${entity}?${label}&${context}`;
  if (!link.wallUrl) {
    return withoutFallback;
  }
  const withFallback = `${entity}?webUrl=${encodeURIComponent(`${link.wallUrl}#recognition-${link.recognitionId}`)}&${label}&${context}`;
  return withFallback.length <= MAX_TOPIC_LINK_LENGTH ? withFallback : withoutFallback;
}

export interface TeamsActivityNotifierOptions {
  /** The SharePoint page with the recognition wall (this page by default). */
  readonly wallUrl?: string;
  /**
   * The id Teams knows the product's app by. An app uploaded as a custom app keeps its
   * manifest id (the default); an app published to the org catalog gets a new one, shown as
   * "App ID" in the Teams admin center.
   */
  readonly teamsAppId?: string;
  readonly retry?: RetryPolicy;
}

export class TeamsActivityNotifier implements RecognitionNotifier {
  private readonly wallUrl: string;
  private readonly teamsAppId: string;
  private readonly retry: RetryPolicy;

  public constructor(
    private readonly graph: GraphClientLike,
    options: TeamsActivityNotifierOptions = {}
  ) {
    const here = typeof location !== 'undefined' ? location.href.split('#')[0] : '';
    this.wallUrl = options.wallUrl ?? here;
    this.teamsAppId = options.teamsAppId ?? TEAMS_APP_MANIFEST_ID;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  public async notify(notice: RecognitionNotice): Promise<void> {
    if (!notice.recipientDirectoryId) {
      return; // no directory id: the wall itself still shows it
    }
    const webUrl = recognitionDeepLink({
      teamsAppId: this.teamsAppId,
      recognitionId: notice.recognitionId,
      label: notice.valueName,
      wallUrl: this.wallUrl
    });
    const [response] = await sendBatch(
      this.graph,
      [
        {
          method: 'POST',
          url: `/users/${encodeURIComponent(notice.recipientDirectoryId)}/teamwork/sendActivityNotification`,
          body: {
            topic: { source: 'text', value: notice.valueName, webUrl },
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
