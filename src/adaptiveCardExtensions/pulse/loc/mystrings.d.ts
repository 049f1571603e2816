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
  /** The face when no round waits and a plan was published: {0} = the newest plan's headline. */
  FollowUpPlan: string;
  /** Opens the quick view at the reply to the person's comment. */
  ReadReplyButton: string;
  /** Opens the quick view at "You said, we did". */
  SeePlanButton: string;
  /** Below the face's text when neither the comments nor the plans could be read. */
  FollowUpFailed: string;
  /** The quick view while the comments and plans are being read. */
  CommentsFailed: string;
  PlansFailed: string;
  /** After an answer back to a reply was sent. */
  AnswerSent: string;
}

declare module 'PulseAdaptiveCardExtensionStrings' {
  const strings: IPulseAdaptiveCardExtensionStrings;
  export = strings;
}
