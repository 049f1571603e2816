/**
 * Learning through the relay (docs/learning.md, "Integrity"; docs/relay.md, "Learning"):
 *
 *   POST /api/learning/progress  {stepId, requestId}                              the person: a read, watch or course step done
 *   POST /api/learning/signoff-request {stepId, requestId}                        the person: practice done, a trainer asked to sign it off
 *   POST /api/learning/quiz      {stepId, attemptKey, answers}                    the person: a quiz answered, scored here
 *   POST /api/learning/quiz-key  {stepId, answerKey}                              HR: a quiz's answer key sealed
 *   POST /api/learning/signoff   {learnerId, stepId, station, note?, requestId, timeZone?}   a trainer signs practice off
 *   POST /api/learning/attempts  {person?}                                        the person's quiz attempts, or a direct report's for their manager
 *
 * Members write none of SE_Assignments, SE_Progress and SE_Skills: the relay writes them, with
 * the person from the token and the rules of `src/core/learning`. So:
 * - the learner of a step done, or the trainer of a sign-off, is the token's person, never the
 *   page's word; a score is the relay's, from the sealed answer key;
 * - a step counts only on a path assigned to the person (the design has no path open to everyone:
 *   every path reaches people through an assignment, HR's, a leader's or the renewal timer's) that
 *   is active;
 * - a write is done once: the progress row is unique per person and step, its last write's request
 *   id is kept in its Title (`<stepId>:<userId>#<requestId>`), and quiz attempts carry their attempt
 *   key inside the sealed record;
 * - a person's quiz attempts are theirs and their manager's in Entra ID (set by IT or HR), never
 *   an owner's of a Teams team they are in: anyone can make a team and add colleagues to it;
 * - nothing before Engage Setup (409 `notSetUp`).
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security/item';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { holds } from '../../../src/connectors/sharepoint/recognition/adminRights';
import { finishedPaths } from '../../../src/core/learning/nextStep';
import { ATTEMPT_WINDOW_HOURS, attemptsLeft, MAX_ATTEMPTS_IN_WINDOW, recordAttempt, validateQuiz, type QuizAttempt, type QuizRecord } from '../../../src/core/learning/quiz';
import { decideSignOff, readyForSignOff, type SignOffRefusal, type TrainerSkill } from '../../../src/core/learning/signOff';
import { expiryAfter } from '../../../src/core/learning/expiry';
import { trainerSkillsAt } from '../../../src/core/learning/signOffQueue';
import { assignmentKey, progressKey, skillKey } from '../../../src/core/models/keys';
import type { ProgressStatus, QuizAnswerKey } from '../../../src/core/models/learning';
import { memberLogin } from '../../../src/core/people/claims';
import { LISTS } from '../../../src/core/schema/lists';
import { RELAY_SCOPE, type Caller } from '../auth';
import type { RelayDirectory } from '../directory';
import { relayWrote } from '../learning/crewMovesRows';
import { grantedSkills, type PathFinish } from '../learning/grants';
import { learningMilestones } from '../learning/milestone';
import { type LearningKeyring, openQuizKey, openQuizRecord, sealQuizKey, sealQuizRecord } from '../learning/keys';
import type { LearnerDirectory } from '../learning/people';
import { parseAttemptsRequest, parseProgressRequest, parseQuizKeyRequest, parseQuizRequest, parseSignOffRequest } from '../learning/requests';
import {
  PROGRESS_COLUMNS,
  readAssignment,
  readPath,
  readPaths,
  readPathProgress,
  readPathSteps,
  readQuizProgress,
  readSkills,
  readStep,
  type Row,
  settleKeyedRow,
  SKILL_COLUMNS,
  skillOf,
  type StoredPath,
  type StoredStep
} from '../learning/store';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import { setupGate } from '../setupGate';
import { ensuredUserId, NOT_A_SITE_USER, sharePointProblem } from '../sharepoint';

export interface LearningRouteOptions {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  /** SE_LEARNING_KEYS: without them no quiz is scored or sealed (502). */
  readonly keys?: LearningKeyring;
  /** A learner's user principal name from their directory id (sign-offs, a direct report's attempts). */
  readonly learners?: LearnerDirectory;
  /** A person's manager (who reads their quiz attempts besides them). */
  readonly directory: RelayDirectory;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

const PROGRESS = LISTS.progress;
const SKILLS = LISTS.skills;
const STEPS = LISTS.learningSteps;

/** SharePoint's permission kinds (`SPBasePermissions`) HR holds on the lists it keeps. */
/**
 * How long after a path was finished a resend of its finishing write may still write the levels:
 * a device sends a write again at once, or when the connection is back; later, the levels are HR's.
 */
const LEVELS_REPAIR_MS = 60 * 60 * 1000;
const EDIT_LIST_ITEMS = 3;
const OVERRIDE_LIST_BEHAVIORS = 9;

const invalid = (parsed: { readonly field: string; readonly message: string }): RelayAnswer => ({ ...problem(400, 'invalidInput', parsed.message, { field: parsed.field }), counted: false });

const MISCONFIGURED = (what: string): RelayProblem =>
  new RelayProblem(problem(502, 'relayMisconfigured', `The relay has no ${what}. Tell your IT admin.`), new Error(`No ${what}.`));

const STEP_NOT_FOUND = (): RelayAnswer => problem(404, 'stepNotFound', 'This step is no longer there: HR removed it or its path.');
const NOT_ASSIGNED = (): RelayAnswer => problem(403, 'notAssigned', 'This learning path is not assigned to you.');
const PATH_INACTIVE = (): RelayAnswer => problem(409, 'pathInactive', 'HR has switched this learning path off.');

/** A step recorded done: as it stands, whether it was done before, and whether by this request. */
type StepDoneRecord = { readonly status: ProgressStatus; readonly completedAt?: string; readonly resent: boolean; readonly sameRequest: boolean };

/** The request id of the last write of a progress row, kept after `#` in its Title. */
function lastRequestOf(row: Row | undefined): string | undefined {
  const title = typeof row?.Title === 'string' ? row.Title : '';
  const at = title.lastIndexOf('#');
  return at >= 0 ? title.slice(at + 1) : undefined;
}

const statusOf = (row: Row | undefined): ProgressStatus | undefined => (row ? (row[PROGRESS.fields.status] as ProgressStatus) : undefined);
const isoOf = (value: unknown): string | undefined => (typeof value === 'string' && !isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

/**
 * An attempt as answered (to the person, or their manager): how many answers were right only for
 * a pass. A failed attempt says it did not pass and nothing more, so trying choices one question
 * at a time teaches nothing before the pass (the attempts a day are few: `recordAttempt`).
 */
function attemptAnswer(attempt: QuizAttempt): { submittedAt: string; passed: boolean; correct?: number; total?: number } {
  return { submittedAt: attempt.submittedAt, passed: attempt.passed, ...(attempt.passed ? { correct: attempt.correct, total: attempt.total } : {}) };
}

/** The signed-off row of a sign-off as answered. */
function signOffAnswer(row: Row | Record<string, unknown>): { signedOffAt?: string; station?: string; expiresAt?: string } {
  const expiresAt = isoOf(row[PROGRESS.fields.expiresAt]);
  return {
    signedOffAt: isoOf(row[PROGRESS.fields.signedOffAt]),
    station: typeof row[PROGRESS.fields.signOffStation] === 'string' ? (row[PROGRESS.fields.signOffStation] as string) : undefined,
    ...(expiresAt ? { expiresAt } : {})
  };
}

/** The answer to a refused sign-off. */
function signOffRefused(code: SignOffRefusal, limit?: number): RelayAnswer {
  switch (code) {
    case 'notPractice':
      return invalid({ field: 'notPractice', message: 'This step is not practice a trainer signs off.' });
    case 'ownSignOff':
      return problem(403, 'ownSignOff', 'Nobody signs off their own practice.');
    case 'stationMissing':
      return invalid({ field: 'stationMissing', message: 'Name the station the practice was signed off at.' });
    case 'stationNotOnPath':
      return invalid({ field: 'stationNotOnPath', message: 'The path grants no level on this station.' });
    case 'notQualified':
      return problem(403, 'notQualified', 'You hold no valid U or O level on this station and are not a trainer of this path.');
    default:
      return invalid({ field: 'noteTooLong', message: `The note is longer than ${limit ?? 1000} characters.` });
  }
}

export function learningRoutes(options: LearningRouteOptions): readonly UserRoute[] {
  const log = options.log ?? (() => undefined);
  const now = (): Date => new Date((options.now ?? Date.now)());
  /** The learning keys; without them no quiz can be scored or sealed (502, tell IT). */
  const learningKeys = (): LearningKeyring => {
    if (!options.keys) {
      throw MISCONFIGURED('learning keys');
    }
    return options.keys;
  };
  // What the relay writes and what steers it: nothing until setup has made them HR's and the relay's.
  const gate = setupGate(
    options.site,
    [LISTS.learningPaths.title, LISTS.learningSteps.title, LISTS.assignments.title, LISTS.progress.title, LISTS.skills.title],
    options.now
  );

  // A finished path on the wall, when the person allowed it (after the levels, never failing the write).
  const milestone = learningMilestones(log);

  async function siteUserOf(sp: SPFI, userPrincipalName: string): Promise<number> {
    const id = await ensuredUserId(sp, memberLogin(userPrincipalName));
    if (id === undefined) {
      throw new RelayProblem(NOT_A_SITE_USER());
    }
    return id;
  }

  /** The step, its path and the learner's assignment of it, or the answer refusing the step. */
  async function assignedStep(sp: SPFI, stepId: number, learnerId: number): Promise<{ step: StoredStep; path: StoredPath; crewKey?: string } | RelayAnswer> {
    const step = await readStep(sp, stepId, log);
    const path = step ? await readPath(sp, step.pathId, log) : undefined;
    if (!step || !path) {
      return STEP_NOT_FOUND();
    }
    if (!path.isActive) {
      return PATH_INACTIVE();
    }
    const assignment = await readAssignment(sp, assignmentKey(path.id, learnerId), log);
    if (!assignment) {
      return NOT_ASSIGNED();
    }
    return { step, path, ...(assignment.crewKey ? { crewKey: assignment.crewKey } : {}) };
  }

  const isAnswer = (value: object): value is RelayAnswer => 'status' in value && 'body' in value;

  /** The columns every progress row the relay writes has. */
  const progressColumns = (learnerId: number, step: StoredStep, crewKey: string | undefined): Record<string, unknown> => ({
    [`${PROGRESS.fields.learner}Id`]: learnerId,
    [PROGRESS.fields.pathId]: step.pathId,
    [PROGRESS.fields.stepId]: step.id,
    ...(crewKey ? { [PROGRESS.fields.crewKey]: crewKey } : {})
  });

  /**
   * When the learner has finished the path, the levels it grants, written into SE_Skills once:
   * from the path's latest sign-off (its trainer, moment, station and expiry).
   */
  /**
   * The levels the path grants, written when `learnerId` has finished it. `resend`: the write that
   * finished it sent again (its answer lost): it only repairs levels the first write did not reach,
   * within `LEVELS_REPAIR_MS` of the finish, and never changes a level someone else (HR) changed
   * since: the request id is in the learner's progress row, readable by everyone, so a resend must
   * not become a way to undo HR's correction or bring back a level HR took away.
   */
  async function settleGrants(
    sp: SPFI,
    learnerId: number,
    path: StoredPath,
    crewKey: string | undefined,
    timeZone: string,
    resend = false
  ): Promise<Array<{ station: string; level: string; expiresAt?: string }>> {
    if (path.grants.length === 0) {
      return [];
    }
    const [steps, progress] = await Promise.all([readPathSteps(sp, path.id, log), readPathProgress(sp, learnerId, path.id, log)]);
    const planSteps = steps.map((s, index) => ({ id: s.id, pathId: s.pathId, sortOrder: index, kind: s.kind, estimatedMinutes: 1, requiresSignOff: s.requiresSignOff }));
    const rows = progress.map((row) => ({ stepId: Number(row[PROGRESS.fields.stepId]), status: row[PROGRESS.fields.status] as ProgressStatus }));
    if (!finishedPaths({ paths: [{ id: path.id, requiresPathIds: [], isActive: true }], steps: planSteps, progress: rows }).has(path.id)) {
      return [];
    }
    const signed = progress
      .filter((row) => row[PROGRESS.fields.status] === 'signed-off' && isoOf(row[PROGRESS.fields.signedOffAt]) !== undefined)
      .sort((a, b) => Date.parse(String(b[PROGRESS.fields.signedOffAt])) - Date.parse(String(a[PROGRESS.fields.signedOffAt])))[0];
    // Without a sign-off the path was finished when its last step was done: the same instant each
    // time this runs, so a resend of the finishing write finds the levels written and writes nothing.
    const lastDone = progress
      .map((row) => isoOf(row[PROGRESS.fields.completedAt]))
      .filter((at): at is string => at !== undefined)
      .sort()
      .pop();
    const at = signed ? new Date(String(signed[PROGRESS.fields.signedOffAt])) : lastDone ? new Date(lastDone) : now();
    const expiresAt = signed ? isoOf(signed[PROGRESS.fields.expiresAt]) : expiryAfter(at, path.validityMonths, timeZone)?.toISOString();
    const finish: PathFinish = {
      at,
      ...(signed && typeof signed[`${PROGRESS.fields.signedOffBy}Id`] === 'number' ? { trainerId: signed[`${PROGRESS.fields.signedOffBy}Id`] as number } : {}),
      ...(signed && typeof signed[PROGRESS.fields.signOffStation] === 'string' ? { station: signed[PROGRESS.fields.signOffStation] as string } : {}),
      ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {})
    };
    if (resend && now().getTime() - at.getTime() > LEVELS_REPAIR_MS) {
      return [];
    }
    const [current, paths, byRelay] = await Promise.all([readSkills(sp, learnerId, log), readPaths(sp, log), resend ? relayWrote(sp) : undefined]);
    const lapseDaysOf = (pathId: number | undefined): number => paths.filter((p) => p.id === pathId)[0]?.lapseDays ?? 0;
    const levels = grantedSkills({ grants: path.grants, finish, current, lapseDaysOf, now: now(), timeZone });
    for (const level of levels) {
      const values: Record<string, unknown> = {
        [`${SKILLS.fields.person}Id`]: learnerId,
        [SKILLS.fields.station]: level.station,
        [SKILLS.fields.level]: level.level,
        [SKILLS.fields.assessedAt]: level.assessedAt.toISOString(),
        [`${SKILLS.fields.assessedBy}Id`]: level.assessedById ?? null,
        [SKILLS.fields.expiresAt]: level.expiresAt ? level.expiresAt.toISOString() : null,
        [SKILLS.fields.pathId]: path.id,
        ...(level.lastPractisedAt ? { [SKILLS.fields.lastPractisedAt]: level.lastPractisedAt.toISOString() } : {}),
        ...(crewKey ? { [SKILLS.fields.crewKey]: crewKey } : {})
      };
      await settleKeyedRow(sp, {
        list: SKILLS.title,
        keyColumn: SKILLS.fields.skillKey,
        key: skillKey(level.station, learnerId),
        columns: SKILL_COLUMNS,
        log,
        decide: (row) => {
          if (row && byRelay && !byRelay(row)) {
            // HR's hand: a resend leaves it.
            return { result: undefined };
          }
          const stored = row ? skillOf(row) : undefined;
          // Written already (a resend, or the request that finished it): nothing again.
          const same = stored && stored.level === level.level && stored.pathId === path.id && stored.assessedAt?.getTime() === level.assessedAt.getTime();
          return same ? { result: undefined } : { write: { ...values, ...(row ? {} : { Title: level.station }) }, result: undefined };
        }
      });
    }
    return levels.map((level) => ({ station: level.station, level: level.level, ...(level.expiresAt ? { expiresAt: level.expiresAt.toISOString() } : {}) }));
  }

  /**
   * The person's step recorded done (`completed`, `CompletedAt` the relay's clock), once: a step
   * done before, or signed off, is answered as it stands (`resent`) and never written back;
   * `sameRequest` when the stored write was this request's.
   */
  async function recordDone(
    sp: SPFI,
    learnerId: number,
    step: StoredStep,
    crewKey: string | undefined,
    requestId: string
  ): Promise<StepDoneRecord> {
    const key = progressKey(step.id, learnerId);
    const at = now().toISOString();
    return settleKeyedRow<StepDoneRecord>(sp, {
      list: PROGRESS.title,
      keyColumn: PROGRESS.fields.progressKey,
      key,
      columns: PROGRESS_COLUMNS,
      log,
      decide: (row) => {
        const status = statusOf(row);
        if (status === 'completed' || status === 'signed-off') {
          return { result: { status, completedAt: isoOf(row?.[PROGRESS.fields.completedAt]), resent: true, sameRequest: lastRequestOf(row) === requestId } };
        }
        return {
          write: { ...progressColumns(learnerId, step, crewKey), Title: `${key}#${requestId}`, [PROGRESS.fields.status]: 'completed', [PROGRESS.fields.completedAt]: at },
          result: { status: 'completed', completedAt: at, resent: false, sameRequest: true }
        };
      }
    });
  }

  /** A `{stepId, requestId}` body of the caller's own step on a path assigned to them, or the answer refusing it. */
  async function ownStep(
    caller: Caller,
    body: unknown
  ): Promise<{ sp: SPFI; learnerId: number; requestId: string; step: StoredStep; path: StoredPath; crewKey?: string } | RelayAnswer> {
    const request = parseProgressRequest(body);
    if (!request.ok) {
      return invalid(request);
    }
    const sp = options.site();
    const learnerId = await siteUserOf(sp, caller.userPrincipalName);
    const found = await assignedStep(sp, request.value.stepId, learnerId);
    if (isAnswer(found)) {
      return found;
    }
    return { sp, learnerId, requestId: request.value.requestId, ...found };
  }

  async function progress(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const found = await ownStep(caller, body);
    if (isAnswer(found)) {
      return found;
    }
    const { sp, learnerId, requestId, step, path, crewKey } = found;
    if (step.kind === 'quiz') {
      return invalid({ field: 'quizStep', message: 'A quiz is done by answering it.' });
    }
    if (step.kind === 'practice' || step.requiresSignOff) {
      return invalid({ field: 'practiceStep', message: 'Practice is done when a trainer signs it off.' });
    }
    const outcome = await recordDone(sp, learnerId, step, crewKey, requestId);
    // A step done now, or the same request sent again, may have finished the path.
    const finishing = !outcome.resent || outcome.sameRequest;
    // The write that finished the path (or its resend) writes the levels it grants.
    const levels = finishing ? await settleGrants(sp, learnerId, path, crewKey, 'UTC', outcome.resent) : [];
    if (finishing) {
      await milestone(sp, learnerId, path, crewKey);
    }
    return { status: 200, body: { status: 'completed', completedAt: outcome.completedAt, resent: outcome.resent, levels }, counted: !outcome.resent };
  }

  /**
   * The person did a practice step and asks a trainer to sign it off: their row says `completed`
   * (`CompletedAt` the relay's clock), which the plan shows as waiting for a trainer
   * (`learningPlan`'s `awaitingSignOff`) and a trainer's page lists. Asked once: a step asked
   * before, or signed off already, is answered as it stands and written again never (a signed-off
   * step is never turned back).
   */
  async function signOffAsk(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const found = await ownStep(caller, body);
    if (isAnswer(found)) {
      return found;
    }
    const { sp, learnerId, requestId, step, crewKey } = found;
    if (step.kind !== 'practice') {
      return invalid({ field: 'notPractice', message: 'Only practice is signed off by a trainer; this step is done on its own.' });
    }
    const outcome = await recordDone(sp, learnerId, step, crewKey, requestId);
    return {
      status: 200,
      body: { status: outcome.status, ...(outcome.completedAt ? { askedAt: outcome.completedAt } : {}), resent: outcome.resent },
      counted: !outcome.resent
    };
  }

  /** The attempts sealed on a progress row; one that does not open is the relay's keys' fault, and nothing is written over it. */
  function storedRecord(keys: LearningKeyring, key: string, row: Row): QuizRecord {
    try {
      return openQuizRecord(keys, key, row[PROGRESS.fields.quizResult] as string | undefined);
    } catch (error) {
      throw new RelayProblem(problem(502, 'relayMisconfigured', 'The relay cannot open the stored attempts. Tell your IT admin.'), error);
    }
  }

  async function quiz(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const request = parseQuizRequest(body);
    if (!request.ok) {
      return invalid(request);
    }
    const keys = learningKeys();
    const sp = options.site();
    const learnerId = await siteUserOf(sp, caller.userPrincipalName);
    const found = await assignedStep(sp, request.value.stepId, learnerId);
    if (isAnswer(found)) {
      return found;
    }
    const { step, path, crewKey } = found;
    if (step.kind !== 'quiz' || !step.quiz) {
      return invalid({ field: 'notAQuiz', message: 'This step is not a quiz.' });
    }
    if (!step.quizKey) {
      return problem(409, 'quizNotReady', 'This quiz cannot be scored yet: HR has not saved its answers.');
    }
    let answerKey: QuizAnswerKey;
    try {
      answerKey = openQuizKey(keys, step.id, step.quizKey);
    } catch (error) {
      log(`learning: the answer key of step ${step.id} does not open (${error instanceof Error ? error.message : String(error)}); HR saves the quiz again.`);
      return problem(409, 'quizNotReady', 'This quiz cannot be scored yet: HR has not saved its answers.');
    }
    const key = progressKey(step.id, learnerId);
    const submittedAt = now();
    /** `finishing`: the first pass, or a resend of it: the write that may finish the path. */
    type Outcome = { readonly refused: RelayAnswer } | { readonly record: QuizRecord; readonly attempt: QuizAttempt; readonly duplicate: boolean; readonly finishing: boolean };
    const outcome = await settleKeyedRow<Outcome>(sp, {
      list: PROGRESS.title,
      keyColumn: PROGRESS.fields.progressKey,
      key,
      columns: PROGRESS_COLUMNS,
      log,
      decide: (row) => {
        const stored = row ? storedRecord(keys, key, row) : undefined;
        const result = recordAttempt(stored ?? { attemptCount: 0, attempts: [] }, { attemptKey: request.value.attemptKey, answers: request.value.answers, submittedAt }, step.quiz as NonNullable<StoredStep['quiz']>, answerKey);
        if (!result.ok) {
          switch (result.code) {
            case 'attemptsUsed':
              return {
                result: {
                  refused: problem(429, 'quizAttemptsUsed', `You have had ${MAX_ATTEMPTS_IN_WINDOW} attempts at this quiz in ${ATTEMPT_WINDOW_HOURS} hours; the next can be at ${result.retryAt}.`, {
                    retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(result.retryAt) - submittedAt.getTime()) / 1000))
                  })
                }
              };
            case 'quizInvalid':
              return { result: { refused: problem(409, 'quizNotReady', 'This quiz cannot be scored: HR saves it again.') } };
            default:
              return { result: { refused: invalid({ field: 'attemptKey', message: 'The attempt key is not one.' }) } };
          }
        }
        if (result.duplicate) {
          // The passing attempt sent again (its answer lost, perhaps with the levels unwritten): the
          // levels are settled again, as a resend of a step's finishing write does.
          const passing = result.attempt.passed && result.attempt.submittedAt === result.record.passedAt;
          return { result: { record: result.record, attempt: result.attempt, duplicate: true, finishing: passing } };
        }
        const passedNow = result.record.passedAt !== undefined && stored?.passedAt === undefined;
        const done = statusOf(row) === 'completed' || statusOf(row) === 'signed-off';
        // Everyone reads the row: an attempt that does not pass leaves what it shows as it was (a
        // new row, or one that does not count, is not started). Only the first pass completes the
        // step, and a step signed off stays signed off.
        const status: ProgressStatus | undefined = passedNow && !done ? 'completed' : row ? undefined : 'not-started';
        return {
          write: {
            ...progressColumns(learnerId, step, crewKey),
            [PROGRESS.fields.quizResult]: sealQuizRecord(keys, key, result.record),
            ...(status ? { [PROGRESS.fields.status]: status } : {}),
            ...(status === 'completed' ? { [PROGRESS.fields.completedAt]: result.record.passedAt } : {})
          },
          result: { record: result.record, attempt: result.attempt, duplicate: false, finishing: passedNow }
        };
      }
    });
    if ('refused' in outcome) {
      return outcome.refused;
    }
    const levels = outcome.finishing ? await settleGrants(sp, learnerId, path, crewKey, 'UTC', outcome.duplicate) : [];
    if (outcome.finishing) {
      await milestone(sp, learnerId, path, crewKey);
    }
    const { attempt, record } = outcome;
    return {
      status: 200,
      body: {
        attempt: attemptAnswer(attempt),
        passed: record.passedAt !== undefined,
        passMark: step.quiz.passMark,
        attempts: record.attemptCount,
        attemptsLeft: attemptsLeft(record, submittedAt),
        duplicate: outcome.duplicate,
        levels
      },
      counted: !outcome.duplicate
    };
  }

  /** Whether `login` may keep the learning lists: Override List Behaviors and Edit on the step (HR at Design, site owners). */
  async function keepsLearning(sp: SPFI, stepId: number, login: string): Promise<boolean> {
    try {
      const mask = await sp.web.lists.getByTitle(STEPS.title).items.getById(stepId).getUserEffectivePermissions(login.replace(/'/g, "''"));
      return holds(mask, OVERRIDE_LIST_BEHAVIORS) && holds(mask, EDIT_LIST_ITEMS);
    } catch (error) {
      if (httpStatusOf(error) === 404) {
        return false;
      }
      throw error;
    }
  }

  async function quizKey(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const request = parseQuizKeyRequest(body);
    if (!request.ok) {
      return invalid(request);
    }
    const keys = learningKeys();
    const sp = options.site();
    const login = memberLogin(caller.userPrincipalName);
    await siteUserOf(sp, caller.userPrincipalName);
    const step = await readStep(sp, request.value.stepId, log);
    if (!step) {
      return STEP_NOT_FOUND();
    }
    if (!(await keepsLearning(sp, step.id, login))) {
      return problem(403, 'notAllowed', 'Only HR and site owners save a quiz\'s answers.');
    }
    if (step.kind !== 'quiz' || !step.quiz) {
      return invalid({ field: 'notAQuiz', message: 'This step is not a quiz, or its questions are not saved yet.' });
    }
    const problems = validateQuiz(step.quiz, request.value.answerKey).filter((p) => p.severity === 'error');
    if (problems.length > 0) {
      return {
        status: 400,
        body: { error: { code: 'invalidInput', message: `The quiz and its answers are not valid (${problems.map((p) => p.code).join(', ')}).`, field: problems[0].code, problems } },
        counted: false
      };
    }
    await sp.web.lists.getByTitle(STEPS.title).items.getById(step.id).update({ [STEPS.fields.quizKey]: sealQuizKey(keys, step.id, request.value.answerKey) });
    return { status: 200, body: { stepId: step.id, sealed: true } };
  }

  /** The trainer's levels with their validity now (for `decideSignOff`), judged as the trainer's page judges them. */
  async function trainerSkills(sp: SPFI, trainerId: number, timeZone: string): Promise<TrainerSkill[]> {
    const [skills, paths] = await Promise.all([readSkills(sp, trainerId, log), readPaths(sp, log)]);
    return trainerSkillsAt(skills, (pathId) => paths.filter((p) => p.id === pathId)[0]?.lapseDays ?? 0, now(), timeZone);
  }

  async function signOff(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const request = parseSignOffRequest(body);
    if (!request.ok) {
      return invalid(request);
    }
    if (!options.learners) {
      throw MISCONFIGURED('directory');
    }
    const sp = options.site();
    const trainerId = await siteUserOf(sp, caller.userPrincipalName);
    const learnerUpn = await options.learners(request.value.learnerId);
    const learnerId = learnerUpn === undefined ? undefined : await ensuredUserId(sp, memberLogin(learnerUpn));
    if (learnerId === undefined) {
      return problem(404, 'learnerNotFound', 'The directory or the site does not know this learner.');
    }
    const step = await readStep(sp, request.value.stepId, log);
    const path = step ? await readPath(sp, step.pathId, log) : undefined;
    if (!step || !path) {
      return STEP_NOT_FOUND();
    }
    const at = now();
    const decision = decideSignOff(
      { learnerId, trainerId, station: request.value.station, note: request.value.note },
      { requiresSignOff: step.requiresSignOff || step.kind === 'practice', path, trainerSkills: await trainerSkills(sp, trainerId, request.value.timeZone), now: at }
    );
    if (!decision.ok) {
      return signOffRefused(decision.code, decision.limit);
    }
    if (!path.isActive) {
      return PATH_INACTIVE();
    }
    const assignment = await readAssignment(sp, assignmentKey(path.id, learnerId), log);
    if (!assignment) {
      return problem(403, 'notAssigned', 'This learning path is not assigned to the learner.');
    }
    const record = decision.record;
    const key = progressKey(step.id, learnerId);
    const expiresAt = expiryAfter(at, path.validityMonths, request.value.timeZone);
    const written = {
      ...progressColumns(learnerId, step, assignment.crewKey),
      Title: `${key}#${request.value.requestId}`,
      [PROGRESS.fields.status]: record.status,
      [`${PROGRESS.fields.signedOffBy}Id`]: record.signedOffById,
      [PROGRESS.fields.signedOffAt]: record.signedOffAt,
      [PROGRESS.fields.signOffStation]: record.signOffStation,
      [PROGRESS.fields.signOffNote]: record.signOffNote ?? null,
      [PROGRESS.fields.expiresAt]: expiresAt ? expiresAt.toISOString() : null
    };
    type Outcome = { readonly notDone: true } | (ReturnType<typeof signOffAnswer> & { readonly resent: boolean });
    const outcome = await settleKeyedRow<Outcome>(sp, {
      list: PROGRESS.title,
      keyColumn: PROGRESS.fields.progressKey,
      key,
      columns: PROGRESS_COLUMNS,
      log,
      decide: (row) => {
        // The same sign-off sent again: answered as stored, nothing written twice. Another
        // sign-off of a step signed off before is a new one (a renewal: a new time, a new expiry).
        if (statusOf(row) === 'signed-off' && lastRequestOf(row) === request.value.requestId && row) {
          return { result: { ...signOffAnswer(row), resent: true } };
        }
        // A quiz a trainer also checks is signed off once it is passed, never instead.
        if (!readyForSignOff(step.kind, statusOf(row))) {
          return { result: { notDone: true } };
        }
        const completedAt = isoOf(row?.[PROGRESS.fields.completedAt]) ?? record.signedOffAt;
        return { write: { ...written, [PROGRESS.fields.completedAt]: completedAt }, result: { ...signOffAnswer(written), resent: false } };
      }
    });
    if ('notDone' in outcome) {
      return problem(409, 'stepNotDone', 'The learner has not done this step yet (a quiz is passed first); it is signed off after.');
    }
    const levels = await settleGrants(sp, learnerId, path, assignment.crewKey, request.value.timeZone, outcome.resent);
    await milestone(sp, learnerId, path, assignment.crewKey);
    return { status: 200, body: { status: 'signed-off', ...outcome, levels }, counted: !outcome.resent };
  }

  /**
   * Whether `caller` leads `personUpn` for their quiz scores: their manager in Entra ID, which IT or
   * HR sets. Nothing a member can make counts: a Teams team's owners are whoever made it and whom
   * they added. Not even a crew HR named (the pulse's survey audiences, an assignment's `CrewKey`):
   * its owners still choose its members, so they could add anyone and read their scores. The pulse
   * can trust such owners because its results never show one person; a score is one person's.
   */
  async function leads(callerUpn: string, personUpn: string): Promise<boolean> {
    const manager = await options.directory.managerOf(personUpn);
    return manager !== undefined && manager.toLowerCase() === callerUpn.toLowerCase();
  }

  async function attempts(caller: Caller, body: unknown): Promise<RelayAnswer> {
    const request = parseAttemptsRequest(body);
    if (!request.ok) {
      return invalid(request);
    }
    const keys = learningKeys();
    let personUpn = caller.userPrincipalName;
    if (request.value.person !== undefined && request.value.person !== caller.objectId.toLowerCase()) {
      if (!options.learners) {
        throw MISCONFIGURED('directory');
      }
      const upn = await options.learners(request.value.person);
      // One answer for "no such person" and "not yours to see".
      if (upn === undefined || !(await leads(caller.userPrincipalName, upn))) {
        return problem(404, 'notFound', 'There are no attempts of this person for you to see.');
      }
      personUpn = upn;
    }
    const sp = options.site();
    const personId = await ensuredUserId(sp, memberLogin(personUpn));
    if (personId === undefined) {
      return personUpn === caller.userPrincipalName ? NOT_A_SITE_USER() : problem(404, 'notFound', 'There are no attempts of this person for you to see.');
    }
    const rows = await readQuizProgress(sp, personId, log);
    const quizzes = rows.flatMap((row) => {
      const key = String(row[PROGRESS.fields.progressKey] ?? '');
      try {
        const record = openQuizRecord(keys, key, row[PROGRESS.fields.quizResult] as string);
        return [
          {
            stepId: Number(row[PROGRESS.fields.stepId]),
            pathId: Number(row[PROGRESS.fields.pathId]),
            passed: record.passedAt !== undefined,
            ...(record.passedAt ? { passedAt: record.passedAt } : {}),
            attemptCount: record.attemptCount,
            attempts: record.attempts.map(attemptAnswer)
          }
        ];
      } catch (error) {
        log(`learning: the attempts on ${PROGRESS.title} ${key} do not open (${error instanceof Error ? error.message : String(error)}).`);
        return [];
      }
    });
    return { status: 200, body: { quizzes } };
  }

  /** Runs a call after the setup gate, with SharePoint's and Graph's failures as the relay's answers. */
  const guarded =
    (what: string, call: (caller: Caller, body: unknown) => Promise<RelayAnswer>): UserRoute['handle'] =>
    async ({ caller, body }) => {
      try {
        const refusal = await gate.refusal();
        return refusal ?? (await call(caller, body));
      } catch (error) {
        throw error instanceof RelayProblem ? error : sharePointProblem(error, what);
      }
    };

  const route = (path: string, maxCharacters: number, rateLimit: UserRoute['rateLimit'], what: string, call: (caller: Caller, body: unknown) => Promise<RelayAnswer>): UserRoute => ({
    method: 'POST',
    path,
    userToken: { scope: RELAY_SCOPE },
    body: { maxCharacters },
    rateLimit,
    handle: guarded(what, call)
  });
  return [
    route('/api/learning/progress', 1024, RATE_LIMITS.learningProgress, 'record the step', progress),
    route('/api/learning/signoff-request', 1024, RATE_LIMITS.learningProgress, 'ask for the sign-off', signOffAsk),
    route('/api/learning/quiz', 8 * 1024, RATE_LIMITS.learningQuiz, 'score the quiz', quiz),
    route('/api/learning/quiz-key', 8 * 1024, RATE_LIMITS.learningQuizKey, 'save the quiz\'s answers', quizKey),
    route('/api/learning/signoff', 8 * 1024, RATE_LIMITS.learningSignOff, 'record the sign-off', signOff),
    route('/api/learning/attempts', 1024, RATE_LIMITS.learningAttempts, 'read the quiz attempts', attempts)
  ];
}

