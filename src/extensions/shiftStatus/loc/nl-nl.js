define([], function () {
  return {
    PropertyPaneDescription: 'Dienststatus: één regel bovenaan elke pagina van de site, uit je rooster in Teams Diensten.',
    SettingsGroupName: 'Instellingen',
    DaysAheadLabel: 'Aantal dagen vooruit voor de volgende dienst',
    RegionLabel: 'Je dienst',
    Loading: 'Je rooster wordt gelezen…',
    OnShiftUntil: 'Nu aan het werk tot {0}.',
    NextShift: 'Volgende dienst: {0}.',
    NoShift: 'Geen dienst in je rooster voor de komende dagen.',
    LoadFailed: 'Je rooster kon niet worden gelezen.',
    Retry: 'Opnieuw proberen'
  };
});
