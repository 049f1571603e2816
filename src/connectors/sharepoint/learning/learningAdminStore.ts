/**
 * The Learning admin part's SharePoint store: HR and site owners write SE_LearningPaths and
 * SE_LearningSteps directly (docs/learning.md, "The decision"); SharePoint enforces who may (the
 * lists' WriteSecurity and Override List Behaviors), and the part shows the person's right first.
 *
 * - **First render, one `$batch`:** every path, every step (with `QuizKey` only to tell whether a
 *   key is sealed: the column holds the relay's envelope, never a readable key) and the web's
 *   effective permissions.
 * - **Writes:** a path or step added, or changed in place; a reorder as one `$batch`. A quiz step's
 *   `Quiz` holds the questions and choices; which are right goes to the relay, never here.
 * - **Trainers** are site user ids in `TrainerIds`: HR names them by sign-in name, and each is
 *   found on the site with `ensureUser` (added when the site does not know them yet).
 */
import { type SPFI, SPQueryable } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import type { AdminPath, AdminStep, LearningAdminStart, LearningAdminStore } from '../../../core/learning/learningAdminPorts';
import { parseGrants } from '../../../core/learning/levels';
import { pathColumns, type PathDraft, stepColumns, type StepForm } from '../../../core/learning/pathDraft';
import { parseQuiz } from '../../../core/learning/quiz';
import type { ItemId, Translations } from '../../../core/models/common';
import { LEARNING_CATEGORIES, type LearningCategory, STEP_KINDS, type StepKind } from '../../../core/models/learning';
import { memberLogin } from '../../../core/people/claims';
import { LISTS } from '../../../core/schema/lists';
import { storeCall } from '../httpErrors';
import { tickBatcher } from '../listClient';
import { holds } from '../recognition/adminRights';

type Row = Readonly<Record<string, unknown>>;

const PATHS = LISTS.learningPaths;
const STEPS = LISTS.learningSteps;
const ADD_LIST_ITEMS = 2;
const EDIT_LIST_ITEMS = 3;
const OVERRIDE_LIST_BEHAVIORS = 9;
/** Paths and steps are small lists HR keeps; one page each. */
const MAX_ROWS = 5000;

const PATH_COLUMNS = ['ID', ...Object.values(PATHS.fields).filter((f) => f !== 'ID')];
const STEP_COLUMNS = ['ID', ...Object.values(STEPS.fields).filter((f) => f !== 'ID')];

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const numberOf = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function parsed(value: unknown): unknown {
  try {
    return typeof value === 'string' && value.trim() !== '' ? (JSON.parse(value) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Texts per language tag (lower case) of a `Translations` column; none when it is not an object of objects. */
function textsOf<T>(value: unknown): Translations<T> {
  const data = parsed(value);
  const out: { [tag: string]: T } = {};
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    for (const [tag, entry] of Object.entries(data as Row)) {
      if (typeof entry === 'object' && entry !== null) out[tag.toLowerCase()] = entry as T;
    }
  }
  return out;
}

const idsOf = (value: unknown): number[] => {
  const data = parsed(value);
  return Array.isArray(data) ? data.filter((id): id is number => Number.isSafeInteger(id) && id >= 1) : [];
};

export function adminPathOf(row: Row): AdminPath {
  const renewal = row[PATHS.fields.renewalPathId];
  return {
    id: numberOf(row.ID, 0),
    title: textOf(row[PATHS.fields.title]) ?? '',
    translations: textsOf(row[PATHS.fields.translations]),
    category: (LEARNING_CATEGORIES as readonly unknown[]).indexOf(row[PATHS.fields.category]) >= 0 ? (row[PATHS.fields.category] as LearningCategory) : 'other',
    isActive: row[PATHS.fields.isActive] === true,
    requiresPathIds: idsOf(row[PATHS.fields.requiresPathIds]),
    grants: parseGrants(row[PATHS.fields.grants]).grants,
    trainerIds: idsOf(row[PATHS.fields.trainerIds]),
    validityMonths: numberOf(row[PATHS.fields.validityMonths], 0),
    lapseDays: numberOf(row[PATHS.fields.lapseDays], 0),
    ...(typeof renewal === 'number' && renewal >= 1 ? { renewalPathId: renewal } : {})
  };
}

export function adminStepOf(row: Row): AdminStep | undefined {
  const kind = row[STEPS.fields.kind];
  if (typeof kind !== 'string' || (STEP_KINDS as readonly string[]).indexOf(kind) < 0) {
    return undefined;
  }
  const quiz = parseQuiz(row[STEPS.fields.quiz]);
  const contentUrl = textOf(row[STEPS.fields.contentUrl]);
  const vivaCourseId = textOf(row[STEPS.fields.vivaCourseId]);
  return {
    id: numberOf(row.ID, 0),
    pathId: numberOf(row[STEPS.fields.pathId], 0),
    sortOrder: numberOf(row[STEPS.fields.sortOrder], 0),
    kind: kind as StepKind,
    title: textOf(row[STEPS.fields.title]) ?? '',
    translations: textsOf(row[STEPS.fields.translations]),
    estimatedMinutes: numberOf(row[STEPS.fields.estimatedMinutes], 1),
    ...(contentUrl ? { contentUrl } : {}),
    ...(vivaCourseId ? { vivaCourseId } : {}),
    ...(quiz ? { quiz } : {}),
    keySealed: textOf(row[STEPS.fields.quizKey]) !== undefined
  };
}

export class SharePointLearningAdmin implements LearningAdminStore {
  private readonly reads: () => SPFI;

  public constructor(private readonly sp: SPFI) {
    this.reads = tickBatcher(sp);
  }

  public start(): Promise<LearningAdminStart> {
    return storeCall('Reading the learning paths', async () => {
      const batch = this.reads();
      const [paths, steps, mask] = await Promise.all([
        batch.web.lists.getByTitle(PATHS.title).items.select(...PATH_COLUMNS).orderBy('Title').top(MAX_ROWS)<Row[]>(),
        batch.web.lists.getByTitle(STEPS.title).items.select(...STEP_COLUMNS).top(MAX_ROWS)<Row[]>(),
        SPQueryable(batch.web, 'EffectiveBasePermissions')<{ High?: string | number; Low?: string | number }>()
      ]);
      return {
        paths: paths.map(adminPathOf),
        steps: steps.map(adminStepOf).filter((step): step is AdminStep => step !== undefined),
        mayEdit: holds(mask, OVERRIDE_LIST_BEHAVIORS) && holds(mask, ADD_LIST_ITEMS) && holds(mask, EDIT_LIST_ITEMS)
      };
    });
  }

  public trainersOf(ids: readonly number[]): Promise<string[]> {
    if (ids.length === 0) {
      return Promise.resolve([]);
    }
    return storeCall('Reading the trainers', async () => {
      const users = await this.sp.web.siteUsers.select('Id', 'Email', 'UserPrincipalName').filter(ids.map((id) => `Id eq ${id}`).join(' or '))<Row[]>();
      const byId = new Map(users.map((user) => [numberOf(user.Id, 0), textOf(user.UserPrincipalName) ?? textOf(user.Email) ?? '']));
      return ids.map((id) => byId.get(id) ?? '').filter((name) => name !== '');
    });
  }

  public savePath(draft: PathDraft): Promise<ItemId> {
    return storeCall('Saving the path', async () => {
      const trainerIds: number[] = [];
      for (const trainer of draft.trainers) {
        trainerIds.push((await this.sp.web.ensureUser(memberLogin(trainer.trim()))).Id);
      }
      return this.write(PATHS.title, draft.id, pathColumns(draft, trainerIds));
    });
  }

  public saveStep(form: StepForm, sortOrder: number): Promise<ItemId> {
    return storeCall('Saving the step', () => this.write(STEPS.title, form.id, stepColumns(form, sortOrder)));
  }

  public deleteStep(id: ItemId): Promise<void> {
    return storeCall('Deleting the step', () => this.sp.web.lists.getByTitle(STEPS.title).items.getById(id).delete());
  }

  public reorder(changes: ReadonlyArray<{ readonly id: ItemId; readonly sortOrder: number }>): Promise<void> {
    return storeCall('Moving the step', async () => {
      const batch = this.reads();
      await Promise.all(changes.map((change) => batch.web.lists.getByTitle(STEPS.title).items.getById(change.id).update({ [STEPS.fields.sortOrder]: change.sortOrder })));
    });
  }

  private async write(list: string, id: ItemId | undefined, columns: Record<string, unknown>): Promise<ItemId> {
    const items = this.sp.web.lists.getByTitle(list).items;
    if (id !== undefined) {
      await items.getById(id).update(columns);
      return id;
    }
    const added = (await items.add(columns)) as { Id?: unknown; ID?: unknown; data?: { Id?: unknown } };
    return numberOf(added.Id ?? added.ID ?? added.data?.Id, 0);
  }
}
