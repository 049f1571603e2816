/**
 * The crew skills matrix part's words in English, Dutch and Swedish. The part shows the page's
 * language; each language must have every word (the type says so). A level's state is said in
 * words (expiring, expired, lapsed), never by colour alone.
 */
import type { SkillState } from '../../core/learning/expiry';
import type { SkillLevel } from '../../core/models/learning';
import type { ReadFailureCode, ReadSource } from './types';
import { wordsFor } from '../format';

export interface MatrixWords {
  readonly heading: string;
  /** {0}: how many days ahead a level is marked expiring. */
  readonly intro: string;
  readonly loading: string;
  readonly tryAgain: string;
  /** What could not be read (a reason follows). */
  readonly failed: { readonly [source in ReadSource]: string };
  readonly reasons: { readonly [code in ReadFailureCode]: string };
  readonly noPeople: string;
  readonly noStations: string;
  readonly person: string;
  readonly you: string;
  /** The table's caption. */
  readonly matrixCaption: string;
  readonly levels: { readonly [level in SkillLevel]: string };
  readonly noLevel: string;
  /** {0}: the day it ends (a valid level that never ends says nothing). */
  readonly states: { readonly [state in SkillState]: string };
  readonly coverageHeading: string;
  /** {0}: days. */
  readonly coverageIntro: string;
  readonly noShifts: string;
  readonly covered: string;
  /** {0}: the stations, listed. */
  readonly uncovered: string;
  /** {0}: the station, {1}: the one person. */
  readonly single: string;
  readonly printButton: string;
  readonly exportCsv: string;
  readonly exportDescription: string;
  /** The CSV's coverage columns. */
  readonly csvCoverage: readonly [start: string, end: string, shift: string, crew: string, station: string, gap: string, person: string];
  readonly csvNobody: string;
  readonly csvSingle: string;
  readonly fileName: string;
}

const en: MatrixWords = {
  heading: 'Crew skills matrix',
  intro: 'Levels of the people you lead, per station. Levels ending within {0} days are marked.',
  loading: 'Loading the skills matrix…',
  tryAgain: 'Try again',
  failed: {
    skills: 'The skill levels could not be read from SharePoint.',
    directory: 'Your people and teams could not be read from the directory.',
    roster: 'The roster could not be read from Teams Shifts.'
  },
  reasons: {
    accessDenied: 'You do not have access.',
    notFound: 'It was not found: Engage Setup may not have run on this site.',
    throttled: 'The service is busy. It tries again by itself.',
    network: 'There is no connection. It tries again when you are back online.',
    timeout: 'There was no answer in time.',
    threshold: 'The list is too large to read this way.',
    unexpected: 'Something unexpected went wrong.'
  },
  noPeople: 'Nobody reports to you in the directory, so there is no crew matrix to show.',
  noStations: 'None of your people has a level on a station yet.',
  person: 'Person',
  you: '(you)',
  matrixCaption: 'Levels per person and station',
  levels: { I: 'in training', L: 'limited', U: 'unsupervised', O: 'can train others' },
  noLevel: 'no level',
  states: { valid: 'valid until {0}', expiring: 'expires {0}', expired: 'expired {0}', lapsed: 'lapsed {0}, not practised' },
  coverageHeading: 'Coverage per shift',
  coverageIntro: 'Your people’s shifts in the next {0} days: stations with nobody at U or O, and stations with only one.',
  noShifts: 'None of your people is rostered in the next 7 days.',
  covered: 'Every station covered at least twice.',
  uncovered: 'Nobody at U or O: {0}',
  single: 'Only one at U or O on {0}: {1}',
  printButton: 'Print',
  exportCsv: 'Export CSV',
  exportDescription: 'The matrix and the coverage gaps as shown, for a spreadsheet.',
  csvCoverage: ['Start', 'End', 'Shift', 'Crew', 'Station', 'Gap', 'Person'],
  csvNobody: 'Nobody at U or O',
  csvSingle: 'Only one at U or O',
  fileName: 'crew-skills-matrix'
};

const nl: MatrixWords = {
  heading: 'Vaardigheidsmatrix van de ploeg',
  intro: 'Niveaus van de mensen die je leidt, per werkplek. Niveaus die binnen {0} dagen aflopen zijn gemarkeerd.',
  loading: 'De vaardigheidsmatrix wordt geladen…',
  tryAgain: 'Opnieuw proberen',
  failed: {
    skills: 'De niveaus konden niet uit SharePoint worden gelezen.',
    directory: 'Je mensen en teams konden niet uit de adreslijst worden gelezen.',
    roster: 'Het rooster kon niet uit Teams Diensten worden gelezen.'
  },
  reasons: {
    accessDenied: 'Je hebt geen toegang.',
    notFound: 'Niet gevonden: Shopfloor Engage instellen is op deze site misschien niet uitgevoerd.',
    throttled: 'De dienst is druk. Het wordt vanzelf opnieuw geprobeerd.',
    network: 'Er is geen verbinding. Het wordt opnieuw geprobeerd zodra je weer online bent.',
    timeout: 'Er kwam niet op tijd antwoord.',
    threshold: 'De lijst is te groot om zo te lezen.',
    unexpected: 'Er ging iets onverwachts mis.'
  },
  noPeople: 'Niemand valt in de adreslijst onder jou, dus er is geen ploegmatrix.',
  noStations: 'Nog niemand van je mensen heeft een niveau op een werkplek.',
  person: 'Persoon',
  you: '(jij)',
  matrixCaption: 'Niveaus per persoon en werkplek',
  levels: { I: 'in opleiding', L: 'beperkt', U: 'zelfstandig', O: 'kan anderen opleiden' },
  noLevel: 'geen niveau',
  states: { valid: 'geldig tot {0}', expiring: 'verloopt {0}', expired: 'verlopen {0}', lapsed: 'vervallen {0}, niet geoefend' },
  coverageHeading: 'Bezetting per dienst',
  coverageIntro: 'De diensten van je mensen in de komende {0} dagen: werkplekken waar niemand zelfstandig werkt, en werkplekken met maar één.',
  noShifts: 'Niemand van je mensen is de komende 7 dagen ingeroosterd.',
  covered: 'Elke werkplek minstens twee keer bezet.',
  uncovered: 'Niemand zelfstandig: {0}',
  single: 'Maar één zelfstandig bij {0}: {1}',
  printButton: 'Afdrukken',
  exportCsv: 'CSV exporteren',
  exportDescription: 'De matrix en de gaten in de bezetting zoals getoond, voor een spreadsheet.',
  csvCoverage: ['Begin', 'Einde', 'Dienst', 'Ploeg', 'Werkplek', 'Gat', 'Persoon'],
  csvNobody: 'Niemand zelfstandig',
  csvSingle: 'Maar één zelfstandig',
  fileName: 'vaardigheidsmatrix-ploeg'
};

const sv: MatrixWords = {
  heading: 'Kompetensmatris för arbetslaget',
  intro: 'Nivåer för dem du leder, per station. Nivåer som upphör inom {0} dagar är markerade.',
  loading: 'Kompetensmatrisen läses in…',
  tryAgain: 'Försök igen',
  failed: {
    skills: 'Nivåerna kunde inte läsas från SharePoint.',
    directory: 'Dina medarbetare och team kunde inte läsas från katalogen.',
    roster: 'Schemat kunde inte läsas från Teams Skift.'
  },
  reasons: {
    accessDenied: 'Du har inte behörighet.',
    notFound: 'Det hittades inte: Konfigurera Shopfloor Engage har kanske inte körts på webbplatsen.',
    throttled: 'Tjänsten är upptagen. Den försöker igen av sig själv.',
    network: 'Det finns ingen anslutning. Den försöker igen när du är online.',
    timeout: 'Inget svar kom i tid.',
    threshold: 'Listan är för stor för att läsas så här.',
    unexpected: 'Något oväntat gick fel.'
  },
  noPeople: 'Ingen rapporterar till dig i katalogen, så det finns ingen matris att visa.',
  noStations: 'Ingen av dina medarbetare har en nivå på en station än.',
  person: 'Person',
  you: '(du)',
  matrixCaption: 'Nivåer per person och station',
  levels: { I: 'under upplärning', L: 'begränsad', U: 'självständig', O: 'kan lära upp andra' },
  noLevel: 'ingen nivå',
  states: { valid: 'giltig till {0}', expiring: 'upphör {0}', expired: 'upphörde {0}', lapsed: 'förföll {0}, inte utövad' },
  coverageHeading: 'Bemanning per skift',
  coverageIntro: 'Dina medarbetares skift de kommande {0} dagarna: stationer utan någon på U eller O, och stationer med bara en.',
  noShifts: 'Ingen av dina medarbetare har skift de kommande 7 dagarna.',
  covered: 'Varje station bemannad minst två gånger.',
  uncovered: 'Ingen på U eller O: {0}',
  single: 'Bara en på U eller O på {0}: {1}',
  printButton: 'Skriv ut',
  exportCsv: 'Exportera CSV',
  exportDescription: 'Matrisen och luckorna i bemanningen som de visas, för ett kalkylblad.',
  csvCoverage: ['Start', 'Slut', 'Skift', 'Arbetslag', 'Station', 'Lucka', 'Person'],
  csvNobody: 'Ingen på U eller O',
  csvSingle: 'Bara en på U eller O',
  fileName: 'kompetensmatris-arbetslag'
};

const WORDS = { en, nl, sv };

export function matrixWords(locale: string): MatrixWords {
  return wordsFor(WORDS, locale);
}
