define([], function () {
  return {
    Title: 'Mijn leerpaden',
    PropertyPaneDescription: 'Toont ieders volgende kleine leerstap, de voortgang per leerpad, wat klaar moet zijn en de cursussen in Viva Learning.',
    DisplayGroupName: 'Weergave',
    TitleFieldLabel: 'Titel van de kaart (leeg laten voor "Mijn leerpaden" in ieders taal)',
    PageUrlFieldLabel: 'De pagina Mijn leerpaden (voor de knop "Mijn leerpaden openen"; leeg laten voor geen knop)',
    PageUrlInvalid: 'Geef een pagina van deze site: een adres dat begint met / of met het https-adres van deze site.',
    SetupPrimary: 'Leren is nog niet ingesteld',
    ErrorPrimary: 'Je leerpaden konden niet worden geladen',
    NothingToDo: 'Nu niets te doen',
    ShowDetails: 'Bekijk mijn leerpaden',
    DueHeading: 'Uiterste data',
    NothingDue: 'Niets waar je nu aan kunt werken heeft een uiterste datum.',
    DueItem: '{0}: {1}',
    OpenPage: 'Mijn leerpaden openen'
  };
});
