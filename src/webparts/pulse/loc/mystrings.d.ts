declare interface IPulseWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  TitleLabel: string;
  /** The heading a new part starts with. */
  DefaultTitle: string;
  /** Its chunk could not be loaded. */
  FollowUpFailed: string;
  Retry: string;
}

declare module 'PulseWebPartStrings' {
  const strings: IPulseWebPartStrings;
  export = strings;
}
