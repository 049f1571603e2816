define([], function () {
  return {
    Title: 'Pulse',
    PropertyPaneDescription: 'Shows each person the pulse survey open for them, how long it takes, and lets them answer it in the quick view; then what followed: replies to their comments, to answer back, and the action plans published to their groups. Answers go through the Engage relay only.',
    DisplayGroupName: 'Display',
    TitleFieldLabel: 'Card title (leave empty for "Pulse" in each person\'s language)',
    Loading: 'Looking for your pulse survey…',
    SetupPrimary: 'Pulse surveys can\'t be answered here',
    ErrorPrimary: 'Your pulse survey couldn\'t be loaded',
    Retry: 'Try again',
    RoundLength: '{0} min, {1}',
    Questions: '{0} questions',
    QuestionsOne: '{0} question',
    AnswerButton: 'Answer',
    AllAnswered: 'Thank you: you have answered every open pulse survey',
    NoneOpen: 'No pulse survey is open for you',
    RefusedDescription: 'One of your answers was not counted.',
    SeeWhyButton: 'See why',
    FollowUpPlan: 'You said, we did: {0}',
    ReadReplyButton: 'Read the reply',
    SeePlanButton: 'See the plan',
    FollowUpFailed: 'Your comments and action plans couldn\'t be loaded.',
    CommentsFailed: 'Your comments couldn\'t be loaded.',
    PlansFailed: 'The action plans couldn\'t be loaded.',
    AnswerSent: 'Your answer was sent.'
  };
});
