declare interface IRecogniseAdaptiveCardExtensionStrings {
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  TitleFieldLabel: string;
  SiteCodeLabel: string;
  Title: string;
  PrimaryText: string;
  Description: string;
  OpenButton: string;
  Loading: string;
  /** The quick view while it reads the colleagues who share the reader's leader (first use on a device). */
  LoadingColleagues: string;
  SetupPrimary: string;
  SetupNoValues: string;
  SetupNoColleagues: string;
  ErrorPrimary: string;
  PersonLabel: string;
  PersonPlaceholder: string;
  MessageLabel: string;
  MessagePlaceholder: string;
  ImpactLabel: string;
  ImpactPlaceholder: string;
  SendButton: string;
  AnotherButton: string;
  ProblemsHeading: string;
  /** {0} = name. */
  ResultSent: string;
  ResultQueued: string;
  ResultRejected: string;
  /** Above the form when those colleagues could not be read. */
  PeersUnavailable: string;
  /** Above the values' buttons (a tap on one moves on to its suggested lines). */
  ValueQuestion: string;
  /** Back from the suggested lines to the colleague and the value. */
  ChangeButton: string;
}

declare module 'RecogniseAdaptiveCardExtensionStrings' {
  const strings: IRecogniseAdaptiveCardExtensionStrings;
  export = strings;
}
