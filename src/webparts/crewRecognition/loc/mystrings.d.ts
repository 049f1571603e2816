declare interface ICrewRecognitionWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  ThresholdDaysLabel: string;
  ShowAnniversariesLabel: string;
  SiteCodeLabel: string;
  Heading: string;
  /** {0} = threshold in days. */
  Intro: string;
  Loading: string;
  LoadFailed: string;
  /** While the composer loads on demand. */
  /** The composer could not load (a "Try again" button follows). */
  NoCrew: string;
  CrewListLabel: string;
  NeverRecognised: string;
  RecognisedToday: string;
  /** {0} = days. */
  DaysSince: string;
  OverdueBadge: string;
  RecogniseButton: string;
  /** {0} = person. */
  RecogniseButtonLabel: string;
  NotOnSite: string;
  MilestoneButton: string;
  AnniversariesHeading: string;
  AnniversaryNone: string;
  /** {0} = people whose hire date the directory did not give. */
  AnniversaryUnknown: string;
  /** {0} = years. */
  AnniversaryToday: string;
  /** {0} = years, {1} = days. */
  AnniversaryIn: string;
  /** {0} = years, {1} = days. */
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
  /** {0} = days. */
  MilestoneImpactSafety: string;
  /** {0} = days. */
  MilestoneImpactZeroDefect: string;
  /** {0} = years. */
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
}

declare module 'CrewRecognitionWebPartStrings' {
  const strings: ICrewRecognitionWebPartStrings;
  export = strings;
}
