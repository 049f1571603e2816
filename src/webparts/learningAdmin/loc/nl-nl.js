define([], function () {
  return {
    PropertyPaneDescription: "Hiermee schrijven HR en site-eigenaren leertrajecten en hun stappen, slaan ze quizantwoorden op bij de relay en wijzen ze trajecten toe. Teamleiders kunnen trajecten toewijzen aan de mensen die onder hen vallen. Er is niets in te stellen."
  };
});
