define([], function () {
  return {
    PropertyPaneDescription: "Het leren van wie de pagina leest: eerst de volgende kleine stap, dan de leerpaden. Gedane stappen en quizzen worden alleen door de Engage-relay vastgelegd.",
    SettingsGroupName: "Instellingen",
    TitleLabel: "Kop (leeg laten voor geen)",
    DefaultTitle: "Mijn leerpaden"
  };
});
