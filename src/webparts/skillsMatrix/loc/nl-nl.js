define([], function () {
  return {
    PropertyPaneDescription: "Toont een teamleider de niveaus (I, L, zelfstandig, O) van de mensen die onder hem of haar vallen, per werkplek, en voor elke dienst in de komende 7 dagen de werkplekken waar niemand zelfstandig werkt en die met maar één. Er is niets in te stellen."
  };
});
