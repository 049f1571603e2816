define([], function () {
  return {
    PropertyPaneDescription: "Hiermee schrijven HR en site-eigenaren leerpaden en hun stappen, slaan ze quizantwoorden op bij de relay en wijzen ze leerpaden toe. Teamleiders kunnen leerpaden toewijzen aan de mensen die onder hen vallen. Er is niets in te stellen."
  };
});
