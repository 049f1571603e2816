/**
 * The words of action plans in every shipped language: the plan editor and list (Pulse results
 * part) and "You said, we did" (Pulse part and card) are mounted by parts with their own strings
 * modules, so the words travel with the components. Each language must have every word: the type
 * says so. The core returns codes (`PlanErrorCode`, `PlanStoreErrorCode`); these turn them into
 * words.
 */
import type { PulseDriver } from '../../core/models/pulse';
import type { MovementState } from '../../core/pulse/plans/movement';
import type { PlanErrorCode, PlanStatus } from '../../core/pulse/plans/types';
import type { PlanStoreErrorCode } from '../../core/pulse/plans/wire';
import type { ResultDimension } from '../../core/pulse/results/cells';
import { type PluralForms, wordsFor } from '../format';
import { driverWords } from '../pulse/driverWords';

export interface PlanWords {
  readonly youSaidWeDid: string;
  readonly actionPlans: string;
  readonly newPlan: string;
  readonly editPlan: string;
  /** {0}: the driver. */
  readonly fromDriver: string;
  readonly fromComment: string;
  /** Under the quote: what employees see of it, and for how long. */
  readonly quoteHint: string;
  /** In place of the quote when its comment is no longer shown. */
  readonly quoteGone: string;
  readonly removeQuote: string;
  readonly headline: string;
  readonly driver: string;
  readonly youSaid: string;
  readonly youSaidHint: string;
  readonly weWillDo: string;
  readonly weDid: string;
  readonly ownerName: string;
  readonly ownerLogin: string;
  readonly ownerHint: string;
  readonly dueDate: string;
  readonly status: string;
  readonly group: string;
  readonly charactersLeft: PluralForms;
  readonly saveDraft: string;
  readonly publish: string;
  readonly unpublish: string;
  readonly saving: string;
  readonly close: string;
  readonly edit: string;
  readonly savedDraft: string;
  readonly savedPublished: string;
  readonly unpublished: string;
  /** {0}: why it failed. */
  readonly keptOnDevice: string;
  readonly restored: string;
  readonly tryAgain: string;
  readonly loading: string;
  readonly draft: string;
  /** {0}: the day. */
  readonly publishedOn: string;
  /** {0}: the day. */
  readonly due: string;
  readonly overdue: string;
  /** {0}: the owner's name. */
  readonly owner: string;
  readonly noPlans: string;
  readonly noPublishedPlans: string;
  /** {0}: the driver. */
  readonly didItMove: string;
  readonly movement: { readonly [state in MovementState]: string };
  readonly statuses: { readonly [status in PlanStatus]: string };
  readonly drivers: { readonly [driver in PulseDriver]: string };
  readonly plant: string;
  readonly dimensions: { readonly [dimension in ResultDimension]: string };
  /** A published plan's group, said to someone in it. */
  readonly forYou: { readonly [dimension in ResultDimension | 'plant']: string };
  readonly employmentTypes: { readonly [type: string]: string | undefined };
  readonly tenureBands: { readonly [band: string]: string | undefined };
  readonly shiftPatterns: { readonly [pattern: string]: string | undefined };
  readonly errors: { readonly [code in PlanErrorCode]: string };
  readonly storeErrors: { readonly [code in PlanStoreErrorCode]: string };
}

const en: PlanWords = {
  youSaidWeDid: 'You said, we did',
  actionPlans: 'Action plans',
  newPlan: 'New action plan',
  editPlan: 'Edit action plan',
  fromDriver: 'From the figures for {0}',
  fromComment: 'From this comment',
  quoteHint: 'The group sees the comment with the plan for as long as it is shown in the results: not once HR hides it or its author deletes it.',
  quoteGone: 'The comment is no longer shown (HR hid it, or its author deleted it), so the plan shows no quote.',
  removeQuote: 'Do not quote the comment',
  headline: 'Headline',
  driver: 'Driver',
  youSaid: 'You said',
  youSaidHint: 'What we heard, in your own words the group recognises (not a copy of the comment).',
  weWillDo: 'We will do',
  weDid: 'We did',
  ownerName: 'Owner',
  ownerLogin: 'Owner’s e-mail address',
  ownerHint: 'The person who answers for this plan. Their name is shown with the plan.',
  dueDate: 'Due date',
  status: 'Status',
  group: 'For',
  charactersLeft: { one: '{0} character left', other: '{0} characters left' },
  saveDraft: 'Save draft',
  publish: 'Publish',
  unpublish: 'Take back',
  saving: 'Saving…',
  close: 'Close',
  edit: 'Edit',
  savedDraft: 'Saved as a draft. Only HR and the group’s leader see it.',
  savedPublished: 'Published. The group sees it in the Pulse part and card.',
  unpublished: 'Taken back. The group no longer sees it.',
  keptOnDevice: 'Not saved yet: {0} What you typed is kept on this device.',
  restored: 'What you typed earlier on this device is back in the form.',
  tryAgain: 'Try again',
  loading: 'Loading the action plans…',
  draft: 'Draft',
  publishedOn: 'Published {0}',
  due: 'Due {0}',
  overdue: 'Overdue',
  owner: 'Owner: {0}',
  noPlans: 'No action plans yet. Start one from a driver or a comment in the results.',
  noPublishedPlans: 'No action plans for your groups yet. When HR or your leader publishes one after a pulse, it appears here.',
  didItMove: 'Did {0} move in the next round?',
  movement: {
    up: 'Went up',
    down: 'Went down',
    withinNoise: 'Within noise: no clear change for a group this size',
    notShown: 'Not shown for this group',
    notYet: 'The next round has no results yet'
  },
  statuses: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' },
  drivers: driverWords('en'),
  plant: 'Whole plant',
  dimensions: { site: 'Site', line: 'Line', crew: 'Crew', shiftPattern: 'Shift pattern', employmentType: 'Employment type', tenureBand: 'Years of service' },
  forYou: {
    plant: 'For everyone at the plant',
    site: 'For your site',
    line: 'For your line',
    crew: 'For your crew',
    shiftPattern: 'For your shift pattern',
    employmentType: 'For {0}',
    tenureBand: 'For people with {0} of service'
  },
  employmentTypes: { employee: 'employees', agency: 'agency staff', contractor: 'contractors' },
  tenureBands: { 'under-1': 'under 1 year', '1-3': '1 to 3 years', '3-10': '3 to 10 years', '10-plus': '10 years or more' },
  shiftPatterns: { continuous: 'Continuous shifts (weekends too)', weekday: 'Weekday shifts' },
  errors: {
    headlineEmpty: 'Write a headline.',
    headlineTooLong: 'The headline is too long.',
    driverUnknown: 'Choose a driver.',
    sourceInvalid: 'This is not a comment from the results; remove the quote or start again from the comment.',
    sourceUnavailable: 'This comment cannot be quoted here: it is not shown to you for this group and round, or it was hidden or deleted. Remove the quote or choose the comment’s group.',
    youSaidEmpty: 'Write what you heard.',
    youSaidTooLong: 'This is too long.',
    youSaidRepeatsComment: 'Put what you heard in your own words: the comment itself is quoted beside it, and only while it is shown.',
    weWillDoEmpty: 'Write what you will do before you publish.',
    weWillDoTooLong: 'This is too long.',
    ownerNameEmpty: 'Name the owner before you publish.',
    ownerNameTooLong: 'The name is too long.',
    ownerLoginEmpty: 'Give the owner’s e-mail address before you publish.',
    ownerLoginInvalid: 'This is not an e-mail address (name@company.com).',
    ownerUnknown: 'Nobody with this e-mail address can use the engagement site.',
    dueDateEmpty: 'Choose a due date before you publish.',
    dueDateInvalid: 'This is not a date.',
    dueDatePast: 'The due date has passed; choose today or later.',
    statusUnknown: 'Choose a status.',
    groupInvalid: 'Choose the group the plan is for.',
    groupNotYours: 'You can publish plans only for the crews you lead.',
    roundInvalid: 'The plan needs the round it came from.',
    roundUnknown: 'That round is not there any more.'
  },
  storeErrors: {
    invalid: 'the relay refused something in it; check the fields and try again.',
    changed: 'someone else changed this plan meanwhile. Close it and open it again to see their changes.',
    notFound: 'the plan is gone, or you no longer lead its group.',
    accessDenied: 'you are not allowed to do this.',
    noRelay: 'the Shopfloor Engage relay is not set up on this tenant; tell your IT admin.',
    notSetUp: 'Engage Setup has not run on this site yet.',
    relayFault: 'the Shopfloor Engage relay is not set up right; tell your IT admin.',
    unavailable: 'the connection failed or the service is busy.',
    rateLimited: 'too many changes in a short time; try again later.',
    unexpected: 'something went wrong.'
  }
};

const nl: PlanWords = {
  youSaidWeDid: 'Jullie zeiden, wij deden',
  actionPlans: 'Actieplannen',
  newPlan: 'Nieuw actieplan',
  editPlan: 'Actieplan bewerken',
  fromDriver: 'Naar aanleiding van de cijfers voor {0}',
  fromComment: 'Naar aanleiding van deze opmerking',
  quoteHint: 'De groep ziet de opmerking bij het plan zolang die in de resultaten staat: niet meer zodra HR haar verbergt of de schrijver haar verwijdert.',
  quoteGone: 'De opmerking wordt niet meer getoond (HR heeft haar verborgen of de schrijver heeft haar verwijderd), dus het plan toont geen citaat.',
  removeQuote: 'Opmerking niet citeren',
  headline: 'Titel',
  driver: 'Thema',
  youSaid: 'Jullie zeiden',
  youSaidHint: 'Wat we hoorden, in je eigen woorden die de groep herkent (geen kopie van de opmerking).',
  weWillDo: 'Dit gaan we doen',
  weDid: 'Dit hebben we gedaan',
  ownerName: 'Verantwoordelijke',
  ownerLogin: 'E-mailadres van de verantwoordelijke',
  ownerHint: 'Wie verantwoordelijk is voor dit plan. De naam staat bij het plan.',
  dueDate: 'Klaar op',
  status: 'Status',
  group: 'Voor',
  charactersLeft: { one: 'Nog {0} teken', other: 'Nog {0} tekens' },
  saveDraft: 'Concept opslaan',
  publish: 'Publiceren',
  unpublish: 'Intrekken',
  saving: 'Bezig met opslaan…',
  close: 'Sluiten',
  edit: 'Bewerken',
  savedDraft: 'Opgeslagen als concept. Alleen HR en de teamleider van de groep zien het.',
  savedPublished: 'Gepubliceerd. De groep ziet het in het Pulse-onderdeel en de Pulse-kaart.',
  unpublished: 'Ingetrokken. De groep ziet het niet meer.',
  keptOnDevice: 'Nog niet opgeslagen: {0} Wat je hebt getypt, blijft bewaard op dit apparaat.',
  restored: 'Wat je eerder op dit apparaat typte, staat weer in het formulier.',
  tryAgain: 'Opnieuw proberen',
  loading: 'De actieplannen worden geladen…',
  draft: 'Concept',
  publishedOn: 'Gepubliceerd op {0}',
  due: 'Klaar op {0}',
  overdue: 'Te laat',
  owner: 'Verantwoordelijke: {0}',
  noPlans: 'Nog geen actieplannen. Begin er een vanuit een thema of een opmerking in de resultaten.',
  noPublishedPlans: 'Nog geen actieplannen voor jouw groepen. Als HR of je teamleider na een pulsmeting een plan publiceert, zie je het hier.',
  didItMove: 'Is {0} in de volgende ronde veranderd?',
  movement: {
    up: 'Gestegen',
    down: 'Gedaald',
    withinNoise: 'Binnen de ruis: geen duidelijke verandering voor een groep van deze grootte',
    notShown: 'Niet getoond voor deze groep',
    notYet: 'De volgende ronde heeft nog geen resultaten'
  },
  statuses: { planned: 'Gepland', 'in-progress': 'Bezig', done: 'Klaar' },
  drivers: driverWords('nl'),
  plant: 'Hele vestiging',
  dimensions: { site: 'Locatie', line: 'Lijn', crew: 'Ploeg', shiftPattern: 'Ploegenrooster', employmentType: 'Soort dienstverband', tenureBand: 'Dienstjaren' },
  forYou: {
    plant: 'Voor iedereen in de vestiging',
    site: 'Voor jouw locatie',
    line: 'Voor jouw lijn',
    crew: 'Voor jouw ploeg',
    shiftPattern: 'Voor jouw ploegenrooster',
    employmentType: 'Voor {0}',
    tenureBand: 'Voor wie {0} in dienst is'
  },
  employmentTypes: { employee: 'medewerkers in dienst', agency: 'uitzendkrachten', contractor: 'zzp’ers en aannemers' },
  tenureBands: { 'under-1': 'korter dan 1 jaar', '1-3': '1 tot 3 jaar', '3-10': '3 tot 10 jaar', '10-plus': '10 jaar of langer' },
  shiftPatterns: { continuous: 'Volcontinu (ook in het weekend)', weekday: 'Diensten op werkdagen' },
  errors: {
    headlineEmpty: 'Schrijf een titel.',
    headlineTooLong: 'De titel is te lang.',
    driverUnknown: 'Kies een thema.',
    sourceInvalid: 'Dit is geen opmerking uit de resultaten; haal het citaat weg of begin opnieuw vanuit de opmerking.',
    sourceUnavailable: 'Deze opmerking kan hier niet geciteerd worden: je ziet haar niet bij deze groep en ronde, of ze is verborgen of verwijderd. Haal het citaat weg of kies de groep van de opmerking.',
    youSaidEmpty: 'Schrijf op wat jullie hoorden.',
    youSaidTooLong: 'Dit is te lang.',
    youSaidRepeatsComment: 'Schrijf in je eigen woorden wat jullie hoorden: de opmerking zelf wordt ernaast geciteerd, en alleen zolang ze getoond wordt.',
    weWillDoEmpty: 'Schrijf op wat jullie gaan doen voordat je publiceert.',
    weWillDoTooLong: 'Dit is te lang.',
    ownerNameEmpty: 'Noem de verantwoordelijke voordat je publiceert.',
    ownerNameTooLong: 'De naam is te lang.',
    ownerLoginEmpty: 'Vul het e-mailadres van de verantwoordelijke in voordat je publiceert.',
    ownerLoginInvalid: 'Dit is geen e-mailadres (naam@bedrijf.nl).',
    ownerUnknown: 'Niemand met dit e-mailadres kan de engagementsite gebruiken.',
    dueDateEmpty: 'Kies een datum voordat je publiceert.',
    dueDateInvalid: 'Dit is geen datum.',
    dueDatePast: 'Deze datum is voorbij; kies vandaag of later.',
    statusUnknown: 'Kies een status.',
    groupInvalid: 'Kies de groep waarvoor het plan is.',
    groupNotYours: 'Je kunt alleen plannen publiceren voor de ploegen die je leidt.',
    roundInvalid: 'Het plan heeft de ronde nodig waar het uit voortkomt.',
    roundUnknown: 'Die ronde bestaat niet meer.'
  },
  storeErrors: {
    invalid: 'de relay weigerde iets in het plan; controleer de velden en probeer het opnieuw.',
    changed: 'iemand anders heeft dit plan intussen gewijzigd. Sluit het en open het opnieuw om de wijzigingen te zien.',
    notFound: 'het plan bestaat niet meer, of je leidt de groep niet meer.',
    accessDenied: 'je mag dit niet doen.',
    noRelay: 'de Shopfloor Engage-relay is niet ingesteld voor deze tenant; meld het aan je IT-beheerder.',
    notSetUp: 'Shopfloor Engage instellen is op deze site nog niet uitgevoerd.',
    relayFault: 'de Shopfloor Engage-relay is niet goed ingesteld; meld het aan je IT-beheerder.',
    unavailable: 'de verbinding mislukte of de dienst is druk.',
    rateLimited: 'te veel wijzigingen in korte tijd; probeer het later opnieuw.',
    unexpected: 'er ging iets mis.'
  }
};

const sv: PlanWords = {
  youSaidWeDid: 'Ni sa, vi gjorde',
  actionPlans: 'Åtgärdsplaner',
  newPlan: 'Ny åtgärdsplan',
  editPlan: 'Redigera åtgärdsplan',
  fromDriver: 'Utifrån resultatet för {0}',
  fromComment: 'Utifrån den här kommentaren',
  quoteHint: 'Gruppen ser kommentaren med planen så länge den visas i resultaten: inte längre när HR döljer den eller när den som skrev den tar bort den.',
  quoteGone: 'Kommentaren visas inte längre (HR har dolt den eller den som skrev den har tagit bort den), så planen visar inget citat.',
  removeQuote: 'Citera inte kommentaren',
  headline: 'Rubrik',
  driver: 'Område',
  youSaid: 'Ni sa',
  youSaidHint: 'Det vi hörde, med dina egna ord som gruppen känner igen (ingen kopia av kommentaren).',
  weWillDo: 'Det här gör vi',
  weDid: 'Det här gjorde vi',
  ownerName: 'Ansvarig',
  ownerLogin: 'Den ansvariges e-postadress',
  ownerHint: 'Den som ansvarar för planen. Namnet visas tillsammans med planen.',
  dueDate: 'Klart senast',
  status: 'Status',
  group: 'För',
  charactersLeft: { one: '{0} tecken kvar', other: '{0} tecken kvar' },
  saveDraft: 'Spara utkast',
  publish: 'Publicera',
  unpublish: 'Dra tillbaka',
  saving: 'Sparar…',
  close: 'Stäng',
  edit: 'Redigera',
  savedDraft: 'Sparat som utkast. Bara HR och gruppens ledare ser det.',
  savedPublished: 'Publicerat. Gruppen ser det i Pulse-delen och på Pulse-kortet.',
  unpublished: 'Tillbakadraget. Gruppen ser det inte längre.',
  keptOnDevice: 'Inte sparat än: {0} Det du har skrivit finns kvar på den här enheten.',
  restored: 'Det du skrev tidigare på den här enheten finns i formuläret igen.',
  tryAgain: 'Försök igen',
  loading: 'Åtgärdsplanerna laddas…',
  draft: 'Utkast',
  publishedOn: 'Publicerad {0}',
  due: 'Klart senast {0}',
  overdue: 'Försenad',
  owner: 'Ansvarig: {0}',
  noPlans: 'Inga åtgärdsplaner än. Börja en utifrån ett område eller en kommentar i resultaten.',
  noPublishedPlans: 'Inga åtgärdsplaner för dina grupper än. När HR eller din ledare publicerar en efter en pulsmätning visas den här.',
  didItMove: 'Förändrades {0} i nästa omgång?',
  movement: {
    up: 'Gick upp',
    down: 'Gick ner',
    withinNoise: 'Inom felmarginalen: ingen tydlig förändring för en grupp av den här storleken',
    notShown: 'Visas inte för den här gruppen',
    notYet: 'Nästa omgång har inga siffror än'
  },
  statuses: { planned: 'Planerad', 'in-progress': 'Pågår', done: 'Klar' },
  drivers: driverWords('sv'),
  plant: 'Hela fabriken',
  dimensions: { site: 'Anläggning', line: 'Linje', crew: 'Arbetslag', shiftPattern: 'Skiftform', employmentType: 'Anställningsform', tenureBand: 'Anställningstid' },
  forYou: {
    plant: 'För alla på fabriken',
    site: 'För din anläggning',
    line: 'För din linje',
    crew: 'För ditt arbetslag',
    shiftPattern: 'För din skiftform',
    employmentType: 'För {0}',
    tenureBand: 'För er med {0} anställningstid'
  },
  employmentTypes: { employee: 'anställda', agency: 'inhyrd personal', contractor: 'konsulter och entreprenörer' },
  tenureBands: { 'under-1': 'under 1 års', '1-3': '1–3 års', '3-10': '3–10 års', '10-plus': '10 eller fler års' },
  shiftPatterns: { continuous: 'Helkontinuerligt skift (även helger)', weekday: 'Skift på vardagar' },
  errors: {
    headlineEmpty: 'Skriv en rubrik.',
    headlineTooLong: 'Rubriken är för lång.',
    driverUnknown: 'Välj ett område.',
    sourceInvalid: 'Det här är ingen kommentar från resultaten; ta bort citatet eller börja om från kommentaren.',
    sourceUnavailable: 'Kommentaren kan inte citeras här: du ser den inte för den här gruppen och omgången, eller så är den dold eller borttagen. Ta bort citatet eller välj kommentarens grupp.',
    youSaidEmpty: 'Skriv vad ni hörde.',
    youSaidTooLong: 'Texten är för lång.',
    youSaidRepeatsComment: 'Skriv med egna ord vad ni hörde: själva kommentaren citeras bredvid, och bara så länge den visas.',
    weWillDoEmpty: 'Skriv vad ni ska göra innan du publicerar.',
    weWillDoTooLong: 'Texten är för lång.',
    ownerNameEmpty: 'Ange en ansvarig innan du publicerar.',
    ownerNameTooLong: 'Namnet är för långt.',
    ownerLoginEmpty: 'Ange den ansvariges e-postadress innan du publicerar.',
    ownerLoginInvalid: 'Det här är ingen e-postadress (namn@foretag.se).',
    ownerUnknown: 'Ingen med den här e-postadressen kan använda engagemangswebbplatsen.',
    dueDateEmpty: 'Välj ett datum innan du publicerar.',
    dueDateInvalid: 'Det här är inget datum.',
    dueDatePast: 'Datumet har redan passerat; välj i dag eller senare.',
    statusUnknown: 'Välj en status.',
    groupInvalid: 'Välj vilken grupp planen gäller.',
    groupNotYours: 'Du kan bara publicera planer för de arbetslag du leder.',
    roundInvalid: 'Planen behöver den omgång den kommer från.',
    roundUnknown: 'Den omgången finns inte längre.'
  },
  storeErrors: {
    invalid: 'reläet godtog inte något i planen; kontrollera fälten och försök igen.',
    changed: 'någon annan har ändrat planen under tiden. Stäng den och öppna den igen för att se ändringarna.',
    notFound: 'planen finns inte längre, eller så leder du inte längre gruppen.',
    accessDenied: 'du får inte göra det här.',
    noRelay: 'Shopfloor Engage-reläet är inte konfigurerat för den här klientorganisationen; kontakta din IT-administratör.',
    notSetUp: 'Konfigurera Shopfloor Engage har inte körts på den här webbplatsen än.',
    relayFault: 'Shopfloor Engage-reläet är inte rätt konfigurerat; kontakta din IT-administratör.',
    unavailable: 'anslutningen misslyckades eller tjänsten är upptagen.',
    rateLimited: 'för många ändringar på kort tid; försök igen senare.',
    unexpected: 'något gick fel.'
  }
};

const WORDS: { readonly en: PlanWords; readonly [language: string]: PlanWords } = { en, nl, sv };

/** The words of `language` (`nl-nl`, `sv`), English for any other. */
export function planWords(language: string): PlanWords {
  return wordsFor(WORDS, language);
}
