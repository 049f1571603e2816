define([], function () {
  return {
    PropertyPaneDescription: "Pulsenkäterna som är öppna för den som läser sidan, besvarade en fråga i taget. Svaren går bara till Engage-reläet och sparas utan namn.",
    SettingsGroupName: "Inställningar",
    TitleLabel: "Rubrik (lämna tom för ingen)",
    DefaultTitle: "Din röst",
    FollowUpFailed: "Vad som gjorts med era svar gick inte att läsa in. Kontrollera anslutningen.",
    Retry: "Försök igen"
  };
});
