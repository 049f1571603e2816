declare interface IPulseResultsWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  TitleLabel: string;
  /** The part's name for assistive technology when it has no heading. */
  DefaultTitle: string;
}

declare module 'PulseResultsWebPartStrings' {
  const strings: IPulseResultsWebPartStrings;
  export = strings;
}
