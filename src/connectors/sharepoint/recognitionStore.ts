/**
 * The recognition features over SharePoint lists, through PnPjs: the wall (under the list view
 * threshold on a million items), giving (idempotent by ClientRequestId), reactions (one item per
 * person: counts are counted, never a shared counter to lose updates on), reports and HR's
 * decisions, values, and the person's wall preference.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/site-users/web';
import '@pnp/sp/webs';

import type { ItemId } from '../../core/models/common';
import { personKey, reactionKey, reportKey } from '../../core/models/keys';
import { REACTION_KINDS, type ReactionKind, type RecognitionKind, type RecognitionStatus, type RecognitionVisibility } from '../../core/models/recognition';
import type { RecognitionValue, ValueTranslation } from '../../core/models/values';
import { isAppLogin } from '../../core/people/claims';
import type { PersonProfile } from '../../core/people/types';
import type { NewRecognitionItem, RecipientRef } from '../../core/recognition/compose';
import type { ReportOutcome } from '../../core/recognition/moderation';
import type {
  ModerationItem,
  ModerationStore,
  PersonSummary,
  PreferenceStore,
  ReactionSummary,
  ReactionWriter,
  RecognitionWriter,
  ValueDraft,
  ValueStore,
  WallItem,
  WallPage,
  WallReader,
  WallStart
} from '../../core/recognition/ports';
import { indexedPage, nextWindowUpper, type WallFilters, type WallPageRequest, windowPage } from '../../core/recognition/wallQuery';
import { odataString } from '../../core/odata';
import { readOnce } from '../../core/readOnce';
import { LISTS } from '../../core/schema/lists';
import { EMPTY_PLANT_MAP } from '../../core/plant/plantMap';
import type { PlantMap } from '../../core/plant/types';
import { readPlantMap } from './plantSettings';
import { isDuplicateError, isThresholdError, storeCall } from './httpErrors';

const RECOGNITIONS = LISTS.recognitions.title;
const REACTIONS = LISTS.reactions.title;
const REPORTS = LISTS.reports.title;
const VALUES = LISTS.values.title;
const PREFERENCES = LISTS.preferences.title;

/** How many ID windows one page may walk before it returns what it has (with a cursor). */
const MAX_WINDOWS_PER_PAGE = 20;

const WALL_SELECT = [
  'ID', 'Created', 'Kind', 'ValueKey', 'Message', 'Impact', 'SiteCode', 'LineCode', 'ShiftCode', 'CrewKey',
  'Visibility', 'Status', 'BatchId', 'MilestoneKind',
  'Recipient/Id', 'Recipient/Title', 'Recipient/EMail', 'Author/Id', 'Author/Title', 'Author/EMail'
];

type Row = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function person(value: unknown): PersonSummary {
  const row = (typeof value === 'object' && value !== null ? value : {}) as Row;
  return { id: num(row.Id) ?? 0, displayName: str(row.Title) ?? '', email: str(row.EMail) };
}

/**
 * Who reported: the `Reporter` the relay recorded when the relay wrote the report; otherwise
 * the report's Author (a person writing a report themselves cannot be taken at their word
 * about who the reporter is).
 */
function reporterOf(row: Row): PersonSummary {
  const author = (typeof row.Author === 'object' && row.Author !== null ? row.Author : {}) as Row;
  return isAppLogin(str(author.Name) ?? '') ? person(row.Reporter) : person(row.Author);
}

function toWallItem(row: Row): WallItem {
  return {
    id: num(row.ID) ?? num(row.Id) ?? 0,
    recipient: person(row.Recipient),
    giver: person(row.Author),
    kind: (str(row.Kind) ?? 'peer') as RecognitionKind,
    valueKey: str(row.ValueKey) ?? '',
    message: str(row.Message) ?? '',
    impact: str(row.Impact),
    siteCode: str(row.SiteCode) ?? '',
    lineCode: str(row.LineCode),
    shiftCode: str(row.ShiftCode),
    crewKey: str(row.CrewKey),
    visibility: (str(row.Visibility) ?? 'everyone') as RecognitionVisibility,
    status: (str(row.Status) ?? 'published') as RecognitionStatus,
    batchId: str(row.BatchId),
    milestoneKind: str(row.MilestoneKind),
    created: str(row.Created) ?? ''
  };
}

function parseTranslations(value: unknown): Record<string, ValueTranslation | undefined> {
  if (typeof value !== 'string') {
    return {};
  }
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, ValueTranslation | undefined>) : {};
  } catch {
    return {};
  }
}

/** The signed-in person as the host page knows them; either part may be unknown. */
export interface StoreUser {
  readonly siteUserId?: number;
  readonly loginName?: string;
}

interface Cursor {
  readonly mode: 'indexed' | 'window';
  /** Indexed mode: the last ID shown. Window mode: the upper end of the next window. */
  readonly id: number;
}

function encodeCursor(cursor: Cursor): string {
  return `${cursor.mode}:${cursor.id}`;
}

function decodeCursor(text: string | undefined): Cursor | undefined {
  const match = /^(indexed|window):(\d+)$/.exec(text ?? '');
  return match ? { mode: match[1] as Cursor['mode'], id: Number(match[2]) } : undefined;
}

export class PnPRecognitionStore
  implements WallReader, RecognitionWriter, ReactionWriter, ModerationStore, ValueStore, PreferenceStore
{
  private me: Promise<{ id: number; loginName: string }> | undefined;
  private pendingBatch: SPFI | undefined;
  /** Read again next time when a read fails. */
  private readonly readPlant = readOnce((sp: SPFI) => readPlantMap(sp));

  /**
   * `user`: the signed-in person as the page already knows them (SPFx's page context has the
   * site user id and login name), so no request is spent asking SharePoint who they are.
   */
  public constructor(
    private readonly sp: SPFI,
    private readonly user?: StoreUser
  ) {}

  /**
   * Reads started in the same turn of the event loop share one `$batch`: a part that asks for
   * the values, the signed-in user and a preference at once makes one round trip, not three.
   * Each read keeps its own result or error.
   */
  private reads(): SPFI {
    if (!this.pendingBatch) {
      const [batched, execute] = this.sp.batched();
      this.pendingBatch = batched;
      setTimeout(() => {
        this.pendingBatch = undefined;
        // A failed batch rejects each read that was in it; nothing else to report here.
        execute().catch(() => undefined);
      }, 0);
    }
    return this.pendingBatch;
  }

  /**
   * The plant map (sites, lines, shifts) from the site's settings, read once; empty when none
   * is kept or it cannot be read. `start()` reads it in the wall's first batch.
   */
  public plantMap(sp: SPFI = this.reads()): Promise<PlantMap> {
    return this.readPlant(sp).catch(() => EMPTY_PLANT_MAP);
  }

  /** The signed-in person's site user id and login name (read once). */
  public currentUser(): Promise<{ id: number; loginName: string }> {
    if (!this.me && this.user?.siteUserId !== undefined && this.user.loginName !== undefined) {
      this.me = Promise.resolve({ id: this.user.siteUserId, loginName: this.user.loginName });
    }
    if (!this.me) {
      this.me = storeCall('Reading the signed-in user', async () => {
        const user = await this.reads().web.currentUser.select('Id', 'LoginName')<Row>();
        return { id: num(user.Id) ?? 0, loginName: str(user.LoginName) ?? '' };
      });
      this.me.catch(() => {
        this.me = undefined;
      });
    }
    return this.me;
  }

  public async currentUserId(): Promise<number> {
    return (await this.currentUser()).id;
  }

  /** Makes a directory person a site user (SharePoint's ensureUser) to recognise them. */
  public async resolveRecipient(profile: PersonProfile): Promise<RecipientRef> {
    const login = profile.userPrincipalName ?? profile.mail;
    if (!login) {
      return { siteUserId: 0, displayName: profile.displayName, exists: false, directoryId: profile.id };
    }
    try {
      // Crew members resolved together share one `$batch` (see `reads()`).
      const user = await this.reads().web.ensureUser(login);
      const id = num((user as unknown as { Id?: unknown }).Id) ?? num((user as unknown as { data?: { Id?: unknown } }).data?.Id);
      return { siteUserId: id ?? 0, displayName: profile.displayName, exists: id !== undefined, directoryId: profile.id };
    } catch {
      return { siteUserId: 0, displayName: profile.displayName, exists: false, directoryId: profile.id };
    }
  }

  private query(request: WallPageRequest, sp: SPFI = this.sp): Promise<Row[]> {
    return sp.web.lists
      .getByTitle(RECOGNITIONS)
      .items.select(...WALL_SELECT)
      .expand('Recipient', 'Author')
      .filter(request.filter)
      .orderBy('ID', false)
      .top(request.top)<Row[]>();
  }

  /** The newest items without a filter: allowed on any list size (ordered by the ID index). */
  private newest(sp: SPFI, top: number): Promise<Row[]> {
    return sp.web.lists.getByTitle(RECOGNITIONS).items.select(...WALL_SELECT).expand('Recipient', 'Author').orderBy('ID', false).top(top)<Row[]>();
  }

  /** Posts the signed-in person reported that HR has not decided on: hidden for them meanwhile. */
  private async reportedByMe(sp: SPFI = this.sp): Promise<Set<number>> {
    const rows = await sp.web.lists.getByTitle(REPORTS).items.select('RecognitionId').filter(`Status eq 'open'`).top(5000)<Row[]>();
    return new Set(rows.map((r) => num(r.RecognitionId) ?? 0));
  }

  /**
   * Newest first, under the threshold at any size. The first page is one `$batch`: the page and
   * the posts I reported. Without a selective filter the page is the newest items (published
   * kept); with one, the filter goes first; when SharePoint still refuses (the filter matches
   * more than 5,000 items), windows of 5,000 IDs are walked back.
   */
  public page(filters: WallFilters, top: number, cursorText?: string): Promise<WallPage> {
    return storeCall('Reading the wall', async () => {
      const [batched, execute] = this.sp.batched();
      const finish = this.pageIn(batched, filters, top, cursorText);
      await execute();
      return finish();
    });
  }

  /**
   * Everything the wall shows first, in one `$batch`: the values, the first page (with the
   * posts I reported), who keeps recognitions of themselves off the public wall, my own
   * choice and the plant map (sites, lines, shifts). Reactions need the page's IDs and come in a second request.
   */
  public start(filters: WallFilters, top: number): Promise<WallStart> {
    return storeCall('Reading the wall', async () => {
      const [batched, execute] = this.sp.batched();
      const values = this.readValues(batched);
      const optedOut = this.readOptedOut(batched);
      const mine = this.user?.loginName !== undefined ? this.readPreference(batched, this.user.loginName) : undefined;
      // Without a plant map the wall still works: filters then offer what the posts name.
      const plant = this.plantMap(batched);
      const finish = this.pageIn(batched, filters, top);
      // When the batch itself fails, each read rejects too: the error is the batch's, not theirs.
      [values, optedOut, mine].forEach((read) => read?.catch(() => undefined));
      await execute();
      const [page, valueList, hidden, preference, plantMap] = await Promise.all([
        finish(),
        values,
        optedOut,
        mine ?? this.myPreference(),
        plant
      ]);
      return { values: valueList, page, hiddenFromPublicWall: hidden, hideMe: preference?.HideFromPublicWall === true, plant: plantMap };
    });
  }

  /**
   * Puts the requests of one page into `batched` and returns what turns their answers into
   * the page once the batch has run (walking ID windows when the filter alone is refused).
   */
  private pageIn(batched: SPFI, filters: WallFilters, top: number, cursorText?: string): () => Promise<WallPage> {
    const cursor = decodeCursor(cursorText);
    const selective = Object.values(filters).some((v) => v !== undefined && v !== '');
    const hiddenRequest = this.reportedByMe(batched);
    let firstRequest: Promise<Row[]> | undefined;
    if (!cursor && !selective) {
      firstRequest = this.newest(batched, top * 2 + 1);
    } else if (!cursor || cursor.mode === 'indexed') {
      firstRequest = this.query(indexedPage(filters, top + 1, cursor?.id), batched);
    }
    const settled = firstRequest?.then(
      (rows) => ({ rows }),
      (error: unknown) => ({ error })
    );
    // Answers are read after the batch ran; until then a failure must not go unhandled.
    hiddenRequest.catch(() => undefined);
    return async () => {
      const reported = await hiddenRequest;
      const visible = (items: WallItem[]): WallItem[] => items.filter((i) => i.status === 'published' && !reported.has(i.id));
      const outcome = settled ? await settled : undefined;
      if (outcome && 'rows' in outcome) {
        const all = outcome.rows.map(toWallItem);
        const published = all.filter((i) => i.status === 'published');
        const shown = published.slice(0, top);
        const last = shown[shown.length - 1] ?? all[all.length - 1];
        const more = selective ? published.length > top : all.length === top * 2 + 1 || published.length > top;
        return {
          items: visible(shown),
          cursor: more && last ? encodeCursor(selective ? { mode: 'indexed', id: last.id } : { mode: 'window', id: last.id - 1 }) : undefined
        };
      }
      if (outcome && 'error' in outcome && !isThresholdError(outcome.error)) {
        throw outcome.error;
      }
      // Too many items for the filter alone: walk windows of IDs, newest first.
      let upper: number | undefined = cursor?.mode === 'window' ? cursor.id : await this.newestId();
      const collected: WallItem[] = [];
      for (let windows = 0; upper !== undefined && upper > 0 && windows < MAX_WINDOWS_PER_PAGE && collected.length < top; windows += 1) {
        const need = top - collected.length;
        // One more than needed tells whether this window holds more below the last one shown.
        const items: WallItem[] = (await this.query(windowPage(filters, upper, need + 1))).map(toWallItem);
        collected.push(...items.slice(0, need));
        upper = items.length > need ? items[need - 1].id - 1 : nextWindowUpper(upper);
      }
      return {
        items: visible(collected),
        cursor: upper !== undefined && upper > 0 ? encodeCursor({ mode: 'window', id: upper }) : undefined
      };
    };
  }

  private async newestId(): Promise<number> {
    const [newest] = await this.sp.web.lists.getByTitle(RECOGNITIONS).items.select('ID').orderBy('ID', false).top(1)<Row[]>();
    return newest ? num(newest.ID) ?? 0 : 0;
  }

  public reactions(recognitionIds: readonly ItemId[]): Promise<Map<ItemId, ReactionSummary>> {
    return storeCall('Reading reactions', async () => {
      const result = new Map<ItemId, ReactionSummary>();
      if (recognitionIds.length === 0) {
        return result;
      }
      const me = await this.currentUserId();
      const min = Math.min(...recognitionIds);
      const max = Math.max(...recognitionIds);
      const wanted = new Set(recognitionIds);
      const rows = await this.reads().web.lists
        .getByTitle(REACTIONS)
        .items.select('RecognitionId', 'Kind', 'AuthorId')
        .filter(`RecognitionId ge ${min} and RecognitionId le ${max}`)
        .top(5000)<Row[]>();
      for (const row of rows) {
        const id = num(row.RecognitionId) ?? 0;
        const kind = str(row.Kind) as ReactionKind | undefined;
        if (!wanted.has(id) || !kind || !(REACTION_KINDS as readonly string[]).includes(kind)) {
          continue;
        }
        const current = result.get(id) ?? { counts: {} };
        const counts = { ...current.counts, [kind]: (current.counts[kind] ?? 0) + 1 };
        result.set(id, { counts, mine: num(row.AuthorId) === me ? kind : current.mine });
      }
      return result;
    });
  }

  public hiddenFromPublicWall(personIds: readonly number[]): Promise<Set<number>> {
    return storeCall('Reading wall preferences', async () => {
      const wanted = new Set(personIds);
      return new Set(Array.from(await this.readOptedOut(this.reads())).filter((id) => wanted.has(id)));
    });
  }

  /** Everyone who keeps recognitions of themselves off the public wall (an indexed filter). */
  private async readOptedOut(sp: SPFI): Promise<Set<number>> {
    const rows = await sp.web.lists.getByTitle(PREFERENCES).items.select('PersonId').filter('HideFromPublicWall eq 1').top(5000)<Row[]>();
    return new Set(rows.map((r) => num(r.PersonId) ?? 0));
  }

  public lastRecognised(personIds: readonly number[]): Promise<Map<number, string>> {
    return storeCall('Reading when people were last recognised', async () => {
      const [batched, execute] = this.sp.batched();
      const reads = personIds.map((id) =>
        batched.web.lists
          .getByTitle(RECOGNITIONS)
          .items.select('Created')
          .filter(`RecipientId eq ${id} and Status eq 'published'`)
          .orderBy('ID', false)
          .top(1)<Row[]>()
          .then((rows) => [id, rows[0] ? str(rows[0].Created) : undefined] as const)
      );
      await execute();
      const result = new Map<number, string>();
      for (const [id, created] of await Promise.all(reads)) {
        if (created) {
          result.set(id, created);
        }
      }
      return result;
    });
  }

  public give(items: readonly NewRecognitionItem[]): Promise<ItemId[]> {
    return storeCall('Saving the recognition', async () => {
      const list = this.sp.web.lists.getByTitle(RECOGNITIONS);
      const ids: ItemId[] = [];
      for (const item of items) {
        try {
          const added = (await list.items.add({ ...item })) as Row;
          ids.push(num(added.Id) ?? num(added.ID) ?? 0);
        } catch (error) {
          if (!isDuplicateError(error)) {
            throw error;
          }
          // Sent before (the answer was lost): the unique ClientRequestId kept it to one item.
          const [existing] = await list.items.select('ID').filter(`ClientRequestId eq ${odataString(item.ClientRequestId)}`).top(1)<Row[]>();
          ids.push(existing ? num(existing.ID) ?? 0 : 0);
        }
      }
      return ids;
    });
  }

  public react(recognitionId: ItemId, kind: ReactionKind | undefined): Promise<void> {
    return storeCall('Saving the reaction', async () => {
      const me = await this.currentUserId();
      const key = reactionKey(recognitionId, me);
      const list = this.sp.web.lists.getByTitle(REACTIONS);
      const find = async (): Promise<Row | undefined> =>
        (await list.items.select('ID').filter(`ReactionKey eq ${odataString(key)}`).top(1)<Row[]>())[0];
      let existing = await find();
      if (!existing && kind) {
        try {
          await list.items.add({ Title: key, RecognitionId: recognitionId, Kind: kind, ReactionKey: key });
          return;
        } catch (error) {
          if (!isDuplicateError(error)) {
            throw error;
          }
          existing = await find(); // the same person reacted in another tab meanwhile
        }
      }
      if (existing) {
        const item = list.items.getById(num(existing.ID) ?? 0);
        await (kind ? item.update({ Kind: kind }) : item.delete());
      }
    });
  }

  /**
   * A report written with the reporter's own identity (no relay): the post is hidden for the
   * reporter only until HR decides (see `RelayModeration` for hiding it for everyone).
   */
  public report(recognitionId: ItemId, reason: string): Promise<ReportOutcome> {
    return storeCall<ReportOutcome>('Reporting the post', async () => {
      const me = await this.currentUserId();
      const key = reportKey(recognitionId, me);
      try {
        await this.sp.web.lists
          .getByTitle(REPORTS)
          .items.add({ Title: key, RecognitionId: recognitionId, Reason: reason, Status: 'open', ReportKey: key, ReporterId: me });
      } catch (error) {
        // A duplicate: reported before by this person, nothing more to do.
        if (!isDuplicateError(error)) {
          throw error;
        }
      }
      return 'hiddenForReporter';
    });
  }

  public openReports(): Promise<ModerationItem[]> {
    return storeCall('Reading the moderation queue', async () => {
      const reports = await this.sp.web.lists
        .getByTitle(REPORTS)
        .items.select('ID', 'RecognitionId', 'Reason', 'Status', 'Created', 'Reporter/Id', 'Reporter/Title', 'Reporter/EMail', 'Author/Id', 'Author/Title', 'Author/EMail', 'Author/Name')
        .expand('Reporter', 'Author')
        .filter(`Status eq 'open'`)
        .orderBy('ID', true)
        .top(500)<Row[]>();
      const ids = Array.from(new Set(reports.map((r) => num(r.RecognitionId) ?? 0)));
      const posts = new Map<number, WallItem>();
      for (let i = 0; i < ids.length; i += 50) {
        const chunk = ids.slice(i, i + 50);
        const rows = await this.query({ filter: chunk.map((id) => `ID eq ${id}`).join(' or '), top: chunk.length, orderBy: 'ID desc' });
        rows.map(toWallItem).forEach((post) => posts.set(post.id, post));
      }
      return reports
        .map((r): ModerationItem | undefined => {
          const post = posts.get(num(r.RecognitionId) ?? 0);
          return post
            ? { reportId: num(r.ID) ?? 0, recognition: post, reason: str(r.Reason) ?? '', reporter: reporterOf(r), status: 'open', created: str(r.Created) ?? '' }
            : undefined;
        })
        .filter((m): m is ModerationItem => m !== undefined);
    });
  }

  /**
   * HR decides on a reported post, and with it on every open report of that post: `upheld`
   * removes the post, `dismissed` puts a post the relay hid (`reported`) back on the wall.
   */
  public decide(reportId: ItemId, decision: 'upheld' | 'dismissed', note: string): Promise<void> {
    return storeCall('Saving the decision', async () => {
      const me = await this.currentUserId();
      const reports = this.sp.web.lists.getByTitle(REPORTS);
      const report = await reports.items.getById(reportId).select('RecognitionId')<Row>();
      const recognitionId = num(report.RecognitionId) ?? 0;
      const [open, post] = await Promise.all([
        reports.items.select('ID').filter(`RecognitionId eq ${recognitionId} and Status eq 'open'`).top(500)<Row[]>(),
        this.sp.web.lists.getByTitle(RECOGNITIONS).items.getById(recognitionId).select('Status')<Row>()
      ]);
      const ids = new Set(open.map((r) => num(r.ID) ?? 0).concat([reportId]));
      const status = str(post.Status);
      const next = decision === 'upheld' ? 'removed' : status === 'reported' ? 'published' : undefined;
      // The post first: if that fails, the reports stay open in the queue and HR can try again.
      if (next && next !== status) {
        await this.sp.web.lists.getByTitle(RECOGNITIONS).items.getById(recognitionId).update({ Status: next });
      }
      const decided = { Status: decision, DecidedById: me, DecidedAt: new Date().toISOString(), DecisionNote: note };
      const [batched, execute] = this.sp.batched();
      const writes = Array.from(ids).map((id) => batched.web.lists.getByTitle(REPORTS).items.getById(id).update(decided));
      await execute();
      await Promise.all(writes);
    });
  }

  public values(): Promise<RecognitionValue[]> {
    return storeCall('Reading the values', () => this.readValues(this.reads()));
  }

  private async readValues(sp: SPFI): Promise<RecognitionValue[]> {
    const rows = await sp.web.lists
      .getByTitle(VALUES)
      .items.select('ID', 'ValueKey', 'Title', 'Description', 'IconName', 'Color', 'SortOrder', 'Translations', 'IsActive')
      .orderBy('SortOrder', true)
      .top(500)<Row[]>();
    return rows.map((r) => ({
      id: num(r.ID) ?? 0,
      valueKey: str(r.ValueKey) ?? '',
      title: str(r.Title) ?? '',
      description: str(r.Description),
      iconName: str(r.IconName),
      color: str(r.Color),
      sortOrder: num(r.SortOrder) ?? 0,
      translations: parseTranslations(r.Translations),
      isActive: r.IsActive === true
    }));
  }

  public save(value: ValueDraft, id?: ItemId): Promise<ItemId> {
    return storeCall('Saving the value', async () => {
      const fields = {
        ValueKey: value.valueKey,
        Title: value.title,
        Description: value.description ?? '',
        IconName: value.iconName ?? '',
        Color: value.color ?? '',
        SortOrder: value.sortOrder,
        Translations: JSON.stringify(value.translations),
        IsActive: value.isActive
      };
      const list = this.sp.web.lists.getByTitle(VALUES);
      if (id !== undefined) {
        await list.items.getById(id).update(fields);
        return id;
      }
      const added = (await list.items.add(fields)) as Row;
      return num(added.Id) ?? num(added.ID) ?? 0;
    });
  }

  private async myPreference(): Promise<Row | undefined> {
    const { loginName } = await this.currentUser();
    return this.readPreference(this.reads(), loginName);
  }

  private async readPreference(sp: SPFI, loginName: string): Promise<Row | undefined> {
    const [row] = await sp.web.lists
      .getByTitle(PREFERENCES)
      .items.select('ID', 'HideFromPublicWall')
      .filter(`PersonKey eq ${odataString(personKey(loginName))}`)
      .top(1)<Row[]>();
    return row;
  }

  public hideFromPublicWall(): Promise<boolean> {
    return storeCall('Reading your preference', async () => (await this.myPreference())?.HideFromPublicWall === true);
  }

  public setHideFromPublicWall(hidden: boolean): Promise<void> {
    return storeCall('Saving your preference', async () => {
      const { id, loginName } = await this.currentUser();
      const list = this.sp.web.lists.getByTitle(PREFERENCES);
      const existing = await this.myPreference();
      if (existing) {
        await list.items.getById(num(existing.ID) ?? 0).update({ HideFromPublicWall: hidden });
      } else {
        await list.items.add({ Title: personKey(loginName), PersonId: id, PersonKey: personKey(loginName), HideFromPublicWall: hidden });
      }
    });
  }
}
