define([], function () {
  return {
    PropertyPaneDescription: "Låter HR och webbplatsägare skriva utbildningsvägar och deras steg, spara quizsvar hos reläet och tilldela vägar. Teamledare kan tilldela vägar till dem som rapporterar till dem. Den har inga inställningar."
  };
});
