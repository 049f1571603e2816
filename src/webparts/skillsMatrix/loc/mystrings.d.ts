declare interface ISkillsMatrixWebPartStrings {
  /** The property pane: what the part shows and to whom. */
  PropertyPaneDescription: string;
}

declare module 'SkillsMatrixWebPartStrings' {
  const strings: ISkillsMatrixWebPartStrings;
  export = strings;
}
