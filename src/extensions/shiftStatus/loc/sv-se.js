define([], function () {
  return {
    PropertyPaneDescription: 'Skiftstatus: en rad överst på varje sida på webbplatsen, från ditt schema i Teams Skift.',
    SettingsGroupName: 'Inställningar',
    DaysAheadLabel: 'Antal dagar framåt att leta efter nästa skift',
    RegionLabel: 'Ditt skift',
    Loading: 'Läser ditt schema…',
    OnShiftUntil: 'På skift nu till {0}.',
    NextShift: 'Nästa skift: {0}.',
    NoShift: 'Inget skift i ditt schema de närmaste dagarna.',
    LoadFailed: 'Ditt schema kunde inte läsas.',
    Retry: 'Försök igen'
  };
});
