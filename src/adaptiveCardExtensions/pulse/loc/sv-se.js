define([], function () {
  return {
    Title: 'Puls',
    PropertyPaneDescription: 'Visar var och en den pulsenkät som är öppen för dem och hur lång tid den tar, och låter dem svara i snabbvyn; sedan det som följde: svar på deras kommentarer, att svara tillbaka på, och åtgärdsplanerna för deras grupper. Svaren går bara via Engage-reläet.',
    DisplayGroupName: 'Visning',
    TitleFieldLabel: 'Kortets rubrik (lämna tom för "Puls" på var och ens språk)',
    Loading: 'Letar efter din pulsenkät…',
    SetupPrimary: 'Pulsenkäter kan inte besvaras här',
    ErrorPrimary: 'Din pulsenkät kunde inte laddas',
    Retry: 'Försök igen',
    RoundLength: '{0} min, {1}',
    Questions: '{0} frågor',
    QuestionsOne: '{0} fråga',
    AnswerButton: 'Svara',
    AllAnswered: 'Tack! Du har svarat på alla öppna pulsenkäter',
    NoneOpen: 'Ingen pulsenkät är öppen för dig',
    RefusedDescription: 'Ett av dina svar räknades inte.',
    SeeWhyButton: 'Se varför',
    FollowUpPlan: 'Ni sa, vi gjorde: {0}',
    ReadReplyButton: 'Läs svaret',
    SeePlanButton: 'Se planen',
    FollowUpFailed: 'Dina kommentarer och åtgärdsplaner kunde inte laddas.',
    CommentsFailed: 'Dina kommentarer kunde inte laddas.',
    PlansFailed: 'Åtgärdsplanerna kunde inte laddas.',
    AnswerSent: 'Ditt svar har skickats.'
  };
});
