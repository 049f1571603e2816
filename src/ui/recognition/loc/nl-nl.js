define([], function () {
  return {
    Retry: "Opnieuw proberen",
    Opening: "Wordt geopend…",
    OpenFailed: "Dit kon niet worden geopend: controleer de verbinding.",
    Unnotified: "Teams kon {0} niet op de hoogte brengen: laat het zelf weten.",
    ErrorNoRecipient: "Kies minstens één persoon.",
    ErrorTooManyRecipients: "Een ploegprijs gaat naar hoogstens {0} personen.",
    ErrorSelfRecognition: "Je kunt jezelf niet waarderen. Kies een collega die het verschil maakte.",
    ErrorRecipientUnknown: "{0} staat niet meer in de adreslijst. Verwijder deze persoon en kies iemand anders.",
    ErrorValueUnknown: "Kies een waarde.",
    ErrorValueInactive: "HR heeft \"{0}\" uitgezet. Kies een andere waarde.",
    ErrorMessageEmpty: "Schrijf wat ze deden en wat het opleverde.",
    ErrorMessageTooLong: "Houd het bericht op maximaal {0} tekens; een emoji telt als twee.",
    ErrorImpactTooLong: "Houd de resultaatregel op maximaal {0} tekens; een emoji telt als twee.",
    ErrorFieldTooLong: "Dit kan niet worden opgeslagen: een code waaronder het wordt opgeslagen ({0}) is langer dan SharePoint toestaat. Vraag je sitebeheerder die in te korten.",
    CharactersLeft: "Nog {0} tekens; een emoji telt als twee.",
    ControlCharactersRemoved: "{0} onzichtbare besturingstekens verwijderd (ze komen mee met geplakte tekst en kunnen niet worden opgeslagen). De rest blijft zoals je het schreef.",
    ErrorCrewUnknown: "We weten niet in welke ploeg {0} werkt, dus met \"Mijn ploeg\" ziet niemand anders het. Kies iedereen of alleen de persoon en de leidinggevende.",
    StoreAccessDenied: "je hebt hiervoor geen toestemming op deze site.",
    StoreNotFound: "het bestaat niet meer (misschien is het verwijderd).",
    StoreConflict: "iemand wijzigde het op hetzelfde moment; probeer het opnieuw.",
    StoreThrottled: "SharePoint is nu druk; probeer het over een minuut opnieuw.",
    StoreNetwork: "de verbinding is verbroken; probeer het opnieuw als je weer online bent.",
    StoreThreshold: "de lijst is te groot voor dit filter; kies een site, lijn of waarde.",
    StoreUnexpected: "SharePoint gaf een onverwachte fout."
  };
});
