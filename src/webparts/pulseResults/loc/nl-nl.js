define([], function () {
  return {
    PropertyPaneDescription: "De resultaten van pulsmetingen die de lezer van de pagina mag zien: HR de hele fabriek, een teamleider zijn of haar ploegen en de groepen daarboven, alle anderen de cijfers van de fabriek. De cijfers komen alleen van de Engage-relay, voor groepen die groot genoeg zijn om anoniem te blijven.",
    SettingsGroupName: "Instellingen",
    TitleLabel: "Kop (leeg laten voor geen kop)",
    DefaultTitle: "Resultaten van pulsmetingen",
    PlansTab: "Actieplannen",
    MakePlan: "Plan maken",
    Opening: "De actieplannen worden geopend…",
    OpenFailed: "De actieplannen konden niet worden geopend. Controleer de verbinding.",
    Retry: "Opnieuw proberen"
  };
});
