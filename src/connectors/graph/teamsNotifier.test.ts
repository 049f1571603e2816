import { GraphFailure, type RetryPolicy } from './graphBatch';
import type { GraphClientLike, GraphRequestLike } from './graphClient';
import {
  MAX_TOPIC_LINK_LENGTH,
  RECOGNITION_ACTIVITY_TYPE,
  RECOGNITION_WALL_TAB_ID,
  recognitionDeepLink,
  TEAMS_APP_MANIFEST_ID,
  TeamsActivityNotifier
} from './teamsNotifier';
import type { RecognitionNotice } from '../../core/recognition/ports';

interface SentRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly body: {
    topic: { source: string; value: string; webUrl: string };
    activityType: string;
    previewText: { content: string };
    templateParameters: Array<{ name: string; value: string }>;
  };
}

/** Answers every `$batch` request with one status and records what was sent. */
class RecordingGraph implements GraphClientLike {
  public readonly sent: SentRequest[] = [];
  public constructor(private readonly status: number = 204, private readonly body?: unknown) {}

  public api(path: string): GraphRequestLike {
    return {
      get: async () => {
        throw new Error(`unexpected GET ${path}`);
      },
      post: async (content: unknown) => {
        const requests = (content as { requests: SentRequest[] }).requests;
        this.sent.push(...requests);
        return { responses: requests.map((r) => ({ id: r.id, status: this.status, headers: {}, body: this.body })) };
      }
    };
  }
}

const noRetry: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => undefined, random: () => 0 };
const WALL = 'https://contoso.sharepoint.com/sites/engage/SitePages/Recognition.aspx';

function notice(overrides: Partial<RecognitionNotice> = {}): RecognitionNotice {
  return {
    recognitionId: 42,
    recipient: { id: 7, displayName: 'Åsa Backström' },
    recipientDirectoryId: 'aad-user-1',
    giverName: 'Jonas Ødegaard',
    valueName: 'Safety first',
    preview: 'Stopped the line when the guard was open.',
    ...overrides
  };
}

/** The parts of a Teams entity deep link, decoded. */
function parseDeepLink(link: string): { appId: string; entityId: string; webUrl?: string; label?: string; context: unknown } {
  const url = new URL(link);
  const [, l, entity, appId, entityId] = url.pathname.split('/');
  expect([url.origin, l, entity]).toEqual(['https://teams.microsoft.com', 'l', 'entity']);
  const context = url.searchParams.get('context');
  return {
    appId: decodeURIComponent(appId),
    entityId: decodeURIComponent(entityId),
    webUrl: url.searchParams.get('webUrl') ?? undefined,
    label: url.searchParams.get('label') ?? undefined,
    context: context === null ? undefined : JSON.parse(context)
  };
}

describe('recognitionDeepLink', () => {
  it('links to the wall tab of the Teams app, focused on the recognition, with the page as fallback', () => {
    const link = recognitionDeepLink({ teamsAppId: TEAMS_APP_MANIFEST_ID, recognitionId: 42, label: 'Safety & care', wallUrl: WALL });
    expect(link.startsWith('https://teams.microsoft.com/')).toBe(true);
    expect(parseDeepLink(link)).toEqual({
      appId: TEAMS_APP_MANIFEST_ID,
      entityId: RECOGNITION_WALL_TAB_ID,
      webUrl: `${WALL}#recognition-42`,
      label: 'Safety & care',
      context: { subEntityId: 'recognition-42' }
    });
    // Every parameter is encoded: no raw braces, quotes, spaces or second '?' in the link.
    expect(link).not.toMatch(/[{}" ]/);
    expect(link.split('?')).toHaveLength(2);
  });

  it('leaves the fallback out when there is no page, or when it would make the link too long', () => {
    const none = parseDeepLink(recognitionDeepLink({ teamsAppId: 'x', recognitionId: 1, label: 'Quality', wallUrl: '' }));
    expect(none.webUrl).toBeUndefined();
    expect(none.context).toEqual({ subEntityId: 'recognition-1' });

    const longPage = `${WALL}?${'debug=true&'.repeat(100)}`;
    const link = recognitionDeepLink({ teamsAppId: 'x', recognitionId: 1, label: 'Quality', wallUrl: longPage });
    expect(link.length).toBeLessThanOrEqual(MAX_TOPIC_LINK_LENGTH);
    expect(parseDeepLink(link).webUrl).toBeUndefined();
  });
});

describe('TeamsActivityNotifier', () => {
  it('sends the recognitionReceived activity with a Teams link, the preview and the template parameters', async () => {
    const graph = new RecordingGraph();
    await new TeamsActivityNotifier(graph, { wallUrl: WALL, retry: noRetry }).notify(notice());

    expect(graph.sent).toHaveLength(1);
    const [request] = graph.sent;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/users/aad-user-1/teamwork/sendActivityNotification');
    expect(request.body.activityType).toBe(RECOGNITION_ACTIVITY_TYPE);
    expect(request.body.previewText).toEqual({ content: 'Stopped the line when the guard was open.' });
    expect(request.body.templateParameters).toEqual([
      { name: 'giver', value: 'Jonas Ødegaard' },
      { name: 'value', value: 'Safety first' }
    ]);
    expect(request.body.topic.source).toBe('text');
    expect(request.body.topic.value).toBe('Safety first');
    expect(parseDeepLink(request.body.topic.webUrl)).toEqual({
      appId: TEAMS_APP_MANIFEST_ID,
      entityId: RECOGNITION_WALL_TAB_ID,
      webUrl: `${WALL}#recognition-42`,
      label: 'Safety first',
      context: { subEntityId: 'recognition-42' }
    });
  });

  it('uses the org catalog id of the Teams app when it is given', async () => {
    const graph = new RecordingGraph();
    const catalogId = '0f6b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f';
    await new TeamsActivityNotifier(graph, { wallUrl: WALL, teamsAppId: catalogId, retry: noRetry }).notify(notice());
    expect(parseDeepLink(graph.sent[0].body.topic.webUrl).appId).toBe(catalogId);
  });

  it('sends nothing for a person without a directory id', async () => {
    const graph = new RecordingGraph();
    await new TeamsActivityNotifier(graph, { wallUrl: WALL, retry: noRetry }).notify(notice({ recipientDirectoryId: undefined }));
    expect(graph.sent).toHaveLength(0);
  });

  it("fails with Graph's status and error code when Graph refuses the notification", async () => {
    const graph = new RecordingGraph(403, { error: { code: 'Forbidden', message: 'Refused.' } });
    const sending = new TeamsActivityNotifier(graph, { wallUrl: WALL, retry: noRetry }).notify(notice());
    await expect(sending).rejects.toBeInstanceOf(GraphFailure);
    await expect(sending).rejects.toMatchObject({ status: 403, code: 'Forbidden' });
  });
});
