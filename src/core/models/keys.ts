/**
 * Builders of the keys behind "one per person" rules and exactly-once writes. Most are
 * `EnforceUniqueValues` columns, so SharePoint keeps them unique; in lists read as own items
 * only (SE_Reports, SE_Participation, SE_Responses) SharePoint refuses a unique column, and the
 * writers keep one item per key themselves (`src/core/keyedRows.ts`). One place, so writers and
 * readers never disagree on the format.
 */
import { ItemId } from './common';

/** `SE_Reactions.ReactionKey`: one reaction per person per recognition. */
export function reactionKey(recognitionId: ItemId, userId: number): string {
  return `${recognitionId}:${userId}`;
}

/** `SE_Reports.ReportKey`: one report per person per recognition. */
export function reportKey(recognitionId: ItemId, userId: number): string {
  return `${recognitionId}:${userId}`;
}

/**
 * `SE_Recognitions.ClientRequestId`: the id the device gave the request, per recipient item,
 * so a resent recognition (offline queue) is stored exactly once.
 */
export function recognitionRequestKey(requestId: string, recipientId: number): string {
  return `${requestId}:${recipientId}`;
}

/** `SE_Preferences.PersonKey`: the claims login name in lower case. */
export function personKey(loginName: string): string {
  return loginName.trim().toLowerCase();
}

/** `SE_SurveyRounds.RoundKey`: one item per round of a survey. */
export function roundKey(surveyId: ItemId, roundNumber: number): string {
  return `${surveyId}:${roundNumber}`;
}

/** `SE_Participation.ParticipationKey`: one participation per person per round. */
export function participationKey(roundId: ItemId, userId: number): string {
  return `${roundId}:${userId}`;
}

/** `SE_Assignments.AssignmentKey`: one assignment per person per path. */
export function assignmentKey(pathId: ItemId, userId: number): string {
  return `${pathId}:${userId}`;
}

/** `SE_Progress.ProgressKey`: one progress item per person per step. */
export function progressKey(stepId: ItemId, userId: number): string {
  return `${stepId}:${userId}`;
}

/** `SE_Skills.SkillKey`: one level per person per station. */
export function skillKey(station: string, userId: number): string {
  return `${station}:${userId}`;
}
