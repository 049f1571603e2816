define([], function () {
  return {
    PropertyPaneDescription: "Utbildningen för den som läser sidan: först nästa lilla steg, sedan utbildningsvägarna. Klara steg och quizer sparas bara av Engage-reläet.",
    SettingsGroupName: "Inställningar",
    TitleLabel: "Rubrik (lämna tom för ingen)",
    DefaultTitle: "Min utbildning"
  };
});
