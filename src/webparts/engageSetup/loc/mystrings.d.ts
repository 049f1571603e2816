declare interface IEngageSetupWebPartStrings {
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  ShowReadyListsLabel: string;
  Heading: string;
  Intro: string;
  Loading: string;
  Applying: string;
  LoadFailed: string;
  Retry: string;
  AllReady: string;
  /** {0} = how many lists need access settings (the `other` plural form). */
  NeedsAttention: string;
  /** The `one` plural form of `NeedsAttention`. */
  NeedsAttentionOne: string;
  /** {0} = how many lists are missing (the `other` plural form). */
  ListsMissing: string;
  /** The `one` plural form of `ListsMissing`. */
  ListsMissingOne: string;
  MissingHelp: string;
  ApplyButton: string;
  ApplyDone: string;
  /** {0} = the titles of the lists that failed alike, {1} = why (store words that follow a colon); the `other` plural form. */
  ApplyFailed: string;
  /** The `one` plural form of `ApplyFailed` (one list). */
  ApplyFailedOne: string;
  /** Shown instead of the apply button to people without Manage Lists on the site. */
  ApplyNeedsManageLists: string;
  TableCaption: string;
  ColumnList: string;
  ColumnItems: string;
  ColumnReadAccess: string;
  ColumnEditAccess: string;
  ColumnStatus: string;
  ColumnWhy: string;
  StatusOk: string;
  StatusMissing: string;
  StatusNeedsSecurity: string;
  AccessAllItems: string;
  AccessOwnItems: string;
  AccessNobody: string;
  ReasonConfiguredByHr: string;
  ReasonOwnItemsOnly: string;
  ReasonPrivateToPerson: string;
  ReasonRelayWritesAnswers: string;
  ReasonRelayWritesLearning: string;
  ReasonRelayWritesPosts: string;
  ReasonSharedWithCrew: string;
  ErrorAccessDenied: string;
  /** Heading of the section on the permission level the HR group needs. */
  HrLevelHeading: string;
  /** Why HR needs Override List Behaviors (Design or a custom level), and that Edit is not enough. */
  HrLevelHelp: string;
  /** Shown when the person using the part lacks Override List Behaviors on the site. */
  NoOverrideListBehaviors: string;
  PulsePrivacyHeading: string;
  PulsePrivacyNotice: string;
}

declare module 'EngageSetupWebPartStrings' {
  const strings: IEngageSetupWebPartStrings;
  export = strings;
}
