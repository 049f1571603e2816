/**
 * The answering screens' words in every survey language at once: a person answers in their own
 * language with a switch on the screen, which need not be the page's (an SPFx strings module
 * holds the page's language only). The web part, the Pulse card and the on-shift prompt share
 * them. Each language must have every word: the type says so.
 */
import type { PulseErrorCode } from '../../core/pulse/answerPorts';
import { type PluralForms, wordsFor } from '../format';

export interface PulseWords {
  /** The language's name in itself, for the switch. */
  readonly languageName: string;
  readonly language: string;
  readonly questionCount: PluralForms;
  /** {0}: whole minutes. */
  readonly minutes: string;
  /** {0}: the close, as a date and time. */
  readonly openUntil: string;
  readonly start: string;
  /** {0} of {1}. */
  readonly progress: string;
  readonly back: string;
  readonly next: string;
  readonly skip: string;
  readonly likert: readonly [string, string, string, string, string];
  readonly enpsLow: string;
  readonly enpsHigh: string;
  /** {0}: the score, {1}: what 0 and 10 mean. */
  readonly enpsOption: string;
  readonly commentLabel: string;
  readonly commentHint: string;
  readonly charactersLeft: PluralForms;
  readonly commentTooLong: string;
  /** {0} answered of {1}. */
  readonly summary: string;
  readonly skipped: string;
  readonly change: string;
  readonly send: string;
  readonly sending: string;
  readonly nothingAnswered: string;
  /** Sending failed before the answers could be kept: nothing is saved, Send is still there. */
  readonly sendFailed: string;
  readonly counted: string;
  readonly queued: string;
  readonly alreadyAnswered: string;
  readonly privacyTitle: string;
  readonly privacyStored: string;
  /** {0}: minimum group, {1}: minimum for comments. */
  readonly privacyGroups: string;
  readonly privacyPublished: string;
  readonly privacyParticipation: string;
  readonly privacyKept: string;
  readonly none: string;
  readonly allAnswered: string;
  readonly loading: string;
  readonly tryAgain: string;
  readonly errors: { readonly [code in PulseErrorCode]: string };
  /** The on-shift prompt: {0} minutes, {1} questions. */
  readonly promptText: string;
  readonly promptAnswer: string;
  readonly promptLater: string;
  readonly close: string;
}

const en: PulseWords = {
  languageName: 'English',
  language: 'Language',
  questionCount: { one: '{0} question', other: '{0} questions' },
  minutes: '{0} min',
  openUntil: 'Open until {0}',
  start: 'Start',
  progress: 'Question {0} of {1}',
  back: 'Back',
  next: 'Next',
  skip: 'Skip',
  likert: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  enpsLow: '0 = not at all likely',
  enpsHigh: '10 = extremely likely',
  enpsOption: '{0} ({1})',
  commentLabel: 'Your answer (optional)',
  commentHint: 'Please leave out names. Comments are shown without your name to HR and your team leader, only where at least {0} people answered.',
  charactersLeft: { one: '{0} character left', other: '{0} characters left' },
  commentTooLong: 'Shorten your answer to {0} characters; emoji count as two.',
  summary: 'You answered {0} of {1} questions.',
  skipped: 'Skipped',
  change: 'Change',
  send: 'Send answers',
  sending: 'Sending…',
  nothingAnswered: 'Answer at least one question before you send.',
  sendFailed: 'Your answers could not be sent or saved. Try Send again.',
  counted: 'Thank you. Your answers are counted.',
  queued: 'Your answers are saved on this device and are sent by themselves when the connection is back.',
  alreadyAnswered: 'You have already answered this round. Your first answers are the ones that count.',
  privacyTitle: 'Who can see this',
  privacyStored: 'Your answers are stored encrypted, without your name, with the day but not the time. HR, your team leader and the site’s owners cannot open them. The few IT people who run the survey service hold its key: they could open answers, with the groups below, but not your name.',
  privacyGroups: 'Results are shown only for groups of at least {0} people, and comments only where at least {1} people answered.',
  privacyPublished: 'Results are published after the round closes.',
  privacyParticipation: 'We record that you took part, never what you answered, so that you are not asked again.',
  privacyKept: 'Kept with your answers: your site, line, crew, employment type and years of service (in bands).',
  none: 'No pulse survey is open for you right now.',
  allAnswered: 'Thank you: you have answered every open survey.',
  loading: 'Loading the survey…',
  tryAgain: 'Try again',
  errors: {
    noRelay: 'Pulse surveys are not collected on this site: they need the Engage relay, which keeps answers confidential. Tell your IT admin.',
    notSetUp: 'Pulse surveys are not set up on this site yet. Ask your site admin to run Engage Setup.',
    relayFault: 'The survey service is not working right now. Tell your IT admin.',
    network: 'The survey could not be reached. Check the connection.',
    throttled: 'The survey service is busy. It tries again by itself.',
    rateLimited: 'Too many tries in a short time. Wait a minute and try again.',
    accessDenied: 'You are not signed in to the survey service. Reload the page.',
    alreadyAnswered: 'You have already answered this round. Your first answers are the ones that count.',
    roundClosed: 'This round closed before your answers could be sent, so they were not counted.',
    roundNotOpen: 'This round is not open yet.',
    notInAudience: 'This survey is not asked of you, so your answers were not counted.',
    notFound: 'This survey no longer exists.',
    invalid: 'Your answers could not be accepted. Check them and send again.',
    submissionKeyUsed: 'Your answers are being sent again.',
    unexpected: 'Something went wrong in the survey service. It tries again by itself.'
  },
  promptText: 'You are on shift: a pulse survey is open for you ({1}, about {0} min).',
  promptAnswer: 'Answer now',
  promptLater: 'Not now',
  close: 'Close'
};

const nl: PulseWords = {
  languageName: 'Nederlands',
  language: 'Taal',
  questionCount: { one: '{0} vraag', other: '{0} vragen' },
  minutes: '{0} min',
  openUntil: 'Open tot {0}',
  start: 'Beginnen',
  progress: 'Vraag {0} van {1}',
  back: 'Terug',
  next: 'Volgende',
  skip: 'Overslaan',
  likert: ['Helemaal oneens', 'Oneens', 'Niet eens, niet oneens', 'Eens', 'Helemaal eens'],
  enpsLow: '0 = helemaal niet waarschijnlijk',
  enpsHigh: '10 = zeer waarschijnlijk',
  enpsOption: '{0} ({1})',
  commentLabel: 'Je antwoord (niet verplicht)',
  commentHint: 'Noem liever geen namen. Opmerkingen worden zonder je naam getoond aan HR en je teamleider, alleen waar minstens {0} mensen antwoordden.',
  charactersLeft: { one: 'Nog {0} teken', other: 'Nog {0} tekens' },
  commentTooLong: 'Maak je antwoord korter, tot {0} tekens; een emoji telt als twee.',
  summary: 'Je hebt {0} van de {1} vragen beantwoord.',
  skipped: 'Overgeslagen',
  change: 'Wijzigen',
  send: 'Antwoorden versturen',
  sending: 'Versturen…',
  nothingAnswered: 'Beantwoord minstens één vraag voordat je verstuurt.',
  sendFailed: 'Je antwoorden konden niet worden verstuurd of bewaard. Probeer opnieuw te versturen.',
  counted: 'Bedankt. Je antwoorden zijn meegeteld.',
  queued: 'Je antwoorden zijn op dit apparaat bewaard en worden vanzelf verstuurd zodra de verbinding terug is.',
  alreadyAnswered: 'Je hebt deze ronde al beantwoord. Je eerste antwoorden tellen.',
  privacyTitle: 'Wie kan dit zien',
  privacyStored: 'Je antwoorden worden versleuteld bewaard, zonder je naam, met de dag maar zonder tijdstip. HR, je teamleider en de eigenaren van de site kunnen ze niet openen. De paar IT-medewerkers die de enquêtedienst beheren hebben de sleutel: zij zouden antwoorden kunnen openen, met de groepen hieronder, maar niet je naam.',
  privacyGroups: 'Uitkomsten worden alleen getoond voor groepen van minstens {0} mensen, en opmerkingen alleen waar minstens {1} mensen antwoordden.',
  privacyPublished: 'De uitkomsten worden gepubliceerd nadat de ronde is gesloten.',
  privacyParticipation: 'We leggen vast dát je hebt meegedaan, nooit wát je antwoordde, zodat we het je niet opnieuw vragen.',
  privacyKept: 'Bij je antwoorden bewaard: je vestiging, lijn, ploeg, soort dienstverband en aantal dienstjaren (in groepen).',
  none: 'Er staat nu geen pulsmeting voor je open.',
  allAnswered: 'Bedankt: je hebt elke open enquête beantwoord.',
  loading: 'De enquête wordt geladen…',
  tryAgain: 'Opnieuw proberen',
  errors: {
    noRelay: 'Pulsmetingen worden op deze site niet verzameld: daarvoor is de Engage-relay nodig, die antwoorden vertrouwelijk houdt. Meld het aan je IT-beheerder.',
    notSetUp: 'Pulsmetingen zijn op deze site nog niet ingericht. Vraag je sitebeheerder om Shopfloor Engage instellen uit te voeren.',
    relayFault: 'De enquêtedienst werkt op dit moment niet. Meld het aan je IT-beheerder.',
    network: 'De enquête is niet bereikbaar. Controleer de verbinding.',
    throttled: 'De enquêtedienst is druk. Hij probeert het vanzelf opnieuw.',
    rateLimited: 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw.',
    accessDenied: 'Je bent niet aangemeld bij de enquêtedienst. Laad de pagina opnieuw.',
    alreadyAnswered: 'Je hebt deze ronde al beantwoord. Je eerste antwoorden tellen.',
    roundClosed: 'Deze ronde is gesloten voordat je antwoorden verstuurd konden worden; ze zijn niet meegeteld.',
    roundNotOpen: 'Deze ronde is nog niet open.',
    notInAudience: 'Deze enquête is niet aan jou gericht; je antwoorden zijn niet meegeteld.',
    notFound: 'Deze enquête bestaat niet meer.',
    invalid: 'Je antwoorden konden niet worden aangenomen. Controleer ze en verstuur ze opnieuw.',
    submissionKeyUsed: 'Je antwoorden worden opnieuw verstuurd.',
    unexpected: 'Er ging iets mis in de enquêtedienst. Hij probeert het vanzelf opnieuw.'
  },
  promptText: 'Je bent aan het werk: er staat een pulsmeting voor je open ({1}, ongeveer {0} min).',
  promptAnswer: 'Nu beantwoorden',
  promptLater: 'Niet nu',
  close: 'Sluiten'
};

const sv: PulseWords = {
  languageName: 'Svenska',
  language: 'Språk',
  questionCount: { one: '{0} fråga', other: '{0} frågor' },
  minutes: '{0} min',
  openUntil: 'Öppen till {0}',
  start: 'Börja',
  progress: 'Fråga {0} av {1}',
  back: 'Tillbaka',
  next: 'Nästa',
  skip: 'Hoppa över',
  likert: ['Instämmer inte alls', 'Instämmer inte', 'Varken eller', 'Instämmer', 'Instämmer helt'],
  enpsLow: '0 = inte alls troligt',
  enpsHigh: '10 = mycket troligt',
  enpsOption: '{0} ({1})',
  commentLabel: 'Ditt svar (frivilligt)',
  commentHint: 'Skriv helst inga namn. Kommentarer visas utan ditt namn för HR och din teamledare, bara där minst {0} personer har svarat.',
  charactersLeft: { one: '{0} tecken kvar', other: '{0} tecken kvar' },
  commentTooLong: 'Korta ditt svar till {0} tecken; en emoji räknas som två.',
  summary: 'Du har svarat på {0} av {1} frågor.',
  skipped: 'Överhoppad',
  change: 'Ändra',
  send: 'Skicka svar',
  sending: 'Skickar…',
  nothingAnswered: 'Svara på minst en fråga innan du skickar.',
  sendFailed: 'Dina svar kunde inte skickas eller sparas. Försök skicka igen.',
  counted: 'Tack! Dina svar har räknats.',
  queued: 'Dina svar är sparade på den här enheten och skickas automatiskt när anslutningen är tillbaka.',
  alreadyAnswered: 'Du har redan svarat på den här omgången. Det är dina första svar som räknas.',
  privacyTitle: 'Vem kan se detta',
  privacyStored: 'Dina svar sparas krypterade, utan ditt namn, med dagen men utan tidpunkt. HR, din teamledare och webbplatsens ägare kan inte öppna dem. De få IT-personer som driver enkättjänsten har dess nyckel: de skulle kunna öppna svar, med grupperna nedan, men inte ditt namn.',
  privacyGroups: 'Pulsresultat visas bara för grupper med minst {0} personer, och kommentarer bara där minst {1} personer har svarat.',
  privacyPublished: 'Resultaten publiceras när omgången har stängts.',
  privacyParticipation: 'Vi noterar att du har deltagit, aldrig vad du svarade, så att du inte tillfrågas igen.',
  privacyKept: 'Sparas med dina svar: din anläggning, linje, arbetslag, anställningsform och antal år i tjänst (i intervall).',
  none: 'Ingen pulsenkät är öppen för dig just nu.',
  allAnswered: 'Tack! Du har svarat på alla öppna enkäter.',
  loading: 'Enkäten laddas…',
  tryAgain: 'Försök igen',
  errors: {
    noRelay: 'Pulsenkäter samlas inte in på den här webbplatsen: de kräver Engage-reläet, som håller svaren konfidentiella. Kontakta din IT-administratör.',
    notSetUp: 'Pulsenkäter är inte konfigurerade på den här webbplatsen än. Be webbplatsens administratör att köra Konfigurera Shopfloor Engage.',
    relayFault: 'Enkättjänsten fungerar inte just nu. Kontakta din IT-administratör.',
    network: 'Enkäten gick inte att nå. Kontrollera anslutningen.',
    throttled: 'Enkättjänsten är upptagen. Den försöker igen automatiskt.',
    rateLimited: 'För många försök på kort tid. Vänta en minut och försök igen.',
    accessDenied: 'Du är inte inloggad i enkättjänsten. Ladda om sidan.',
    alreadyAnswered: 'Du har redan svarat på den här omgången. Det är dina första svar som räknas.',
    roundClosed: 'Omgången stängdes innan dina svar kunde skickas, så de räknades inte.',
    roundNotOpen: 'Den här omgången är inte öppen än.',
    notInAudience: 'Den här enkäten riktar sig inte till dig, så dina svar räknades inte.',
    notFound: 'Den här enkäten finns inte längre.',
    invalid: 'Dina svar kunde inte tas emot. Kontrollera dem och skicka igen.',
    submissionKeyUsed: 'Dina svar skickas igen.',
    unexpected: 'Något gick fel i enkättjänsten. Den försöker igen automatiskt.'
  },
  promptText: 'Du är i tjänst: en pulsenkät är öppen för dig ({1}, cirka {0} min).',
  promptAnswer: 'Svara nu',
  promptLater: 'Inte nu',
  close: 'Stäng'
};

const WORDS: { readonly en: PulseWords; readonly [language: string]: PulseWords } = { en, nl, sv };

/** The words for a language tag (`nl-nl`, `sv`, `en-US`…); English for any other. */
export function pulseWords(language: string): PulseWords {
  return wordsFor(WORDS, language);
}
