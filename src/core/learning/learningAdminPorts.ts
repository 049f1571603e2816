/**
 * What the Learning admin part needs (HR and site owners): the paths and steps SharePoint holds
 * (HR writes SE_LearningPaths and SE_LearningSteps directly), and the relay for what no page may
 * decide: sealing a quiz's answer key and assigning a path (SE_Assignments is the relay's).
 */
import type { ItemId } from '../models/common';
import type { LearningPath, LearningStep, QuizAnswerKey } from '../models/learning';
import type { PathDraft, StepForm } from './pathDraft';

export type AdminPath = Pick<
  LearningPath,
  'id' | 'title' | 'translations' | 'category' | 'isActive' | 'requiresPathIds' | 'grants' | 'trainerIds' | 'validityMonths' | 'lapseDays' | 'renewalPathId'
>;

export interface AdminStep extends Pick<LearningStep, 'id' | 'pathId' | 'sortOrder' | 'kind' | 'title' | 'translations' | 'estimatedMinutes' | 'contentUrl' | 'vivaCourseId' | 'quiz'> {
  /** Whether the relay has sealed an answer key for the quiz (never the key itself). */
  readonly keySealed: boolean;
}

export interface LearningAdminStart {
  readonly paths: readonly AdminPath[];
  readonly steps: readonly AdminStep[];
  /** Whether the person may keep the learning lists (Override List Behaviors, add and edit items). */
  readonly mayEdit: boolean;
}

export interface LearningAdminStore {
  /** Paths, steps and the person's right, in one round trip. */
  start(): Promise<LearningAdminStart>;
  /** The sign-in names of the site users `ids` (the named trainers). */
  trainersOf(ids: readonly number[]): Promise<string[]>;
  /** Adds or changes a path (trainers found on the site by their sign-in names); its id. */
  savePath(draft: PathDraft): Promise<ItemId>;
  /** Adds or changes a step at `sortOrder`; its id. Never writes an answer key. */
  saveStep(form: StepForm, sortOrder: number): Promise<ItemId>;
  deleteStep(id: ItemId): Promise<void>;
  /** New sort orders of steps, in one round trip. */
  reorder(changes: ReadonlyArray<{ readonly id: ItemId; readonly sortOrder: number }>): Promise<void>;
}

export type AdminAudience =
  | { readonly kind: 'people'; readonly people: ReadonlyArray<{ readonly id: string; readonly displayName: string }> }
  | { readonly kind: 'crew'; readonly crewKey: string; readonly name: string }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'newSince'; readonly since: string };

export interface AssignRequest {
  readonly pathId: ItemId;
  readonly audience: AdminAudience;
  /** The plant's day it is due (`YYYY-MM-DD`), or none. */
  readonly dueDate?: string;
  /** Made once per assignment the form sends, so Try again after a lost answer creates once. */
  readonly requestId: string;
  readonly timeZone: string;
}

export interface AssignOutcome {
  readonly created: ReadonlyArray<{ readonly id: string; readonly displayName?: string }>;
  readonly alreadyAssigned: ReadonlyArray<{ readonly id: string; readonly displayName?: string }>;
  /** People in a leader's audience who are not theirs (left out). */
  readonly notLed: number;
}

export interface LearningAdminRelay {
  /** Seals a quiz step's answer key (the relay checks it against the stored questions). */
  sealQuizKey(stepId: ItemId, answerKey: QuizAnswerKey): Promise<void>;
  assign(request: AssignRequest): Promise<AssignOutcome>;
}

/** A colleague to pick for an audience. */
export interface PickablePerson {
  readonly id: string;
  readonly displayName: string;
  readonly jobTitle?: string;
}

export interface PickableCrew {
  readonly crewKey: string;
  readonly name: string;
}

export interface AudienceSource {
  searchPeople(text: string): Promise<PickablePerson[]>;
  crews(): Promise<PickableCrew[]>;
}

/** Why a relay action failed, in codes the part words. */
export type LearningAdminErrorCode =
  | 'noRelay'
  | 'notSetUp'
  | 'relayFault'
  | 'unavailable'
  | 'rateLimited'
  | 'accessDenied'
  /** Only HR, site owners and the people's manager assign; a leader names only their direct reports. */
  | 'notAllowed'
  | 'notYourReport'
  | 'pathNotFound'
  | 'stepNotFound'
  | 'pathInactive'
  | 'dueDateInPast'
  | 'dueDateInvalid'
  | 'audienceEmpty'
  | 'noOneToAssign'
  | 'personNotFound'
  /** The relay found the quiz or its key not valid. */
  | 'quizInvalid'
  | 'invalid'
  | 'unexpected';

export class LearningAdminError extends Error {
  public constructor(
    public readonly code: LearningAdminErrorCode,
    message: string,
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'LearningAdminError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
