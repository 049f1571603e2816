/**
 * What the renewal timer keeps on the assignment it renews with (SE_Assignments, docs/learning.md
 * "Expiry and renewal"): whether the person has the renewal open, and which notices went.
 *
 * - **Open.** An assignment of the renewal path counts as open for a skill's end when it was made
 *   after the skill was last assessed (it has not been answered by a sign-off yet), or when the
 *   timer itself renewed it for this skill up to this end or later (`AssignedVia`
 *   `renewal:<skillKey>`, `DueDate` at or after the end). An older assignment, the one the skill
 *   came from, is finished: the timer assigns it again, on the same row (one row per path and
 *   person, `AssignmentKey` `pathId:userId`).
 * - **Notices.** The notice keys (`skillKey:YYYY-MM-DD:recipientId`) sent for the assignment are
 *   kept in its `RenewalNotices` column, one a line, written with the assignment itself or with
 *   its ETag before anything is sent: two runs at once send each notice once. Only the newest
 *   `MAX_NOTICE_KEYS` are kept: a skill's older ends are long past.
 */
import type { IsoDateTime } from '../models/common';

/** Keys kept on one assignment: a few ends of one skill, each to the person and their leaders. */
export const MAX_NOTICE_KEYS = 60;

/** The notice keys stored in `RenewalNotices` (empty lines and surrounding spaces ignored). */
export function noticeKeysOf(stored: unknown): string[] {
  if (typeof stored !== 'string') {
    return [];
  }
  const keys = stored
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return keys.filter((key, index) => keys.indexOf(key) === index);
}

/** `RenewalNotices` with `added` after what is stored (each key once, the newest kept). */
export function withNoticeKeys(stored: unknown, added: readonly string[]): string {
  const keys = noticeKeysOf(stored);
  added.forEach((key) => {
    if (keys.indexOf(key) < 0) keys.push(key);
  });
  return keys.slice(Math.max(0, keys.length - MAX_NOTICE_KEYS)).join('\n');
}

/** `RenewalNotices` without `removed` (notices that were not sent after all). */
export function withoutNoticeKeys(stored: unknown, removed: readonly string[]): string {
  return noticeKeysOf(stored)
    .filter((key) => removed.indexOf(key) < 0)
    .join('\n');
}

/** An assignment row of the renewal path, as the timer reads it. */
export interface RenewalAssignmentRow {
  readonly created?: IsoDateTime;
  readonly dueDate?: IsoDateTime;
  readonly assignedVia?: string;
}

const time = (iso: string | undefined): number => (iso ? Date.parse(iso) : NaN);

/**
 * Whether the person has the renewal path open for the skill's end `validUntil`: an assignment
 * made after the skill's last assessment, or renewed by the timer for this skill up to this end.
 */
export function renewalOpen(row: RenewalAssignmentRow | undefined, skillKey: string, assessedAt: Date | undefined, validUntil: Date): boolean {
  if (!row) {
    return false;
  }
  const due = time(row.dueDate);
  if (row.assignedVia === `renewal:${skillKey}` && !isNaN(due) && due >= validUntil.getTime()) {
    return true;
  }
  const created = time(row.created);
  return assessedAt !== undefined && !isNaN(created) && created > assessedAt.getTime();
}
