declare interface IRecognitionAdminWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  ShowModerationLabel: string;
  Heading: string;
  ValuesTab: string;
  ModerationTab: string;
  Loading: string;
  LoadFailed: string;
  /** While the value editor or the moderation queue loads on demand. */
  /** They could not load (a "Try again" button follows). */
  NeedHrRights: string;
  ValuesListLabel: string;
  NoValues: string;
  NewValue: string;
  EditValue: string;
  /** {0} = value name. */
  EditValueLabel: string;
  Inactive: string;
  /** {0} = order. */
  OrderText: string;
  EditorNewTitle: string;
  /** {0} = value name. */
  EditorEditTitle: string;
  FieldKey: string;
  FieldName: string;
  FieldDescription: string;
  FieldIcon: string;
  IconPreview: string;
  FieldColour: string;
  FieldOrder: string;
  FieldActive: string;
  TranslationsLegend: string;
  FieldNameDutch: string;
  FieldDescriptionDutch: string;
  FieldNameSwedish: string;
  FieldDescriptionSwedish: string;
  /** A value Dutch readers see in English (no Dutch name, or no Dutch description where the English has one). */
  MissingDutch: string;
  /** The same for Swedish readers. */
  MissingSwedish: string;
  Save: string;
  Cancel: string;
  Saving: string;
  /** {0} = value name. */
  Saved: string;
  ErrorNameRequired: string;
  ErrorNameTooLong: string;
  ErrorKeyRequired: string;
  ErrorKeyFormat: string;
  ErrorKeyTaken: string;
  ErrorColourFormat: string;
  ErrorOrderInvalid: string;
  ModerationListLabel: string;
  NoReports: string;
  /** {0} = giver, {1} = recipient. */
  ReportFromTo: string;
  /** {0} = reason. */
  ReportReason: string;
  /** {0} = reporter, {1} = date. */
  ReportedBy: string;
  DecisionNote: string;
  Uphold: string;
  Dismiss: string;
  Deciding: string;
  Upheld: string;
  Dismissed: string;
  /** The value editor's suggested lines (what a colleague sends with one tap), per language. */
  SuggestionsLegend: string;
  SuggestionsHelp: string;
  FieldSuggestionsEnglish: string;
  FieldSuggestionsDutch: string;
  FieldSuggestionsSwedish: string;
  /** {0} = line number. */
  ErrorSuggestionEmpty: string;
  /** {0} = line number. */
  ErrorSuggestionTooLong: string;
  /** {0} = how many lines are offered. */
  ErrorSuggestionsTooMany: string;
  /** Shown instead of New value and Edit to people SharePoint does not let change values. */
  ReadOnlyValues: string;
  /** Shown instead of the moderation tab to people who may not decide on reports. */
  NoModerationRights: string;
  /** {0} = the icon name as typed. */
  ErrorIconUnknown: string;
}

declare module 'RecognitionAdminWebPartStrings' {
  const strings: IRecognitionAdminWebPartStrings;
  export = strings;
}
