define([], function () {
  return {
    Title: 'My learning',
    PropertyPaneDescription: 'Shows each person\'s next small learning step, their progress per path, what is due, and their Viva Learning courses.',
    DisplayGroupName: 'Display',
    TitleFieldLabel: 'Card title (leave empty for "My learning" in each person\'s language)',
    PageUrlFieldLabel: 'The My learning page (for the "Open My learning" button; leave empty for none)',
    PageUrlInvalid: 'Give a page of this site: an address starting with / or with this site\'s https address.',
    SetupPrimary: 'Learning isn\'t set up yet',
    ErrorPrimary: 'Your learning couldn\'t be loaded',
    NothingToDo: 'Nothing to do now',
    ShowDetails: 'See my learning',
    DueHeading: 'Due dates',
    NothingDue: 'Nothing you can work on now has a due date.',
    DueItem: '{0}: {1}',
    OpenPage: 'Open My learning'
  };
});
