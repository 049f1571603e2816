/**
 * What every part that shows recognition says alike: opening on demand, the compose problems,
 * the store failures (as words that follow a colon) and a recipient Teams could not tell.
 */
declare interface IRecognitionSharedStrings {
  Retry: string;
  Opening: string;
  OpenFailed: string;
  /** {0}: the names of the recipients Teams could not tell. */
  Unnotified: string;
  ErrorNoRecipient: string;
  ErrorTooManyRecipients: string;
  ErrorSelfRecognition: string;
  ErrorRecipientUnknown: string;
  ErrorValueUnknown: string;
  ErrorValueInactive: string;
  ErrorMessageEmpty: string;
  ErrorMessageTooLong: string;
  ErrorImpactTooLong: string;
  /** {0}: the column whose code is too long (its internal name). */
  ErrorFieldTooLong: string;
  /** A text field's counter; {0}: what is left, counted as SharePoint counts (an emoji is two). */
  CharactersLeft: string;
  /** {0}: how many control characters were removed from the field. */
  ControlCharactersRemoved: string;
  /**
   * The `one` plural forms of the counted sentences above (the plain keys are `other`), chosen
   * by `formatCount` with the page's plural rules: "1 character left", "1 teken", "1 tecken".
   */
  ErrorTooManyRecipientsOne: string;
  ErrorMessageTooLongOne: string;
  ErrorImpactTooLongOne: string;
  CharactersLeftOne: string;
  ControlCharactersRemovedOne: string;
  ErrorCrewUnknown: string;
  StoreAccessDenied: string;
  StoreNotFound: string;
  StoreConflict: string;
  StoreThrottled: string;
  StoreNetwork: string;
  StoreThreshold: string;
  StoreNotSetUp: string;
  StoreNoRelay: string;
  StoreRateLimited: string;
  /** {0} = minutes to wait. */
  StoreRateLimitedWait: string;
  StoreInvalid: string;
  StoreRelayFault: string;
  StoreTimeout: string;
  StoreDirectory: string;
  /** {0} = why it waits (a Store… text). */
  QueuedBecause: string;
  StoreUnexpected: string;
  /**
   * The one composer's words (wall, crew view, card): the value's suggested lines, each sent
   * with one tap; writing one's own words instead; the impact line and who sees it, folded.
   */
  SuggestionsHeading: string;
  WriteOwn: string;
  UseSuggestion: string;
  MoreOptions: string;
  /** Under the folded options; {0}: who sees it (one of the Visibility… words). */
  SeenBy: string;
  VisibilityLabel: string;
  VisibilityEveryone: string;
  VisibilityCrew: string;
  VisibilityPrivate: string;
  /** Picking several people (a crew award). */
  AddPerson: string;
  /** {0}: the people picked. */
  ComposerFor: string;
  /** {0}: the people picked, {1}: the value. */
  ComposerSummary: string;
  /** Property pane: a value key no value has. {0} = the key, {1} = the site's keys. */
  PaneUnknownValueKey: string;
  /** Property pane: a site code the plant map does not have. {0} = the code, {1} = the sites' codes. */
  PaneUnknownSiteCode: string;
}

declare module 'RecognitionSharedStrings' {
  const strings: IRecognitionSharedStrings;
  export = strings;
}
