declare interface IPulseAdaptiveCardExtensionStrings {
  /** The card's name on the dashboard when the title property is empty. */
  Title: string;
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  TitleFieldLabel: string;
  Loading: string;
  /** Setup: answers cannot be collected here (the description says why: no relay, not set up). */
  SetupPrimary: string;
  ErrorPrimary: string;
  Retry: string;
  /** {0} = whole minutes, {1} = the questions counted (`Questions`). */
  RoundLength: string;
  /** {0} = number of questions (the `other` plural form). */
  Questions: string;
  /** The `one` plural form of `Questions`. */
  QuestionsOne: string;
  /** Opens the quick view to answer the round. */
  AnswerButton: string;
  AllAnswered: string;
  NoneOpen: string;
  /** Below the face's text when an answer was refused for good (the quick view says why). */
  RefusedDescription: string;
  SeeWhyButton: string;
}

declare module 'PulseAdaptiveCardExtensionStrings' {
  const strings: IPulseAdaptiveCardExtensionStrings;
  export = strings;
}
