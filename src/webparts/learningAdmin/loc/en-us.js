define([], function () {
  return {
    PropertyPaneDescription: "Lets HR and site owners write learning paths and their steps, save quiz answers with the relay, and assign paths. Team leaders can assign paths to the people who report to them. It has no settings."
  };
});
