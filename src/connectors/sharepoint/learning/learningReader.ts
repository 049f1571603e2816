/**
 * What "My learning" reads of SharePoint for the signed-in person, in one `$batch`: whether
 * Engage Setup has secured the learning lists, the person's assignments and progress rows, and
 * the paths and steps (docs/learning.md). A quiz's questions are read when the person opens it.
 *
 * **Which rows count** (docs/learning.md, "Which rows count"). Members write none of
 * SE_Assignments and SE_Progress once setup has run; the relay writes them for the person. So a
 * row counts only when its last writer (`Editor`) is an app-only principal: the relay (the wall
 * tells the relay's rows the same way, `isAppLogin`). Before setup every member could write
 * every row, so nothing is read then: the part says setup has not run (`notSetUp`), as the relay
 * refuses every learning write then.
 * The page cannot ask SharePoint whether another person holds Override List Behaviors (that
 * needs Enumerate Permissions, which members lack), so a row HR or a site owner changed by hand
 * counts for the relay (`relay/src/pulse/trustedConfig.ts`) but not on this page: the person's
 * plan then shows the row as it was before HR's change would have, never a member's forgery.
 *
 * Paths and steps are HR's lists (members read them, write none): read whole, they are small.
 * The `Quiz` column (questions and choices) stays out of the first read; the sealed `QuizKey` and
 * `QuizResult` are never read on the page.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { parseGrants } from '../../../core/learning/levels';
import type { PlanAssignment, PlanPath, PlanProgress, PlanStep } from '../../../core/learning/nextStep';
import { parseQuiz } from '../../../core/learning/quiz';
import { type HeldSkill, heldSkillOf, type SignOffAskedRow } from '../../../core/learning/signOffQueue';
import type { ItemId, Translations } from '../../../core/models/common';
import { type LearningPathTranslation, PROGRESS_STATUSES, type ProgressStatus, type Quiz, type SkillGrant, STEP_KINDS, type StepKind, type StepTranslation } from '../../../core/models/learning';
import { isAppLogin } from '../../../core/people/claims';
import { RecognitionStoreError } from '../../../core/recognition/ports';
import { LISTS } from '../../../core/schema/lists';
import { ruleFor } from '../../../core/setup/listSecurity';
import { isThresholdError, storeCall } from '../httpErrors';
import { settledBatch } from '../requestPolicy';

const PATHS = LISTS.learningPaths;
const STEPS = LISTS.learningSteps;
const ASSIGNMENTS = LISTS.assignments;
const PROGRESS = LISTS.progress;
const SKILLS = LISTS.skills;

/** Rows read at most per list: far above one person's assignments and progress, and HR's paths and steps. */
export const MAX_ROWS = 5000;

export interface LearnerPath extends PlanPath {
  readonly title: string;
  readonly translations: Translations<LearningPathTranslation>;
  /** Levels the path grants: the stations a sign-off may name. */
  readonly grants: readonly SkillGrant[];
  /** Site user ids of the path's named trainers. */
  readonly trainerIds: readonly number[];
  /** Use it or lose it, for the levels the path granted (0: never). */
  readonly lapseDays: number;
}

export interface LearnerStep extends PlanStep {
  readonly title: string;
  readonly translations: Translations<StepTranslation>;
  /** Read and watch steps: the page or video inside the tenant. */
  readonly contentUrl?: string;
  /** Viva Learning course steps. */
  readonly vivaCourseId?: string;
}

export interface LearnerProgress extends PlanProgress {
  readonly pathId: ItemId;
  readonly completedAt?: string;
}

/** The person's learning as the page reads it: what `learningPlan` needs, with the words to show. */
export interface MyLearningRead {
  /** The person's site user id. */
  readonly personId: number;
  readonly paths: readonly LearnerPath[];
  readonly steps: readonly LearnerStep[];
  readonly assignments: readonly PlanAssignment[];
  readonly progress: readonly LearnerProgress[];
  /** The person's own levels (the relay's rows): whom they may sign off. */
  readonly skills: readonly HeldSkill[];
}

/** A colleague's practice waiting for a trainer. */
export type SignOffRequestRow = SignOffAskedRow;

export interface LearningReaderOptions {
  /** PnPjs rooted at the engagement site, as the signed-in person. */
  readonly sp: SPFI;
  /** The person's site user id when the page knows it; otherwise it is asked first (one more request). */
  readonly siteUserId?: number;
}

type Row = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** A JSON column's value; undefined when empty or not JSON (nothing a member typed breaks the read). */
function jsonOf(value: unknown): unknown {
  try {
    return typeof value === 'string' && value.trim() !== '' ? (JSON.parse(value) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** `RequiresPathIds`: the item ids in it. */
function idList(value: unknown): ItemId[] {
  const data = jsonOf(value);
  return Array.isArray(data) ? data.filter((id): id is number => Number.isSafeInteger(id) && id >= 1) : [];
}

/** The `Translations` column (texts per language tag, kept lower case); none when it is not JSON of objects. */
function translationsOf<T>(value: unknown): Translations<T> {
  const data = jsonOf(value);
  const out: { [tag: string]: T } = {};
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    Object.keys(data).forEach((tag) => {
      const entry = (data as Row)[tag];
      if (typeof entry === 'object' && entry !== null) {
        out[tag.toLowerCase()] = entry as T;
      }
    });
  }
  return out;
}

/** Whether the row's last writer is an app-only principal: the relay. */
export function writtenByRelay(row: Row): boolean {
  const editor = row.Editor as { Name?: unknown } | undefined;
  return isAppLogin(typeof editor?.Name === 'string' ? editor.Name : '');
}

function pathOf(row: Row): LearnerPath {
  const title = text(row[PATHS.fields.title]) ?? '';
  return {
    id: num(row.ID, 0),
    title,
    translations: translationsOf<LearningPathTranslation>(row[PATHS.fields.translations]),
    isActive: row[PATHS.fields.isActive] === true,
    requiresPathIds: idList(row[PATHS.fields.requiresPathIds]),
    grants: parseGrants(row[PATHS.fields.grants]).grants,
    trainerIds: idList(row[PATHS.fields.trainerIds]),
    lapseDays: num(row[PATHS.fields.lapseDays], 0)
  };
}

function requestOf(row: Row): SignOffRequestRow | undefined {
  const progress = progressOf(row);
  const learner = (typeof row.Learner === 'object' && row.Learner !== null ? row.Learner : {}) as Row;
  const learnerId = num(learner.Id, 0);
  const learnerLogin = text(learner.Name);
  if (!progress || learnerId < 1 || !learnerLogin) {
    return undefined;
  }
  return { ...progress, learnerId, learnerLogin, learnerName: text(learner.Title) ?? learnerLogin.split('|').pop() ?? learnerLogin };
}

function stepOf(row: Row): LearnerStep | undefined {
  const kind = row[STEPS.fields.kind];
  if (typeof kind !== 'string' || (STEP_KINDS as readonly string[]).indexOf(kind) < 0) {
    return undefined;
  }
  const contentUrl = text(row[STEPS.fields.contentUrl]);
  const vivaCourseId = text(row[STEPS.fields.vivaCourseId]);
  return {
    id: num(row.ID, 0),
    pathId: num(row[STEPS.fields.pathId], 0),
    title: text(row[STEPS.fields.title]) ?? '',
    translations: translationsOf<StepTranslation>(row[STEPS.fields.translations]),
    sortOrder: num(row[STEPS.fields.sortOrder], 0),
    kind: kind as StepKind,
    estimatedMinutes: num(row[STEPS.fields.estimatedMinutes], 1),
    requiresSignOff: row[STEPS.fields.requiresSignOff] === true,
    ...(contentUrl ? { contentUrl } : {}),
    ...(vivaCourseId ? { vivaCourseId } : {})
  };
}

function assignmentOf(row: Row): PlanAssignment {
  const dueDate = text(row[ASSIGNMENTS.fields.dueDate]);
  return { pathId: num(row[ASSIGNMENTS.fields.pathId], 0), created: text(row.Created) ?? '', ...(dueDate ? { dueDate } : {}) };
}

function progressOf(row: Row): LearnerProgress | undefined {
  const status = row[PROGRESS.fields.status];
  if (typeof status !== 'string' || (PROGRESS_STATUSES as readonly string[]).indexOf(status) < 0) {
    return undefined;
  }
  const completedAt = text(row[PROGRESS.fields.completedAt]);
  return {
    stepId: num(row[PROGRESS.fields.stepId], 0),
    pathId: num(row[PROGRESS.fields.pathId], 0),
    status: status as ProgressStatus,
    ...(completedAt ? { completedAt } : {})
  };
}

const EDITOR = ['Editor/Name'];
/** Id windows read in one `$batch` (SharePoint takes at most 100 parts in one). */
const WINDOWS_PER_BATCH = 100;

/** A person's progress rows matching `filter`, with what the page shows of them. */
function progressQuery(lists: SPFI['web']['lists'], filter: string): Promise<Row[]> {
  return lists
    .getByTitle(PROGRESS.title)
    .items.select('ID', PROGRESS.fields.stepId, PROGRESS.fields.pathId, PROGRESS.fields.status, PROGRESS.fields.completedAt, ...EDITOR)
    .expand('Editor')
    .filter(filter)
    .top(MAX_ROWS)<Row[]>();
}

export class SharePointLearningReader {
  public constructor(private readonly options: LearningReaderOptions) {}

  /** The person's site user id: the page's, or asked of SharePoint. */
  private async personId(): Promise<number> {
    if (this.options.siteUserId !== undefined) {
      return this.options.siteUserId;
    }
    const me = await this.options.sp.web.currentUser.select('Id')<{ Id?: unknown }>();
    return num(me.Id, 0);
  }

  /**
   * The person's progress when it alone is over the list view threshold (a long history): the list's
   * highest id, then its ids in windows of 5,000 (`ID gt a and ID le b`, SharePoint's own index
   * narrowing each below the threshold) with the person's rows of each, 100 windows a `$batch`.
   */
  private async progressInWindows(me: number): Promise<Row[]> {
    const [last] = await this.options.sp.web.lists.getByTitle(PROGRESS.title).items.select('ID').orderBy('ID', false).top(1)<Row[]>();
    const highest = num(last?.ID, 0);
    const starts: number[] = [];
    for (let from = 0; from < highest; from += MAX_ROWS) {
      starts.push(from);
    }
    const rows: Row[] = [];
    for (let i = 0; i < starts.length; i += WINDOWS_PER_BATCH) {
      const [batched, execute] = settledBatch(this.options.sp);
      const windows = starts
        .slice(i, i + WINDOWS_PER_BATCH)
        .map((from) => progressQuery(batched.web.lists, `ID gt ${from} and ID le ${from + MAX_ROWS} and ${PROGRESS.fields.learner}Id eq ${me}`));
      windows.forEach((window) => window.catch(() => undefined));
      await execute();
      (await Promise.all(windows)).forEach((page) => rows.push(...page));
    }
    return rows;
  }

  /** Everything the part shows first, in one `$batch` (when the page knows the person's id). */
  public read(): Promise<MyLearningRead> {
    return storeCall('Reading your learning', async () => {
      const me = await this.personId();
      const [batched, execute] = settledBatch(this.options.sp);
      const lists = batched.web.lists;
      const security = (title: string): Promise<{ WriteSecurity?: unknown }> => lists.getByTitle(title).select('WriteSecurity')<{ WriteSecurity?: unknown }>();
      const progressSecurity = security(PROGRESS.title);
      const assignmentSecurity = security(ASSIGNMENTS.title);
      const assignments = lists
        .getByTitle(ASSIGNMENTS.title)
        .items.select('ID', 'Created', ASSIGNMENTS.fields.pathId, ASSIGNMENTS.fields.dueDate, ...EDITOR)
        .expand('Editor')
        .filter(`${ASSIGNMENTS.fields.learner}Id eq ${me}`)
        .top(MAX_ROWS)<Row[]>();
      const paths = lists
        .getByTitle(PATHS.title)
        .items.select(
          'ID',
          PATHS.fields.title,
          PATHS.fields.translations,
          PATHS.fields.isActive,
          PATHS.fields.requiresPathIds,
          PATHS.fields.grants,
          PATHS.fields.trainerIds,
          PATHS.fields.lapseDays
        )
        .top(MAX_ROWS)<Row[]>();
      const steps = lists
        .getByTitle(STEPS.title)
        .items.select(
          'ID',
          STEPS.fields.title,
          STEPS.fields.pathId,
          STEPS.fields.sortOrder,
          STEPS.fields.kind,
          STEPS.fields.translations,
          STEPS.fields.contentUrl,
          STEPS.fields.vivaCourseId,
          STEPS.fields.requiresSignOff,
          STEPS.fields.estimatedMinutes
        )
        .top(MAX_ROWS)<Row[]>();
      // The person's levels: whom they may sign off (the trainer's part of the page).
      const skills = lists
        .getByTitle(SKILLS.title)
        .items.select('ID', SKILLS.fields.station, SKILLS.fields.level, SKILLS.fields.expiresAt, SKILLS.fields.lastPractisedAt, SKILLS.fields.assessedAt, SKILLS.fields.pathId, ...EDITOR)
        .expand('Editor')
        .filter(`${SKILLS.fields.person}Id eq ${me}`)
        .top(MAX_ROWS)<Row[]>();
      // Last in the batch: a history past the view threshold fails this part alone (SharePoint fails
      // every part after a failed one), and is then read in windows of the list's ids.
      const progress = progressQuery(lists, `${PROGRESS.fields.learner}Id eq ${me}`);
      const reads: Array<Promise<unknown>> = [progressSecurity, assignmentSecurity, assignments, paths, steps, skills, progress];
      // When the batch itself fails, each read rejects too: the error is the batch's, not theirs.
      reads.forEach((read) => read.catch(() => undefined));
      await execute();
      const setUp = [await progressSecurity, await assignmentSecurity].every(
        (list, i) => list.WriteSecurity === ruleFor(i === 0 ? PROGRESS.title : ASSIGNMENTS.title).write
      );
      if (!setUp) {
        throw new RecognitionStoreError('notSetUp', 'Reading your learning: Engage Setup has not secured the learning lists yet.');
      }
      return {
        personId: me,
        paths: (await paths).map(pathOf),
        steps: (await steps).map(stepOf).filter((step): step is LearnerStep => step !== undefined),
        assignments: (await assignments).filter(writtenByRelay).map(assignmentOf),
        progress: (await progress.catch((error: unknown) => (isThresholdError(error) ? this.progressInWindows(me) : Promise.reject(error))))
          .filter(writtenByRelay)
          .map(progressOf)
          .filter((row): row is LearnerProgress => row !== undefined),
        skills: (await skills)
          .filter(writtenByRelay)
          .map(heldSkillOf)
          .filter((skill): skill is HeldSkill => skill !== undefined)
      };
    });
  }

  /**
   * Colleagues' practice waiting for a trainer on `pathIds` (the paths this person may sign off
   * on), in one `$batch`: per path by the indexed `PathId`, rows the relay wrote as `completed`.
   * Read after the first paint (the part's trainer section).
   */
  public signOffRequests(pathIds: readonly ItemId[]): Promise<SignOffRequestRow[]> {
    return storeCall('Reading the sign-offs asked for', async () => {
      if (pathIds.length === 0) {
        return [];
      }
      const [batched, execute] = settledBatch(this.options.sp);
      const reads = pathIds.map((pathId) =>
        batched.web.lists
          .getByTitle(PROGRESS.title)
          .items.select('ID', PROGRESS.fields.stepId, PROGRESS.fields.pathId, PROGRESS.fields.status, PROGRESS.fields.completedAt, 'Learner/Id', 'Learner/Title', 'Learner/Name', ...EDITOR)
          .expand('Learner', 'Editor')
          .filter(`${PROGRESS.fields.pathId} eq ${pathId} and ${PROGRESS.fields.status} eq 'completed'`)
          .top(MAX_ROWS)<Row[]>()
      );
      reads.forEach((read) => read.catch(() => undefined));
      await execute();
      const rows: Row[] = [];
      for (const read of reads) {
        rows.push(...(await read));
      }
      return rows
        .filter(writtenByRelay)
        .map(requestOf)
        .filter((row): row is SignOffRequestRow => row !== undefined)
        .sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
    });
  }

  /** A quiz step's questions and choices (never its answers); `notFound` when the step has no quiz. */
  public quiz(stepId: ItemId): Promise<Quiz> {
    return storeCall('Reading the quiz', async () => {
      const row = await this.options.sp.web.lists.getByTitle(STEPS.title).items.getById(stepId).select('ID', STEPS.fields.quiz)<Row>();
      const quiz = parseQuiz(row[STEPS.fields.quiz]);
      if (!quiz || quiz.questions.length === 0) {
        throw new RecognitionStoreError('notFound', `Reading the quiz: step ${stepId} has no questions.`);
      }
      return quiz;
    });
  }
}
