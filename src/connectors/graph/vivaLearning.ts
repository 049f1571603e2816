/**
 * The signed-in person's Viva Learning courses through Microsoft Graph v1.0:
 * `GET /me/employeeExperience/learningCourseActivities` (delegated LearningAssignedCourse.Read
 * for courses assigned to them, LearningSelfInitiatedCourse.Read for those they started
 * themselves), followed through its `@odata.nextLink` pages.
 *
 * - No `$select`: the due date (`dueDateTime`) and the kind of assignment are properties of the
 *   derived type `learningAssignment`, which a `$select` on the base type's collection would leave
 *   out; the objects are small (a few ids, a status, a percentage, dates).
 * - What an activity carries (v1.0 metadata, `learningCourseActivity`): `learningContentId`,
 *   `learningProviderId`, `status`, `completionPercentage`, `completedDateTime`,
 *   `externalcourseActivityId` (the provider's id of the activity: no address). The course's
 *   title and address (`learningContent.title`, `contentWebUrl`) are only readable with
 *   LearningContent.Read.All, which needs an admin's consent for every course of the tenant: not
 *   requested. The page names a course by the learning step that refers to it (`VivaCourseId`).
 * - A 401 or 403 means the scopes are not approved (SharePoint admin center, API access) or Viva
 *   Learning is not there for the person: the courses are "not available", not a failure.
 *
 * The first request goes through the shared coalescer (one Graph `$batch` with the other reads of
 * the same tick); the answer is kept for the session (GraphCache).
 */
import { collectPages, DEFAULT_RETRY_POLICY, expectOk, failureCode, GraphFailure, type GraphFailureCode, type RetryPolicy } from './graphBatch';
import { GraphCache } from './graphCache';
import type { GraphClientLike } from './graphClient';
import { GraphCoalescer } from './graphCoalescer';

export const COURSE_ACTIVITIES_URL = '/me/employeeExperience/learningCourseActivities';
/** Courses change when the person works on them elsewhere: kept for a few minutes only. */
const COURSES_TTL = 5 * 60_000;
/** Pages read at most (Graph pages them; one person has a handful of courses). */
const MAX_PAGES = 10;

export type VivaCourseStatus = 'notStarted' | 'inProgress' | 'completed';

export interface VivaCourse {
  /** The course activity's id. */
  readonly id: string;
  /** The course (`learningContentId`): what a `viva-course` learning step names in `VivaCourseId`. */
  readonly contentId: string;
  /** Assigned to the person (`learningAssignment`), or started by them (`learningSelfInitiatedCourse`). */
  readonly assigned: boolean;
  /** `unknown` for a status Graph adds later. */
  readonly status: VivaCourseStatus | 'unknown';
  /** 0–100. */
  readonly percent: number;
  /** An assignment's due day (`YYYY-MM-DD`, the day in the assignment's own time zone). */
  readonly dueDay?: string;
  readonly completedAt?: string;
}

/** The person's courses, or that Viva Learning cannot be read for them here. */
export type VivaCourses = { readonly available: true; readonly courses: readonly VivaCourse[] } | { readonly available: false };

/** Reading the courses failed (not a refusal: that is `available: false`). */
export class VivaLearningError extends Error {
  public constructor(
    public readonly code: GraphFailureCode,
    message: string
  ) {
    super(message);
    this.name = 'VivaLearningError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export interface GraphVivaLearningOptions {
  readonly cache?: GraphCache;
  readonly retry?: RetryPolicy;
  /** Shared with the part's other Graph readers, so the first request joins their `$batch`. */
  readonly batcher?: GraphCoalescer;
}

type Row = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const STATUSES: readonly VivaCourseStatus[] = ['notStarted', 'inProgress', 'completed'];

/** `dueDateTime` is a `dateTimeTimeZone` (`{ dateTime: '2026-12-20T00:00:00.0000000', timeZone: 'UTC' }`): its day. */
function dueDayOf(value: unknown): string | undefined {
  const dateTime = isRecord(value) ? text(value.dateTime) : undefined;
  const day = dateTime ? /^(\d{4}-\d{2}-\d{2})/.exec(dateTime)?.[1] : undefined;
  return day;
}

/** One activity as the page shows it; undefined for a row without its course. */
export function courseOf(row: unknown): VivaCourse | undefined {
  if (!isRecord(row)) {
    return undefined;
  }
  const id = text(row.id);
  const contentId = text(row.learningContentId);
  if (!id || !contentId) {
    return undefined;
  }
  const status = STATUSES.find((known) => known === row.status) ?? 'unknown';
  const raw = typeof row.completionPercentage === 'number' && Number.isFinite(row.completionPercentage) ? row.completionPercentage : 0;
  const percent = status === 'completed' ? 100 : Math.min(100, Math.max(0, Math.round(raw)));
  // The derived type says which kind it is; an assignment also has its type and assigned date.
  const type = text(row['@odata.type']) ?? '';
  const assigned = /learningAssignment$/i.test(type) || (type === '' && row.assignmentType !== undefined);
  const dueDay = assigned ? dueDayOf(row.dueDateTime) : undefined;
  const completedAt = text(row.completedDateTime);
  return { id, contentId, assigned, status, percent, ...(dueDay ? { dueDay } : {}), ...(completedAt ? { completedAt } : {}) };
}

export class GraphVivaLearning {
  private readonly cache: GraphCache;
  private readonly retry: RetryPolicy;
  private readonly batcher: GraphCoalescer;

  public constructor(
    private readonly graph: GraphClientLike,
    options: GraphVivaLearningOptions = {}
  ) {
    this.cache = options.cache ?? new GraphCache('anonymous');
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.batcher = options.batcher ?? new GraphCoalescer(graph, this.retry);
  }

  /** The person's course activities, every page; `available: false` when Graph refuses them. */
  public courses(): Promise<VivaCourses> {
    return this.cache.get('viva-learning:courses', COURSES_TTL, async () => {
      try {
        const first = expectOk(await this.batcher.send({ url: COURSE_ACTIVITIES_URL }), 'Reading your Viva Learning courses');
        const rows = await collectPages(this.graph, first, MAX_PAGES, this.retry);
        const courses = rows.map(courseOf).filter((course): course is VivaCourse => course !== undefined);
        return { available: true, courses };
      } catch (error) {
        if (error instanceof GraphFailure) {
          const code = failureCode(error.status);
          if (code === 'accessDenied') {
            // Not approved by the admin, or no Viva Learning for this person: nothing to show, nothing wrong.
            return { available: false };
          }
          throw new VivaLearningError(code, error.message);
        }
        throw new VivaLearningError('unexpected', error instanceof Error ? error.message : String(error));
      }
    });
  }
}
