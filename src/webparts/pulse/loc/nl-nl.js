define([], function () {
  return {
    PropertyPaneDescription: "De pulsmetingen die openstaan voor wie de pagina leest, vraag voor vraag beantwoord. Antwoorden gaan alleen naar de Engage-relay en worden zonder naam bewaard.",
    SettingsGroupName: "Instellingen",
    TitleLabel: "Kop (leeg laten voor geen kop)",
    DefaultTitle: "Jouw mening",
    FollowUpFailed: "Wat er met jullie antwoorden is gedaan, kon niet worden geladen. Controleer de verbinding.",
    Retry: "Opnieuw proberen"
  };
});
