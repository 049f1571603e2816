define([], function () {
  return {
    PropertyPaneDescription: "The pulse results the person reading the page may see: HR the whole plant, a team leader their crews and the groups above them, everyone else the plant's figures. Figures come from the Engage relay only, for groups large enough to stay anonymous.",
    SettingsGroupName: "Settings",
    TitleLabel: "Heading (leave empty for none)",
    DefaultTitle: "Pulse results",
    PlansTab: "Action plans",
    MakePlan: "Make a plan",
    Opening: "Opening the action plans…",
    OpenFailed: "The action plans could not be opened. Check the connection.",
    Retry: "Try again"
  };
});
