/**
 * A finished learning path on the recognition wall, as a milestone, only when the person allows
 * it (docs/learning.md, "A finished path on the wall").
 *
 * - Consent is the person's own: `ShareLearningSince` on their own SE_Preferences row (one whose
 *   Author is the person, or the relay), the moment they switched sharing on; empty is off (the
 *   default). A column a member can write says only what its writer decided for themselves.
 * - Only paths finished at or after that moment: a path finished before the person allowed it
 *   stays off the wall, even when its finishing write is sent again later.
 * - Someone who keeps recognitions of them off the public wall (`HideFromPublicWall`) gets no
 *   milestone posted: a milestone is a public post.
 * - Once per path and person: the post's `ClientRequestId` is {@link learningMilestoneKey}.
 */
import { FALLBACK_LANGUAGE, SHIPPED_LANGUAGES, type ShippedLanguage } from '../models/common';

/** The `MilestoneKind` of a finished learning path. */
export const LEARNING_PATH_MILESTONE = 'learning-path';

/**
 * The value the post shows (`ValueKey`, one of HR's values in SE_Values): learning something new
 * is improvement. HR renames or retires it in SE_Values like any value.
 */
export const LEARNING_MILESTONE_VALUE = 'continuous-improvement';

/** The `ClientRequestId` of the milestone of a path finished by a person: one post per path and person. */
export function learningMilestoneKey(pathId: number, userId: number): string {
  return `learning-path:${pathId}:${userId}`;
}

/** What the person's own preferences row says (absent: no row, or none of theirs). */
export interface MilestonePreferences {
  /** When they allowed sharing their finished paths; absent: not allowed. */
  readonly shareLearningSince?: Date;
  readonly hideFromPublicWall?: boolean;
}

export type MilestoneRefusal = 'notShared' | 'finishedBeforeConsent' | 'hiddenFromWall';

export type MilestoneDecision = { readonly post: true } | { readonly post: false; readonly reason: MilestoneRefusal };

/** Whether the path the person finished at `finishedAt` goes on the wall. */
export function decideMilestone(preferences: MilestonePreferences | undefined, finishedAt: Date): MilestoneDecision {
  const since = preferences?.shareLearningSince;
  if (!since || isNaN(since.getTime())) {
    return { post: false, reason: 'notShared' };
  }
  if (preferences?.hideFromPublicWall === true) {
    return { post: false, reason: 'hiddenFromWall' };
  }
  if (finishedAt.getTime() < since.getTime()) {
    return { post: false, reason: 'finishedBeforeConsent' };
  }
  return { post: true };
}

const MESSAGES: Readonly<Record<ShippedLanguage, string>> = {
  'en-us': 'Finished the learning path “{0}”.',
  'nl-nl': 'Heeft het leerpad “{0}” afgerond.',
  'sv-se': 'Har slutfört utbildningsvägen ”{0}”.'
};

/** The shipped language for a tag (`nl-be` → `nl-nl`), else English. */
export function milestoneLanguage(tag: string | undefined): ShippedLanguage {
  const language = (tag ?? '').trim().toLowerCase().split('-')[0];
  return SHIPPED_LANGUAGES.filter((shipped) => shipped.split('-')[0] === language)[0] ?? FALLBACK_LANGUAGE;
}

/**
 * The post's words, in the person's language (the wall shows a message as written): the path's
 * name as `pathName` gives it in that language. Control characters are left out of the name.
 */
export function milestoneMessage(pathName: string, language: ShippedLanguage): string {
  // eslint-disable-next-line no-control-regex
  const name = pathName.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return MESSAGES[language].replace('{0}', name);
}
