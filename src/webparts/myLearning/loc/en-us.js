define([], function () {
  return {
    PropertyPaneDescription: "The learning of the person reading the page: their next small step first, then their learning paths. Steps done and quizzes are recorded by the Engage relay only.",
    SettingsGroupName: "Settings",
    TitleLabel: "Heading (leave empty for none)",
    DefaultTitle: "My learning"
  };
});
