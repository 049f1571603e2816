declare interface IMyLearningWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  TitleLabel: string;
  /** The part's accessible name when it has no heading. */
  DefaultTitle: string;
}

declare module 'MyLearningWebPartStrings' {
  const strings: IMyLearningWebPartStrings;
  export = strings;
}
