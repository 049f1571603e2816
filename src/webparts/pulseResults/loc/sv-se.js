define([], function () {
  return {
    PropertyPaneDescription: "De pulsresultat som den som läser sidan får se: HR hela anläggningen, en teamledare sina arbetslag och grupperna ovanför, alla andra anläggningens siffror. Siffrorna kommer bara från Engage-reläet, för grupper som är stora nog att förbli anonyma.",
    SettingsGroupName: "Inställningar",
    TitleLabel: "Rubrik (lämna tom för ingen)",
    DefaultTitle: "Pulsresultat",
    PlansTab: "Åtgärdsplaner",
    MakePlan: "Gör en plan",
    Opening: "Åtgärdsplanerna öppnas…",
    OpenFailed: "Åtgärdsplanerna gick inte att öppna. Kontrollera anslutningen.",
    Retry: "Försök igen"
  };
});
