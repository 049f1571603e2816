/**
 * "My learning" for the page's parts: the person's learning read of SharePoint in one `$batch`
 * (`learningReader.ts`, only the relay's rows counted) and their own actions through the relay
 * (`relayLearning.ts`: a step marked done, a quiz answered and scored there, practice done with a
 * trainer asked to sign it off). For trainers, after the first paint: the practice colleagues asked
 * to have signed off (SE_Progress, which every member reads) and the sign-off itself, through the
 * relay, which names the learner by their directory id: the page finds it in Microsoft Graph from
 * the learner's sign-in name (`GET /users/{upn}`, User.ReadBasic.All, requested already). Without
 * a relay the part still shows the plan; actions say why they cannot be recorded.
 */
import { GraphFailure } from '../connectors/graph/graphBatch';
import { GraphPeopleDirectory } from '../connectors/graph/graphPeopleDirectory';
import { LearningActionError, RelayLearning, type SignOffSent } from '../connectors/relay/relayLearning';
import { SharePointLearningReader } from '../connectors/sharepoint/learning/learningReader';
import { SharePointMilestoneConsent } from '../connectors/sharepoint/learning/milestoneConsent';
import type { QuizAnswers } from '../core/learning/quiz';
import type { ItemId } from '../core/models/common';
import type { Quiz } from '../core/models/learning';
import { graphOf } from './graph';
import { relayOf } from './relay';
import { vivaLearningOf } from './vivaLearning';
import type { EngageServices } from './services';

export type { LearnerPath, LearnerProgress, LearnerStep, MyLearningRead, SignOffRequestRow } from '../connectors/sharepoint/learning/learningReader';
export { LearningActionError, type LearningActionErrorCode, type QuizOutcome, type StepDone } from '../connectors/relay/relayLearning';

/** A trainer's sign-off as the part gives it: the learner by their sign-in name (claims login). */
export type TrainerSignOff = Omit<SignOffSent, 'learnerId'> & { readonly learnerLogin: string };

/** What the "My learning" part reads and does, for the signed-in person. */
export interface MyLearningServices {
  read: SharePointLearningReader['read'];
  quiz(stepId: ItemId): Promise<Quiz>;
  markDone: RelayLearning['markDone'];
  submitQuiz(stepId: ItemId, attemptKey: string, answers: QuizAnswers): ReturnType<RelayLearning['submitQuiz']>;
  askSignOff: RelayLearning['askSignOff'];
  signOffRequests: SharePointLearningReader['signOffRequests'];
  signOff(signOff: TrainerSignOff): ReturnType<RelayLearning['signOff']>;
  /** The person's Viva Learning courses (Graph; "not available" when the scopes are not approved). */
  courses: ReturnType<typeof vivaLearningOf>['courses'];
  /** The person's choice to share finished paths on the wall (their own SE_Preferences row). */
  milestoneSharing: SharePointMilestoneConsent['allowed'];
  setMilestoneSharing(allowed: boolean): Promise<void>;
}

/** The user principal name in a member's claims login (`i:0#.f|membership|ann@contoso.com`). */
export function upnOfLogin(login: string): string {
  return login.split('|').pop() ?? login;
}

export function learningOf(services: EngageServices): MyLearningServices {
  return services.capability('learning', (all): MyLearningServices => {
    const reader = new SharePointLearningReader({ sp: all.connections.sp, siteUserId: all.connections.user.siteUserId });
    const relay = new RelayLearning(relayOf(all));
    const { cache, batcher } = graphOf(all);
    const directory = new GraphPeopleDirectory(all.connections.graph, { cache, batcher });
    /** The learner's directory id; a learner the directory does not know is `learnerNotFound`, as the relay says it. */
    const directoryIdOf = async (login: string): Promise<string> => {
      try {
        return (await directory.person(upnOfLogin(login))).id;
      } catch (error) {
        if (error instanceof GraphFailure && error.status === 404) {
          throw new LearningActionError('learnerNotFound', 'Signing off: the directory does not know this learner.');
        }
        throw new LearningActionError('unavailable', `Signing off: the learner could not be found in the directory (${error instanceof Error ? error.message : String(error)}).`);
      }
    };
    const viva = vivaLearningOf(all);
    const consent = new SharePointMilestoneConsent(all.connections.sp);
    return {
      read: () => reader.read(),
      quiz: (stepId) => reader.quiz(stepId),
      markDone: (stepId, requestId) => relay.markDone(stepId, requestId),
      submitQuiz: (stepId, attemptKey, answers) => relay.submitQuiz(stepId, attemptKey, answers),
      askSignOff: (stepId, requestId) => relay.askSignOff(stepId, requestId),
      signOffRequests: (pathIds) => reader.signOffRequests(pathIds),
      signOff: async ({ learnerLogin, ...rest }) => relay.signOff({ ...rest, learnerId: await directoryIdOf(learnerLogin) }),
      courses: () => viva.courses(),
      milestoneSharing: () => consent.allowed(),
      setMilestoneSharing: (allowed) => consent.setAllowed(allowed)
    };
  });
}
