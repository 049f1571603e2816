/**
 * What the recognition features need from storage, split by concern. Implemented over
 * SharePoint lists with PnPjs (src/connectors/sharepoint/recognition*), and by typed fakes in
 * tests. Failures are `RecognitionStoreError`s with a code; nothing returns null for "failed".
 */
import type { IsoDateTime, ItemId } from '../models/common';
import type { ReactionKind, RecognitionKind, RecognitionStatus, RecognitionVisibility, ReportStatus } from '../models/recognition';
import type { RecognitionValue, ValueTranslation } from '../models/values';
import type { PlantMap } from '../plant/types';
import type { PersonProfile } from '../people/types';
import type { NewRecognitionItem, RecipientRef } from './compose';
import type { ReportOutcome } from './moderation';
import type { WallFilters } from './wallQuery';

export interface PersonSummary {
  /** SharePoint site user id. */
  readonly id: number;
  readonly displayName: string;
  readonly email?: string;
}

export interface WallItem {
  readonly id: ItemId;
  readonly recipient: PersonSummary;
  readonly giver: PersonSummary;
  readonly kind: RecognitionKind;
  readonly valueKey: string;
  readonly message: string;
  readonly impact?: string;
  readonly siteCode: string;
  readonly lineCode?: string;
  readonly shiftCode?: string;
  readonly crewKey?: string;
  readonly visibility: RecognitionVisibility;
  readonly status: RecognitionStatus;
  readonly batchId?: string;
  readonly milestoneKind?: string;
  readonly created: IsoDateTime;
}

export interface ReactionSummary {
  readonly counts: Readonly<Partial<Record<ReactionKind, number>>>;
  /** The signed-in person's reaction, if any. */
  readonly mine?: ReactionKind;
}

export interface WallPage {
  readonly items: WallItem[];
  /** Opaque: pass back to get the next (older) page; absent on the last page. */
  readonly cursor?: string;
}

export type RecognitionStoreErrorCode =
  | 'accessDenied'
  | 'notFound'
  | 'conflict'
  | 'throttled'
  | 'network'
  | 'threshold'
  /** Engage Setup has not run on the site: the relay writes nothing until it has. */
  | 'notSetUp'
  /** No relay is configured (the tenant property), or the page cannot get a token for it. */
  | 'noRelay'
  /** The person's rate limit at the relay; `retryAfterSeconds` on the error says how long. */
  | 'rateLimited'
  /** The relay refused the content (e.g. a value HR switched off meanwhile). */
  | 'invalid'
  /** SharePoint or Graph refuses the relay itself (a grant missing): IT has to fix it. */
  | 'relayFault'
  /** No answer came in time (SharePoint, Graph or the connection): tried again later. */
  | 'timeout'
  /** The directory (Microsoft Graph) could not be read: who works with whom is not known now. */
  | 'directory'
  | 'unexpected';

export const RECOGNITION_STORE_ERROR_CODES: readonly RecognitionStoreErrorCode[] = [
  'accessDenied',
  'notFound',
  'conflict',
  'throttled',
  'network',
  'threshold',
  'notSetUp',
  'noRelay',
  'rateLimited',
  'invalid',
  'relayFault',
  'timeout',
  'directory',
  'unexpected'
];

function isStoreCode(value: unknown): value is RecognitionStoreErrorCode {
  return typeof value === 'string' && (RECOGNITION_STORE_ERROR_CODES as readonly string[]).indexOf(value) >= 0;
}

/**
 * A fetch that never reached the server: a TypeError, read by its name too (one thrown in
 * another realm, such as Node's own fetch under a test runner, is no `instanceof TypeError`).
 */
export function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TypeError');
}

/**
 * The store error code of any failure: a store error (read by shape: ES5 builds lose Error
 * subclass prototypes), a code string (an outbox entry's reason), a fetch that never reached
 * the server (a TypeError) as a lost connection; anything else is unexpected.
 */
export function storeErrorCode(error: unknown): RecognitionStoreErrorCode {
  if (typeof error === 'string') {
    return isStoreCode(error) ? error : 'unexpected';
  }
  if (isFetchFailure(error)) {
    return 'network';
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return isStoreCode(code) ? code : 'unexpected';
}

export class RecognitionStoreError extends Error {
  public constructor(
    public readonly code: RecognitionStoreErrorCode,
    message: string,
    /** For `rateLimited`: how long until the person may try again (the relay's Retry-After). */
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'RecognitionStoreError';
    // The SPFx build targets ES5, where `instanceof` fails for Error subclasses without this.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * A failure reading the directory (Microsoft Graph) as a store error, so a part says what could
 * not be read: `timeout` when nothing answered in time, else `directory`.
 */
export function directoryFailure(error: unknown): RecognitionStoreError {
  const message = error instanceof Error ? error.message : String(error);
  const timedOut = typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'timeout';
  return new RecognitionStoreError(timedOut ? 'timeout' : 'directory', `Reading the directory: ${message}`);
}

/** What the wall shows first, read together (one round trip in SharePoint). */
export interface WallStart {
  readonly values: RecognitionValue[];
  readonly page: WallPage;
  /** Everyone (site user ids) who keeps recognitions of themselves off the public wall. */
  readonly hiddenFromPublicWall: ReadonlySet<number>;
  /** The signed-in person's own choice. */
  readonly hideMe: boolean;
  /** Sites, lines and shifts of the plant (empty when none is kept in the site's settings). */
  readonly plant: PlantMap;
}

export interface WallReader {
  /** The values, the first page and the wall preferences, read together. */
  start(filters: WallFilters, top: number): Promise<WallStart>;
  /** Newest first; `cursor` from the previous page. Stays under the list view threshold. */
  page(filters: WallFilters, top: number, cursor?: string): Promise<WallPage>;
  /** Reactions of the given recognitions: counts and the signed-in person's own. */
  reactions(recognitionIds: readonly ItemId[]): Promise<Map<ItemId, ReactionSummary>>;
  /** People (site user ids) who keep recognitions of themselves off the public wall. */
  hiddenFromPublicWall(personIds: readonly number[]): Promise<Set<number>>;
  /** When each person was last recognised (for the team leader's view). */
  lastRecognised(personIds: readonly number[]): Promise<Map<number, IsoDateTime>>;
}

export interface RecognitionWriter {
  /**
   * Stores the items (one per recipient). Idempotent: an item whose ClientRequestId is already
   * stored counts as stored, so a resend from the outbox never doubles a recognition.
   */
  give(items: readonly NewRecognitionItem[]): Promise<ItemId[]>;
}

export interface ReactionWriter {
  /** Sets the signed-in person's one reaction on a recognition; undefined removes it. */
  react(recognitionId: ItemId, kind: ReactionKind | undefined): Promise<void>;
}

export interface ModerationItem {
  readonly reportId: ItemId;
  readonly recognition: WallItem;
  readonly reason: string;
  readonly reporter: PersonSummary;
  readonly status: ReportStatus;
  readonly created: IsoDateTime;
}

export interface ModerationStore {
  /**
   * Reports a post: it leaves the wall until HR decides (every wall through the relay, the
   * reporter's own without it). One report per person per post.
   */
  report(recognitionId: ItemId, reason: string): Promise<ReportOutcome>;
  openReports(): Promise<ModerationItem[]>;
  /** HR's decision on the post and all its open reports: `upheld` removes it, `dismissed` puts it back. */
  decide(reportId: ItemId, decision: 'upheld' | 'dismissed', note: string): Promise<void>;
}

export interface ValueDraft {
  readonly valueKey: string;
  readonly title: string;
  readonly description?: string;
  readonly iconName?: string;
  readonly color?: string;
  readonly sortOrder: number;
  readonly translations: Readonly<Record<string, ValueTranslation | undefined>>;
  readonly isActive: boolean;
}

export interface ValueStore {
  values(): Promise<RecognitionValue[]>;
  /** Creates or updates (by id) a value; HR only (the list is writable by Manage Lists only). */
  save(value: ValueDraft, id?: ItemId): Promise<ItemId>;
}

export interface PreferenceStore {
  /** The signed-in person's choice to keep recognitions of themselves off the public wall. */
  hideFromPublicWall(): Promise<boolean>;
  setHideFromPublicWall(hidden: boolean): Promise<void>;
}

export interface RecognitionNotice {
  readonly recognitionId: ItemId;
  readonly recipient: PersonSummary;
  /** Directory (Graph) id of the recipient, when known. */
  readonly recipientDirectoryId?: string;
  readonly giverName: string;
  readonly valueName: string;
  readonly preview: string;
}

/** Tells a recognised person (Teams activity feed in Microsoft 365). */
export interface RecognitionNotifier {
  notify(notice: RecognitionNotice): Promise<void>;
}

/** Directory people as site users (the SharePoint store ensures them). */
export interface RecipientResolver {
  /** Ensures a directory person as a site user; `exists: false` when the directory lost them. */
  resolveRecipient(profile: PersonProfile): Promise<RecipientRef>;
  /** The signed-in person's site user id (the giver). */
  currentUserId(): Promise<number>;
}

/** What the crew view reads: when people were last recognised, the values, and recipients. */
export type CrewStore = Pick<WallReader, 'lastRecognised'> & Pick<ValueStore, 'values'> & RecipientResolver;
/** What the signed-in person may do in HR's admin part (SharePoint's effective permissions). */
export interface AdminRights {
  /** Add and change values (SE_Values). */
  readonly values: boolean;
  /** Read every report and decide on it (SE_Reports, SE_Recognitions). */
  readonly moderation: boolean;
}

/** What HR's admin part reads and writes: values and the moderation queue, and who may. */
export type AdminStore = Pick<ValueStore, 'values' | 'save'> &
  Pick<ModerationStore, 'openReports' | 'decide'> & {
    /** Read in the same turn as `values`, they share one round trip. */
    rights(): Promise<AdminRights>;
  };
