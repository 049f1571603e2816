import type { RetryPolicy } from './graphBatch';
import { GraphCache } from './graphCache';
import type { GraphClientLike, GraphRequestLike } from './graphClient';
import { COURSE_ACTIVITIES_URL, courseOf, GraphVivaLearning, VivaLearningError } from './vivaLearning';

const noWait: RetryPolicy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined, random: () => 0 };

interface InnerRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
}

type Answer = { readonly status: number; readonly body: unknown };

/** Answers the batch with `first` and each next page (a GET of an absolute nextLink) from `pages`, recording what was asked. */
class FakeGraph implements GraphClientLike {
  public readonly batched: InnerRequest[] = [];
  public readonly gets: string[] = [];

  public constructor(
    private readonly first: Answer,
    private readonly pages: Readonly<Record<string, unknown>> = {}
  ) {}

  public api(url: string): GraphRequestLike {
    return {
      get: async () => {
        this.gets.push(url);
        if (!(url in this.pages)) throw Object.assign(new Error('Not found'), { statusCode: 404, code: 'NotFound' });
        return this.pages[url];
      },
      post: async (content: unknown) => {
        const requests = (content as { requests: InnerRequest[] }).requests;
        this.batched.push(...requests);
        return { responses: requests.map((r) => ({ id: r.id, status: this.first.status, headers: {}, body: this.first.body })) };
      }
    };
  }
}

const ASSIGNMENT = {
  '@odata.type': '#microsoft.graph.learningAssignment',
  id: 'a1',
  learningContentId: 'course-1',
  learningProviderId: 'provider-1',
  learnerUserId: 'me',
  externalcourseActivityId: 'ext-1',
  status: 'inProgress',
  completionPercentage: 40,
  completedDateTime: null,
  assignedDateTime: '2026-11-01T08:00:00Z',
  assignerUserId: 'boss',
  assignmentType: 'required',
  dueDateTime: { dateTime: '2026-12-20T00:00:00.0000000', timeZone: 'UTC' },
  notes: { contentType: 'text', content: 'Before your review.' }
};

const SELF = {
  '@odata.type': '#microsoft.graph.learningSelfInitiatedCourse',
  id: 's1',
  learningContentId: 'course-2',
  learnerUserId: 'me',
  status: 'completed',
  completionPercentage: 100,
  completedDateTime: '2026-11-20T10:00:00Z',
  startedDateTime: '2026-11-10T10:00:00Z'
};

const NEXT = 'https://graph.microsoft.com/v1.0/me/employeeExperience/learningCourseActivities?$skiptoken=abc';

describe('GraphVivaLearning', () => {
  it('asks Graph v1.0 for the person’s course activities in the shared $batch, without options that would drop the due date', async () => {
    const graph = new FakeGraph({ status: 200, body: { value: [ASSIGNMENT] } });
    await new GraphVivaLearning(graph, { retry: noWait }).courses();
    expect(graph.batched).toEqual([{ id: '1', method: 'GET', url: '/me/employeeExperience/learningCourseActivities' }]);
    expect(COURSE_ACTIVITIES_URL).toBe('/me/employeeExperience/learningCourseActivities');
  });

  it('maps assignments and self-initiated courses, and follows every page', async () => {
    const graph = new FakeGraph({ status: 200, body: { value: [ASSIGNMENT], '@odata.nextLink': NEXT } }, { [NEXT]: { value: [SELF] } });
    const answer = await new GraphVivaLearning(graph, { retry: noWait }).courses();
    expect(graph.gets).toEqual([NEXT]);
    expect(answer).toEqual({
      available: true,
      courses: [
        { id: 'a1', contentId: 'course-1', assigned: true, status: 'inProgress', percent: 40, dueDay: '2026-12-20' },
        { id: 's1', contentId: 'course-2', assigned: false, status: 'completed', percent: 100, completedAt: '2026-11-20T10:00:00Z' }
      ]
    });
  });

  it.each([403, 401])('answers "not available" when Graph refuses (%i: scopes not approved, no Viva Learning)', async (status) => {
    const graph = new FakeGraph({ status, body: { error: { code: 'Forbidden', message: 'Missing scope' } } });
    await expect(new GraphVivaLearning(graph, { retry: noWait }).courses()).resolves.toEqual({ available: false });
  });

  it('fails with a code for anything else, and asks again next time (a failure is not kept)', async () => {
    const graph = new FakeGraph({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'Busy' } } });
    const reader = new GraphVivaLearning(graph, { retry: noWait });
    const failure = await reader.courses().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VivaLearningError);
    expect((failure as VivaLearningError).code).toBe('throttled');
    const asked = graph.batched.length;
    await reader.courses().catch(() => undefined);
    expect(graph.batched.length).toBeGreaterThan(asked);
  });

  it('fails when a later page cannot be read, rather than showing part of the courses', async () => {
    const graph = new FakeGraph({ status: 200, body: { value: [ASSIGNMENT], '@odata.nextLink': NEXT } });
    await expect(new GraphVivaLearning(graph, { retry: noWait }).courses()).rejects.toMatchObject({ code: 'notFound' });
  });

  it('keeps the answer for the session: a second read asks nothing', async () => {
    const graph = new FakeGraph({ status: 200, body: { value: [SELF] } });
    const cache = new GraphCache('ada');
    await new GraphVivaLearning(graph, { retry: noWait, cache }).courses();
    await new GraphVivaLearning(graph, { retry: noWait, cache }).courses();
    expect(graph.batched).toHaveLength(1);
  });
});

describe('courseOf', () => {
  it('skips rows without an id or a course, and keeps what Graph may add later readable', () => {
    expect(courseOf({ id: 'x' })).toBeUndefined();
    expect(courseOf('nonsense')).toBeUndefined();
    expect(courseOf({ id: 'x', learningContentId: 'c', status: 'paused', completionPercentage: 250 })).toEqual({
      id: 'x',
      contentId: 'c',
      assigned: false,
      status: 'unknown',
      percent: 100
    });
  });

  it('takes the due day in the assignment’s own zone, and no due day from a self-initiated course', () => {
    expect(courseOf({ ...ASSIGNMENT, dueDateTime: { dateTime: '2026-12-31T23:00:00.0000000', timeZone: 'W. Europe Standard Time' } })?.dueDay).toBe('2026-12-31');
    expect(courseOf({ ...SELF, dueDateTime: { dateTime: '2026-12-31T00:00:00', timeZone: 'UTC' } })?.dueDay).toBeUndefined();
  });
});
