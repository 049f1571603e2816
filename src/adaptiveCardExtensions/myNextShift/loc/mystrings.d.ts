declare interface IMyNextShiftAdaptiveCardExtensionStrings {
  /** The card's name on the dashboard when the title property is empty. */
  Title: string;
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  TitleFieldLabel: string;
  DaysAheadLabel: string;
  ShowCrewLabel: string;
  Loading: string;
  SetupPrimary: string;
  SetupDescription: string;
  ErrorPrimary: string;
  ErrorAccessDenied: string;
  ErrorNotFound: string;
  ErrorThrottled: string;
  ErrorNetwork: string;
  ErrorMalformed: string;
  ErrorUnexpected: string;
  Retry: string;
  /** {0} = when, e.g. "Mon 06:00–14:00". */
  NextShift: string;
  /** {0} = end time, e.g. "22:00". */
  OnShiftUntil: string;
  /** {0} = the last day of leave, e.g. "Fri, Oct 23". */
  OnLeaveUntil: string;
  /** {0} = number of days looked ahead (the `other` plural form). */
  NoShifts: string;
  /** The `one` plural form of `NoShifts`. */
  NoShiftsOne: string;
  NoShiftsDescription: string;
  /** {0} = when the next shift is. */
  ThenNext: string;
  ShowDetails: string;
  NextShiftHeading: string;
  CurrentShiftHeading: string;
  FactDate: string;
  FactTime: string;
  FactShift: string;
  FactNotes: string;
  /** {0} = number of colleagues. */
  CrewHeading: string;
  CrewNobody: string;
  /** The crew heading while the names are still being read (no count yet). */
  CrewHeadingPending: string;
  CrewLoading: string;
  CrewFailed: string;
  TimeOffHeading: string;
  /** {0} = number of days looked ahead (the `other` plural form). */
  TimeOffNone: string;
  /** The `one` plural form of `TimeOffNone`. */
  TimeOffNoneOne: string;
}

declare module 'MyNextShiftAdaptiveCardExtensionStrings' {
  const strings: IMyNextShiftAdaptiveCardExtensionStrings;
  export = strings;
}
