/**
 * Action plans, "you said, we did" (docs/pulse-results.md "Action plans"): what HR or a crew's
 * leader heard in a round (a driver's figures, or a comment HR or the leader was shown) and what
 * they will do about it, published back to the group it is about. Framework-free.
 *
 * A plan names an accountable owner by name and sign-in name (the owner is not anonymous: they
 * answer for the plan), a due day on the plant's calendar, a status, the group it is for (a cell
 * key the results API accepts: the plant or one filter, `cells.ts`) and the round it came from, so
 * the next round of the same survey can tell whether the driver moved (`movement.ts`).
 */
import type { ActionPlanStatus, PulseDriver } from '../../models/pulse';
import type { CellKey } from '../results/cells';

export type { ActionPlanStatus as PlanStatus } from '../../models/pulse';
export { ACTION_PLAN_STATUSES as PLAN_STATUSES } from '../../models/pulse';

/**
 * Where the plan started: a driver's figures, or a released comment the writer was shown, named by
 * its thread id (`src/core/pulse/threads`). A plan never carries a comment's words of its own:
 * the relay stores the thread id only and reads the words from the comment whenever it serves the
 * plan, while HR and leaders are still shown that comment (docs/pulse-results.md "Quoting a
 * comment"). So a comment HR hides, or its author deletes, leaves every plan that quotes it.
 */
export type PlanSource =
  | { readonly kind: 'driver' }
  | {
      readonly kind: 'comment';
      /**
       * The comment's thread id (`THREAD_ID_PATTERN`): what the writer sends and the relay stores.
       * Absent for a plan stored with a comment's words before quotes were tied to comments (no
       * words are served for it), and in what an employee gets.
       */
      readonly threadId?: string;
      /**
       * The comment's words as the relay served them: to the plan's writers only (never to the
       * employees it is published to), and only while the comment is shown to HR and leaders. The
       * relay ignores words the page sends.
       */
      readonly text?: string;
    };

/** The accountable person, as the writer chose them. */
export interface PlanOwner {
  /** Display name, as shown to employees. */
  readonly name: string;
  /** Sign-in name (user principal name), e.g. `eva.lind@contoso.com`. */
  readonly login: string;
}

/** What a writer fills in (the plan editor's fields). */
export interface PlanFields {
  readonly headline: string;
  readonly driver: PulseDriver;
  readonly source: PlanSource;
  /** What we heard ("you said"). */
  readonly youSaid: string;
  /** What we will do ("we did" once done); may be empty in a draft. */
  readonly weWillDo: string;
  /** Name and sign-in name may be empty in a draft. */
  readonly owner: PlanOwner;
  /** The plant's calendar day it is due, `YYYY-MM-DD`; may be empty in a draft. */
  readonly dueDate: string;
  readonly status: ActionPlanStatus;
  /** The group it is published to: `plant` or one filter (`crew=…`, `line=got-weld2`). */
  readonly groupKey: CellKey;
  /** The round the plan came from. */
  readonly roundId: number;
}

/** A stored plan, as HR and leaders list and edit it. */
export interface ActionPlanRecord extends PlanFields {
  readonly id: number;
  /** The round's survey (the relay takes it from the round, never from the page). */
  readonly surveyId: number;
  /** When it was published; absent while a draft (employees never see a draft). */
  readonly publishedAt?: string;
  /** The stored version (SharePoint's ETag): an update of an older version is refused. */
  readonly version: string;
}

/** A published plan as an employee sees it: no owner's sign-in name, no version. */
export interface PublishedPlan {
  readonly id: number;
  readonly headline: string;
  readonly driver: PulseDriver;
  readonly source: PlanSource;
  readonly youSaid: string;
  readonly weWillDo: string;
  readonly ownerName: string;
  readonly dueDate: string;
  readonly status: ActionPlanStatus;
  readonly groupKey: CellKey;
  readonly publishedAt: string;
}

/** Lengths in UTF-16 code units, as SharePoint measures text. */
export const PLAN_LIMITS = {
  headline: 120,
  youSaid: 1000,
  weWillDo: 1000,
  ownerName: 255,
  ownerLogin: 255
} as const;

/** The editor's fields a refusal can name. */
export type PlanField = 'headline' | 'driver' | 'source' | 'youSaid' | 'weWillDo' | 'owner' | 'dueDate' | 'status' | 'group' | 'round';

/** Why a plan is refused; the UI puts each into words beside its field. */
export type PlanErrorCode =
  | 'headlineEmpty'
  | 'headlineTooLong'
  | 'driverUnknown'
  | 'sourceInvalid'
  /** The relay: no comment the writer is shown in the plan's group and round has this thread id (or HR hid it, or its author deleted it). */
  | 'sourceUnavailable'
  | 'youSaidEmpty'
  | 'youSaidTooLong'
  /** "You said" holds the quoted comment word for word: it would stay when the comment goes. */
  | 'youSaidRepeatsComment'
  | 'weWillDoEmpty'
  | 'weWillDoTooLong'
  | 'ownerNameEmpty'
  | 'ownerLoginEmpty'
  | 'ownerNameTooLong'
  | 'ownerLoginInvalid'
  | 'ownerUnknown'
  | 'dueDateEmpty'
  | 'dueDateInvalid'
  | 'dueDatePast'
  | 'statusUnknown'
  | 'groupInvalid'
  | 'groupNotYours'
  | 'roundInvalid'
  | 'roundUnknown';

export interface PlanError {
  readonly field: PlanField;
  readonly code: PlanErrorCode;
}

/** The field each code belongs to. */
export const FIELD_OF: { readonly [code in PlanErrorCode]: PlanField } = {
  headlineEmpty: 'headline',
  headlineTooLong: 'headline',
  driverUnknown: 'driver',
  sourceInvalid: 'source',
  sourceUnavailable: 'source',
  youSaidEmpty: 'youSaid',
  youSaidTooLong: 'youSaid',
  youSaidRepeatsComment: 'youSaid',
  weWillDoEmpty: 'weWillDo',
  weWillDoTooLong: 'weWillDo',
  ownerNameEmpty: 'owner',
  ownerLoginEmpty: 'owner',
  ownerNameTooLong: 'owner',
  ownerLoginInvalid: 'owner',
  ownerUnknown: 'owner',
  dueDateEmpty: 'dueDate',
  dueDateInvalid: 'dueDate',
  dueDatePast: 'dueDate',
  statusUnknown: 'status',
  groupInvalid: 'group',
  groupNotYours: 'group',
  roundInvalid: 'round',
  roundUnknown: 'round'
};
