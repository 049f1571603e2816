/**
 * Item-level security each Shopfloor Engage list needs.
 *
 * SharePoint's list settings "Read access" and "Create and edit access" (REST: `ReadSecurity`,
 * `WriteSecurity`) are ignored when a solution provisions a list from schema.xml, so the
 * Engage Setup web part applies them after install. Only people with the Override List Behaviors
 * permission (SharePoint's `CancelCheckout`: Full Control and Design, not Edit; site owners and
 * the HR group) are not bound by these settings; every service checks roles again.
 */

/** `ReadSecurity`: 1 = all items, 2 = only items the user created. */
export type ReadSecurity = 1 | 2;
/** `WriteSecurity`: 1 = all items, 2 = only items the user created, 4 = none (Override List Behaviors only). */
export type WriteSecurity = 1 | 2 | 4;

export interface ListSecurityRule {
  readonly read: ReadSecurity;
  readonly write: WriteSecurity;
  /**
   * Columns that must not enforce unique values before `read` 2 or item permissions are set:
   * SharePoint refuses unique values in a list whose readers see only their own items or whose
   * items have permissions of their own, and earlier packages made these key columns unique. Their writers keep one item per key
   * without SharePoint's help (`src/core/keyedRows.ts`).
   */
  readonly notUnique?: readonly string[];
  /**
   * Some items get permissions of their own (broken inheritance, set by the relay). SharePoint
   * refuses unique values in such a list too, so the list has no unique column.
   */
  readonly itemPermissions?: boolean;
  /**
   * `false`: the list must keep no item versions (SharePoint's `EnableVersioning`). Provisioned
   * so (`VersioningEnabled="FALSE"` on its ListInstance), and the relay refuses to write while a
   * list says otherwise.
   */
  readonly versioning?: false;
  /**
   * `true`: search must not crawl the list (SharePoint's `NoCrawl`, set by Engage Setup; the list
   * schema has no attribute for it). Search results are trimmed to what a reader may see, but a
   * list no one but the relay reads has nothing to put in an index; the relay refuses to write
   * while it is crawled.
   */
  readonly noCrawl?: true;
  /** Code of the reason shown to the site admin (localised in the UI). */
  readonly reason: ListSecurityReason;
}

export type ListSecurityReason =
  | 'configuredByHr'
  | 'ownItemsOnly'
  | 'privateToPerson'
  | 'relayWritesAnswers'
  | 'relayWritesLearning'
  | 'relayWritesPosts'
  | 'sharedWithCrew';

/**
 * The rule per list title. Lists absent here have no special rule (read all, edit all).
 * Keep in step with the list registry: a test fails when a registry list has no rule.
 */
export const LIST_SECURITY: { readonly [listTitle: string]: ListSecurityRule } = {
  // Configuration that HR maintains; everyone reads it.
  SE_Settings: { read: 1, write: 4, reason: 'configuredByHr' },
  SE_Values: { read: 1, write: 4, reason: 'configuredByHr' },
  SE_Questions: { read: 1, write: 4, reason: 'configuredByHr' },
  SE_Surveys: { read: 1, write: 4, reason: 'configuredByHr' },
  SE_SurveyRounds: { read: 1, write: 4, reason: 'configuredByHr' },
  SE_ActionPlans: { read: 2, write: 4, reason: 'privateToPerson', noCrawl: true }, // relay writes; plans reach employees only through it
  SE_LearningPaths: { read: 1, write: 4, reason: 'configuredByHr' },
  SE_LearningSteps: { read: 1, write: 4, reason: 'configuredByHr' },
  // Everyone sees the wall, but only the relay writes posts (the giver named from their token,
  // moderation state kept) and HR decides (Override List Behaviors): members cannot add, change
  // or delete a post at all. "Private" and "my crew" posts get item permissions from the relay,
  // which SharePoint refuses in a list with a unique column.
  SE_Recognitions: { read: 1, write: 4, reason: 'relayWritesPosts', notUnique: ['ClientRequestId'], itemPermissions: true },
  // A reaction or preference is changed only by the person who made it.
  SE_Reactions: { read: 1, write: 2, reason: 'ownItemsOnly' },
  SE_Preferences: { read: 1, write: 2, reason: 'ownItemsOnly' },
  // Who reported what: visible to the person and to HR only.
  SE_Reports: { read: 2, write: 2, reason: 'privateToPerson', notUnique: ['ReportKey'] },
  // Pulse answers (encrypted ballot boxes) and who answered (never what): only the relay writes
  // them, so nobody can add an answer, mark someone as having answered, or see a pending token
  // through a list member's eyes; members read none of them (the relay writes every item), HR and
  // site owners read the boxes only as ciphertext (docs/pulse-threat-model.md). Versioning must
  // stay off (`versioning`): an older version would keep a pending token or an earlier box; and
  // search keeps out (`noCrawl`).
  SE_Participation: { read: 2, write: 4, reason: 'relayWritesAnswers', notUnique: ['ParticipationKey'], versioning: false, noCrawl: true },
  SE_Responses: { read: 2, write: 4, reason: 'relayWritesAnswers', versioning: false, noCrawl: true },
  // Comment threads (replies, answers back, a comment deleted by its author or hidden by HR): only
  // the relay writes them, each message sealed, so no item names its writer, and a member can
  // neither read a thread nor write into one as someone else (docs/pulse-threat-model.md).
  // Versioning off and search out, as for the answers.
  SE_Comments: { read: 2, write: 4, reason: 'relayWritesAnswers', versioning: false, noCrawl: true },
  // Shift-start reminders the relay's timer sent: who was reminded tells who had not answered,
  // so members read none (the relay writes every item) and only the relay writes.
  SE_Reminders: { read: 2, write: 4, reason: 'privateToPerson', notUnique: ['ReminderKey'], noCrawl: true },
  // What someone has learnt: everyone reads it (a leader's crew and the matrix in one request),
  // only the relay writes it (assignments, a step marked done by the person from their token, quiz
  // results, sign-offs by a qualified trainer, levels and expiry), and HR corrects (Override List
  // Behaviors). Members add, change and delete none, so nobody signs off their own practice, raises
  // their own level, moves an expiry or deletes an assignment through REST (docs/learning.md).
  SE_Assignments: { read: 1, write: 4, reason: 'relayWritesLearning' },
  SE_Progress: { read: 1, write: 4, reason: 'relayWritesLearning' },
  SE_Skills: { read: 1, write: 4, reason: 'relayWritesLearning' }
};

/** What the site currently has for one list, as read from SharePoint. */
export interface ListState {
  readonly title: string;
  readonly exists: boolean;
  readonly itemCount?: number;
  readonly readSecurity?: number;
  readonly writeSecurity?: number;
  /** SharePoint's `EnableVersioning`; undefined when not read. */
  readonly enableVersioning?: boolean;
  /** SharePoint's `NoCrawl`; undefined when not read. */
  readonly noCrawl?: boolean;
}

export type ListCheckStatus = 'ok' | 'missing' | 'needsSecurity';

export interface ListCheck {
  readonly title: string;
  readonly status: ListCheckStatus;
  readonly itemCount?: number;
  readonly rule: ListSecurityRule;
}

const DEFAULT_RULE: ListSecurityRule = { read: 1, write: 1, reason: 'sharedWithCrew' };

export function ruleFor(listTitle: string): ListSecurityRule {
  return LIST_SECURITY[listTitle] ?? DEFAULT_RULE;
}

/** Compares what the site has with what the product needs, one line per list. */
export function checkLists(states: readonly ListState[]): ListCheck[] {
  return states.map((state) => {
    const rule = ruleFor(state.title);
    if (!state.exists) {
      return { title: state.title, status: 'missing', rule };
    }
    // A list that must keep no versions needs setup while SharePoint says it keeps them.
    const versions = rule.versioning === false && state.enableVersioning === true;
    // A list search must keep out of needs setup while SharePoint crawls it.
    const crawled = rule.noCrawl === true && state.noCrawl === false;
    const secured = state.readSecurity === rule.read && state.writeSecurity === rule.write && !versions && !crawled;
    return {
      title: state.title,
      status: secured ? 'ok' : 'needsSecurity',
      itemCount: state.itemCount,
      rule
    };
  });
}

export interface SetupSummary {
  readonly missing: number;
  readonly needsSecurity: number;
  readonly ready: boolean;
}

export function summarise(checks: readonly ListCheck[]): SetupSummary {
  const missing = checks.filter((c) => c.status === 'missing').length;
  const needsSecurity = checks.filter((c) => c.status === 'needsSecurity').length;
  return { missing, needsSecurity, ready: missing === 0 && needsSecurity === 0 };
}
