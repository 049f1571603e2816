/**
 * The list registry: every Shopfloor Engage list, where it lives, the schema file that
 * provisions it, and for each model property the SharePoint internal field name.
 *
 * `sharepoint/assets` is the single source of truth for the lists; this registry only points
 * into it, and `lists.test.ts` fails when the two drift apart (lists, fields, choice values).
 *
 * Title: every list has the built-in Title column. Where a model has `title`, Title holds it
 * (a name or headline); elsewhere writers fill it with the item's unique key or leave it empty.
 */
import type {
  ActionPlan,
  Assignment,
  LearningPath,
  LearningStep,
  Participation,
  Preferences,
  PulseComment,
  Question,
  Reaction,
  Recognition,
  RecognitionReport,
  RecognitionValue,
  ResponseBox,
  SentReminderRecord,
  Setting,
  Skill,
  StepProgress,
  Survey,
  SurveyRound
} from '../models';

export const LISTS = {
  settings: {
    title: 'SE_Settings',
    url: 'Lists/SE_Settings',
    schemaFile: 'schema-settings.xml',
    fields: {
      id: 'ID',
      key: 'Key',
      value: 'Value',
      description: 'Description'
    }
  },
  values: {
    title: 'SE_Values',
    url: 'Lists/SE_Values',
    schemaFile: 'schema-values.xml',
    fields: {
      id: 'ID',
      valueKey: 'ValueKey',
      title: 'Title',
      description: 'Description',
      iconName: 'IconName',
      color: 'Color',
      sortOrder: 'SortOrder',
      translations: 'Translations',
      isActive: 'IsActive'
    }
  },
  recognitions: {
    title: 'SE_Recognitions',
    url: 'Lists/SE_Recognitions',
    schemaFile: 'schema-recognitions.xml',
    fields: {
      id: 'ID',
      recipient: 'Recipient',
      /** Set by the relay from the giver's token (the item's Author is then the relay). */
      giver: 'Giver',
      /** Who wrote the item: the relay; a person only on rows from before the relay wrote posts. */
      author: 'Author',
      kind: 'Kind',
      valueKey: 'ValueKey',
      message: 'Message',
      impact: 'Impact',
      siteCode: 'SiteCode',
      lineCode: 'LineCode',
      shiftCode: 'ShiftCode',
      crewKey: 'CrewKey',
      visibility: 'Visibility',
      status: 'Status',
      batchId: 'BatchId',
      milestoneKind: 'MilestoneKind',
      clientRequestId: 'ClientRequestId',
      created: 'Created'
    }
  },
  reactions: {
    title: 'SE_Reactions',
    url: 'Lists/SE_Reactions',
    schemaFile: 'schema-reactions.xml',
    fields: {
      id: 'ID',
      recognitionId: 'RecognitionId',
      kind: 'Kind',
      reactionKey: 'ReactionKey',
      person: 'Author',
      created: 'Created'
    }
  },
  reports: {
    title: 'SE_Reports',
    url: 'Lists/SE_Reports',
    schemaFile: 'schema-reports.xml',
    fields: {
      id: 'ID',
      recognitionId: 'RecognitionId',
      reason: 'Reason',
      status: 'Status',
      reportKey: 'ReportKey',
      reporter: 'Reporter',
      created: 'Created',
      decidedBy: 'DecidedBy',
      decidedAt: 'DecidedAt',
      decisionNote: 'DecisionNote'
    }
  },
  preferences: {
    title: 'SE_Preferences',
    url: 'Lists/SE_Preferences',
    schemaFile: 'schema-preferences.xml',
    fields: {
      id: 'ID',
      person: 'Person',
      personKey: 'PersonKey',
      hideFromPublicWall: 'HideFromPublicWall',
      notifyOnRecognition: 'NotifyOnRecognition',
      preferredLanguage: 'PreferredLanguage',
      quietHours: 'QuietHours',
      /** When the person allowed their finished learning paths on the wall; empty: not allowed (docs/learning.md). */
      shareLearningSince: 'ShareLearningSince'
    }
  },
  questions: {
    title: 'SE_Questions',
    url: 'Lists/SE_Questions',
    schemaFile: 'schema-questions.xml',
    fields: {
      id: 'ID',
      questionKey: 'QuestionKey',
      title: 'Title',
      driver: 'Driver',
      kind: 'Kind',
      translations: 'Translations',
      isActive: 'IsActive'
    }
  },
  surveys: {
    title: 'SE_Surveys',
    url: 'Lists/SE_Surveys',
    schemaFile: 'schema-surveys.xml',
    fields: {
      id: 'ID',
      title: 'Title',
      definition: 'Definition',
      status: 'Status',
      cadence: 'Cadence',
      minGroupSize: 'MinGroupSize',
      minCommentGroupSize: 'MinCommentGroupSize'
    }
  },
  surveyRounds: {
    title: 'SE_SurveyRounds',
    url: 'Lists/SE_SurveyRounds',
    schemaFile: 'schema-surveyrounds.xml',
    fields: {
      id: 'ID',
      surveyId: 'SurveyId',
      roundNumber: 'RoundNumber',
      roundKey: 'RoundKey',
      opensAt: 'OpensAt',
      closesAt: 'ClosesAt',
      status: 'Status',
      thresholdsLocked: 'ThresholdsLocked',
      minGroupSize: 'MinGroupSize',
      minCommentGroupSize: 'MinCommentGroupSize'
    }
  },
  responses: {
    title: 'SE_Responses',
    url: 'Lists/SE_Responses',
    schemaFile: 'schema-responses.xml',
    // Ballot boxes: encrypted by the relay, no person, no time, one item holds many answers.
    // Author, Editor, Created and Modified are the relay's and the box's last write.
    fields: {
      id: 'ID',
      roundId: 'RoundId',
      surveyId: 'SurveyId',
      boxTitle: 'Title',
      boxKey: 'BoxKey',
      envelope: 'Envelope'
    }
  },
  participation: {
    title: 'SE_Participation',
    url: 'Lists/SE_Participation',
    schemaFile: 'schema-participation.xml',
    fields: {
      id: 'ID',
      roundId: 'RoundId',
      participant: 'Participant',
      participationKey: 'ParticipationKey',
      status: 'Status',
      token: 'Token'
    }
  },
  reminders: {
    title: 'SE_Reminders',
    url: 'Lists/SE_Reminders',
    schemaFile: 'schema-reminders.xml',
    // Written by the relay's pulse timer only; members read none of it (docs/relay.md).
    fields: {
      id: 'ID',
      roundId: 'RoundId',
      personObjectId: 'PersonObjectId',
      shiftId: 'ShiftId',
      reminderKey: 'ReminderKey'
    }
  },
  // Comment threads: written by the relay only, one sealed item per message (Title, RoundId and
  // Body); the other columns stay empty (docs/data-model.md "SE_Comments").
  comments: {
    title: 'SE_Comments',
    url: 'Lists/SE_Comments',
    schemaFile: 'schema-comments.xml',
    fields: {
      id: 'ID',
      roundId: 'RoundId',
      threadId: 'ThreadId',
      parentId: 'ParentId',
      questionKey: 'QuestionKey',
      groupKey: 'GroupKey',
      body: 'Body',
      authorRole: 'AuthorRole',
      status: 'Status',
      created: 'Created'
    }
  },
  actionPlans: {
    title: 'SE_ActionPlans',
    url: 'Lists/SE_ActionPlans',
    schemaFile: 'schema-actionplans.xml',
    fields: {
      id: 'ID',
      title: 'Title',
      surveyId: 'SurveyId',
      roundId: 'RoundId',
      groupKey: 'GroupKey',
      driver: 'Driver',
      youSaid: 'YouSaid',
      weDid: 'WeDid',
      owner: 'Owner',
      status: 'Status',
      publishedAt: 'PublishedAt',
      ownerName: 'OwnerName',
      dueDate: 'DueDate',
      sourceComment: 'SourceComment',
      planKey: 'PlanKey'
    }
  },
  learningPaths: {
    title: 'SE_LearningPaths',
    url: 'Lists/SE_LearningPaths',
    schemaFile: 'schema-learningpaths.xml',
    fields: {
      id: 'ID',
      title: 'Title',
      description: 'Description',
      translations: 'Translations',
      category: 'Category',
      validityMonths: 'ValidityMonths',
      isActive: 'IsActive',
      requiresPathIds: 'RequiresPathIds',
      grants: 'Grants',
      trainerIds: 'TrainerIds',
      lapseDays: 'LapseDays',
      renewalPathId: 'RenewalPathId',
      renewalLeadDays: 'RenewalLeadDays'
    }
  },
  learningSteps: {
    title: 'SE_LearningSteps',
    url: 'Lists/SE_LearningSteps',
    schemaFile: 'schema-learningsteps.xml',
    fields: {
      id: 'ID',
      title: 'Title',
      pathId: 'PathId',
      sortOrder: 'SortOrder',
      kind: 'Kind',
      translations: 'Translations',
      contentUrl: 'ContentUrl',
      vivaCourseId: 'VivaCourseId',
      quiz: 'Quiz',
      /** Sealed by the relay: members read the questions, never which choices are right. */
      quizKey: 'QuizKey',
      requiresSignOff: 'RequiresSignOff',
      estimatedMinutes: 'EstimatedMinutes'
    }
  },
  assignments: {
    title: 'SE_Assignments',
    url: 'Lists/SE_Assignments',
    schemaFile: 'schema-assignments.xml',
    fields: {
      id: 'ID',
      learner: 'Learner',
      pathId: 'PathId',
      crewKey: 'CrewKey',
      assignedBy: 'AssignedBy',
      dueDate: 'DueDate',
      reason: 'Reason',
      assignmentKey: 'AssignmentKey',
      assignedVia: 'AssignedVia',
      /** The renewal notices the relay's timer sent, one key a line (`renewalRecord.ts`). */
      renewalNotices: 'RenewalNotices',
      created: 'Created'
    }
  },
  progress: {
    title: 'SE_Progress',
    url: 'Lists/SE_Progress',
    schemaFile: 'schema-progress.xml',
    fields: {
      id: 'ID',
      learner: 'Learner',
      pathId: 'PathId',
      stepId: 'StepId',
      crewKey: 'CrewKey',
      status: 'Status',
      completedAt: 'CompletedAt',
      signedOffBy: 'SignedOffBy',
      signedOffAt: 'SignedOffAt',
      expiresAt: 'ExpiresAt',
      progressKey: 'ProgressKey',
      signOffStation: 'SignOffStation',
      signOffNote: 'SignOffNote',
      /** Sealed by the relay: colleagues see that a quiz is done, not its score. */
      quizResult: 'QuizResult'
    }
  },
  skills: {
    title: 'SE_Skills',
    url: 'Lists/SE_Skills',
    schemaFile: 'schema-skills.xml',
    fields: {
      id: 'ID',
      title: 'Title',
      person: 'Person',
      station: 'Station',
      level: 'Level',
      crewKey: 'CrewKey',
      assessedBy: 'AssessedBy',
      assessedAt: 'AssessedAt',
      expiresAt: 'ExpiresAt',
      skillKey: 'SkillKey',
      pathId: 'PathId',
      lastPractisedAt: 'LastPractisedAt'
    }
  }
} as const;

export type ListKey = keyof typeof LISTS;

export type ListDefinition<K extends ListKey = ListKey> = (typeof LISTS)[K];

/** The model each list stores, by list key. */
export interface ListModels {
  settings: Setting;
  values: RecognitionValue;
  recognitions: Recognition;
  reactions: Reaction;
  reports: RecognitionReport;
  preferences: Preferences;
  questions: Question;
  surveys: Survey;
  surveyRounds: SurveyRound;
  responses: ResponseBox;
  participation: Participation;
  reminders: SentReminderRecord;
  comments: PulseComment;
  actionPlans: ActionPlan;
  learningPaths: LearningPath;
  learningSteps: LearningStep;
  assignments: Assignment;
  progress: StepProgress;
  skills: Skill;
}

/** A property of a list's model. */
export type ModelProperty<K extends ListKey> = keyof ListDefinition<K>['fields'];

/** An internal field name of a list, as the registry knows it. */
export type InternalFieldName<K extends ListKey> = ListDefinition<K>['fields'][ModelProperty<K>];

/** Every list key, in registry order. */
export const LIST_KEYS: readonly ListKey[] = Object.keys(LISTS) as ListKey[];

/** Every list title (`SE_…`), in registry order. */
export const LIST_TITLES: readonly string[] = LIST_KEYS.map((key) => LISTS[key].title);

/** The registry key of a list title, or undefined for a list that is not ours. */
export function listKeyByTitle(title: string): ListKey | undefined {
  for (const key of LIST_KEYS) {
    if (LISTS[key].title === title) {
      return key;
    }
  }
  return undefined;
}

/** The internal field name for one model property of one list. */
export function fieldName<K extends ListKey>(list: K, property: ModelProperty<K>): string {
  const fields: { readonly [property: string]: string } = LISTS[list].fields;
  return fields[property as string];
}
