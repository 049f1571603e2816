/**
 * POST /api/recognitions  {items: NewRecognitionItem[]}  → 200 {ids: number[]}
 *
 * Giving recognition, written with the relay's identity: members cannot write SE_Recognitions
 * once setup has run, so nobody can change a post's state, audience, recipient or words after
 * it was given, nor bring back a post HR removed. The giver is taken from the caller's token
 * (the item's `Giver`), never from the request (`parseGiveRequest` in core says what is taken).
 *
 * - Refused with 409 `notSetUp` until Engage Setup has run (`setupGate`).
 * - The value must exist and be in use; each recipient must be a person the site knows, not
 *   the giver. Kinds `leader`, `milestone` and `anniversary` are kept only when the giver is
 *   the recipient's manager (`storedKind`); anyone else's are stored as `peer`. A crew post's
 *   crew must be one of the recipient's Teams teams, as the directory says.
 * - "Private" and "my crew" posts get permissions of their own (`restrictItem`): readable by
 *   the giver, the recipient, the recipient's leader (their manager, asked of Microsoft Graph
 *   by the relay, never the page) and, for a crew post, the crew's Microsoft 365 group; and by
 *   those who moderate. Such an item is first written as a hidden placeholder naming neither the
 *   recipient nor the crew, without the words, restricted, and only then given its content and
 *   published: nothing private can be read before its permissions are set.
 * - Exactly once per item: an item is found again by its ClientRequestId among the items the
 *   relay wrote for the same giver (`settleKeyedRows`, no unique column: SharePoint refuses one
 *   in a list with item permissions); a resend after a lost answer returns the same ids and
 *   finishes a half-done private item. A stored post is never changed by a resend. A request id
 *   under which the relay wrote someone else's post is refused (400 `clientRequestId`); a row
 *   under the key that a person wrote is ignored.
 * - Rate limited per person (RATE_LIMITS.recognitions); a resend that stores nothing new does
 *   not count.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import { httpStatusOf } from '../../../src/connectors/sharepoint/httpErrors';
import { settleKeyedRows } from '../../../src/core/keyedRows';
import { isAppLogin, memberLogin } from '../../../src/core/people/claims';
import type { NewRecognitionItem } from '../../../src/core/recognition/compose';
import { LEADER_KINDS, parseGiveRequest, storedKind } from '../../../src/core/recognition/giveRequest';
import { odataString } from '../../../src/core/odata';
import { LISTS } from '../../../src/core/schema/lists';
import { type Caller, RELAY_SCOPE } from '../auth';
import type { RelayDirectory } from '../directory';
import { groupMembersLogin, restrictItem } from '../itemAccess';
import { RATE_LIMITS } from '../rateLimits';
import { problem, type RelayAnswer, RelayProblem, type UserRoute } from '../router';
import type { SetupGate } from '../setupGate';
import { deleteIfThere, ensuredUserId, NOT_A_SITE_USER, sharePointProblem } from '../sharepoint';

export interface GiveAnswerBody {
  /** The stored items' ids, in the order of the request's items. */
  readonly ids: readonly number[];
}

const RECOGNITIONS = LISTS.recognitions;
const VALUES = LISTS.values;
const F = RECOGNITIONS.fields;

/** The words of a private item while its permissions are being set: nothing to read yet. */
const PLACEHOLDER = '…';

export interface RecognitionsRouteDeps {
  /** The engagement site with the relay's app-only identity. */
  readonly site: () => SPFI;
  readonly directory: RelayDirectory;
  readonly gate: SetupGate;
}

export function recognitionsRoute(deps: RecognitionsRouteDeps): UserRoute {
  return {
    method: 'POST',
    path: '/api/recognitions',
    userToken: { scope: RELAY_SCOPE },
    // Fifty recipients with the longest message and impact line, in JSON.
    body: { maxCharacters: 512 * 1024 },
    rateLimit: RATE_LIMITS.recognitions,
    handle: async ({ caller, body }) => {
      const request = parseGiveRequest(body);
      if (!request.ok) {
        return problem(400, 'invalidInput', `The recognition is not valid (${request.error}).`, { field: request.error });
      }
      try {
        const refusal = await deps.gate.refusal();
        return refusal ?? (await give(deps, caller, request.requestId, request.items));
      } catch (error) {
        throw error instanceof RelayProblem ? error : sharePointProblem(error, 'save the recognition');
      }
    }
  };
}

/** A refusal of the request's content (400), for a rule the relay checks against the site. */
const refused = (field: string, message: string): RelayAnswer => problem(400, 'invalidInput', message, { field });

/** The user principal name in a member's claims login (`i:0#.f|membership|upn`). */
function upnOf(login: string): string | undefined {
  const match = /^i:0#\.f\|membership\|(.+)$/i.exec(login);
  return match ? match[1] : undefined;
}

interface Recipient {
  readonly id: number;
  readonly login: string;
}

async function recipientOf(sp: SPFI, id: number): Promise<Recipient | undefined> {
  try {
    const user = await sp.web.siteUsers.getById(id).select('Id', 'LoginName', 'PrincipalType')<{ Id: number; LoginName?: string; PrincipalType?: number }>();
    const login = user.LoginName ?? '';
    // A person (PrincipalType 1), not a group or an app.
    return user.PrincipalType === 1 && login !== '' && !isAppLogin(login) ? { id: user.Id, login } : undefined;
  } catch (error) {
    if (httpStatusOf(error) === 404) {
      return undefined;
    }
    throw error;
  }
}

/** The user principal name of the recipient's manager, from the directory (Graph); undefined when they have none. */
async function managerOf(directory: RelayDirectory, recipient: Recipient): Promise<string | undefined> {
  const upn = upnOf(recipient.login);
  return upn ? directory.managerOf(upn) : undefined;
}

/**
 * Who may read a post that is not for everyone (site principal ids), besides those who
 * moderate; and for a crew post, its crew key as the directory writes the team id.
 */
async function readersOf(
  sp: SPFI,
  directory: RelayDirectory,
  giverId: number,
  recipient: Recipient,
  managerUpn: string | undefined,
  item: NewRecognitionItem
): Promise<{ readonly readers: number[]; readonly crewKey?: string } | RelayAnswer> {
  const readers = [giverId, recipient.id];
  const leaderId = managerUpn ? await ensuredUserId(sp, memberLogin(managerUpn)) : undefined;
  if (leaderId !== undefined) {
    readers.push(leaderId);
  }
  if (item.Visibility === 'crew') {
    // Only a crew (Teams team) the recipient is in, as the directory says, not as the page says.
    const upn = upnOf(recipient.login);
    const teams = upn ? await directory.teamsOf(upn) : [];
    const team = teams.find((id) => id.toLowerCase() === (item.CrewKey ?? '').toLowerCase());
    const crewId = team ? await ensuredUserId(sp, groupMembersLogin(team)) : undefined;
    if (crewId === undefined) {
      return refused('crewKey', 'The crew is not one the recipient is in.');
    }
    readers.push(crewId);
    return { readers, crewKey: team };
  }
  return { readers };
}

interface KeyedPost {
  readonly ID: number;
  readonly Status?: string;
  readonly Message?: string;
  readonly Visibility?: string;
  readonly GiverId?: number;
  readonly Author?: { readonly Name?: string };
}

/** A post still being written: hidden, without its words or recipient, until its permissions are set. */
const isPlaceholder = (post: KeyedPost): boolean => post.Status === 'hidden' && post.Message === PLACEHOLDER;

/**
 * The placeholder of a private or crew post: it inherits the list's permissions until the relay
 * has restricted it, so it names no recipient, crew or words (its recipient is the giver
 * themselves, and its key is the request id with the item's place in the request, `pendingKey`)
 * — only that the giver is giving something.
 */
function placeholderOf(item: NewRecognitionItem, giverId: number, pending: string): Record<string, unknown> {
  return {
    Title: PLACEHOLDER,
    [`${F.recipient}Id`]: giverId,
    [`${F.giver}Id`]: giverId,
    [F.kind]: 'peer',
    [F.valueKey]: item.ValueKey,
    [F.message]: PLACEHOLDER,
    [F.siteCode]: item.SiteCode,
    [F.visibility]: item.Visibility,
    [F.status]: 'hidden',
    [F.clientRequestId]: pending
  };
}

/** A placeholder's key: the request id and the item's place in the request, not its recipient. */
const pendingKey = (requestId: string, index: number): string => `${requestId}:p${index}`;

/** What a finished post holds beyond its placeholder. */
function contentOf(item: NewRecognitionItem): Record<string, unknown> {
  return {
    Title: item.Title,
    [`${F.recipient}Id`]: item.RecipientId,
    [F.kind]: item.Kind,
    [F.message]: item.Message,
    [F.impact]: item.Impact ?? null,
    [F.lineCode]: item.LineCode ?? null,
    [F.shiftCode]: item.ShiftCode ?? null,
    [F.crewKey]: item.CrewKey ?? null,
    [F.batchId]: item.BatchId ?? null,
    [F.milestoneKind]: item.MilestoneKind ?? null,
    [F.clientRequestId]: item.ClientRequestId,
    [F.status]: 'published'
  };
}

const TAKEN = (): RelayAnswer => refused('clientRequestId', 'This request id belongs to another submission.');

async function give(deps: RecognitionsRouteDeps, caller: Caller, requestId: string, items: readonly NewRecognitionItem[]): Promise<RelayAnswer> {
  const sp = deps.site();
  const giverId = await ensuredUserId(sp, memberLogin(caller.userPrincipalName));
  if (giverId === undefined) {
    return NOT_A_SITE_USER();
  }
  if (items.some((item) => item.RecipientId === giverId)) {
    return refused('recipient', 'You cannot recognise yourself.');
  }
  const valueKey = items[0].ValueKey;
  const values = await sp.web.lists
    .getByTitle(VALUES.title)
    .items.select(VALUES.fields.id, VALUES.fields.valueKey, VALUES.fields.isActive)
    .filter(`${VALUES.fields.valueKey} eq ${odataString(valueKey)}`)
    .top(1)<Array<Record<string, unknown>>>();
  if (values.length === 0 || values[0][VALUES.fields.isActive] !== true || items.some((item) => item.ValueKey !== valueKey)) {
    return refused('valueKey', 'The value is not in use.');
  }
  // The value's key as HR wrote it (SharePoint compares text without case).
  const storedValueKey = String(values[0][VALUES.fields.valueKey]);

  // Everything checked and every reader known before anything is written.
  const plans: Array<{ readonly item: NewRecognitionItem; readonly readers?: readonly number[] }> = [];
  for (const requested of items) {
    const recipient = await recipientOf(sp, requested.RecipientId);
    if (!recipient) {
      return refused('recipient', 'The recipient is not a person this site knows.');
    }
    const managerUpn = requested.Visibility !== 'everyone' || LEADER_KINDS.includes(requested.Kind) ? await managerOf(deps.directory, recipient) : undefined;
    const kind = storedKind(requested.Kind, caller.userPrincipalName, managerUpn);
    const { MilestoneKind: milestoneKind, ...rest } = requested;
    const item: NewRecognitionItem = {
      ...rest,
      ValueKey: storedValueKey,
      Kind: kind,
      // A milestone's kind belongs to a milestone the relay kept as one.
      ...(milestoneKind && (kind === 'milestone' || kind === 'anniversary') ? { MilestoneKind: milestoneKind } : {})
    };
    if (item.Visibility === 'everyone') {
      plans.push({ item });
      continue;
    }
    const access = await readersOf(sp, deps.directory, giverId, recipient, managerUpn, item);
    if ('status' in access) {
      return access;
    }
    plans.push({ item: access.crewKey ? { ...item, CrewKey: access.crewKey } : item, readers: access.readers });
  }

  const list = sp.web.lists.getByTitle(RECOGNITIONS.title);
  /** The rows under an item's keys: its own, and its placeholder's (two queries: `or` is refused on a large list). */
  const readKeys = async (item: NewRecognitionItem, index: number): Promise<KeyedPost[]> => {
    const byKey = (key: string): Promise<KeyedPost[]> =>
      list.items
        .select('ID', F.status, F.message, F.visibility, `${F.giver}Id`, 'Author/Name')
        .expand('Author')
        .filter(`${F.clientRequestId} eq ${odataString(key)}`)
        .orderBy('ID', true)
        .top(100)<KeyedPost[]>();
    const [finished, pending] = await Promise.all([byKey(item.ClientRequestId), byKey(pendingKey(requestId, index))]);
    return [...finished, ...pending].sort((a, b) => a.ID - b.ID);
  };
  /**
   * The post kept under the keys: the oldest the relay wrote (rows anyone else wrote say
   * nothing). With `drop`, later copies the relay wrote for the same giver (a resend racing the
   * first) are deleted.
   */
  const settle = async (rows: readonly KeyedPost[], drop: boolean): Promise<KeyedPost | undefined> => {
    const relayRows = rows.filter((row) => isAppLogin(row.Author?.Name ?? ''));
    const plan = settleKeyedRows(relayRows.map((row) => ({ id: row.ID, trusted: true })));
    const kept = relayRows.find((row) => row.ID === plan.keep);
    for (const id of drop ? plan.drop.filter((id) => relayRows.some((row) => row.ID === id && row.GiverId === kept?.GiverId)) : []) {
      await deleteIfThere(list.items.getById(id));
    }
    return kept;
  };
  /** Someone else's post under the key, or this giver's unfinished one asked for with another audience: never reused. */
  const refusedFor = (post: KeyedPost | undefined, item: NewRecognitionItem): boolean =>
    post !== undefined && (post.GiverId !== giverId || (isPlaceholder(post) && post.Visibility !== item.Visibility));

  // Every item's keys checked before anything is written: a refusal leaves nothing half-stored.
  for (const [index, { item }] of plans.entries()) {
    if (refusedFor(await settle(await readKeys(item, index), false), item)) {
      return TAKEN();
    }
  }
  const ids: number[] = [];
  let added = false;
  for (const [index, { item, readers }] of plans.entries()) {
    let post = await settle(await readKeys(item, index), true);
    if (!post) {
      await list.items.add(readers ? placeholderOf(item, giverId, pendingKey(requestId, index)) : { ...item, [`${F.giver}Id`]: giverId });
      added = true;
      post = await settle(await readKeys(item, index), true);
      if (!post) {
        throw new Error('The recognition was added but cannot be found by its request id.');
      }
    }
    if (refusedFor(post, item)) {
      return TAKEN();
    }
    // A stored post is never changed by a resend; only a placeholder of this giver is finished.
    if (readers && isPlaceholder(post)) {
      const target = list.items.getById(post.ID);
      await restrictItem(sp, target, readers);
      await target.update(contentOf(item));
    }
    ids.push(post.ID);
  }
  const answer: GiveAnswerBody = { ids };
  return { status: 200, body: answer, counted: added };
}
