define([], function () {
  return {
    Title: 'Min utbildning',
    PropertyPaneDescription: 'Visar vars och ens nästa lilla utbildningssteg, framstegen per utbildningsväg, vad som ska vara klart och kurserna i Viva Learning.',
    DisplayGroupName: 'Visning',
    TitleFieldLabel: 'Kortets rubrik (lämna tomt för "Min utbildning" på vars och ens språk)',
    PageUrlFieldLabel: 'Sidan Min utbildning (för knappen "Öppna Min utbildning"; lämna tomt för ingen knapp)',
    PageUrlInvalid: 'Ange en sida på den här webbplatsen: en adress som börjar med / eller med webbplatsens https-adress.',
    SetupPrimary: 'Utbildning är inte konfigurerad än',
    ErrorPrimary: 'Din utbildning kunde inte laddas',
    NothingToDo: 'Inget att göra just nu',
    ShowDetails: 'Visa min utbildning',
    DueHeading: 'Slutdatum',
    NothingDue: 'Inget du kan arbeta med nu har ett slutdatum.',
    DueItem: '{0}: {1}',
    OpenPage: 'Öppna Min utbildning'
  };
});
