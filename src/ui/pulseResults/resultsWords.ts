/**
 * The Pulse results part's words in English, Dutch and Swedish. The part shows the page's
 * language; each language must have every word (the type says so). The reasons a figure is
 * withheld never say how many answered: they say why, in words.
 */
import type { PulseDriver } from '../../core/models/pulse';
import type { ResultDimension } from '../../core/pulse/results/cells';
import type { Direction } from '../../core/pulse/results/change';
import type { WithheldReason } from '../../core/pulse/results/types';
import type { PulseResultsErrorCode, RoundRefusal } from '../../core/pulse/results/wire';
import { type PluralForms, wordsFor } from '../format';

/** What the box check found, as HR reads it (`check` of a refused round). */
export type RefusalCheck = 'answersMissing' | 'answersExtra' | 'boxEditedByOthers' | 'pending' | 'publicationTampered' | 'thresholdsRemoved';
import { driverWords } from '../pulse/driverWords';

export interface ResultsWords {
  readonly loading: string;
  readonly tryAgain: string;
  readonly errors: { readonly [code in PulseResultsErrorCode]: string };
  /** No round has opened yet. */
  readonly noRounds: string;

  readonly round: string;
  /** {0}: title, {1}: the day it opened. */
  readonly roundOption: string;
  /** {0}: the day it opened, {1}: the day it closes. */
  readonly roundDates: string;
  readonly seeingAs: string;
  readonly seeingHr: string;
  /** {0}: the crews, listed. */
  readonly seeingLeader: string;
  readonly seeingEmployee: string;
  readonly group: string;

  readonly refused: { readonly [reason in RoundRefusal]: string };
  /** HR only: what the check found. */
  readonly checks: { readonly [check in RefusalCheck]: string };
  readonly notOpened: string;
  readonly roundOpen: string;
  /** Closed, but the survey service has not checked and published the results yet. */
  readonly awaitingPublication: string;

  readonly tabs: { readonly overview: string; readonly heatmap: string; readonly trend: string; readonly comments: string };
  readonly tabsLabel: string;

  readonly participation: string;
  readonly respondents: PluralForms;
  /** A rate: {0} the share as a percentage in the page's language, {1} how many answered, {2} how many were asked. */
  readonly rateOf: string;
  /** Who "those asked" are, said where a rate is shown. */
  readonly rateExplained: string;
  readonly measure: string;
  readonly score: string;
  readonly change: string;
  readonly noise: string;
  /** A figure shown with no earlier round to compare with. */
  readonly noChange: string;
  /** The last round did not show this figure for the group. */
  readonly notComparable: string;
  readonly directions: { readonly [direction in Direction]: string };
  readonly figuresCaption: string;
  readonly answersPerQuestion: string;
  readonly showAnswers: string;
  readonly hideAnswers: string;
  readonly answer: string;
  readonly count: string;
  readonly likert: readonly [string, string, string, string, string];
  readonly enpsOption: string;
  /** A question whose wording could not be read: {0} the driver, {1} the question's key. */
  readonly questionFallback: string;

  readonly measures: { readonly engagement: string; readonly enps: string };
  readonly drivers: { readonly [driver in PulseDriver]: string };
  readonly withheld: { readonly [reason in WithheldReason]: string };
  /** The reasons, said in full (the heatmap's key). */
  readonly withheldLong: { readonly [reason in WithheldReason]: string };
  readonly withheldKey: string;

  readonly plant: string;
  readonly dimensions: { readonly [dimension in ResultDimension]: string };
  /** {0}: the dimension's word, {1}: the value. */
  readonly filter: string;
  /** An "other" group: {0} the dimension (plural), {1} the parent group. */
  readonly otherGroup: string;
  readonly otherOf: { readonly [dimension in ResultDimension]: string };
  readonly employmentTypes: { readonly [type: string]: string | undefined };
  readonly tenureBands: { readonly [band: string]: string | undefined };
  readonly unknownValue: string;

  readonly heatmapCaption: string;
  readonly heatmapEmpty: string;
  readonly trendCaption: string;
  readonly trendMeasure: string;
  readonly trendGap: string;

  readonly commentsEmpty: string;
  readonly commentsNone: string;
  /** {0}: the group. */
  readonly commentsOf: string;
  readonly questionLabel: string;

  readonly exportCsv: string;
  /** {0}: what is exported. */
  readonly exportDescription: string;
  readonly fileName: string;
}

const en: ResultsWords = {
  loading: 'Loading the results…',
  tryAgain: 'Try again',
  errors: {
    noRelay: 'Results are not available on this site: pulse surveys need the Engage relay, which keeps answers confidential. Contact your IT admin.',
    notSetUp: 'Pulse surveys are not set up on this site yet. Ask the site admin to run Shopfloor Engage setup.',
    relayFault: 'The survey service is not working right now. Contact your IT admin.',
    unavailable: 'The results could not be reached. Check your connection; they load again by themselves.',
    rateLimited: 'Too many requests in a short time. Wait a minute and try again.',
    accessDenied: 'You are not signed in to the survey service. Reload the page.',
    unexpected: 'Something went wrong reading the results. They load again by themselves.'
  },
  noRounds: 'No pulse round has opened yet. Results appear here after the first round closes.',

  round: 'Round',
  roundOption: '{0} ({1})',
  roundDates: 'Opened {0}, closes {1}',
  seeingAs: 'You see',
  seeingHr: 'Whole plant',
  seeingLeader: 'Your crews: {0}',
  seeingEmployee: 'The whole plant’s results',
  group: 'Group',

  refused: {
    boxCheckFailed: 'The results of this round are not shown: the stored answers did not pass the check that they are complete and unchanged. HR has been told what the check found.',
    boxCheckPending: 'The results of this round are not shown yet: the check that its stored answers are complete is still running. Look again later.'
  },
  checks: {
    answersMissing: 'The check found answers missing from the store.',
    answersExtra: 'The check found more answers in the store than were sent.',
    boxEditedByOthers: 'The check found the stored answers changed by someone other than the survey service.',
    pending: 'The check has not finished yet.',
    publicationTampered: 'The published record of this round was removed or replaced after it was published.',
    thresholdsRemoved: 'The group-size thresholds sealed when this round opened were removed.'
  },
  notOpened: 'This round has not opened yet.',
  roundOpen: 'Results appear when the round closes. Until then only how many have answered is shown.',
  awaitingPublication: 'This round has closed. Its results appear here once the survey service has checked and published them; until then only how many have answered is shown.',

  tabs: { overview: 'Overview', heatmap: 'Heatmap', trend: 'Trend', comments: 'Comments' },
  tabsLabel: 'Results views',

  participation: 'Participation',
  respondents: { one: '{0} person answered', other: '{0} people answered' },
  rateOf: '{0} · {1} of {2}',
  rateExplained:
    'Participation is the share of those asked who answered: everyone on a crew’s roster in the survey’s audience when the results were published. Groups by employment type or years of service show only how many answered.',
  measure: 'Measure',
  score: 'Score',
  change: 'Change since last round',
  noise: 'Is it more than noise?',
  noChange: 'No earlier round to compare',
  notComparable: 'Not shown in the last round',
  directions: { up: 'Up, more than noise', down: 'Down, more than noise', withinNoise: 'Within noise' },
  figuresCaption: 'Scores (0–100; eNPS −100 to 100)',
  answersPerQuestion: 'Answers per question',
  showAnswers: 'Show answers per question',
  hideAnswers: 'Hide answers per question',
  answer: 'Answer',
  count: 'People',
  likert: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  enpsOption: '{0} of 10',
  questionFallback: '{0} question ({1})',

  measures: { engagement: 'Engagement index', enps: 'eNPS' },
  drivers: driverWords('en'),
  withheld: {
    tooFew: 'Too few to show',
    protectsAnother: 'Hidden to protect another group',
    fewAnswers: 'Too few answers',
    roundOpen: 'Round still open',
    changedSincePublished: 'Changed since published'
  },
  withheldLong: {
    tooFew: 'Too few to show: fewer people answered than the round’s minimum group size.',
    protectsAnother: 'Hidden to protect another group: shown, it would let a smaller group’s answers be worked out from figures shown elsewhere.',
    fewAnswers: 'Too few answers: the group is shown, but too few of it answered this question.',
    roundOpen: 'Round still open: results appear when the round closes.',
    changedSincePublished: 'Changed since published: the stored answers no longer match what was published, so the published figures stay the only ones.'
  },
  withheldKey: 'Why some cells show no figure',

  plant: 'Whole plant',
  dimensions: {
    site: 'Site',
    line: 'Line',
    crew: 'Crew',
    shiftPattern: 'Shift pattern',
    employmentType: 'Employment type',
    tenureBand: 'Years of service'
  },
  filter: '{0} {1}',
  otherGroup: 'Other {0} in {1}',
  otherOf: {
    site: 'sites',
    line: 'lines',
    crew: 'crews',
    shiftPattern: 'shift patterns',
    employmentType: 'employment types',
    tenureBand: 'service bands'
  },
  employmentTypes: { employee: 'Employees', agency: 'Agency staff', contractor: 'Contractors' },
  tenureBands: { 'under-1': 'Under 1 year', '1-3': '1 to 3 years', '3-10': '3 to 10 years', '10-plus': '10 years or more' },
  unknownValue: 'Unknown',

  heatmapCaption: 'Scores per group (0–100; eNPS −100 to 100)',
  heatmapEmpty: 'No group results to show for this round.',
  trendCaption: '{0} per round',
  trendMeasure: 'Measure',
  trendGap: 'Not shown',

  commentsEmpty: 'No comments are shown for this round.',
  commentsNone: 'Comments are shown to HR and team leaders only.',
  commentsOf: 'Comments: {0}',
  questionLabel: 'Question',

  exportCsv: 'Export CSV',
  exportDescription: 'Downloads {0} as shown, as a spreadsheet file.',
  fileName: 'pulse-results'
};

const nl: ResultsWords = {
  loading: 'De resultaten worden geladen…',
  tryAgain: 'Opnieuw proberen',
  errors: {
    noRelay: 'Resultaten zijn op deze site niet beschikbaar: pulsmetingen hebben de Engage-relay nodig, die antwoorden vertrouwelijk houdt. Neem contact op met je IT-beheerder.',
    notSetUp: 'Pulsmetingen zijn op deze site nog niet ingesteld. Vraag de sitebeheerder om Shopfloor Engage instellen uit te voeren.',
    relayFault: 'De enquêtedienst werkt op dit moment niet. Neem contact op met je IT-beheerder.',
    unavailable: 'De resultaten zijn niet bereikbaar. Controleer je verbinding; ze worden vanzelf opnieuw geladen.',
    rateLimited: 'Te veel verzoeken in korte tijd. Wacht een minuut en probeer het opnieuw.',
    accessDenied: 'Je bent niet aangemeld bij de enquêtedienst. Laad de pagina opnieuw.',
    unexpected: 'Er ging iets mis bij het lezen van de resultaten. Ze worden vanzelf opnieuw geladen.'
  },
  noRounds: 'Er is nog geen ronde van een pulsmeting geopend. De resultaten verschijnen hier zodra de eerste ronde is gesloten.',

  round: 'Ronde',
  roundOption: '{0} ({1})',
  roundDates: 'Geopend op {0}, sluit op {1}',
  seeingAs: 'Je ziet',
  seeingHr: 'Hele fabriek',
  seeingLeader: 'Jouw ploegen: {0}',
  seeingEmployee: 'De resultaten van de hele fabriek',
  group: 'Groep',

  refused: {
    boxCheckFailed: 'De resultaten van deze ronde worden niet getoond: de opgeslagen antwoorden kwamen niet door de controle of ze volledig en ongewijzigd zijn. HR weet wat de controle vond.',
    boxCheckPending: 'De resultaten van deze ronde worden nog niet getoond: de controle of de opgeslagen antwoorden volledig zijn, loopt nog. Kijk later nog eens.'
  },
  checks: {
    answersMissing: 'De controle vond dat er antwoorden ontbreken.',
    answersExtra: 'De controle vond meer opgeslagen antwoorden dan er zijn verstuurd.',
    boxEditedByOthers: 'De controle vond dat de opgeslagen antwoorden zijn gewijzigd door iemand anders dan de enquêtedienst.',
    pending: 'De controle is nog niet klaar.',
    publicationTampered: 'Het gepubliceerde verslag van deze ronde is na publicatie verwijderd of vervangen.',
    thresholdsRemoved: 'De minimale groepsgroottes die bij het openen van deze ronde zijn vastgelegd, zijn verwijderd.'
  },
  notOpened: 'Deze ronde is nog niet geopend.',
  roundOpen: 'De resultaten verschijnen zodra de ronde sluit. Tot die tijd zie je alleen hoeveel mensen hebben geantwoord.',
  awaitingPublication: 'Deze ronde is gesloten. De resultaten verschijnen hier zodra de enquêtedienst ze heeft gecontroleerd en gepubliceerd; tot die tijd zie je alleen hoeveel mensen hebben geantwoord.',

  tabs: { overview: 'Overzicht', heatmap: 'Heatmap', trend: 'Verloop', comments: 'Opmerkingen' },
  tabsLabel: 'Weergaven van de resultaten',

  participation: 'Deelname',
  respondents: { one: '{0} persoon heeft geantwoord', other: '{0} mensen hebben geantwoord' },
  rateOf: '{0} · {1} van {2}',
  rateExplained:
    'Deelname is het deel van wie het gevraagd is dat antwoordde: iedereen op het rooster van een ploeg in de doelgroep van de pulsmeting toen de resultaten werden gepubliceerd. Groepen per soort dienstverband of dienstjaren tonen alleen hoeveel mensen antwoordden.',
  measure: 'Meting',
  score: 'Score',
  change: 'Verschil met de vorige ronde',
  noise: 'Meer dan toeval?',
  noChange: 'Geen eerdere ronde om mee te vergelijken',
  notComparable: 'Niet getoond in de vorige ronde',
  directions: { up: 'Gestegen, meer dan toeval', down: 'Gedaald, meer dan toeval', withinNoise: 'Binnen de foutmarge' },
  figuresCaption: 'Scores (0–100; eNPS −100 tot 100)',
  answersPerQuestion: 'Antwoorden per vraag',
  showAnswers: 'Antwoorden per vraag tonen',
  hideAnswers: 'Antwoorden per vraag verbergen',
  answer: 'Antwoord',
  count: 'Mensen',
  likert: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'],
  enpsOption: '{0} van 10',
  questionFallback: 'Vraag over {0} ({1})',

  measures: { engagement: 'Betrokkenheidsindex', enps: 'eNPS' },
  drivers: driverWords('nl'),
  withheld: {
    tooFew: 'Te weinig om te tonen',
    protectsAnother: 'Verborgen ter bescherming van een andere groep',
    fewAnswers: 'Te weinig antwoorden',
    roundOpen: 'Ronde loopt nog',
    changedSincePublished: 'Gewijzigd na publicatie'
  },
  withheldLong: {
    tooFew: 'Te weinig om te tonen: minder mensen hebben geantwoord dan de minimale groepsgrootte van de ronde.',
    protectsAnother: 'Verborgen ter bescherming van een andere groep: als dit getoond werd, kon je met de cijfers elders de antwoorden van een kleinere groep achterhalen.',
    fewAnswers: 'Te weinig antwoorden: de groep wordt getoond, maar te weinig mensen uit de groep hebben deze vraag beantwoord.',
    roundOpen: 'Ronde loopt nog: de resultaten verschijnen zodra de ronde sluit.',
    changedSincePublished: 'Gewijzigd na publicatie: de opgeslagen antwoorden komen niet meer overeen met wat is gepubliceerd, dus blijven de gepubliceerde cijfers de enige.'
  },
  withheldKey: 'Waarom sommige vakken geen cijfer tonen',

  plant: 'Hele fabriek',
  dimensions: {
    site: 'Vestiging',
    line: 'Lijn',
    crew: 'Ploeg',
    shiftPattern: 'Ploegenrooster',
    employmentType: 'Soort dienstverband',
    tenureBand: 'Dienstjaren'
  },
  filter: '{0} {1}',
  otherGroup: 'Overige {0} in {1}',
  otherOf: {
    site: 'vestigingen',
    line: 'lijnen',
    crew: 'ploegen',
    shiftPattern: 'ploegenroosters',
    employmentType: 'soorten dienstverband',
    tenureBand: 'groepen dienstjaren'
  },
  employmentTypes: { employee: 'Medewerkers in dienst', agency: 'Uitzendkrachten', contractor: 'Zzp’ers en aannemers' },
  tenureBands: { 'under-1': 'Korter dan 1 jaar', '1-3': '1 tot 3 jaar', '3-10': '3 tot 10 jaar', '10-plus': '10 jaar of langer' },
  unknownValue: 'Onbekend',

  heatmapCaption: 'Scores per groep (0–100; eNPS −100 tot 100)',
  heatmapEmpty: 'Er zijn voor deze ronde geen groepsresultaten om te tonen.',
  trendCaption: '{0} per ronde',
  trendMeasure: 'Meting',
  trendGap: 'Niet getoond',

  commentsEmpty: 'Voor deze ronde worden geen opmerkingen getoond.',
  commentsNone: 'Opmerkingen zijn alleen zichtbaar voor HR en teamleiders.',
  commentsOf: 'Opmerkingen: {0}',
  questionLabel: 'Vraag',

  exportCsv: 'CSV exporteren',
  exportDescription: 'Downloadt {0} zoals getoond, als spreadsheetbestand.',
  fileName: 'resultaten-pulsmeting'
};

const sv: ResultsWords = {
  loading: 'Resultaten laddas…',
  tryAgain: 'Försök igen',
  errors: {
    noRelay: 'Pulsresultaten finns inte på den här webbplatsen: pulsenkäter kräver Engage-reläet, som håller svaren konfidentiella. Kontakta din IT-administratör.',
    notSetUp: 'Pulsenkäter är inte konfigurerade på den här webbplatsen än. Be webbplatsens administratör att köra Konfigurera Shopfloor Engage.',
    relayFault: 'Enkättjänsten fungerar inte just nu. Kontakta din IT-administratör.',
    unavailable: 'Resultaten gick inte att nå. Kontrollera anslutningen; de laddas igen av sig själva.',
    rateLimited: 'För många förfrågningar på kort tid. Vänta en minut och försök igen.',
    accessDenied: 'Du är inte inloggad i enkättjänsten. Ladda om sidan.',
    unexpected: 'Något gick fel när resultaten lästes. De laddas igen av sig själva.'
  },
  noRounds: 'Ingen pulsomgång har öppnat än. Resultaten visas här när den första omgången har stängt.',

  round: 'Omgång',
  roundOption: '{0} ({1})',
  roundDates: 'Öppnade {0}, stänger {1}',
  seeingAs: 'Du ser',
  seeingHr: 'Hela anläggningen',
  seeingLeader: 'Dina arbetslag: {0}',
  seeingEmployee: 'Resultaten för hela anläggningen',
  group: 'Grupp',

  refused: {
    boxCheckFailed: 'Resultaten för den här omgången visas inte: de sparade svaren klarade inte kontrollen av att de är kompletta och oförändrade. HR vet vad kontrollen hittade.',
    boxCheckPending: 'Resultaten för den här omgången visas inte än: kontrollen av att de sparade svaren är kompletta pågår fortfarande. Titta igen senare.'
  },
  checks: {
    answersMissing: 'Kontrollen hittade att svar saknas.',
    answersExtra: 'Kontrollen hittade fler sparade svar än det skickades.',
    boxEditedByOthers: 'Kontrollen hittade att de sparade svaren har ändrats av någon annan än enkättjänsten.',
    pending: 'Kontrollen är inte klar än.',
    publicationTampered: 'Den publicerade sammanställningen för den här omgången har tagits bort eller ersatts efter publiceringen.',
    thresholdsRemoved: 'Gränserna för minsta gruppstorlek som låstes när omgången öppnade har tagits bort.'
  },
  notOpened: 'Den här omgången har inte öppnat än.',
  roundOpen: 'Resultaten visas när omgången stänger. Till dess visas bara hur många som har svarat.',
  awaitingPublication: 'Den här omgången har stängt. Resultaten visas här när enkättjänsten har kontrollerat och publicerat dem; till dess visas bara hur många som har svarat.',

  tabs: { overview: 'Översikt', heatmap: 'Värmekarta', trend: 'Utveckling', comments: 'Kommentarer' },
  tabsLabel: 'Vyer av resultaten',

  participation: 'Deltagande',
  respondents: { one: '{0} person har svarat', other: '{0} personer har svarat' },
  rateOf: '{0} · {1} av {2}',
  rateExplained:
    'Deltagande är andelen av de tillfrågade som svarade: alla på ett arbetslags schema i enkätens målgrupp när resultaten publicerades. Grupper efter anställningsform eller tjänsteår visar bara hur många som svarade.',
  measure: 'Mått',
  score: 'Poäng',
  change: 'Förändring sedan förra omgången',
  noise: 'Mer än slumpen?',
  noChange: 'Ingen tidigare omgång att jämföra med',
  notComparable: 'Visades inte i förra omgången',
  directions: { up: 'Uppåt, mer än slumpen', down: 'Nedåt, mer än slumpen', withinNoise: 'Inom felmarginalen' },
  figuresCaption: 'Poäng (0–100; eNPS −100 till 100)',
  answersPerQuestion: 'Svar per fråga',
  showAnswers: 'Visa svar per fråga',
  hideAnswers: 'Dölj svar per fråga',
  answer: 'Svar',
  count: 'Personer',
  likert: ['Instämmer inte alls', 'Instämmer inte', 'Varken eller', 'Instämmer', 'Instämmer helt'],
  enpsOption: '{0} av 10',
  questionFallback: 'Fråga om {0} ({1})',

  measures: { engagement: 'Engagemangsindex', enps: 'eNPS' },
  drivers: driverWords('sv'),
  withheld: {
    tooFew: 'För få för att visas',
    protectsAnother: 'Dolt för att skydda en annan grupp',
    fewAnswers: 'För få svar',
    roundOpen: 'Omgången pågår',
    changedSincePublished: 'Ändrat sedan publiceringen'
  },
  withheldLong: {
    tooFew: 'För få för att visas: färre har svarat än omgångens minsta gruppstorlek.',
    protectsAnother: 'Dolt för att skydda en annan grupp: om det visades skulle en mindre grupps svar kunna räknas fram ur siffror som visas på annat håll.',
    fewAnswers: 'För få svar: gruppen visas, men för få i den har svarat på den här frågan.',
    roundOpen: 'Omgången pågår: resultaten visas när omgången stänger.',
    changedSincePublished: 'Ändrat sedan publiceringen: de sparade svaren stämmer inte längre med det som publicerades, så de publicerade siffrorna är de enda som gäller.'
  },
  withheldKey: 'Varför vissa rutor saknar siffra',

  plant: 'Hela anläggningen',
  dimensions: {
    site: 'Plats',
    line: 'Linje',
    crew: 'Arbetslag',
    shiftPattern: 'Skiftform',
    employmentType: 'Anställningsform',
    tenureBand: 'Tjänsteår'
  },
  filter: '{0} {1}',
  otherGroup: 'Övriga {0} i {1}',
  otherOf: {
    site: 'platser',
    line: 'linjer',
    crew: 'arbetslag',
    shiftPattern: 'skiftformer',
    employmentType: 'anställningsformer',
    tenureBand: 'grupper efter tjänsteår'
  },
  employmentTypes: { employee: 'Anställda', agency: 'Inhyrd personal', contractor: 'Konsulter och entreprenörer' },
  tenureBands: { 'under-1': 'Under 1 år', '1-3': '1–3 år', '3-10': '3–10 år', '10-plus': '10 år eller mer' },
  unknownValue: 'Okänt',

  heatmapCaption: 'Poäng per grupp (0–100; eNPS −100 till 100)',
  heatmapEmpty: 'Det finns inga gruppresultat att visa för den här omgången.',
  trendCaption: '{0} per omgång',
  trendMeasure: 'Mått',
  trendGap: 'Visas inte',

  commentsEmpty: 'Inga kommentarer visas för den här omgången.',
  commentsNone: 'Kommentarer visas bara för HR och teamledare.',
  commentsOf: 'Kommentarer: {0}',
  questionLabel: 'Fråga',

  exportCsv: 'Exportera CSV',
  exportDescription: 'Laddar ned {0} som den visas, som kalkylbladsfil.',
  fileName: 'pulsresultat'
};

const WORDS: { readonly en: ResultsWords; readonly [language: string]: ResultsWords } = { en, nl, sv };

/** The words for a language tag (`nl-nl`, `sv`, `en-US`…); English for any other. */
export function resultsWords(language: string): ResultsWords {
  return wordsFor(WORDS, language);
}
