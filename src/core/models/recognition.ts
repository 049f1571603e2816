/** The recognition wall: SE_Recognitions, SE_Reactions, SE_Reports, SE_Preferences. */
import { IsoDateTime, ItemId, PersonRef } from './common';

export const RECOGNITION_KINDS = ['peer', 'leader', 'crew', 'milestone', 'anniversary'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

/** Who may see a recognition: the whole wall, the recipient's crew, or giver and recipient only. */
export const RECOGNITION_VISIBILITIES = ['everyone', 'crew', 'private'] as const;
export type RecognitionVisibility = (typeof RECOGNITION_VISIBILITIES)[number];

/** `reported` stays visible until a moderator decides; `hidden` and `removed` leave the wall. */
export const RECOGNITION_STATUSES = ['published', 'reported', 'hidden', 'removed'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

/** Milestone kinds the product creates. The column is free text so rules can add kinds. */
export const KNOWN_MILESTONE_KINDS = [
  'zero-defect-streak',
  'safety-streak',
  'service-anniversary',
  'first-recognition',
  // A learning path finished, posted by the relay when the person allowed it (docs/learning.md).
  'learning-path'
] as const;
export type KnownMilestoneKind = (typeof KNOWN_MILESTONE_KINDS)[number];

/** One item per recipient. A crew award to several people is several items with one `batchId`. */
export interface Recognition {
  readonly id: ItemId;
  readonly recipient: PersonRef;
  /**
   * Who gave it: `Giver`, set by the relay from the giver's token. On a row a person wrote
   * themselves (before the relay wrote posts; members cannot write the list after setup) the
   * giver is that row's Author.
   */
  readonly giver: PersonRef;
  /** The built-in Author: the relay's app identity, or the person on an older row. */
  readonly author: PersonRef;
  readonly kind: RecognitionKind;
  /** {@link RecognitionValue.valueKey}. */
  readonly valueKey: string;
  /** What was done, in the giver's words (plain text). */
  readonly message: string;
  /** Optional result line, e.g. "500 orders saved". */
  readonly impact?: string;
  readonly siteCode: string;
  readonly lineCode?: string;
  readonly shiftCode?: string;
  readonly crewKey?: string;
  readonly visibility: RecognitionVisibility;
  readonly status: RecognitionStatus;
  /** Shared by all recipient items of one crew award. */
  readonly batchId?: string;
  /** For `kind: 'milestone'`: usually one of {@link KNOWN_MILESTONE_KINDS}. */
  readonly milestoneKind?: string;
  /** `requestId:recipientId` (see `recognitionRequestKey`): the relay stores a resend once. */
  readonly clientRequestId: string;
  readonly created: IsoDateTime;
}

export const REACTION_KINDS = ['applause', 'like', 'heart', 'celebrate'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** One reaction per person per recognition; changing it updates the same item. */
export interface Reaction {
  readonly id: ItemId;
  readonly recognitionId: ItemId;
  readonly kind: ReactionKind;
  /** Unique: `recognitionId:userId` (see `reactionKey`). */
  readonly reactionKey: string;
  /** The built-in Author: who reacted. */
  readonly person: PersonRef;
  readonly created: IsoDateTime;
}

export const REPORT_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface RecognitionReport {
  readonly id: ItemId;
  readonly recognitionId: ItemId;
  readonly reason: string;
  readonly status: ReportStatus;
  /** Unique: `recognitionId:userId` (see `reportKey`): one report per person per recognition. */
  readonly reportKey: string;
  /** Who reported it (the Author is the relay when the relay wrote the report). */
  readonly reporter: PersonRef;
  readonly created: IsoDateTime;
  readonly decidedBy?: PersonRef;
  readonly decidedAt?: IsoDateTime;
  readonly decisionNote?: string;
}

/** Local times of day `HH:mm` in which no prompt or notification is shown. */
export interface QuietHours {
  readonly from: string;
  readonly to: string;
}

/** One row per person. A person without a row has the defaults below. */
export interface Preferences {
  readonly id: ItemId;
  readonly person: PersonRef;
  /** Unique: the login name in lower case (see `personKey`). */
  readonly personKey: string;
  /** Recognitions of this person do not appear on the public wall (default false). */
  readonly hideFromPublicWall: boolean;
  /** Send a Teams activity notification when recognised (default true). */
  readonly notifyOnRecognition: boolean;
  /** A language tag such as `nl-nl`; absent means the page's language. */
  readonly preferredLanguage?: string;
  /** Stored as JSON in the `QuietHours` column. */
  readonly quietHours?: QuietHours;
  /**
   * When the person allowed their finished learning paths on the recognition wall; absent: not
   * allowed (the default). Read only from the person's own row (docs/learning.md).
   */
  readonly shareLearningSince?: IsoDateTime;
}
