/**
 * "My learning"'s words in every shipped language (the web part and, later, the My learning
 * card). Each language must have every word: the type says so. HR's own texts (path and step
 * names, quiz questions) come from the lists in the reader's language (`core/learning/wording.ts`).
 */
import type { StepKind } from '../../core/models/learning';
import { type PluralForms, wordsFor } from '../format';

/** Every failure the part words: the reader's (SharePoint) and the relay's. */
export type LearningFailureCode =
  | 'notSetUp'
  | 'noRelay'
  | 'relayFault'
  | 'unavailable'
  | 'rateLimited'
  | 'accessDenied'
  | 'notAssigned'
  | 'pathInactive'
  | 'stepNotFound'
  | 'quizNotReady'
  | 'attemptsUsed'
  | 'ownSignOff'
  | 'notQualified'
  | 'learnerNotFound'
  | 'stepNotDone'
  /** The relay refused a sign-off's station or note (HR changed the path's stations since the list was read). */
  | 'signOffInvalid'
  | 'invalid'
  | 'unexpected';

export interface LearningWords {
  readonly loading: string;
  readonly nextHeading: string;
  /** {0}: minutes, {1}: the step's title. */
  readonly stepLine: { readonly [kind in StepKind]: string };
  /** {0}: place of the step, {1}: steps in the path, {2}: the path's name. */
  readonly stepOf: string;
  /** {0}: a date. */
  readonly due: string;
  readonly overdue: string;
  readonly open: string;
  readonly markDone: string;
  readonly saving: string;
  readonly startQuiz: string;
  readonly practiceHint: string;
  readonly courseHint: string;
  /** {0}: the step's title. */
  readonly celebrateStep: string;
  /** {0}: the path's name. */
  readonly celebratePath: string;
  readonly pathsHeading: string;
  /** Counted on the steps of the path ({0}); {1}: steps done. */
  readonly stepsDone: PluralForms;
  /** {0}: the names of the paths it waits for. */
  readonly waitingFor: string;
  /** {0}: the step's title. */
  readonly awaitingSignOff: string;
  readonly finished: string;
  readonly goToStep: string;
  readonly nothingAssigned: string;
  readonly nothingOpen: string;
  readonly tryAgain: string;
  readonly back: string;
  readonly quizLoading: string;
  /** {0}: the question's place, {1}: questions. */
  readonly questionOf: string;
  readonly chooseHint: string;
  readonly next: string;
  readonly previous: string;
  readonly send: string;
  readonly sending: string;
  readonly chooseFirst: string;
  /** {0}: right answers, {1}: questions, {2}: the pass mark (a pass is told its score). */
  readonly passed: string;
  /** A pass without its score (not expected from the relay). */
  readonly passedShort: string;
  /** {0}: the pass mark (a failed attempt is told nothing more). */
  readonly notPassed: PluralForms;
  /** Counted on the attempts ({0}). */
  readonly attempts: PluralForms;
  /** Counted on the attempts left in the 24 hours ({0}, at least 1). */
  readonly attemptsLeft: PluralForms;
  readonly noAttemptsLeft: string;
  readonly tryQuizAgain: string;
  /** After a failure: what was given is still there. */
  readonly answersKept: string;
  /** Practice: the learner asks a trainer to sign it off. */
  readonly askSignOff: string;
  readonly asking: string;
  /** {0}: the step's title. */
  readonly askedSignOff: string;
  /** The trainer's section. */
  readonly signOffHeading: string;
  readonly signOffLoading: string;
  readonly signOffNone: string;
  /** Counted on the person's steps waiting ({0}). */
  readonly stepsWaiting: PluralForms;
  readonly signOff: string;
  /** {0}: the step's title, {1}: the learner's name. */
  readonly signOffFor: string;
  readonly station: string;
  readonly note: string;
  /** {0}: characters typed, {1}: the most allowed. */
  readonly noteCount: string;
  /** {0}: characters over the limit. */
  readonly noteTooLong: string;
  readonly chooseStation: string;
  readonly confirm: string;
  readonly signingOff: string;
  /** {0}: the step's title, {1}: the learner's name. */
  readonly signedOff: string;
  readonly backToList: string;
  readonly errors: { readonly [code in LearningFailureCode]: string };
}

const en: LearningWords = {
  loading: 'Loading your learning…',
  nextHeading: 'Your next step',
  stepLine: {
    read: '{0} min: read “{1}”',
    watch: '{0} min: watch “{1}”',
    'viva-course': '{0} min: take the course “{1}”',
    quiz: '{0} min: answer the quiz “{1}”',
    practice: '{0} min on the job: “{1}”'
  },
  stepOf: 'Step {0} of {1} in {2}',
  due: 'Due {0}',
  overdue: 'Overdue since {0}',
  open: 'Open',
  markDone: 'Mark as done',
  saving: 'Saving…',
  startQuiz: 'Start the quiz',
  practiceHint: 'Do this step with a trainer, then ask them to sign it off: then it counts.',
  courseHint: 'Take the course in Viva Learning, then mark it as done here.',
  celebrateStep: 'Well done! “{0}” is done.',
  celebratePath: 'You finished {0}!',
  pathsHeading: 'Your learning paths',
  stepsDone: { one: '{1} of {0} step done', other: '{1} of {0} steps done' },
  waitingFor: 'Starts when you have finished: {0}',
  awaitingSignOff: 'Waiting for a trainer to sign off: {0}',
  finished: 'Finished',
  goToStep: 'Go to this step',
  nothingAssigned: 'No learning paths are assigned to you right now.',
  nothingOpen: 'You have done every step you can do now.',
  tryAgain: 'Try again',
  back: 'Back to my learning',
  quizLoading: 'Loading the quiz…',
  questionOf: 'Question {0} of {1}',
  chooseHint: 'Choose every answer that is right.',
  next: 'Next',
  previous: 'Back',
  send: 'Send answers',
  sending: 'Sending…',
  chooseFirst: 'Choose an answer first.',
  passed: 'Passed: {0} of {1} right (you needed {2}).',
  passedShort: 'Passed.',
  notPassed: { one: 'Not passed yet. You need {0} right answer to pass.', other: 'Not passed yet. You need {0} right answers to pass.' },
  attempts: { one: '{0} attempt so far.', other: '{0} attempts so far.' },
  attemptsLeft: { one: 'You can try {0} more time today.', other: 'You can try {0} more times today.' },
  noAttemptsLeft: 'You have used your attempts for today. Try again tomorrow.',
  tryQuizAgain: 'Try the quiz again',
  answersKept: 'Nothing is lost: your answers are still here.',
  askSignOff: 'Ask a trainer for sign-off',
  asking: 'Asking…',
  askedSignOff: 'Asked for sign-off: “{0}”. A trainer signs it off on their phone.',
  signOffHeading: 'Waiting for your sign-off',
  signOffLoading: 'Loading who is waiting for your sign-off…',
  signOffNone: 'Nobody is waiting for your sign-off.',
  stepsWaiting: { one: '{0} step waiting', other: '{0} steps waiting' },
  signOff: 'Sign off',
  signOffFor: 'Sign off “{0}” for {1}',
  station: 'Station',
  note: 'Note (optional)',
  noteCount: '{0} of {1} characters',
  noteTooLong: 'The note is {0} characters too long. Shorten it: nothing is cut.',
  chooseStation: 'Choose the station first.',
  confirm: 'Confirm sign-off',
  signingOff: 'Signing off…',
  signedOff: 'Signed off: “{0}” for {1}.',
  backToList: 'Back to the list',
  errors: {
    ownSignOff: 'Nobody signs off their own practice.',
    notQualified: 'You cannot sign this off: you hold no valid U or O level on this station and are not a trainer of this path.',
    learnerNotFound: 'This colleague could not be found in the directory or on the site.',
    stepNotDone: 'Your colleague has not done this step yet. It is signed off after.',
    signOffInvalid: 'The sign-off was not accepted: the path\'s stations may have changed. Reload the page and try again.',
    notSetUp: 'Learning is not set up on this site yet. Ask your site admin to run Shopfloor Engage setup.',
    noRelay: 'Your progress cannot be recorded on this site: it needs the Engage relay. Tell your IT admin.',
    relayFault: 'The learning service is not working right now. Tell your IT admin.',
    unavailable: 'The learning service could not be reached. Check the connection and try again.',
    rateLimited: 'Too many tries in a short time. Wait a minute and try again.',
    accessDenied: 'You are not signed in to the learning service. Reload the page.',
    notAssigned: 'This learning path is no longer assigned to you.',
    pathInactive: 'HR has switched this learning path off.',
    stepNotFound: 'This step is no longer there: HR removed it.',
    quizNotReady: 'This quiz cannot be scored yet: HR has not saved its answers.',
    attemptsUsed: 'You have used your three attempts at this quiz for now. Try again later.',
    invalid: 'Your answers could not be accepted. Check them and try again.',
    unexpected: 'Something went wrong. Try again.'
  }
};

const nl: LearningWords = {
  loading: 'Je leerpaden worden geladen…',
  nextHeading: 'Je volgende stap',
  stepLine: {
    read: '{0} min: lees “{1}”',
    watch: '{0} min: bekijk “{1}”',
    'viva-course': '{0} min: volg de cursus “{1}”',
    quiz: '{0} min: beantwoord de quiz “{1}”',
    practice: '{0} min op de werkvloer: “{1}”'
  },
  stepOf: 'Stap {0} van {1} in {2}',
  due: 'Klaar vóór {0}',
  overdue: 'Te laat sinds {0}',
  open: 'Openen',
  markDone: 'Markeren als gedaan',
  saving: 'Opslaan…',
  startQuiz: 'Quiz beginnen',
  practiceHint: 'Doe deze stap met een trainer en vraag hem dan om af te tekenen: dan telt hij.',
  courseHint: 'Volg de cursus in Viva Learning en markeer hem hier daarna als gedaan.',
  celebrateStep: 'Goed gedaan! “{0}” is klaar.',
  celebratePath: 'Je hebt {0} afgerond!',
  pathsHeading: 'Je leerpaden',
  stepsDone: { one: '{1} van {0} stap gedaan', other: '{1} van {0} stappen gedaan' },
  waitingFor: 'Begint als je klaar bent met: {0}',
  awaitingSignOff: 'Wacht op aftekenen door een trainer: {0}',
  finished: 'Afgerond',
  goToStep: 'Naar deze stap',
  nothingAssigned: 'Er zijn nu geen leerpaden aan je toegewezen.',
  nothingOpen: 'Je hebt alle stappen gedaan die je nu kunt doen.',
  tryAgain: 'Opnieuw proberen',
  back: 'Terug naar mijn leerpaden',
  quizLoading: 'De quiz wordt geladen…',
  questionOf: 'Vraag {0} van {1}',
  chooseHint: 'Kies elk antwoord dat juist is.',
  next: 'Volgende',
  previous: 'Terug',
  send: 'Antwoorden versturen',
  sending: 'Versturen…',
  chooseFirst: 'Kies eerst een antwoord.',
  passed: 'Geslaagd: {0} van {1} goed (je had er {2} nodig).',
  passedShort: 'Geslaagd.',
  notPassed: { one: 'Nog niet geslaagd. Je hebt {0} goed antwoord nodig om te slagen.', other: 'Nog niet geslaagd. Je hebt {0} goede antwoorden nodig om te slagen.' },
  attempts: { one: 'Tot nu toe {0} poging.', other: 'Tot nu toe {0} pogingen.' },
  attemptsLeft: { one: 'Je kunt het vandaag nog {0} keer proberen.', other: 'Je kunt het vandaag nog {0} keer proberen.' },
  noAttemptsLeft: 'Je pogingen voor vandaag zijn op. Probeer het morgen opnieuw.',
  tryQuizAgain: 'Quiz opnieuw proberen',
  answersKept: 'Er gaat niets verloren: je antwoorden staan er nog.',
  askSignOff: 'Trainer vragen om af te tekenen',
  asking: 'Vragen…',
  askedSignOff: 'Gevraagd om af te tekenen: “{0}”. Een trainer tekent af op zijn telefoon.',
  signOffHeading: 'Wacht op jouw aftekening',
  signOffLoading: 'Laden wie op jouw aftekening wacht…',
  signOffNone: 'Niemand wacht op jouw aftekening.',
  stepsWaiting: { one: '{0} stap wacht', other: '{0} stappen wachten' },
  signOff: 'Aftekenen',
  signOffFor: '“{0}” aftekenen voor {1}',
  station: 'Werkplek',
  note: 'Opmerking (optioneel)',
  noteCount: '{0} van {1} tekens',
  noteTooLong: 'De opmerking is {0} tekens te lang. Maak hem korter: er wordt niets afgeknipt.',
  chooseStation: 'Kies eerst de werkplek.',
  confirm: 'Aftekenen bevestigen',
  signingOff: 'Aftekenen…',
  signedOff: 'Afgetekend: “{0}” voor {1}.',
  backToList: 'Terug naar de lijst',
  errors: {
    ownSignOff: 'Niemand tekent zijn eigen oefening af.',
    notQualified: 'Je kunt dit niet aftekenen: je hebt geen geldig niveau ‘zelfstandig’ of ‘kan anderen opleiden’ op deze werkplek en bent geen trainer van dit leerpad.',
    learnerNotFound: 'Deze collega is niet gevonden in de directory of op de site.',
    stepNotDone: 'Je collega heeft deze stap nog niet gedaan. Hij wordt daarna afgetekend.',
    signOffInvalid: 'De aftekening is niet aangenomen: de werkplekken van het leerpad zijn misschien gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
    notSetUp: 'Leren is op deze site nog niet ingesteld. Vraag je sitebeheerder om Shopfloor Engage instellen uit te voeren.',
    noRelay: 'Je voortgang kan op deze site niet worden vastgelegd: daarvoor is de Engage-relay nodig. Meld het aan je IT-beheerder.',
    relayFault: 'De leerdienst werkt nu niet. Meld het aan je IT-beheerder.',
    unavailable: 'De leerdienst is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    rateLimited: 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw.',
    accessDenied: 'Je bent niet aangemeld bij de leerdienst. Laad de pagina opnieuw.',
    notAssigned: 'Dit leerpad is niet meer aan je toegewezen.',
    pathInactive: 'HR heeft dit leerpad uitgezet.',
    stepNotFound: 'Deze stap bestaat niet meer: HR heeft hem verwijderd.',
    quizNotReady: 'Deze quiz kan nog niet worden beoordeeld: HR heeft de antwoorden nog niet opgeslagen.',
    attemptsUsed: 'Je hebt je drie pogingen voor deze quiz voorlopig gebruikt. Probeer het later opnieuw.',
    invalid: 'Je antwoorden konden niet worden aangenomen. Controleer ze en probeer het opnieuw.',
    unexpected: 'Er ging iets mis. Probeer het opnieuw.'
  }
};

const sv: LearningWords = {
  loading: 'Dina utbildningsvägar laddas…',
  nextHeading: 'Ditt nästa steg',
  stepLine: {
    read: '{0} min: läs ”{1}”',
    watch: '{0} min: titta på ”{1}”',
    'viva-course': '{0} min: gå kursen ”{1}”',
    quiz: '{0} min: svara på quizen ”{1}”',
    practice: '{0} min på golvet: ”{1}”'
  },
  stepOf: 'Steg {0} av {1} i {2}',
  due: 'Klart senast {0}',
  overdue: 'Försenat sedan {0}',
  open: 'Öppna',
  markDone: 'Markera som klart',
  saving: 'Sparar…',
  startQuiz: 'Starta quizen',
  practiceHint: 'Gör steget med en handledare och be hen sedan godkänna det: då räknas det.',
  courseHint: 'Gå kursen i Viva Learning och markera den sedan som klar här.',
  celebrateStep: 'Bra jobbat! ”{0}” är klart.',
  celebratePath: 'Du har slutfört {0}!',
  pathsHeading: 'Dina utbildningsvägar',
  stepsDone: { one: '{1} av {0} steg klart', other: '{1} av {0} steg klara' },
  waitingFor: 'Börjar när du har slutfört: {0}',
  awaitingSignOff: 'Väntar på att en handledare godkänner: {0}',
  finished: 'Slutförd',
  goToStep: 'Gå till steget',
  nothingAssigned: 'Inga utbildningsvägar är tilldelade dig just nu.',
  nothingOpen: 'Du har gjort alla steg du kan göra nu.',
  tryAgain: 'Försök igen',
  back: 'Tillbaka till mina utbildningsvägar',
  quizLoading: 'Quizen laddas…',
  questionOf: 'Fråga {0} av {1}',
  chooseHint: 'Välj alla svar som är rätt.',
  next: 'Nästa',
  previous: 'Tillbaka',
  send: 'Skicka svaren',
  sending: 'Skickar…',
  chooseFirst: 'Välj ett svar först.',
  passed: 'Godkänd: {0} av {1} rätt (du behövde {2}).',
  passedShort: 'Godkänd.',
  notPassed: { one: 'Inte godkänd än. Du behöver {0} rätt svar för att bli godkänd.', other: 'Inte godkänd än. Du behöver {0} rätta svar för att bli godkänd.' },
  attempts: { one: '{0} försök hittills.', other: '{0} försök hittills.' },
  attemptsLeft: { one: 'Du kan försöka {0} gång till i dag.', other: 'Du kan försöka {0} gånger till i dag.' },
  noAttemptsLeft: 'Du har använt dina försök för i dag. Försök igen i morgon.',
  tryQuizAgain: 'Gör quizen igen',
  answersKept: 'Inget går förlorat: dina svar finns kvar.',
  askSignOff: 'Be en handledare godkänna',
  asking: 'Skickar…',
  askedSignOff: 'Du har bett om godkännande: ”{0}”. En handledare godkänner det i sin telefon.',
  signOffHeading: 'Väntar på ditt godkännande',
  signOffLoading: 'Laddar vilka som väntar på ditt godkännande…',
  signOffNone: 'Ingen väntar på ditt godkännande.',
  stepsWaiting: { one: '{0} steg väntar', other: '{0} steg väntar' },
  signOff: 'Godkänn',
  signOffFor: 'Godkänn ”{0}” för {1}',
  station: 'Station',
  note: 'Anteckning (valfri)',
  noteCount: '{0} av {1} tecken',
  noteTooLong: 'Anteckningen är {0} tecken för lång. Korta den: inget klipps bort.',
  chooseStation: 'Välj stationen först.',
  confirm: 'Bekräfta godkännandet',
  signingOff: 'Godkänner…',
  signedOff: 'Godkänt: ”{0}” för {1}.',
  backToList: 'Tillbaka till listan',
  errors: {
    ownSignOff: 'Ingen godkänner sin egen övning.',
    notQualified: 'Du kan inte godkänna detta: du har ingen giltig nivå U eller O på stationen och är inte handledare för utbildningsvägen.',
    learnerNotFound: 'Kollegan finns inte i katalogen eller på webbplatsen.',
    stepNotDone: 'Din kollega har inte gjort steget än. Det godkänns efteråt.',
    signOffInvalid: 'Godkännandet togs inte emot: utbildningsvägens stationer kan ha ändrats. Ladda om sidan och försök igen.',
    notSetUp: 'Utbildning är inte konfigurerad på den här webbplatsen än. Be webbplatsens administratör att köra Konfigurera Shopfloor Engage.',
    noRelay: 'Dina framsteg kan inte sparas på den här webbplatsen: det kräver Engage-reläet. Säg till din IT-administratör.',
    relayFault: 'Utbildningstjänsten fungerar inte just nu. Säg till din IT-administratör.',
    unavailable: 'Utbildningstjänsten gick inte att nå. Kontrollera anslutningen och försök igen.',
    rateLimited: 'För många försök på kort tid. Vänta en minut och försök igen.',
    accessDenied: 'Du är inte inloggad i utbildningstjänsten. Ladda om sidan.',
    notAssigned: 'Den här utbildningsvägen är inte längre tilldelad dig.',
    pathInactive: 'HR har stängt av den här utbildningsvägen.',
    stepNotFound: 'Det här steget finns inte längre: HR har tagit bort det.',
    quizNotReady: 'Quizen kan inte rättas än: HR har inte sparat svaren.',
    attemptsUsed: 'Du har använt dina tre försök på quizen för tillfället. Försök igen senare.',
    invalid: 'Dina svar kunde inte tas emot. Kontrollera dem och försök igen.',
    unexpected: 'Något gick fel. Försök igen.'
  }
};

const WORDS = { en, nl, sv };

export function learningWords(locale: string): LearningWords {
  return wordsFor(WORDS, locale);
}

/** The code of a failure from the reader or the relay (both carry `code`); `unexpected` for anything else. */
export function failureCodeOf(error: unknown): LearningFailureCode {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'throttled':
    case 'network':
    case 'timeout':
      return 'unavailable';
    case 'notFound':
      return 'stepNotFound';
    case 'notSetUp':
    case 'noRelay':
    case 'relayFault':
    case 'unavailable':
    case 'rateLimited':
    case 'accessDenied':
    case 'notAssigned':
    case 'pathInactive':
    case 'stepNotFound':
    case 'quizNotReady':
    case 'attemptsUsed':
    case 'ownSignOff':
    case 'notQualified':
    case 'learnerNotFound':
    case 'stepNotDone':
    case 'invalid':
      return code;
    default:
      return 'unexpected';
  }
}
