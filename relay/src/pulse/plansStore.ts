/**
 * SE_ActionPlans as the relay reads and writes it (docs/data-model.md "SE_ActionPlans"), with its
 * own identity. Only the relay writes plans: after Engage Setup members neither read nor write
 * the list (a draft, and a comment quoted in it, must not reach anyone through REST), and an item
 * counts only when the relay wrote it and was its last writer (`Author` and `Editor` its own app
 * login, `ownIdentity.ts`): a row HR or a site owner added or changed by hand in SharePoint is not
 * shown to anyone, since the relay did not check it.
 *
 * Changes carry the version the writer read (the item's ETag, IF-MATCH): a plan someone changed
 * in between is refused, not overwritten. A new plan is stored once per plan key (made on the
 * device): a resend after a lost answer finds the plan it stored; two sends racing keep the older
 * item and delete the newer.
 *
 * **A quoted comment is stored by its thread id only** (`SourceComment` = `thread:<thread id>`),
 * never its words: the words are read from the released comment when a plan is served
 * (`plansQuotes.ts`), so no row a site owner can read holds a comment's words, and no row changes
 * when HR hides a comment or its author deletes it. A thread id is a keyed hash of the comment's
 * token (`threadsStore.ts`): it names the comment, never its author, and opens nothing. A row
 * written before (`SourceComment` holding the comment's words) reads as a comment whose words are
 * not known: none are served, and the next save of the plan writes `thread:` in their place.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { PULSE_DRIVERS, type PulseDriver, ACTION_PLAN_STATUSES, type ActionPlanStatus } from '../../../src/core/models/pulse';
import type { ActionPlanRecord, PlanFields, PlanSource } from '../../../src/core/pulse/plans/types';
import { THREAD_ID_PATTERN } from '../../../src/core/pulse/threads/threads';
import { LISTS } from '../../../src/core/schema/lists';
import { deleteIfThere } from '../sharepoint';
import { relayLogin } from './ownIdentity';

const PLANS = LISTS.actionPlans;
const F = PLANS.fields;

type Row = Readonly<Record<string, unknown>>;

/** Plans read at most per call: a plant writes a few per round. */
export const MAX_PLANS = 2000;

const COLUMNS = [
  'ID',
  F.title,
  F.surveyId,
  F.roundId,
  F.groupKey,
  F.driver,
  F.youSaid,
  F.weDid,
  F.sourceComment,
  F.ownerName,
  F.dueDate,
  F.status,
  F.publishedAt,
  F.planKey,
  'Owner/Name',
  'Author/Name',
  'Editor/Name'
];

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const loginOf = (value: unknown): string => String((value as { Name?: unknown } | undefined)?.Name ?? '').toLowerCase();
/** `i:0#.f|membership|eva@contoso.com` → `eva@contoso.com`. */
const upnOf = (claims: string): string => claims.slice(claims.lastIndexOf('|') + 1);

/** A stored plan and its key (never sent to employees). */
export interface StoredPlan extends ActionPlanRecord {
  readonly planKey: string;
}

/** What `SourceComment` holds for a quoted comment: this, then the thread id (nothing after it: words not known). */
const THREAD_REF = 'thread:';

/** A plan's source from its `SourceComment`: a thread id, or a comment whose words are not known (an older row's words are never read back). */
function sourceOfColumn(value: string): PlanSource {
  if (value === '') {
    return { kind: 'driver' };
  }
  const threadId = value.indexOf(THREAD_REF) === 0 ? value.slice(THREAD_REF.length) : '';
  return THREAD_ID_PATTERN.test(threadId) ? { kind: 'comment', threadId } : { kind: 'comment' };
}

/** `SourceComment` of a source: the thread id, never words. */
function columnOfSource(source: PlanSource): string {
  return source.kind === 'comment' ? `${THREAD_REF}${source.threadId ?? ''}` : '';
}

function planOf(row: Row): StoredPlan | undefined {
  const driver = str(row[F.driver]) as PulseDriver;
  const status = str(row[F.status]) as ActionPlanStatus;
  const etag = row['odata.etag'];
  if (PULSE_DRIVERS.indexOf(driver) < 0 || ACTION_PLAN_STATUSES.indexOf(status) < 0 || typeof etag !== 'string') {
    return undefined;
  }
  const source = sourceOfColumn(str(row[F.sourceComment]));
  const publishedAt = str(row[F.publishedAt]);
  return {
    id: Number(row.ID),
    surveyId: Number(row[F.surveyId]),
    roundId: Number(row[F.roundId]),
    headline: str(row[F.title]),
    driver,
    source,
    youSaid: str(row[F.youSaid]),
    weWillDo: str(row[F.weDid]),
    owner: { name: str(row[F.ownerName]), login: upnOf(loginOf(row.Owner)) },
    dueDate: str(row[F.dueDate]),
    status,
    groupKey: str(row[F.groupKey]),
    ...(publishedAt !== '' ? { publishedAt: new Date(publishedAt).toISOString() } : {}),
    version: etag,
    planKey: str(row[F.planKey])
  };
}

/** The relay's plans (those it wrote and last changed), newest first; `filter` an OData filter on indexed columns. */
export async function readPlans(sp: SPFI, filter?: string): Promise<StoredPlan[]> {
  const [own, rows] = await Promise.all([
    relayLogin(sp),
    (filter ? sp.web.lists.getByTitle(PLANS.title).items.filter(filter) : sp.web.lists.getByTitle(PLANS.title).items)
      .select(...COLUMNS)
      .expand('Owner', 'Author', 'Editor')
      .orderBy('ID', false)
      .top(MAX_PLANS)<Row[]>()
  ]);
  return rows
    .filter((row) => loginOf(row.Author) === own && loginOf(row.Editor) === own)
    .map(planOf)
    .filter((plan): plan is StoredPlan => plan !== undefined);
}

/** An OData string literal. */
export const odataText = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** One plan by id, when the relay wrote it. */
export async function readPlan(sp: SPFI, id: number): Promise<StoredPlan | undefined> {
  return (await readPlans(sp, `ID eq ${id}`))[0];
}

/** What clears a column in SharePoint. */
// eslint-disable-next-line @rushstack/no-new-null -- SharePoint clears a column with null
export const CLEARED = null;

/** The columns of a plan's fields (the owner as a site user id), as the relay writes them. */
export function fieldValues(fields: PlanFields, ownerId: number | undefined): Record<string, unknown> {
  return {
    [F.title]: fields.headline,
    [F.roundId]: fields.roundId,
    [F.groupKey]: fields.groupKey,
    [F.driver]: fields.driver,
    [F.youSaid]: fields.youSaid,
    [F.weDid]: fields.weWillDo,
    [F.sourceComment]: columnOfSource(fields.source),
    [F.ownerName]: fields.owner.name,
    [`${F.owner}Id`]: ownerId ?? CLEARED,
    [F.dueDate]: fields.dueDate === '' ? CLEARED : fields.dueDate,
    [F.status]: fields.status
  };
}

/** Thrown when the plan changed since the writer read it (IF-MATCH refused). */
export class PlanChangedError extends Error {
  public constructor() {
    super('The plan changed since it was read.');
    this.name = 'PlanChangedError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * Adds a plan under `planKey`, once: the plan that stands for the key afterwards (the oldest the
 * relay wrote under it; newer copies from a race are deleted).
 */
export async function addPlan(sp: SPFI, planKey: string, surveyId: number, fields: PlanFields, ownerId: number | undefined): Promise<StoredPlan> {
  const byKey = (): Promise<StoredPlan[]> => readPlans(sp, `${F.planKey} eq ${odataText(planKey)}`);
  const existing = await byKey();
  if (existing.length === 0) {
    await sp.web.lists.getByTitle(PLANS.title).items.add({ ...fieldValues(fields, ownerId), [F.surveyId]: surveyId, [F.planKey]: planKey });
  }
  const stored = (existing.length > 0 ? existing : await byKey()).sort((a, b) => a.id - b.id);
  if (stored.length === 0) {
    throw new Error('The plan just written is not there.');
  }
  await Promise.all(stored.slice(1).map((copy) => deleteIfThere(sp.web.lists.getByTitle(PLANS.title).items.getById(copy.id))));
  return stored[0];
}

/** Writes `values` over plan `id` at `version`; the plan as it stands afterwards. */
export async function updatePlan(sp: SPFI, id: number, version: string, values: Record<string, unknown>): Promise<StoredPlan> {
  try {
    await sp.web.lists.getByTitle(PLANS.title).items.getById(id).update(values, version);
  } catch (error) {
    if (httpStatusOf(error) === 412) {
      throw new PlanChangedError();
    }
    throw error;
  }
  const plan = await readPlan(sp, id);
  if (!plan) {
    throw new Error('The plan just written is not there.');
  }
  return plan;
}

export const PUBLISHED_AT = F.publishedAt;
export const STATUS = F.status;
export const GROUP_KEY = F.groupKey;
