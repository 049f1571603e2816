define([], function () {
  return {
    PropertyPaneDescription: "Shows a team leader the levels (I, L, U, O) of the people who report to them, per station, and for each of their shifts in the next 7 days the stations nobody on it covers and those only one person covers. It has no settings."
  };
});
