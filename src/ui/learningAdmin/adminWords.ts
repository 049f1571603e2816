/**
 * The Learning admin part's words in English, Dutch and Swedish. Every rule's code (a path's or
 * a step's form, a quiz, the relay's refusals, SharePoint's failures) has its words here; the
 * type makes each language have all of them.
 */
import type { LearningAdminErrorCode } from '../../core/learning/learningAdminPorts';
import type { RecognitionStoreErrorCode } from '../../core/recognition/ports';
import type { LearningCategory, StepKind } from '../../core/models/learning';
import { wordsFor } from '../format';

/** The form rules' codes the part words (path, step, quiz). */
export type FormCode =
  | 'nameMissing'
  | 'nameTooLong'
  | 'translationMissing'
  | 'validityMonths'
  | 'lapseDays'
  | 'grantInvalid'
  | 'trainerInvalid'
  | 'renewalPathUnknown'
  | 'requiresItself'
  | 'prerequisiteCycle'
  | 'unknownPrerequisite'
  | 'titleMissing'
  | 'minutesOutOfRange'
  | 'contentUrlMissing'
  | 'contentUrlOutsideTenant'
  | 'vivaCourseMissing'
  | 'quizMissing'
  | 'practiceNeedsSignOff'
  | 'questionCount'
  | 'questionKey'
  | 'promptMissing'
  | 'optionCount'
  | 'optionsDiffer'
  | 'passMark'
  | 'answerKey'
  | 'quizInvalid';

export interface AdminWords {
  readonly heading: string;
  readonly intro: string;
  readonly loading: string;
  readonly tryAgain: string;
  readonly notAllowed: string;
  readonly noPaths: string;
  readonly newPath: string;
  readonly editPath: string;
  readonly steps: string;
  readonly assign: string;
  readonly back: string;
  readonly save: string;
  readonly saving: string;
  readonly saved: string;
  readonly active: string;
  readonly inactive: string;
  /** {0}: how many steps. */
  readonly stepCount: string;
  readonly languages: { readonly 'en-us': string; readonly 'nl-nl': string; readonly 'sv-se': string };
  /** {0}: the language. */
  readonly nameIn: string;
  readonly pathIsActive: string;
  readonly category: string;
  readonly categories: { readonly [category in LearningCategory]: string };
  readonly requires: string;
  readonly grantsLegend: string;
  readonly station: string;
  readonly level: string;
  readonly noLevel: string;
  readonly addGrant: string;
  readonly remove: string;
  readonly validityMonths: string;
  readonly validityHelp: string;
  readonly lapseDays: string;
  readonly lapseHelp: string;
  readonly renewalPath: string;
  readonly renewalSame: string;
  readonly trainers: string;
  readonly trainersHelp: string;
  /** Steps screen. {0}: the path. */
  readonly stepsOf: string;
  readonly noSteps: string;
  readonly addStep: string;
  readonly editStep: string;
  readonly deleteStep: string;
  /** {0}: the step. */
  readonly confirmDelete: string;
  readonly moveUp: string;
  readonly moveDown: string;
  readonly kinds: { readonly [kind in StepKind]: string };
  readonly kind: string;
  /** {0}: the language. */
  readonly titleIn: string;
  readonly minutes: string;
  readonly contentUrl: string;
  readonly contentUrlHelp: string;
  readonly vivaCourseId: string;
  readonly keySealed: string;
  readonly keyMissing: string;
  /** {0}: the question's number. */
  readonly question: string;
  /** {0}: the language. */
  readonly promptIn: string;
  /** {0}: the choice's number, {1}: the language. */
  readonly choiceIn: string;
  /** {0}: the choice's number. */
  readonly rightChoice: string;
  readonly addChoice: string;
  readonly addQuestion: string;
  readonly removeQuestion: string;
  readonly passMarkLabel: string;
  readonly answersHelp: string;
  /** {0}: what was saved but whose key was not sealed. */
  readonly keyNotSealed: string;
  /** Assign screen. {0}: the path. */
  readonly assignPath: string;
  readonly audience: string;
  readonly audiences: { readonly people: string; readonly crew: string; readonly role: string; readonly newSince: string };
  readonly searchPeople: string;
  readonly searching: string;
  readonly noOneFound: string;
  /** {0}: the person. */
  readonly addPerson: string;
  /** {0}: the person. */
  readonly removePerson: string;
  readonly crew: string;
  readonly crewsUnavailable: string;
  readonly role: string;
  readonly since: string;
  readonly dueDate: string;
  readonly dueHelp: string;
  readonly assignButton: string;
  readonly assigning: string;
  /** {0}: created, {1}: already had it. */
  readonly assignedResult: string;
  /** {0}: people left out who are not the leader's. */
  readonly notLed: string;
  readonly pickSomeone: string;
  readonly form: { readonly [code in FormCode]: string };
  readonly relay: { readonly [code in LearningAdminErrorCode]: string };
  readonly store: { readonly [code in RecognitionStoreErrorCode]?: string };
  readonly storeDefault: string;
  readonly warning: string;
  readonly opening: string;
  readonly openFailed: string;
}

const en: AdminWords = {
  heading: 'Learning admin',
  intro: 'Learning paths, their steps, and who is assigned which path.',
  loading: 'Loading the learning paths…',
  tryAgain: 'Try again',
  notAllowed: 'Only HR and site owners can change learning paths. You can see them here.',
  noPaths: 'There are no learning paths yet.',
  newPath: 'New path',
  editPath: 'Edit path',
  steps: 'Steps',
  assign: 'Assign',
  back: 'Back',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  active: 'Active',
  inactive: 'Switched off',
  stepCount: '{0} steps',
  languages: { 'en-us': 'English', 'nl-nl': 'Dutch', 'sv-se': 'Swedish' },
  nameIn: 'Name ({0})',
  pathIsActive: 'Active: people can be assigned it and take it',
  category: 'Kind of path',
  categories: { onboarding: 'Onboarding', 'machine-qualification': 'Machine qualification', safety: 'Safety', other: 'Other' },
  requires: 'Finish these paths first',
  grantsLegend: 'Levels the path grants',
  station: 'Station or machine code',
  level: 'Level',
  noLevel: 'Choose a level',
  addGrant: 'Add a level',
  remove: 'Remove',
  validityMonths: 'Valid for (months)',
  validityHelp: 'Leave empty or 0: it does not expire.',
  lapseDays: 'Lapses after (days without practice)',
  lapseHelp: 'Leave empty or 0: it never lapses.',
  renewalPath: 'Renewal path',
  renewalSame: 'This path again',
  trainers: 'Named trainers (sign-in names, one per line)',
  trainersHelp: 'They may sign off practice on this path without holding the level.',
  stepsOf: 'Steps of {0}',
  noSteps: 'This path has no steps yet.',
  addStep: 'Add a step',
  editStep: 'Edit step',
  deleteStep: 'Delete',
  confirmDelete: 'Delete “{0}”? Progress already recorded on it is kept.',
  moveUp: 'Move up',
  moveDown: 'Move down',
  kinds: { read: 'Read a page or document', watch: 'Watch a video', 'viva-course': 'Viva Learning course', quiz: 'Quiz', practice: 'Practice with a trainer' },
  kind: 'Kind of step',
  titleIn: 'Title ({0})',
  minutes: 'Minutes it takes',
  contentUrl: 'Link (inside your SharePoint)',
  contentUrlHelp: 'A page, document or video on your own SharePoint.',
  vivaCourseId: 'Viva Learning course id',
  keySealed: 'Answers saved with the relay.',
  keyMissing: 'Answers not saved yet: learners cannot take this quiz.',
  question: 'Question {0}',
  promptIn: 'Question ({0})',
  choiceIn: 'Choice {0} ({1})',
  rightChoice: 'Choice {0} is right',
  addChoice: 'Add a choice',
  addQuestion: 'Add a question',
  removeQuestion: 'Remove this question',
  passMarkLabel: 'Right answers needed to pass',
  answersHelp: 'Which choices are right is sent to the relay and sealed; it is never stored in the list.',
  keyNotSealed: 'The step was saved, but its answers were not: {0}',
  assignPath: 'Assign {0}',
  audience: 'Assign to',
  audiences: { people: 'People', crew: 'A crew', role: 'A role (job title)', newSince: 'Everyone new since' },
  searchPeople: 'Find a colleague',
  searching: 'Searching…',
  noOneFound: 'No one found.',
  addPerson: 'Add {0}',
  removePerson: 'Remove {0}',
  crew: 'Crew',
  crewsUnavailable: 'The crews could not be read.',
  role: 'Job title',
  since: 'Started on or after',
  dueDate: 'Due date (optional)',
  dueHelp: 'The end of this day in the plant.',
  assignButton: 'Assign',
  assigning: 'Assigning…',
  assignedResult: '{0} assigned, {1} already had it.',
  notLed: '{0} left out: they do not report to you.',
  pickSomeone: 'Choose whom to assign.',
  form: {
    nameMissing: 'Give the path an English name.',
    nameTooLong: 'A name can have at most 255 characters; this one has {0}. Shorten it: nothing is cut.',
    translationMissing: 'No name or title in this language yet: its readers see English.',
    validityMonths: 'Valid for: a whole number of months from 0 to 120.',
    lapseDays: 'Lapses after: a whole number of days from 0 to 1826.',
    grantInvalid: 'Each level needs a station code (up to 64 characters) and a level.',
    trainerInvalid: 'A trainer is named by their sign-in name, like name@contoso.com.',
    renewalPathUnknown: 'The renewal path is no longer there.',
    requiresItself: 'A path cannot require itself.',
    prerequisiteCycle: 'These requirements go round in a circle: {0}.',
    unknownPrerequisite: 'A required path is no longer there.',
    titleMissing: 'Give the step an English title.',
    minutesOutOfRange: 'Minutes: a whole number from 1 to 720.',
    contentUrlMissing: 'Give the link to read or watch.',
    contentUrlOutsideTenant: 'The link must stay inside your SharePoint (a /sites/… path or your own https address).',
    vivaCourseMissing: 'Give the Viva Learning course id.',
    quizMissing: 'Add the quiz questions.',
    practiceNeedsSignOff: 'Practice is finished by a trainer’s sign-off.',
    questionCount: 'A quiz has 1 to 20 questions.',
    questionKey: 'Two questions have the same key.',
    promptMissing: 'Each question needs its English text.',
    optionCount: 'Each question needs 2 to 8 choices, none of them empty.',
    optionsDiffer: 'Each language needs as many choices as English.',
    passMark: 'Right answers needed: a whole number from 1 to the number of questions.',
    answerKey: 'Tick at least one right choice for each question.',
    quizInvalid: 'The relay found the quiz or its answers not valid.'
  },
  relay: {
    noRelay: 'No relay is set up: assigning and quiz answers need it. Tell your IT admin.',
    notSetUp: 'Engage Setup has not run on this site yet.',
    relayFault: 'The relay is not set up right. Tell your IT admin.',
    unavailable: 'The relay could not be reached. Nothing was lost.',
    rateLimited: 'Too many at once. Wait a minute and try again.',
    accessDenied: 'You are not allowed to do this.',
    notAllowed: 'Only HR, site owners and the people’s manager assign learning paths.',
    notYourReport: 'You can assign only the people who report to you.',
    pathNotFound: 'This path is no longer there.',
    stepNotFound: 'This step is no longer there.',
    pathInactive: 'This path is switched off. Switch it on first.',
    dueDateInPast: 'The due date has passed. Pick today or later.',
    dueDateInvalid: 'The due date is not a day.',
    audienceEmpty: 'Choose whom to assign.',
    noOneToAssign: 'No one is in this audience.',
    personNotFound: 'One of the people is not in the directory any more.',
    quizInvalid: 'The relay found the quiz or its answers not valid.',
    invalid: 'The relay refused what was sent.',
    unexpected: 'Something went wrong.'
  },
  store: {
    accessDenied: 'SharePoint did not allow this.',
    notFound: 'It is no longer there: someone removed it.',
    conflict: 'Someone changed it at the same time. Try again.',
    throttled: 'SharePoint is busy. Nothing was lost.',
    network: 'There is no connection. Nothing was lost.',
    timeout: 'SharePoint did not answer in time. Nothing was lost.'
  },
  storeDefault: 'SharePoint could not do this.',
  warning: 'Note',
  opening: 'Opening…',
  openFailed: 'This could not be opened.'
};

const nl: AdminWords = {
  heading: 'Leerbeheer',
  intro: 'Leerpaden, hun stappen en wie welk traject toegewezen heeft.',
  loading: 'Leerpaden laden…',
  tryAgain: 'Opnieuw proberen',
  notAllowed: 'Alleen HR en site-eigenaren kunnen leerpaden wijzigen. Je kunt ze hier bekijken.',
  noPaths: 'Er zijn nog geen leerpaden.',
  newPath: 'Nieuw traject',
  editPath: 'Traject bewerken',
  steps: 'Stappen',
  assign: 'Toewijzen',
  back: 'Terug',
  save: 'Opslaan',
  saving: 'Opslaan…',
  saved: 'Opgeslagen.',
  active: 'Actief',
  inactive: 'Uitgeschakeld',
  stepCount: '{0} stappen',
  languages: { 'en-us': 'Engels', 'nl-nl': 'Nederlands', 'sv-se': 'Zweeds' },
  nameIn: 'Naam ({0})',
  pathIsActive: 'Actief: mensen kunnen het toegewezen krijgen en volgen',
  category: 'Soort traject',
  categories: { onboarding: 'Inwerken', 'machine-qualification': 'Machinekwalificatie', safety: 'Veiligheid', other: 'Overig' },
  requires: 'Eerst deze leerpaden afronden',
  grantsLegend: 'Niveaus die het traject geeft',
  station: 'Code van werkplek of machine',
  level: 'Niveau',
  noLevel: 'Kies een niveau',
  addGrant: 'Niveau toevoegen',
  remove: 'Verwijderen',
  validityMonths: 'Geldig (maanden)',
  validityHelp: 'Leeg of 0: verloopt niet.',
  lapseDays: 'Vervalt na (dagen zonder oefening)',
  lapseHelp: 'Leeg of 0: vervalt nooit.',
  renewalPath: 'Vernieuwingstraject',
  renewalSame: 'Dit traject opnieuw',
  trainers: 'Genoemde trainers (aanmeldnamen, één per regel)',
  trainersHelp: 'Zij mogen praktijk op dit traject aftekenen zonder het niveau zelf te hebben.',
  stepsOf: 'Stappen van {0}',
  noSteps: 'Dit traject heeft nog geen stappen.',
  addStep: 'Stap toevoegen',
  editStep: 'Stap bewerken',
  deleteStep: 'Verwijderen',
  confirmDelete: '“{0}” verwijderen? De voortgang die er al op staat, blijft bewaard.',
  moveUp: 'Omhoog',
  moveDown: 'Omlaag',
  kinds: { read: 'Pagina of document lezen', watch: 'Video bekijken', 'viva-course': 'Viva Learning-cursus', quiz: 'Quiz', practice: 'Oefenen met een trainer' },
  kind: 'Soort stap',
  titleIn: 'Titel ({0})',
  minutes: 'Minuten die het duurt',
  contentUrl: 'Link (binnen je SharePoint)',
  contentUrlHelp: 'Een pagina, document of video op je eigen SharePoint.',
  vivaCourseId: 'Id van de Viva Learning-cursus',
  keySealed: 'Antwoorden opgeslagen bij de relay.',
  keyMissing: 'Antwoorden nog niet opgeslagen: deze quiz kan nog niet gemaakt worden.',
  question: 'Vraag {0}',
  promptIn: 'Vraag ({0})',
  choiceIn: 'Keuze {0} ({1})',
  rightChoice: 'Keuze {0} is goed',
  addChoice: 'Keuze toevoegen',
  addQuestion: 'Vraag toevoegen',
  removeQuestion: 'Deze vraag verwijderen',
  passMarkLabel: 'Goede antwoorden nodig om te slagen',
  answersHelp: 'Welke keuzes goed zijn, gaat versleuteld naar de relay; het staat nooit in de lijst.',
  keyNotSealed: 'De stap is opgeslagen, de antwoorden niet: {0}',
  assignPath: '{0} toewijzen',
  audience: 'Toewijzen aan',
  audiences: { people: 'Personen', crew: 'Een ploeg', role: 'Een functie', newSince: 'Iedereen nieuw sinds' },
  searchPeople: 'Zoek een collega',
  searching: 'Zoeken…',
  noOneFound: 'Niemand gevonden.',
  addPerson: '{0} toevoegen',
  removePerson: '{0} verwijderen',
  crew: 'Ploeg',
  crewsUnavailable: 'De ploegen konden niet gelezen worden.',
  role: 'Functie',
  since: 'Begonnen op of na',
  dueDate: 'Uiterste datum (niet verplicht)',
  dueHelp: 'Het einde van deze dag in de fabriek.',
  assignButton: 'Toewijzen',
  assigning: 'Toewijzen…',
  assignedResult: '{0} toegewezen, {1} hadden het al.',
  notLed: '{0} niet meegenomen: zij vallen niet onder jou.',
  pickSomeone: 'Kies aan wie je toewijst.',
  form: {
    nameMissing: 'Geef het leerpad een Engelse naam.',
    nameTooLong: 'Een naam mag hoogstens 255 tekens hebben; deze heeft er {0}. Maak hem korter: er wordt niets afgeknipt.',
    translationMissing: 'Nog geen naam of titel in deze taal: lezers zien Engels.',
    validityMonths: 'Geldig: een heel aantal maanden van 0 tot 120.',
    lapseDays: 'Vervalt na: een heel aantal dagen van 0 tot 1826.',
    grantInvalid: 'Elk niveau heeft een werkplekcode (tot 64 tekens) en een niveau nodig.',
    trainerInvalid: 'Noem een trainer bij de aanmeldnaam, zoals naam@contoso.com.',
    renewalPathUnknown: 'Het vernieuwingstraject bestaat niet meer.',
    requiresItself: 'Een traject kan zichzelf niet vereisen.',
    prerequisiteCycle: 'Deze vereisten gaan in een kringetje rond: {0}.',
    unknownPrerequisite: 'Een vereist traject bestaat niet meer.',
    titleMissing: 'Geef de stap een Engelse titel.',
    minutesOutOfRange: 'Minuten: een heel getal van 1 tot 720.',
    contentUrlMissing: 'Geef de link om te lezen of te bekijken.',
    contentUrlOutsideTenant: 'De link moet binnen je SharePoint blijven (een /sites/…-pad of je eigen https-adres).',
    vivaCourseMissing: 'Geef het id van de Viva Learning-cursus.',
    quizMissing: 'Voeg de quizvragen toe.',
    practiceNeedsSignOff: 'Praktijk wordt afgerond door de aftekening van een trainer.',
    questionCount: 'Een quiz heeft 1 tot 20 vragen.',
    questionKey: 'Twee vragen hebben dezelfde sleutel.',
    promptMissing: 'Elke vraag heeft Engelse tekst nodig.',
    optionCount: 'Elke vraag heeft 2 tot 8 keuzes nodig, geen ervan leeg.',
    optionsDiffer: 'Elke taal heeft evenveel keuzes nodig als het Engels.',
    passMark: 'Goede antwoorden nodig: een heel getal van 1 tot het aantal vragen.',
    answerKey: 'Vink bij elke vraag minstens één goede keuze aan.',
    quizInvalid: 'De relay vond de quiz of de antwoorden niet geldig.'
  },
  relay: {
    noRelay: 'Er is geen relay ingesteld: toewijzen en quizantwoorden hebben die nodig. Meld het je IT-beheerder.',
    notSetUp: 'Shopfloor Engage instellen is op deze site nog niet uitgevoerd.',
    relayFault: 'De relay is niet goed ingesteld. Meld het je IT-beheerder.',
    unavailable: 'De relay was niet bereikbaar. Er is niets verloren.',
    rateLimited: 'Te veel tegelijk. Wacht een minuut en probeer het opnieuw.',
    accessDenied: 'Je mag dit niet doen.',
    notAllowed: 'Alleen HR, site-eigenaren en de teamleider van de mensen wijzen leerpaden toe.',
    notYourReport: 'Je kunt alleen mensen toewijzen die onder jou vallen.',
    pathNotFound: 'Dit traject bestaat niet meer.',
    stepNotFound: 'Deze stap bestaat niet meer.',
    pathInactive: 'Dit traject is uitgeschakeld. Schakel het eerst in.',
    dueDateInPast: 'De uiterste datum is voorbij. Kies vandaag of later.',
    dueDateInvalid: 'De uiterste datum is geen dag.',
    audienceEmpty: 'Kies aan wie je toewijst.',
    noOneToAssign: 'Er is niemand in deze groep.',
    personNotFound: 'Een van de personen staat niet meer in de directory.',
    quizInvalid: 'De relay vond de quiz of de antwoorden niet geldig.',
    invalid: 'De relay weigerde wat er verstuurd werd.',
    unexpected: 'Er ging iets mis.'
  },
  store: {
    accessDenied: 'SharePoint stond dit niet toe.',
    notFound: 'Het bestaat niet meer: iemand heeft het verwijderd.',
    conflict: 'Iemand anders wijzigde het tegelijk. Probeer het opnieuw.',
    throttled: 'SharePoint is druk. Er is niets verloren.',
    network: 'Er is geen verbinding. Er is niets verloren.',
    timeout: 'SharePoint antwoordde niet op tijd. Er is niets verloren.'
  },
  storeDefault: 'SharePoint kon dit niet doen.',
  warning: 'Let op',
  opening: 'Openen…',
  openFailed: 'Dit kon niet geopend worden.'
};

const sv: AdminWords = {
  heading: 'Utbildningsadministration',
  intro: 'Utbildningsvägar, deras steg och vem som har tilldelats vilken väg.',
  loading: 'Läser in utbildningsvägarna…',
  tryAgain: 'Försök igen',
  notAllowed: 'Bara HR och webbplatsägare kan ändra utbildningsvägar. Du kan se dem här.',
  noPaths: 'Det finns inga utbildningsvägar än.',
  newPath: 'Ny väg',
  editPath: 'Redigera väg',
  steps: 'Steg',
  assign: 'Tilldela',
  back: 'Tillbaka',
  save: 'Spara',
  saving: 'Sparar…',
  saved: 'Sparat.',
  active: 'Aktiv',
  inactive: 'Avstängd',
  stepCount: '{0} steg',
  languages: { 'en-us': 'engelska', 'nl-nl': 'nederländska', 'sv-se': 'svenska' },
  nameIn: 'Namn ({0})',
  pathIsActive: 'Aktiv: den kan tilldelas och genomföras',
  category: 'Typ av väg',
  categories: { onboarding: 'Introduktion', 'machine-qualification': 'Maskinbehörighet', safety: 'Säkerhet', other: 'Övrigt' },
  requires: 'Slutför dessa vägar först',
  grantsLegend: 'Nivåer som vägen ger',
  station: 'Kod för station eller maskin',
  level: 'Nivå',
  noLevel: 'Välj en nivå',
  addGrant: 'Lägg till en nivå',
  remove: 'Ta bort',
  validityMonths: 'Giltig (månader)',
  validityHelp: 'Tomt eller 0: upphör inte.',
  lapseDays: 'Förfaller efter (dagar utan övning)',
  lapseHelp: 'Tomt eller 0: förfaller aldrig.',
  renewalPath: 'Förnyelseväg',
  renewalSame: 'Samma väg igen',
  trainers: 'Namngivna instruktörer (inloggningsnamn, ett per rad)',
  trainersHelp: 'De får godkänna övning på den här vägen utan att själva ha nivån.',
  stepsOf: 'Steg i {0}',
  noSteps: 'Vägen har inga steg än.',
  addStep: 'Lägg till ett steg',
  editStep: 'Redigera steg',
  deleteStep: 'Ta bort',
  confirmDelete: 'Ta bort ”{0}”? Framsteg som redan registrerats på det behålls.',
  moveUp: 'Flytta upp',
  moveDown: 'Flytta ned',
  kinds: { read: 'Läs en sida eller ett dokument', watch: 'Titta på en video', 'viva-course': 'Viva Learning-kurs', quiz: 'Quiz', practice: 'Öva med en instruktör' },
  kind: 'Typ av steg',
  titleIn: 'Rubrik ({0})',
  minutes: 'Minuter det tar',
  contentUrl: 'Länk (inom ert SharePoint)',
  contentUrlHelp: 'En sida, ett dokument eller en video på ert eget SharePoint.',
  vivaCourseId: 'Viva Learning-kursens id',
  keySealed: 'Svaren sparade hos reläet.',
  keyMissing: 'Svaren är inte sparade än: quizet kan inte göras.',
  question: 'Fråga {0}',
  promptIn: 'Fråga ({0})',
  choiceIn: 'Alternativ {0} ({1})',
  rightChoice: 'Alternativ {0} är rätt',
  addChoice: 'Lägg till ett alternativ',
  addQuestion: 'Lägg till en fråga',
  removeQuestion: 'Ta bort frågan',
  passMarkLabel: 'Rätta svar som krävs för godkänt',
  answersHelp: 'Vilka alternativ som är rätt skickas krypterat till reläet; det sparas aldrig i listan.',
  keyNotSealed: 'Steget sparades, men inte svaren: {0}',
  assignPath: 'Tilldela {0}',
  audience: 'Tilldela till',
  audiences: { people: 'Personer', crew: 'Ett arbetslag', role: 'En befattning', newSince: 'Alla nya sedan' },
  searchPeople: 'Sök en kollega',
  searching: 'Söker…',
  noOneFound: 'Ingen hittades.',
  addPerson: 'Lägg till {0}',
  removePerson: 'Ta bort {0}',
  crew: 'Arbetslag',
  crewsUnavailable: 'Arbetslagen kunde inte läsas.',
  role: 'Befattning',
  since: 'Började den dagen eller senare',
  dueDate: 'Slutdatum (valfritt)',
  dueHelp: 'Slutet av den dagen på fabriken.',
  assignButton: 'Tilldela',
  assigning: 'Tilldelar…',
  assignedResult: '{0} tilldelade, {1} hade den redan.',
  notLed: '{0} utelämnade: de rapporterar inte till dig.',
  pickSomeone: 'Välj vem du tilldelar.',
  form: {
    nameMissing: 'Ge vägen ett engelskt namn.',
    nameTooLong: 'Ett namn får ha högst 255 tecken; det här har {0}. Korta det: inget klipps bort.',
    translationMissing: 'Inget namn eller rubrik på det här språket än: läsarna ser engelska.',
    validityMonths: 'Giltig: ett helt antal månader från 0 till 120.',
    lapseDays: 'Förfaller efter: ett helt antal dagar från 0 till 1826.',
    grantInvalid: 'Varje nivå behöver en stationskod (högst 64 tecken) och en nivå.',
    trainerInvalid: 'Ange en instruktör med inloggningsnamn, som namn@contoso.com.',
    renewalPathUnknown: 'Förnyelsevägen finns inte längre.',
    requiresItself: 'En väg kan inte kräva sig själv.',
    prerequisiteCycle: 'De här kraven går runt i en cirkel: {0}.',
    unknownPrerequisite: 'En väg som krävs finns inte längre.',
    titleMissing: 'Ge steget en engelsk rubrik.',
    minutesOutOfRange: 'Minuter: ett heltal från 1 till 720.',
    contentUrlMissing: 'Ange länken att läsa eller titta på.',
    contentUrlOutsideTenant: 'Länken måste stanna inom ert SharePoint (en /sites/…-sökväg eller er egen https-adress).',
    vivaCourseMissing: 'Ange Viva Learning-kursens id.',
    quizMissing: 'Lägg till quizfrågorna.',
    practiceNeedsSignOff: 'Övning avslutas med en instruktörs godkännande.',
    questionCount: 'Ett quiz har 1 till 20 frågor.',
    questionKey: 'Två frågor har samma nyckel.',
    promptMissing: 'Varje fråga behöver sin engelska text.',
    optionCount: 'Varje fråga behöver 2 till 8 alternativ, inget tomt.',
    optionsDiffer: 'Varje språk behöver lika många alternativ som engelskan.',
    passMark: 'Rätta svar som krävs: ett heltal från 1 till antalet frågor.',
    answerKey: 'Markera minst ett rätt alternativ för varje fråga.',
    quizInvalid: 'Reläet fann quizet eller svaren ogiltiga.'
  },
  relay: {
    noRelay: 'Inget relä är konfigurerat: tilldelning och quizsvar kräver det. Kontakta IT.',
    notSetUp: 'Konfigurera Shopfloor Engage har inte körts på den här webbplatsen än.',
    relayFault: 'Reläet är inte rätt konfigurerat. Kontakta IT.',
    unavailable: 'Reläet gick inte att nå. Inget gick förlorat.',
    rateLimited: 'För många på en gång. Vänta en minut och försök igen.',
    accessDenied: 'Du får inte göra detta.',
    notAllowed: 'Bara HR, webbplatsägare och personernas teamledare tilldelar utbildningsvägar.',
    notYourReport: 'Du kan bara tilldela dem som rapporterar till dig.',
    pathNotFound: 'Vägen finns inte längre.',
    stepNotFound: 'Steget finns inte längre.',
    pathInactive: 'Vägen är avstängd. Slå på den först.',
    dueDateInPast: 'Slutdatumet har passerat. Välj i dag eller senare.',
    dueDateInvalid: 'Slutdatumet är ingen dag.',
    audienceEmpty: 'Välj vem du tilldelar.',
    noOneToAssign: 'Ingen finns i den här gruppen.',
    personNotFound: 'En av personerna finns inte längre i katalogen.',
    quizInvalid: 'Reläet fann quizet eller svaren ogiltiga.',
    invalid: 'Reläet vägrade det som skickades.',
    unexpected: 'Något gick fel.'
  },
  store: {
    accessDenied: 'SharePoint tillät inte detta.',
    notFound: 'Det finns inte längre: någon har tagit bort det.',
    conflict: 'Någon ändrade det samtidigt. Försök igen.',
    throttled: 'SharePoint är upptaget. Inget gick förlorat.',
    network: 'Det finns ingen anslutning. Inget gick förlorat.',
    timeout: 'SharePoint svarade inte i tid. Inget gick förlorat.'
  },
  storeDefault: 'SharePoint kunde inte göra detta.',
  warning: 'Obs',
  opening: 'Öppnar…',
  openFailed: 'Det gick inte att öppna.'
};

const WORDS = { en, nl, sv };

export function adminWords(locale: string): AdminWords {
  return wordsFor(WORDS, locale);
}
