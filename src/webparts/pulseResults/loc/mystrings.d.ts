declare interface IPulseResultsWebPartStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  TitleLabel: string;
  /** The part's name for assistive technology when it has no heading. */
  DefaultTitle: string;
  /** The results' tab of action plans (HR and leaders). */
  PlansTab: string;
  /** Under a released comment (HR and leaders who may write plans for its group): opens the plan editor with it. */
  MakePlan: string;
  /** While the plans tab's chunk loads. */
  Opening: string;
  /** It could not be loaded. */
  OpenFailed: string;
  Retry: string;
}

declare module 'PulseResultsWebPartStrings' {
  const strings: IPulseResultsWebPartStrings;
  export = strings;
}
