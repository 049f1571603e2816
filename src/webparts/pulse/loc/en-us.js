define([], function () {
  return {
    PropertyPaneDescription: "The pulse surveys open for the person reading the page, answered one question at a time. Answers go to the Engage relay only, stored without the person's name.",
    SettingsGroupName: "Settings",
    TitleLabel: "Heading (leave empty for none)",
    DefaultTitle: "Your say",
    FollowUpFailed: "What was done with what you said could not be loaded. Check the connection.",
    Retry: "Try again"
  };
});
