/**
 * What the learning routes read and write on the site, with the relay's identity
 * (docs/learning.md, "Integrity"). The rules are the framework-free core's (`src/core/learning`);
 * this module maps the lists' rows to what the rules take, and writes the relay's rows once.
 *
 * - **Which rows count.** A path, step, assignment, progress or skill row counts when its last
 *   writer is the relay itself or someone with Override List Behaviors (HR, site owners), as for
 *   the pulse's configuration (`pulse/trustedConfig.ts`): a row a member wrote before Engage Setup,
 *   when every list was open, counts for nothing. A progress or skill row that does not count is
 *   still the one its unique key names, so the relay writes over it (and it counts from then on).
 * - **Once.** Progress rows (`ProgressKey`, `stepId:userId`) and skills (`SkillKey`,
 *   `station:userId`) are unique in their lists. The relay adds a row when none is there; a race
 *   lost to another request (SharePoint's duplicate answer) reads again. It changes a row only with
 *   the ETag it read (IF-MATCH): a race lost (412) reads again and decides anew, so two requests
 *   at once never both count.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf, isDuplicateError } from '../../../src/connectors/sharepoint/httpErrors';
import { parseGrants } from '../../../src/core/learning/levels';
import { parseQuiz } from '../../../src/core/learning/quiz';
import { type HeldSkill, heldSkillOf } from '../../../src/core/learning/signOffQueue';
import type { LearningPath, Quiz, StepKind } from '../../../src/core/models/learning';
import { STEP_KINDS } from '../../../src/core/models/learning';
import { LISTS } from '../../../src/core/schema/lists';
import { EDITOR, EDITOR_COLUMNS, trustedRows } from '../pulse/trustedConfig';

export type Row = Readonly<Record<string, unknown>>;
type Log = (line: string) => void;

const STEPS = LISTS.learningSteps;
const PATHS = LISTS.learningPaths;
const ASSIGNMENTS = LISTS.assignments;
const PROGRESS = LISTS.progress;
const SKILLS = LISTS.skills;

/** A text value for an OData filter. */
export const odataText = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function idList(value: unknown): number[] {
  try {
    const data = typeof value === 'string' && value.trim() !== '' ? (JSON.parse(value) as unknown) : [];
    return Array.isArray(data) ? data.filter((id): id is number => Number.isSafeInteger(id) && id >= 1) : [];
  } catch {
    return [];
  }
}

export interface StoredStep {
  readonly id: number;
  readonly pathId: number;
  readonly kind: StepKind;
  readonly requiresSignOff: boolean;
  readonly quiz?: Quiz;
  /** The sealed answer key; absent until HR saved one through the relay. */
  readonly quizKey?: string;
}

export type StoredPath = Pick<LearningPath, 'id' | 'isActive' | 'grants' | 'trainerIds' | 'validityMonths' | 'lapseDays'>;

const STEP_COLUMNS = ['ID', STEPS.fields.pathId, STEPS.fields.kind, STEPS.fields.requiresSignOff, STEPS.fields.quiz, STEPS.fields.quizKey, STEPS.fields.sortOrder, ...EDITOR_COLUMNS];
const PATH_COLUMNS = ['ID', PATHS.fields.isActive, PATHS.fields.grants, PATHS.fields.trainerIds, PATHS.fields.validityMonths, PATHS.fields.lapseDays, ...EDITOR_COLUMNS];

function stepOf(row: Row): StoredStep | undefined {
  const kind = row[STEPS.fields.kind];
  if (typeof kind !== 'string' || (STEP_KINDS as readonly string[]).indexOf(kind) < 0) {
    return undefined;
  }
  const quiz = parseQuiz(row[STEPS.fields.quiz]);
  const quizKey = str(row[STEPS.fields.quizKey]);
  return {
    id: Number(row.ID),
    pathId: num(row[STEPS.fields.pathId], 0),
    kind: kind as StepKind,
    requiresSignOff: row[STEPS.fields.requiresSignOff] === true,
    ...(quiz ? { quiz } : {}),
    ...(quizKey ? { quizKey } : {})
  };
}

function pathOf(row: Row): StoredPath {
  return {
    id: Number(row.ID),
    isActive: row[PATHS.fields.isActive] === true,
    grants: parseGrants(row[PATHS.fields.grants]).grants,
    trainerIds: idList(row[PATHS.fields.trainerIds]),
    validityMonths: num(row[PATHS.fields.validityMonths], 0),
    lapseDays: num(row[PATHS.fields.lapseDays], 0)
  };
}

/** The rows of `list` matching `filter` that count (see above). */
async function countingRows(sp: SPFI, list: string, columns: readonly string[], filter: string, log: Log, top = 500): Promise<Row[]> {
  const read = await sp.web.lists.getByTitle(list).items.select(...columns).expand(EDITOR).filter(filter).top(top)<Row[]>();
  return trustedRows(sp, list, read, log);
}

/** Step `stepId`, when it exists and counts. */
export async function readStep(sp: SPFI, stepId: number, log: Log): Promise<StoredStep | undefined> {
  const [row] = await countingRows(sp, STEPS.title, STEP_COLUMNS, `ID eq ${stepId}`, log, 1);
  return row ? stepOf(row) : undefined;
}

/** The steps of path `pathId` that count. */
export async function readPathSteps(sp: SPFI, pathId: number, log: Log): Promise<StoredStep[]> {
  const rows = await countingRows(sp, STEPS.title, STEP_COLUMNS, `${STEPS.fields.pathId} eq ${pathId}`, log);
  return rows.map(stepOf).filter((step): step is StoredStep => step !== undefined);
}

/** Path `pathId`, when it exists and counts. */
export async function readPath(sp: SPFI, pathId: number, log: Log): Promise<StoredPath | undefined> {
  const [row] = await countingRows(sp, PATHS.title, PATH_COLUMNS, `ID eq ${pathId}`, log, 1);
  return row ? pathOf(row) : undefined;
}

/** Every path that counts (a small list HR keeps). */
export async function readPaths(sp: SPFI, log: Log): Promise<StoredPath[]> {
  const read = await sp.web.lists.getByTitle(PATHS.title).items.select(...PATH_COLUMNS).expand(EDITOR).top(5000)<Row[]>();
  return (await trustedRows(sp, PATHS.title, read, log)).map(pathOf);
}

/** The person's assignment of a path (`AssignmentKey`), when it counts: its crew. */
export async function readAssignment(sp: SPFI, key: string, log: Log): Promise<{ readonly crewKey?: string } | undefined> {
  const [row] = await countingRows(sp, ASSIGNMENTS.title, ['ID', ASSIGNMENTS.fields.crewKey, ...EDITOR_COLUMNS], `${ASSIGNMENTS.fields.assignmentKey} eq ${odataText(key)}`, log, 1);
  if (!row) {
    return undefined;
  }
  const crewKey = str(row[ASSIGNMENTS.fields.crewKey]);
  return crewKey ? { crewKey } : {};
}

export const PROGRESS_COLUMNS = [
  'ID',
  'Title',
  PROGRESS.fields.learner + 'Id',
  PROGRESS.fields.pathId,
  PROGRESS.fields.stepId,
  PROGRESS.fields.crewKey,
  PROGRESS.fields.status,
  PROGRESS.fields.completedAt,
  PROGRESS.fields.signedOffBy + 'Id',
  PROGRESS.fields.signedOffAt,
  PROGRESS.fields.signOffStation,
  PROGRESS.fields.expiresAt,
  PROGRESS.fields.progressKey,
  PROGRESS.fields.quizResult,
  ...EDITOR_COLUMNS
];

/** The person's progress rows on a path that count. */
export async function readPathProgress(sp: SPFI, learnerId: number, pathId: number, log: Log): Promise<Row[]> {
  return countingRows(sp, PROGRESS.title, PROGRESS_COLUMNS, `${PROGRESS.fields.learner}Id eq ${learnerId} and ${PROGRESS.fields.pathId} eq ${pathId}`, log);
}

/** The person's quiz progress rows that count (those with attempts sealed). */
export async function readQuizProgress(sp: SPFI, learnerId: number, log: Log): Promise<Row[]> {
  const rows = await countingRows(sp, PROGRESS.title, PROGRESS_COLUMNS, `${PROGRESS.fields.learner}Id eq ${learnerId}`, log, 5000);
  return rows.filter((row) => str(row[PROGRESS.fields.quizResult]) !== undefined);
}

/** A level as the relay reads it: the rules' own shape. */
export type StoredSkill = HeldSkill;

export const SKILL_COLUMNS = [
  'ID',
  SKILLS.fields.station,
  SKILLS.fields.level,
  SKILLS.fields.expiresAt,
  SKILLS.fields.lastPractisedAt,
  SKILLS.fields.assessedAt,
  SKILLS.fields.pathId,
  SKILLS.fields.skillKey,
  SKILLS.fields.crewKey,
  ...EDITOR_COLUMNS
];

export function skillOf(row: Row): StoredSkill | undefined {
  return heldSkillOf(row);
}

/** The person's levels that count. */
export async function readSkills(sp: SPFI, personId: number, log: Log): Promise<StoredSkill[]> {
  const rows = await countingRows(sp, SKILLS.title, SKILL_COLUMNS, `${SKILLS.fields.person}Id eq ${personId}`, log);
  return rows.map(skillOf).filter((skill): skill is StoredSkill => skill !== undefined);
}

/** What a write decides from the row as it stands (undefined: none, or one that does not count). */
export type RowDecision<T> = { readonly write?: Record<string, unknown>; readonly result: T };

export interface KeyedRowOptions<T> {
  readonly list: string;
  readonly keyColumn: string;
  readonly key: string;
  readonly columns: readonly string[];
  /** Decides from the row that counts (undefined when there is none); `write` absent: nothing to write. */
  readonly decide: (row: Row | undefined) => RowDecision<T>;
  readonly log: Log;
}

/** Races lost before a write gives up (each is another request's write that went first). */
const MAX_RACES = 8;

/**
 * The row under a unique key, decided on and written once (see above). The result of the
 * decision that was written, or of the one that found nothing to write.
 */
export async function settleKeyedRow<T>(sp: SPFI, options: KeyedRowOptions<T>): Promise<T> {
  const list = sp.web.lists.getByTitle(options.list);
  for (let race = 0; race < MAX_RACES; race += 1) {
    const [row] = await list.items.select(...options.columns).expand(EDITOR).filter(`${options.keyColumn} eq ${odataText(options.key)}`).top(1)<Row[]>();
    const counting = row ? (await trustedRows(sp, options.list, [row], options.log))[0] : undefined;
    const decision = options.decide(counting);
    if (!decision.write) {
      return decision.result;
    }
    try {
      if (row) {
        const etag = typeof row['odata.etag'] === 'string' ? row['odata.etag'] : '*';
        await list.items.getById(Number(row.ID)).update(decision.write, etag);
      } else {
        await list.items.add({ Title: options.key, [options.keyColumn]: options.key, ...decision.write });
      }
      return decision.result;
    } catch (error) {
      // Another request wrote first (the key added, or the row changed since it was read).
      if (!(httpStatusOf(error) === 412 || isDuplicateError(error))) {
        throw error;
      }
    }
  }
  throw new Error(`${options.list} ${options.key}: still changing after ${MAX_RACES} tries.`);
}
