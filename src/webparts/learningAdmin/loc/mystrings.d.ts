declare interface ILearningAdminWebPartStrings {
  /** The property pane: what the part does and for whom. */
  PropertyPaneDescription: string;
}

declare module 'LearningAdminWebPartStrings' {
  const strings: ILearningAdminWebPartStrings;
  export = strings;
}
