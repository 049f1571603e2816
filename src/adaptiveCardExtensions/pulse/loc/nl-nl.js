define([], function () {
  return {
    Title: 'Pulse',
    PropertyPaneDescription: 'Toont ieder de pulsmeting die voor hem of haar openstaat en hoe lang die duurt, en laat die in de snelle weergave beantwoorden; daarna wat er volgde: reacties op de eigen opmerkingen, om terug te schrijven, en de actieplannen voor de eigen groepen. Antwoorden gaan alleen via de Engage-relay.',
    DisplayGroupName: 'Weergave',
    TitleFieldLabel: 'Titel van de kaart (leeg laten voor "Pulse" in ieders taal)',
    Loading: 'Je pulsmeting wordt gezocht…',
    SetupPrimary: 'Pulsmetingen kunnen hier niet worden beantwoord',
    ErrorPrimary: 'Je pulsmeting kon niet worden geladen',
    Retry: 'Opnieuw proberen',
    RoundLength: '{0} min, {1}',
    Questions: '{0} vragen',
    QuestionsOne: '{0} vraag',
    AnswerButton: 'Beantwoorden',
    AllAnswered: 'Bedankt: je hebt elke open pulsmeting beantwoord',
    NoneOpen: 'Er staat geen pulsmeting voor je open',
    RefusedDescription: 'Een van je antwoorden is niet meegeteld.',
    SeeWhyButton: 'Bekijk waarom',
    FollowUpPlan: 'Jullie zeiden, wij deden: {0}',
    ReadReplyButton: 'Reactie lezen',
    SeePlanButton: 'Plan bekijken',
    FollowUpFailed: 'Je opmerkingen en actieplannen konden niet worden geladen.',
    CommentsFailed: 'Je opmerkingen konden niet worden geladen.',
    PlansFailed: 'De actieplannen konden niet worden geladen.',
    AnswerSent: 'Je antwoord is verstuurd.'
  };
});
