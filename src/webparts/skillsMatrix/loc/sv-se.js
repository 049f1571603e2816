define([], function () {
  return {
    PropertyPaneDescription: "Visar en teamledare nivåerna (I, L, U, O) för dem som rapporterar till hen, per station, och för varje skift de kommande 7 dagarna de stationer som ingen på skiftet täcker och dem som bara en täcker. Den har inga inställningar."
  };
});
