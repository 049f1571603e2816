declare interface IShiftStatusApplicationCustomizerStrings {
  PropertyPaneDescription: string;
  SettingsGroupName: string;
  DaysAheadLabel: string;
  RegionLabel: string;
  Loading: string;
  OnShiftUntil: string;
  NextShift: string;
  NoShift: string;
  LoadFailed: string;
  Retry: string;
}

declare module 'ShiftStatusApplicationCustomizerStrings' {
  const strings: IShiftStatusApplicationCustomizerStrings;
  export = strings;
}
