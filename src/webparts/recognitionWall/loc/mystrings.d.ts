declare interface IRecognitionWallWebPartStrings {
  PropertyPaneDescription: string;
  FiltersGroupName: string;
  DisplayGroupName: string;
  DefaultSiteLabel: string;
  DefaultValueLabel: string;
  ValueKeysLabel: string;
  ShowReactionsLabel: string;
  CompactLabel: string;
  PageSizeLabel: string;
  Heading: string;
  Recognise: string;
  Filters: string;
  /** {0} = number of active filters. */
  FiltersWithCount: string;
  MyPrivacy: string;
  FilterSite: string;
  FilterLine: string;
  FilterShift: string;
  FilterValue: string;
  FilterPeriod: string;
  FilterMyCrew: string;
  AllSites: string;
  AllLines: string;
  AllShifts: string;
  AllValues: string;
  PeriodAll: string;
  /** {0} = number of days (the `other` plural form). */
  PeriodDays: string;
  /** The `one` plural form of `PeriodDays`. */
  PeriodDaysOne: string;
  PeriodHint: string;
  PrivacyToggle: string;
  PrivacyHelp: string;
  On: string;
  Off: string;
  LoadingPrivacy: string;
  PrivacyLoadFailed: string;
  PrivacyOn: string;
  PrivacyOff: string;
  /** {0} = why. */
  PrivacyFailed: string;
  Loading: string;
  LoadingMore: string;
  LoadFailed: string;
  /** {0}: why the refresh failed. */
  ShowingSaved: string;
  MoreFailed: string;
  /** While a dialog or panel loads on demand. */
  /** A dialog or panel could not load (a "Try again" button follows). */
  ShowMore: string;
  Empty: string;
  EmptyFiltered: string;
  EmptyFilteredAll: string;
  FeedLabel: string;
  /** {0} = giver, {1} = recipient. */
  GaveRecognition: string;
  ImpactPrefix: string;
  KindMilestone: string;
  KindCrew: string;
  KindAnniversary: string;
  MilestoneZeroDefect: string;
  MilestoneSafety: string;
  MilestoneAnniversary: string;
  MilestoneFirst: string;
  MilestoneLearningPath: string;
  SeenByCrew: string;
  SeenPrivately: string;
  /** The mark on a post where the reader is the one recognised. */
  AboutYou: string;
  Reactions: string;
  /** {0} = reaction name, {1} = count. */
  ReactionButton: string;
  ReactionApplause: string;
  ReactionLike: string;
  ReactionHeart: string;
  ReactionCelebrate: string;
  /** {0} = why. */
  ReactionFailed: string;
  /** {0}: why (a sentence part); a tap from an earlier visit stays on the device. */
  ReactionWaiting: string;
  /** Said to screen readers when a reaction is saved; {0} = the reaction's name. */
  ReactedAnnounce: string;
  /** Said to screen readers when a reaction is taken back; {0} = the reaction's name. */
  ReactionRemovedAnnounce: string;
  Report: string;
  /** {0} = recipient. */
  ReportDescription: string;
  ReportTitle: string;
  /** {0} = recipient. */
  ReportIntro: string;
  ReportReason: string;
  ReportReasonRequired: string;
  ReportSend: string;
  Cancel: string;
  Reported: string;
  /** A report through the relay: the post is hidden for everyone until HR decides. */
  ReportedForEveryone: string;
  /** A repeat report after HR kept the post: with HR again, hidden for the reporter. */
  ReportedAgainToHr: string;
  /** {0} = why. */
  ReportFailed: string;
  Close: string;
  ComposerTitle: string;
  /** {0} = step, {1} = steps. */
  StepOf: string;
  StepPeople: string;
  StepValue: string;
  StepMessage: string;
  SelectedPeople: string;
  /** {0} = person. */
  RemovePerson: string;
  SearchLabel: string;
  SearchPlaceholder: string;
  SearchTooShort: string;
  Searching: string;
  SearchFailed: string;
  NoOneFound: string;
  SearchResults: string;
  MyCrew: string;
  LoadingCrew: string;
  CrewFailed: string;
  CrewEmpty: string;
  CrewAwardHint: string;
  Next: string;
  /** {0} = people picked (the `other` plural form). */
  NextWithCount: string;
  /** The `one` plural form of `NextWithCount`. */
  NextWithCountOne: string;
  Back: string;
  Send: string;
  Sending: string;
  CheckingPeople: string;
  NoValues: string;
  /** {0} = recipients, {1} = value. */
  ComposeSummary: string;
  MessageLabel: string;
  MessagePlaceholder: string;
  ImpactLabel: string;
  ImpactHelp: string;
  ImpactPlaceholder: string;
  SentSuccess: string;
  /** {0}: the names Teams could not tell. */
  SentQueued: string;
  /** {0} = why. */
  SendRejected: string;
  /** {0} = number sent (the `other` plural form). */
  QueuedSent: string;
  /** The `one` plural form of `QueuedSent`. */
  QueuedSentOne: string;
  /** {0} = recipients, {1} = why, {2} = the message. */
  QueuedRejected: string;
  /** {0} = the limit. */
  /** {0} = the person. */
  /** {0} = the value. */
  /** {0} = the limit. */
  /** {0} = the limit. */
}

declare module 'RecognitionWallWebPartStrings' {
  const strings: IRecognitionWallWebPartStrings;
  export = strings;
}
