declare interface ICrewRecognitionWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  ThresholdDaysLabel: string;
  ShowAnniversariesLabel: string;
  SiteCodeLabel: string;
  Heading: string;
  /** {0} = the threshold, as `Days` ("7 days"). */
  Intro: string;
  Loading: string;
  LoadFailed: string;
  /** While the composer loads on demand. */
  /** The composer could not load (a "Try again" button follows). */
  NoCrew: string;
  CrewListLabel: string;
  NeverRecognised: string;
  RecognisedToday: string;
  /** {0} = how long, as `Days` ("58 days"). */
  DaysSince: string;
  OverdueBadge: string;
  /** A count of days, the `other` plural form; {0} = the count. */
  Days: string;
  /** The same, the `one` plural form ("1 day"). */
  DaysOne: string;
  /** A count of years, the `other` plural form; {0} = the count. */
  Years: string;
  /** The same, the `one` plural form ("1 year"). */
  YearsOne: string;
  RecogniseButton: string;
  /** {0} = person. */
  RecogniseButtonLabel: string;
  NotOnSite: string;
  MilestoneButton: string;
  AnniversariesHeading: string;
  AnniversaryNone: string;
  /** {0} = people whose hire date the directory did not give. */
  AnniversaryUnknown: string;
  /** {0} = the years, as `Years` ("10 years"). */
  AnniversaryToday: string;
  /** {0} = the years, as `Years`; {1} = how soon, as `Days` ("2 days"). */
  AnniversaryIn: string;
  /** {0} = the years, as `Years`; {1} = how long ago, as `Days`. */
  AnniversaryAgo: string;
  CongratulateButton: string;
  /** {0} = person. */
  CongratulateLabel: string;
  /** {0} = person. */
  ComposerRecogniseTitle: string;
  ComposerMilestoneTitle: string;
  /** {0} = person. */
  ComposerAnniversaryTitle: string;
  CloseLabel: string;
  RecipientsLegend: string;
  ValueLegend: string;
  MessageLabel: string;
  MessagePlaceholder: string;
  ImpactLabel: string;
  ImpactPlaceholder: string;
  MilestoneKindLabel: string;
  MilestoneSafety: string;
  MilestoneZeroDefect: string;
  MilestoneFirstSolo: string;
  StreakDaysLabel: string;
  /** {0} = the streak, as `Days`. */
  MilestoneImpactSafety: string;
  /** {0} = the streak, as `Days`. */
  MilestoneImpactZeroDefect: string;
  /** {0} = the years, as `Years`. */
  AnniversaryMessage: string;
  SendButton: string;
  CancelButton: string;
  Sending: string;
  /** {0} = names. */
  ResultSent: string;
  /** {0}: the names Teams could not tell. */
  ResultQueued: string;
  ResultRejected: string;
  /** {0} = the limit. */
  /** {0} = person. */
  /** {0} = value. */
  /** {0} = the limit. */
  /** {0} = the limit. */
  ErrorStreakDays: string;
  ErrorNoValues: string;
  /** The composer's steps: on to the value once the milestone's people are ticked, and back. */
  NextButton: string;
  BackButton: string;
}

declare module 'CrewRecognitionWebPartStrings' {
  const strings: ICrewRecognitionWebPartStrings;
  export = strings;
}
