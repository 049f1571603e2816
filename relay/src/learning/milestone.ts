/**
 * A finished learning path posted to the recognition wall as a milestone, when the person allowed
 * it (`decideMilestone`, docs/learning.md "A finished path on the wall"; docs/relay.md "Learning").
 *
 * Called by the write that finished the path (a step done, a quiz passed, a sign-off) and by its
 * resend. The post is the relay's, like every post on the wall: `Author` the relay, no `Giver`,
 * `Recipient` the person, kind `milestone`, `MilestoneKind` `learning-path`, public. Once per path
 * and person: `ClientRequestId` is `learning-path:<pathId>:<userId>`; among the rows the relay wrote
 * under the key the oldest stands and later copies (two finishing writes at once) are deleted.
 *
 * What steers it is the person's own: their SE_Preferences row counts only when its Author is the
 * person in its `Person` column, or the relay (as the pulse reads quiet hours), so no colleague can
 * put someone's learning on the wall, or keep it off.
 *
 * A post that fails is logged and never fails the learning write: the step stays recorded, and a
 * resend of the finishing write posts it.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { settleKeyedRows } from '../../../src/core/keyedRows';
import { decideMilestone, LEARNING_MILESTONE_VALUE, LEARNING_PATH_MILESTONE, learningMilestoneKey, milestoneLanguage, milestoneMessage } from '../../../src/core/learning/milestone';
import { finishedPaths } from '../../../src/core/learning/nextStep';
import { pathName } from '../../../src/core/learning/wording';
import type { ProgressStatus } from '../../../src/core/models/learning';
import { isAppLogin } from '../../../src/core/people/claims';
import { LISTS } from '../../../src/core/schema/lists';
import { readPlantMap } from '../pulse/rounds';
import { deleteIfThere } from '../sharepoint';
import { odataText, readPathProgress, readPathSteps, type Row } from './store';

type Log = (line: string) => void;

const PREFS = LISTS.preferences;
const PATHS = LISTS.learningPaths;
const PROGRESS = LISTS.progress;
const RECOGNITIONS = LISTS.recognitions;
const R = RECOGNITIONS.fields;

export interface MilestonePathRef {
  readonly id: number;
  readonly grants: ReadonlyArray<{ readonly station: string }>;
}

const iso = (value: unknown): number | undefined => (typeof value === 'string' && !isNaN(Date.parse(value)) ? Date.parse(value) : undefined);
const authorName = (row: Row): string => {
  const author = row.Author as { Name?: unknown } | undefined;
  return typeof author?.Name === 'string' ? author.Name : '';
};

/** The person's own preferences row (theirs or the relay's), or none. */
async function ownPreferences(sp: SPFI, learnerId: number): Promise<Row | undefined> {
  const rows = await sp.web.lists
    .getByTitle(PREFS.title)
    .items.select('ID', 'AuthorId', 'Author/Name', `${PREFS.fields.person}Id`, PREFS.fields.shareLearningSince, PREFS.fields.hideFromPublicWall, PREFS.fields.preferredLanguage)
    .expand('Author')
    .filter(`${PREFS.fields.person}Id eq ${learnerId}`)
    .orderBy('ID', true)
    .top(10)<Row[]>();
  return rows.filter((row) => row.AuthorId === learnerId || isAppLogin(authorName(row)))[0];
}

/** When the person finished the path: its last sign-off or last step done; none while unfinished. */
async function finishedAt(sp: SPFI, learnerId: number, pathId: number, log: Log): Promise<Date | undefined> {
  const [steps, progress] = await Promise.all([readPathSteps(sp, pathId, log), readPathProgress(sp, learnerId, pathId, log)]);
  const planSteps = steps.map((s, index) => ({ id: s.id, pathId: s.pathId, sortOrder: index, kind: s.kind, estimatedMinutes: 1, requiresSignOff: s.requiresSignOff }));
  const rows = progress.map((row) => ({ stepId: Number(row[PROGRESS.fields.stepId]), status: row[PROGRESS.fields.status] as ProgressStatus }));
  if (!finishedPaths({ paths: [{ id: pathId, requiresPathIds: [], isActive: true }], steps: planSteps, progress: rows }).has(pathId)) {
    return undefined;
  }
  // Stored instants: a resend of the finishing write finds the same moment as the write itself.
  const times = progress
    .map((row) => Math.max(iso(row[PROGRESS.fields.signedOffAt]) ?? 0, iso(row[PROGRESS.fields.completedAt]) ?? 0))
    .filter((at) => at > 0);
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

/** The path's name in `language` (HR's words), else its Title. */
async function nameOf(sp: SPFI, pathId: number, language: string): Promise<string> {
  const row = await sp.web.lists.getByTitle(PATHS.title).items.getById(pathId).select('Title', PATHS.fields.translations)<Row>();
  let translations: Record<string, { name: string }> = {};
  try {
    const data = JSON.parse(typeof row[PATHS.fields.translations] === 'string' ? (row[PATHS.fields.translations] as string) : '{}') as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      translations = Object.keys(data).reduce<Record<string, { name: string }>>((out, tag) => {
        const entry = (data as Record<string, unknown>)[tag] as { name?: unknown } | null;
        return entry && typeof entry.name === 'string' ? { ...out, [tag.toLowerCase()]: { name: entry.name } } : out;
      }, {});
    }
  } catch {
    // Not JSON: the Title names it.
  }
  return pathName({ title: typeof row.Title === 'string' ? row.Title : '', translations }, language);
}

/**
 * The site of the post: the plant's only site, else the site of the line of a station the path
 * grants. Nothing is guessed: none told, no post (logged).
 */
async function siteOf(sp: SPFI, path: MilestonePathRef, log: Log): Promise<string | undefined> {
  const map = await readPlantMap(sp, log);
  if (map.sites.length === 1) {
    return map.sites[0].code;
  }
  // A station's code begins with its line's (`GOT-PRESS1-P1` on line `GOT-PRESS1`).
  const lineOf = (station: string): string | undefined =>
    map.lines.filter((line) => station.toLowerCase().indexOf(`${line.code.toLowerCase()}-`) === 0)[0]?.siteCode;
  const sites = new Set(path.grants.map((grant) => lineOf(grant.station)).filter((code): code is string => code !== undefined));
  return sites.size === 1 ? [...sites][0] : undefined;
}

export interface MilestoneWriter {
  /** After a write that may have finished `path` for the learner: the milestone posted once, when allowed. */
  (sp: SPFI, learnerId: number, path: MilestonePathRef, crewKey: string | undefined): Promise<void>;
}

export function learningMilestones(log: Log): MilestoneWriter {
  async function post(sp: SPFI, learnerId: number, path: MilestonePathRef, crewKey: string | undefined): Promise<void> {
    const at = await finishedAt(sp, learnerId, path.id, log);
    if (!at) {
      return;
    }
    const prefs = await ownPreferences(sp, learnerId);
    const since = iso(prefs?.[PREFS.fields.shareLearningSince]);
    const decision = decideMilestone(prefs ? { ...(since !== undefined ? { shareLearningSince: new Date(since) } : {}), hideFromPublicWall: prefs[PREFS.fields.hideFromPublicWall] === true } : undefined, at);
    if (!decision.post) {
      return;
    }
    const key = learningMilestoneKey(path.id, learnerId);
    const list = sp.web.lists.getByTitle(RECOGNITIONS.title);
    const byKey = async (): Promise<number | undefined> => {
      const rows = await list.items.select('ID', 'Author/Name').expand('Author').filter(`${R.clientRequestId} eq ${odataText(key)}`).orderBy('ID', true).top(100)<Row[]>();
      // Rows anyone else wrote under the key say nothing (after setup nobody else can write the list).
      const plan = settleKeyedRows(rows.filter((row) => isAppLogin(authorName(row))).map((row) => ({ id: Number(row.ID), trusted: true })));
      for (const id of plan.drop) {
        await deleteIfThere(list.items.getById(id));
      }
      return plan.keep;
    };
    if ((await byKey()) !== undefined) {
      return;
    }
    const site = await siteOf(sp, path, log);
    if (!site) {
      log(`learning milestone: no site known for path ${path.id}; nothing posted`);
      return;
    }
    const language = milestoneLanguage(typeof prefs?.[PREFS.fields.preferredLanguage] === 'string' ? (prefs[PREFS.fields.preferredLanguage] as string) : undefined);
    const message = milestoneMessage(await nameOf(sp, path.id, language), language);
    await list.items.add({
      Title: message.slice(0, 255),
      [`${R.recipient}Id`]: learnerId,
      [R.kind]: 'milestone',
      [R.milestoneKind]: LEARNING_PATH_MILESTONE,
      [R.valueKey]: LEARNING_MILESTONE_VALUE,
      [R.message]: message,
      [R.siteCode]: site,
      ...(crewKey ? { [R.crewKey]: crewKey } : {}),
      [R.visibility]: 'everyone',
      [R.status]: 'published',
      [R.clientRequestId]: key
    });
    // Two finishing writes at once each add one: both keep the oldest.
    await byKey();
  }

  return async (sp, learnerId, path, crewKey) => {
    try {
      await post(sp, learnerId, path, crewKey);
    } catch (error) {
      log(`learning milestone for path ${path.id} not posted: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
