/**
 * "My learning" for the page's parts: the person's learning read of SharePoint in one `$batch`
 * (`learningReader.ts`, only the relay's rows counted) and their own actions through the relay
 * (`relayLearning.ts`: a step marked done, a quiz answered and scored there). Without a relay the
 * part still shows the plan; marking done and quizzes say why they cannot be recorded.
 */
import { RelayLearning } from '../connectors/relay/relayLearning';
import { SharePointLearningReader } from '../connectors/sharepoint/learning/learningReader';
import type { QuizAnswers } from '../core/learning/quiz';
import type { ItemId } from '../core/models/common';
import type { Quiz } from '../core/models/learning';
import { relayOf } from './relay';
import type { EngageServices } from './services';

export type { LearnerPath, LearnerProgress, LearnerStep, MyLearningRead } from '../connectors/sharepoint/learning/learningReader';
export { LearningActionError, type LearningActionErrorCode, type QuizOutcome, type StepDone } from '../connectors/relay/relayLearning';

/** What the "My learning" part reads and does, for the signed-in person. */
export interface MyLearningServices {
  read: SharePointLearningReader['read'];
  quiz(stepId: ItemId): Promise<Quiz>;
  markDone: RelayLearning['markDone'];
  submitQuiz(stepId: ItemId, attemptKey: string, answers: QuizAnswers): ReturnType<RelayLearning['submitQuiz']>;
}

export function learningOf(services: EngageServices): MyLearningServices {
  return services.capability('learning', (all): MyLearningServices => {
    const reader = new SharePointLearningReader({ sp: all.connections.sp, siteUserId: all.connections.user.siteUserId });
    const relay = new RelayLearning(relayOf(all));
    return {
      read: () => reader.read(),
      quiz: (stepId) => reader.quiz(stepId),
      markDone: (stepId, requestId) => relay.markDone(stepId, requestId),
      submitQuiz: (stepId, attemptKey, answers) => relay.submitQuiz(stepId, attemptKey, answers)
    };
  });
}
