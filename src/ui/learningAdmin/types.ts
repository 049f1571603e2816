import type { AudienceSource, LearningAdminRelay, LearningAdminStore } from '../../core/learning/learningAdminPorts';

/** What the Learning admin part is given (`src/app/learningAdmin.ts` builds it). */
export interface LearningAdminSources {
  readonly store: LearningAdminStore;
  readonly relay: LearningAdminRelay;
  readonly audiences: AudienceSource;
  /** The tenant's hosts: a step's link must stay inside them. */
  readonly tenantHosts: readonly string[];
}

export interface ILearningAdminProps {
  readonly sources: LearningAdminSources;
  /** The page's language (`nl-nl`): the part's words and which language's names it shows first. */
  readonly locale: string;
  /** The plant's IANA time zone: a due date is the end of that day there. */
  readonly timeZone: string;
  /** Makes an assignment's request id (tests give a fixed one). */
  readonly newRequestId?: () => string;
}
