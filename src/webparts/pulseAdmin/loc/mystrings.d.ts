declare interface IPulseAdminWebPartStrings {
  PropertyPaneDescription: string;
  Heading: string;
  Loading: string;
  LoadFailed: string;
  NeedHrRights: string;
  ReadOnly: string;
  NoSurveys: string;
  NoSurveysReadOnly: string;
  SurveysListLabel: string;
  NewSurvey: string;
  AddQuestion: string;
  StatusDraft: string;
  StatusScheduled: string;
  StatusOpen: string;
  StatusClosed: string;
  StatusPaused: string;
  CadenceOnce: string;
  CadenceWeekly: string;
  CadenceBiweekly: string;
  CadenceMonthly: string;
  CadenceQuarterly: string;
  /** {0} = how many questions (`one` form: QuestionCountOne). */
  QuestionCount: string;
  QuestionCountOne: string;
  /** {0} = round number, {1} = when it closes. */
  CurrentRound: string;
  /** {0} = round number, {1} = when it opens. */
  NextOpening: string;
  NotScheduled: string;
  PausedNoRound: string;
  Edit: string;
  EditLabel: string;
  Preview: string;
  PreviewLabel: string;
  Schedule: string;
  ScheduleLabel: string;
  Pause: string;
  PauseLabel: string;
  Resume: string;
  ResumeLabel: string;
  Close: string;
  CloseLabel: string;
  /** {0} = survey name. */
  CloseConfirm: string;
  CloseConfirmYes: string;
  CloseConfirmNo: string;
  PausedNotice: string;
  ResumedNotice: string;
  ClosedNotice: string;
  SavedNotice: string;
  ScheduledNotice: string;
  QuestionAddedNotice: string;
  StepFailed: string;
  Saving: string;
  /** The panel shown to HR when no answer can be collected (no relay, unreachable, no pulse keys). */
  RelayHeading: string;
  RelayNotConfigured: string;
  RelayUnreachable: string;
  RelayNoKeys: string;
  RelayWhy: string;
  RelayHow: string;
  RelayCheckAgain: string;
  EditorNewTitle: string;
  EditorEditTitle: string;
  EditorScheduleTitle: string;
  ErrorSummary: string;
  FieldTitle: string;
  QuestionsLegend: string;
  MoveUp: string;
  MoveUpLabel: string;
  MoveDown: string;
  MoveDownLabel: string;
  Remove: string;
  RemoveLabel: string;
  QuestionToAdd: string;
  AddToSurvey: string;
  NoQuestionsLeft: string;
  LanguagesLegend: string;
  LanguageEnglish: string;
  LanguageDutch: string;
  LanguageSwedish: string;
  AudienceLegend: string;
  AudienceHelp: string;
  FieldSites: string;
  FieldSiteCodes: string;
  FieldDepartments: string;
  FieldCrews: string;
  FieldEmploymentTypes: string;
  AgencyIncluded: string;
  AgencyExcluded: string;
  FieldCadence: string;
  FieldRoundLength: string;
  /** {0} = days (`one` form: RoundMinimumOne). */
  RoundMinimum: string;
  RoundMinimumOne: string;
  RoundMinimumLoading: string;
  /** {0} = the suggested days. */
  RoundMinimumUnknown: string;
  CrewsHelp: string;
  CrewsLoading: string;
  CrewsNone: string;
  /** {0} = the crew's Teams team id. */
  CrewUnknown: string;
  /** {0} = the crew's Teams team id; shown while the crews cannot be listed. */
  CrewChosenEarlier: string;
  /** {0} = the reason (CrewsNoRelay … CrewsUnexpected). */
  CrewsUnavailable: string;
  CrewsNoRelay: string;
  CrewsNotAllowed: string;
  CrewsNotSetUp: string;
  CrewsRelayFault: string;
  CrewsBusy: string;
  CrewsUnexpected: string;
  CrewsTryAgain: string;
  ThresholdsLegend: string;
  ThresholdsHelp: string;
  /** {0} = smallest group, {1} = smallest group for comments. */
  ThresholdsLocked: string;
  FieldMinGroup: string;
  FieldMinComments: string;
  ScheduleLegend: string;
  ScheduleHelp: string;
  ScheduleRequired: string;
  FieldFirstOpensOn: string;
  FieldOpensAt: string;
  FieldTimeZone: string;
  FieldMaxReminders: string;
  ComingRounds: string;
  /** {0} = round number, {1} = opens, {2} = closes. */
  RoundWindow: string;
  Save: string;
  SaveAndSchedule: string;
  Cancel: string;
  SaveFailed: string;
  ErrorInvalidDefinition: string;
  ErrorTitleMissing: string;
  ErrorTooLong: string;
  ErrorTooFewQuestions: string;
  ErrorTooManyQuestions: string;
  ErrorInvalidQuestionKey: string;
  ErrorDuplicateQuestion: string;
  ErrorKeyTaken: string;
  ErrorUnknownQuestion: string;
  ErrorInactiveQuestion: string;
  /** {0} = question key, {1} = language name. */
  ErrorMissingWording: string;
  ErrorWordingMissing: string;
  ErrorNoLanguage: string;
  ErrorUnknownLanguage: string;
  ErrorDuplicateLanguage: string;
  ErrorUnknownAudienceField: string;
  ErrorBlankAudienceValue: string;
  ErrorDuplicateAudienceValue: string;
  ErrorUnknownSite: string;
  ErrorInvalidCadence: string;
  ErrorInvalidRoundLength: string;
  /** {0} = days (`one` form: ErrorRoundShorterThanMinimumOne). */
  ErrorRoundShorterThanMinimum: string;
  ErrorRoundShorterThanMinimumOne: string;
  ErrorRoundLongerThanCadence: string;
  ErrorInvalidThreshold: string;
  ErrorThresholdBelowMinimum: string;
  ErrorThresholdTooHigh: string;
  ErrorCommentThresholdBelowGroup: string;
  ErrorThresholdsLocked: string;
  ErrorFirstOpeningMissing: string;
  ErrorInvalidFirstOpening: string;
  ErrorFirstOpeningInPast: string;
  ErrorInvalidOpeningTime: string;
  ErrorTimeZoneMissing: string;
  ErrorInvalidTimeZone: string;
  ErrorInvalidReminderCount: string;
  ErrorInvalidDriver: string;
  ErrorInvalidKind: string;
  QuestionEditorTitle: string;
  FieldQuestionKey: string;
  FieldWordingEnglish: string;
  FieldWordingDutch: string;
  FieldWordingSwedish: string;
  FieldDriver: string;
  FieldKind: string;
  DriverBelonging: string;
  DriverSecurityMeaning: string;
  DriverLeadership: string;
  DriverDevelopment: string;
  DriverScheduleInfluence: string;
  DriverFairness: string;
  DriverWorkInfluence: string;
  DriverRecognition: string;
  DriverEnps: string;
  DriverEngagement: string;
  KindLikert5: string;
  KindEnps11: string;
  KindText: string;
  AddQuestionSave: string;
  QuestionSaveFailed: string;
  PreviewTitle: string;
  PreviewHelp: string;
  PreviewLanguage: string;
  PhoneFrame: string;
  /** {0} = position, {1} = how many. */
  QuestionOf: string;
  /** {0} = language name. */
  PreviewNoWording: string;
  PreviewScaleLikert: string;
  PreviewScaleEnps: string;
  PreviewComment: string;
  PreviewDone: string;
  Back: string;
  Next: string;
  ClosePreview: string;
}

declare module 'PulseAdminWebPartStrings' {
  const strings: IPulseAdminWebPartStrings;
  export = strings;
}
