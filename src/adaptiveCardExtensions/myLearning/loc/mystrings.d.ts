declare interface IMyLearningAdaptiveCardExtensionStrings {
  /** The card's name on the dashboard when the title property is empty. */
  Title: string;
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  TitleFieldLabel: string;
  PageUrlFieldLabel: string;
  /** The page address given is not a page of this tenant. */
  PageUrlInvalid: string;
  SetupPrimary: string;
  ErrorPrimary: string;
  /** The face when no step can be done now. */
  NothingToDo: string;
  /** The face's button: opens the quick view. */
  ShowDetails: string;
  DueHeading: string;
  NothingDue: string;
  /** {0} = the path's or course's name, {1} = "Due 20 Dec" or "Overdue since 5 Dec". */
  DueItem: string;
  /** The quick view's button: opens the My learning page. */
  OpenPage: string;
}

declare module 'MyLearningAdaptiveCardExtensionStrings' {
  const strings: IMyLearningAdaptiveCardExtensionStrings;
  export = strings;
}
