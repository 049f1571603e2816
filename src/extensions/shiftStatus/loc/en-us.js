define([], function () {
  return {
    PropertyPaneDescription: 'Shift status: one line at the top of every page of the site, from your roster in Teams Shifts.',
    SettingsGroupName: 'Settings',
    DaysAheadLabel: 'Days ahead to look for the next shift',
    RegionLabel: 'Your shift',
    Loading: 'Reading your roster…',
    OnShiftUntil: 'On shift now until {0}.',
    NextShift: 'Next shift: {0}.',
    NoShift: 'No shift in your roster for the coming days.',
    LoadFailed: 'Your roster could not be read.',
    Retry: 'Try again'
  };
});
