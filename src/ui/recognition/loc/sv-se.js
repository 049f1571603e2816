define([], function () {
  return {
    Retry: "Försök igen",
    Opening: "Öppnas…",
    OpenFailed: "Det gick inte att öppna: kontrollera anslutningen.",
    Unnotified: "Teams kunde inte meddela {0}: berätta det själv.",
    ErrorNoRecipient: "Välj minst en person.",
    ErrorTooManyRecipients: "En lagutmärkelse kan ges till högst {0} personer.",
    ErrorSelfRecognition: "Du kan inte uppskatta dig själv. Välj en kollega som gjorde skillnad.",
    ErrorRecipientUnknown: "{0} finns inte längre i katalogen. Ta bort personen och välj någon annan.",
    ErrorValueUnknown: "Välj ett värde.",
    ErrorValueInactive: "HR har stängt av \"{0}\". Välj ett annat värde.",
    ErrorMessageEmpty: "Skriv vad de gjorde och vad det ledde till.",
    ErrorMessageTooLong: "Håll meddelandet inom {0} tecken; en emoji räknas som två.",
    ErrorImpactTooLong: "Håll effektraden inom {0} tecken; en emoji räknas som två.",
    ErrorFieldTooLong: "Det här kan inte sparas: en kod det sparas under ({0}) är längre än SharePoint tillåter. Be webbplatsens administratör att korta den.",
    CharactersLeft: "{0} tecken kvar; en emoji räknas som två.",
    ControlCharactersRemoved: "{0} osynliga styrtecken togs bort (de följer med inklistrad text och kan inte sparas). Allt annat finns kvar som du skrev det.",
    ErrorCrewUnknown: "Vi vet inte vilket arbetslag {0} tillhör, så med \"Mitt arbetslag\" ser ingen annan det. Välj alla eller bara personen och chefen.",
    StoreAccessDenied: "du har inte behörighet för detta på webbplatsen.",
    StoreNotFound: "den finns inte längre (den kan ha tagits bort).",
    StoreConflict: "någon ändrade den samtidigt; försök igen.",
    StoreThrottled: "SharePoint är upptaget just nu; försök igen om en minut.",
    StoreNetwork: "anslutningen bröts; försök igen när du är online.",
    StoreThreshold: "listan är för stor för filtret; välj en plats, linje eller ett värde.",
    StoreUnexpected: "SharePoint returnerade ett oväntat fel."
  };
});
