/**
 * The comment threads' words in English, Dutch and Swedish: the results part (HR and leaders
 * replying, HR hiding) and the Pulse part and card (a person's own comments). The type says every
 * language has every word; core codes become words here.
 */
import { PulseThreadsError, type PulseThreadsErrorCode } from '../../core/pulse/threads/wire';
import type { ThreadRole } from '../../core/pulse/threads/threads';
import { type PluralForms, wordsFor } from '../format';

export interface ThreadWords {
  /** Who wrote a message, as HR and leaders read a thread. */
  readonly roles: { readonly [role in ThreadRole]: string };
  /** Who wrote a message, as its author reads their own thread. */
  readonly rolesForAuthor: { readonly [role in ThreadRole]: string };
  readonly repliesLabel: string;
  readonly reply: string;
  readonly replyLabel: string;
  readonly replyHint: string;
  readonly send: string;
  readonly sending: string;
  readonly cancel: string;
  readonly sent: string;
  /** {0}: characters left. */
  readonly charactersLeft: string;
  readonly hide: string;
  readonly show: string;
  readonly hiddenNote: string;
  readonly hiddenDone: string;
  readonly shownDone: string;
  /** The Pulse part and card. */
  readonly myCommentsTitle: string;
  readonly myCommentsNone: string;
  readonly yourComment: string;
  readonly answeredByHr: string;
  readonly answeredByLeader: string;
  /** The card's line: {0} comments answered. */
  readonly answeredCount: PluralForms;
  readonly noReplyYet: string;
  readonly answerBack: string;
  readonly answerLabel: string;
  readonly answerHint: string;
  readonly deleteComment: string;
  readonly deleteQuestion: string;
  readonly deleteExplained: string;
  readonly deleteConfirm: string;
  readonly keep: string;
  readonly deleted: string;
  readonly hiddenByHr: string;
  readonly loading: string;
  /** The results part, above the comments: the replies could not be read (the reason follows). */
  readonly readFailed: string;
  readonly tryAgain: string;
  readonly errors: { readonly [code in PulseThreadsErrorCode]: string };
}

const en: ThreadWords = {
  roles: { employee: 'Author', hr: 'HR', leader: 'Team leader' },
  rolesForAuthor: { employee: 'You', hr: 'HR', leader: 'Your team leader' },
  repliesLabel: 'Replies',
  reply: 'Reply',
  replyLabel: 'Your reply',
  replyHint: 'The author sees your reply in the Pulse part, without knowing who you are by name. You never learn who wrote the comment.',
  send: 'Send',
  sending: 'Sending…',
  cancel: 'Cancel',
  sent: 'Your reply was sent.',
  charactersLeft: '{0} characters left',
  hide: 'Hide comment',
  show: 'Show comment',
  hiddenNote: 'Hidden: team leaders no longer see this comment.',
  hiddenDone: 'The comment is hidden from team leaders.',
  shownDone: 'The comment is shown again.',
  myCommentsTitle: 'Your comments',
  myCommentsNone: 'You have no comments in the latest pulse rounds.',
  yourComment: 'Your comment',
  answeredByHr: 'HR answered your comment',
  answeredByLeader: 'Your team leader answered your comment',
  answeredCount: { one: '{0} of your comments was answered', other: '{0} of your comments were answered' },
  noReplyYet: 'No reply yet.',
  answerBack: 'Answer back',
  answerLabel: 'Your answer',
  answerHint: 'Your answer is shown without your name, from tomorrow.',
  deleteComment: 'Delete my comment',
  deleteQuestion: 'Delete this comment?',
  deleteExplained: 'HR and team leaders no longer see it from tomorrow, with its replies. Your answers still count; this cannot be undone.',
  deleteConfirm: 'Yes, delete',
  keep: 'Keep it',
  deleted: 'You deleted this comment. HR and team leaders no longer see it from tomorrow.',
  hiddenByHr: 'HR hid this comment. It takes no more answers.',
  loading: 'Loading…',
  readFailed: 'The replies to these comments could not be read, so none show here. You can still reply.',
  tryAgain: 'Try again',
  errors: {
    noRelay: 'Comments need the Engage relay, which keeps them anonymous. Tell your IT admin.',
    notSetUp: 'Comment replies are not set up on this site yet. Ask the site admin to run Engage Setup.',
    relayFault: 'The survey service is not working right now. Tell your IT admin.',
    unavailable: 'The survey service is busy or out of reach. Try again in a moment; your text is kept.',
    rateLimited: 'Too many tries in a short time. Wait a minute and try again; your text is kept.',
    accessDenied: 'You may not do this. Reload the page if you think you should.',
    notFound: 'This comment is not there any more.',
    threadClosed: 'This comment was deleted or hidden, so it takes no more answers.',
    nothingToAnswer: 'Nobody has replied to this comment yet.',
    textEmpty: 'Write something before you send.',
    textTooLong: 'Shorten your text to 1,000 characters; an emoji counts as two.',
    unexpected: 'Something went wrong. Try again; your text is kept.'
  }
};

const nl: ThreadWords = {
  roles: { employee: 'Schrijver', hr: 'HR', leader: 'Teamleider' },
  rolesForAuthor: { employee: 'Jij', hr: 'HR', leader: 'Je teamleider' },
  repliesLabel: 'Reacties',
  reply: 'Reageren',
  replyLabel: 'Je reactie',
  replyHint: 'De schrijver ziet je reactie in het Pulse-onderdeel, zonder te weten wie je bent. Jij komt nooit te weten wie de opmerking schreef.',
  send: 'Versturen',
  sending: 'Versturen…',
  cancel: 'Annuleren',
  sent: 'Je reactie is verstuurd.',
  charactersLeft: 'Nog {0} tekens',
  hide: 'Opmerking verbergen',
  show: 'Opmerking tonen',
  hiddenNote: 'Verborgen: teamleiders zien deze opmerking niet meer.',
  hiddenDone: 'De opmerking is verborgen voor teamleiders.',
  shownDone: 'De opmerking wordt weer getoond.',
  myCommentsTitle: 'Jouw opmerkingen',
  myCommentsNone: 'Je hebt geen opmerkingen in de laatste pulsmetingen.',
  yourComment: 'Jouw opmerking',
  answeredByHr: 'HR heeft op je opmerking gereageerd',
  answeredByLeader: 'Je teamleider heeft op je opmerking gereageerd',
  answeredCount: { one: 'Op {0} van je opmerkingen is gereageerd', other: 'Op {0} van je opmerkingen is gereageerd' },
  noReplyYet: 'Nog geen reactie.',
  answerBack: 'Terugschrijven',
  answerLabel: 'Jouw antwoord',
  answerHint: 'Je antwoord wordt zonder je naam getoond, vanaf morgen.',
  deleteComment: 'Mijn opmerking verwijderen',
  deleteQuestion: 'Deze opmerking verwijderen?',
  deleteExplained: 'HR en teamleiders zien haar vanaf morgen niet meer, met de reacties. Je antwoorden tellen nog mee; dit kan niet ongedaan worden gemaakt.',
  deleteConfirm: 'Ja, verwijderen',
  keep: 'Bewaren',
  deleted: 'Je hebt deze opmerking verwijderd. HR en teamleiders zien haar vanaf morgen niet meer.',
  hiddenByHr: 'HR heeft deze opmerking verborgen. Er kan niet meer op worden geantwoord.',
  loading: 'Laden…',
  readFailed: 'De reacties op deze opmerkingen konden niet worden gelezen, dus ze staan hier niet. Je kunt wel reageren.',
  tryAgain: 'Opnieuw proberen',
  errors: {
    noRelay: 'Opmerkingen hebben de Engage-relay nodig, die ze anoniem houdt. Meld het aan je IT-beheerder.',
    notSetUp: 'Reacties op opmerkingen zijn op deze site nog niet ingesteld. Vraag de sitebeheerder Shopfloor Engage instellen uit te voeren.',
    relayFault: 'De enquêtedienst werkt op dit moment niet. Meld het aan je IT-beheerder.',
    unavailable: 'De enquêtedienst is bezet of niet bereikbaar. Probeer het zo opnieuw; je tekst blijft bewaard.',
    rateLimited: 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw; je tekst blijft bewaard.',
    accessDenied: 'Dit mag je niet doen. Laad de pagina opnieuw als je denkt dat het wel zou moeten.',
    notFound: 'Deze opmerking is er niet meer.',
    threadClosed: 'Deze opmerking is verwijderd of verborgen, dus er kan niet meer op worden geantwoord.',
    nothingToAnswer: 'Nog niemand heeft op deze opmerking gereageerd.',
    textEmpty: 'Schrijf iets voordat je verstuurt.',
    textTooLong: 'Maak je tekst korter dan 1.000 tekens; een emoji telt als twee.',
    unexpected: 'Er ging iets mis. Probeer het opnieuw; je tekst blijft bewaard.'
  }
};

const sv: ThreadWords = {
  roles: { employee: 'Skribent', hr: 'HR', leader: 'Teamledare' },
  rolesForAuthor: { employee: 'Du', hr: 'HR', leader: 'Din teamledare' },
  repliesLabel: 'Svar',
  reply: 'Svara',
  replyLabel: 'Ditt svar',
  replyHint: 'Skribenten ser ditt svar i Pulse-delen utan att veta vem du är. Du får aldrig veta vem som skrev kommentaren.',
  send: 'Skicka',
  sending: 'Skickar…',
  cancel: 'Avbryt',
  sent: 'Ditt svar har skickats.',
  charactersLeft: '{0} tecken kvar',
  hide: 'Dölj kommentar',
  show: 'Visa kommentar',
  hiddenNote: 'Dold: teamledare ser inte längre den här kommentaren.',
  hiddenDone: 'Kommentaren är dold för teamledare.',
  shownDone: 'Kommentaren visas igen.',
  myCommentsTitle: 'Dina kommentarer',
  myCommentsNone: 'Du har inga kommentarer i de senaste pulsenkäterna.',
  yourComment: 'Din kommentar',
  answeredByHr: 'HR har svarat på din kommentar',
  answeredByLeader: 'Din teamledare har svarat på din kommentar',
  answeredCount: { one: '{0} av dina kommentarer har fått svar', other: '{0} av dina kommentarer har fått svar' },
  noReplyYet: 'Inget svar än.',
  answerBack: 'Svara tillbaka',
  answerLabel: 'Ditt svar',
  answerHint: 'Ditt svar visas utan ditt namn, från och med i morgon.',
  deleteComment: 'Radera min kommentar',
  deleteQuestion: 'Radera den här kommentaren?',
  deleteExplained: 'HR och teamledare ser den inte längre från och med i morgon, inte heller svaren. Dina svar räknas fortfarande; det går inte att ångra.',
  deleteConfirm: 'Ja, radera',
  keep: 'Behåll',
  deleted: 'Du har raderat den här kommentaren. HR och teamledare ser den inte längre från och med i morgon.',
  hiddenByHr: 'HR har dolt den här kommentaren. Den kan inte längre besvaras.',
  loading: 'Laddar…',
  readFailed: 'Svaren på de här kommentarerna gick inte att läsa, så de visas inte här. Du kan ändå svara.',
  tryAgain: 'Försök igen',
  errors: {
    noRelay: 'Kommentarer kräver Engage-reläet, som håller dem anonyma. Kontakta din IT-administratör.',
    notSetUp: 'Svar på kommentarer är inte konfigurerade på den här webbplatsen än. Be webbplatsens administratör att köra Konfigurera Shopfloor Engage.',
    relayFault: 'Enkättjänsten fungerar inte just nu. Kontakta din IT-administratör.',
    unavailable: 'Enkättjänsten är upptagen eller gick inte att nå. Försök igen om en stund; din text finns kvar.',
    rateLimited: 'För många försök på kort tid. Vänta en minut och försök igen; din text finns kvar.',
    accessDenied: 'Du får inte göra detta. Ladda om sidan om du tror att du borde få det.',
    notFound: 'Den här kommentaren finns inte längre.',
    threadClosed: 'Den här kommentaren har raderats eller dolts och kan inte längre besvaras.',
    nothingToAnswer: 'Ingen har svarat på den här kommentaren än.',
    textEmpty: 'Skriv något innan du skickar.',
    textTooLong: 'Korta texten till 1 000 tecken; en emoji räknas som två.',
    unexpected: 'Något gick fel. Försök igen; din text finns kvar.'
  }
};

const WORDS: { readonly en: ThreadWords; readonly [language: string]: ThreadWords } = { en, nl, sv };

/** The words for a language tag (`nl-nl`, `sv`, `en-US`…); English for any other. */
export function threadWords(language: string): ThreadWords {
  return wordsFor(WORDS, language);
}


/** What went wrong, in words: a thread failure's code, or "something went wrong". */
export function threadErrorText(words: ThreadWords, error: unknown): string {
  return error instanceof PulseThreadsError ? words.errors[error.code] : words.errors.unexpected;
}
