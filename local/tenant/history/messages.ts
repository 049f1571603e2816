/**
 * Recognition messages and impact lines for the seeded wall, in the giver's language
 * (Swedish, Dutch, English). `{name}` is the recipient's given name. Specific on purpose:
 * what was done and what it achieved, the way people on a shop floor actually write them.
 */
export type SeedLanguage = 'sv' | 'nl' | 'en';

export function seedLanguageOf(preferredLanguage: string): SeedLanguage {
  const tag = preferredLanguage.toLowerCase();
  return tag.startsWith('sv') ? 'sv' : tag.startsWith('nl') ? 'nl' : 'en';
}

type Texts = Record<SeedLanguage, readonly string[]>;

export const MESSAGES: Record<string, Texts> = {
  safety: {
    sv: [
      'Tack {name} för att du stoppade linjen när skyddet vid station 3 satt löst. Ingen skadades.',
      '{name} såg oljespillet vid pressen innan någon halkade och spärrade av direkt. Starkt jobbat!',
      'Tack {name} för att du påminde alla om hörselskydd under verktygsbytet i natt.'
    ],
    nl: [
      'Dank je {name} dat je de lijn stilzette toen de afscherming bij station 3 los zat. Niemand raakte gewond.',
      '{name} zag de olielekkage bij de machine voordat iemand uitgleed en zette het meteen af. Top!',
      'Bedankt {name} dat je iedereen aan gehoorbescherming herinnerde tijdens de matrijswissel vannacht.'
    ],
    en: [
      'Thanks {name} for stopping the line when the guard at station 3 came loose. Nobody got hurt.',
      '{name} spotted the oil leak by the press before anyone slipped and taped it off straight away.',
      'Thanks {name} for reminding everyone about hearing protection during the tool change last night.'
    ]
  },
  quality: {
    sv: [
      '{name} hittade en felaktig svetsfog i första bitarna efter omställningen och stoppade hela batchen.',
      'Tack {name} för den extra kontrollen av momenten på station 2 – noll reklamationer den här veckan.',
      '{name} upptäckte att etiketterna var fel innan pallen lämnade fabriken.'
    ],
    nl: [
      '{name} vond een slechte las in de eerste stukken na de omstelling en hield de hele batch tegen.',
      'Dank je {name} voor de extra controle van de aanhaalmomenten – nul klachten deze week.',
      '{name} zag dat de etiketten niet klopten voordat de pallet de fabriek verliet.'
    ],
    en: [
      '{name} caught a bad weld in the first parts after the changeover and held the whole batch.',
      'Thanks {name} for double-checking the torque values on station 2 – zero complaints this week.',
      '{name} noticed the labels were wrong before the pallet left the plant.'
    ]
  },
  'continuous-improvement': {
    sv: [
      '{name} byggde en enkel fixtur som kortar omställningen med tio minuter.',
      'Tack {name} för förslaget att flytta materialhyllan – mycket färre steg per cykel nu.',
      '{name} skrev om instruktionen för verktygsbytet så att nya kollegor klarar det själva.'
    ],
    nl: [
      '{name} maakte een simpele mal die de omsteltijd met tien minuten verkort.',
      'Dank je {name} voor het idee om het materiaalrek te verplaatsen – veel minder loopwerk per cyclus.',
      '{name} herschreef de werkinstructie voor de matrijswissel zodat nieuwe collega’s het zelf kunnen.'
    ],
    en: [
      '{name} built a simple jig that cuts ten minutes off every changeover.',
      'Thanks {name} for the idea to move the parts rack – far fewer steps per cycle now.',
      '{name} rewrote the tool-change instruction so new colleagues can do it on their own.'
    ]
  },
  'team-spirit': {
    sv: [
      '{name} höll humöret uppe hela nattskiftet när två i laget var sjuka. Tack!',
      'Tack {name} för fikat och för att du alltid tar med de nya i gänget.',
      '{name} ställde upp på ett extra pass så att vi klarade leveransen till fredag.'
    ],
    nl: [
      '{name} hield de hele nachtdienst de moed erin toen er twee collega’s ziek waren. Dank je!',
      'Dank je {name} voor de koffie en dat je de nieuwe collega’s altijd meeneemt.',
      '{name} draaide een extra dienst zodat we de levering van vrijdag haalden.'
    ],
    en: [
      '{name} kept everyone going through the night shift when two of the crew were off sick.',
      'Thanks {name} for the cake and for always bringing the new starters along.',
      '{name} covered an extra shift so we could make Friday’s delivery.'
    ]
  },
  'helping-a-colleague': {
    sv: [
      '{name} lärde mig robotcellens återstart steg för steg under en lugn stund. Nu kan jag själv!',
      'Tack {name} för att du hoppade in på station 4 när jag behövde gå tidigt.',
      '{name} hjälpte vår nya kollega med instruktionerna på engelska hela veckan.'
    ],
    nl: [
      '{name} legde me stap voor stap de herstart van de robotcel uit. Nu kan ik het zelf!',
      'Dank je {name} dat je station 4 overnam toen ik eerder weg moest.',
      '{name} hielp onze nieuwe collega de hele week met de instructies in het Engels.'
    ],
    en: [
      '{name} walked me through restarting the robot cell step by step. Now I can do it myself!',
      'Thanks {name} for taking over station 4 when I had to leave early.',
      '{name} helped our new colleague with the instructions all week.'
    ]
  }
};

export const IMPACTS: Record<string, Texts> = {
  safety: {
    sv: ['Ingen skada', '120 dagar utan olycka', 'Risk åtgärdad samma skift'],
    nl: ['Geen letsel', '120 dagen zonder ongeval', 'Risico dezelfde dienst opgelost'],
    en: ['No injury', '120 days without an accident', 'Hazard fixed the same shift']
  },
  quality: {
    sv: ['240 detaljer räddade', 'Noll reklamationer', 'Ingen kassation'],
    nl: ['240 onderdelen gered', 'Nul klachten', 'Geen afkeur'],
    en: ['240 parts saved', 'Zero customer complaints', '500 orders saved']
  },
  'continuous-improvement': {
    sv: ['10 min kortare omställning', '300 steg färre per skift', '2 timmar mer produktion per vecka'],
    nl: ['10 min snellere omstelling', '300 stappen minder per dienst', '2 uur meer productie per week'],
    en: ['10 min faster changeover', '300 fewer steps per shift', '2 more production hours a week']
  },
  'team-spirit': {
    sv: ['Leveransen klarad i tid', 'Hela laget på plats'],
    nl: ['Levering op tijd gehaald', 'Hele ploeg aanwezig'],
    en: ['Delivery made on time', 'Whole crew on board']
  },
  'helping-a-colleague': {
    sv: ['En ny kollega kvalificerad', 'Ingen stopptid'],
    nl: ['Nieuwe collega gekwalificeerd', 'Geen stilstand'],
    en: ['One more colleague qualified', 'No downtime']
  }
};

export const CREW_AWARDS: Texts = {
  sv: [
    'Hela laget: 30 dagar utan kvalitetsavvikelse. Tack allihop!',
    'Grymt jobbat med inkörningen av den nya varianten – i mål två dagar före plan.'
  ],
  nl: [
    'De hele ploeg: 30 dagen zonder kwaliteitsafwijking. Dank jullie allemaal!',
    'Geweldig werk bij de opstart van de nieuwe variant – twee dagen voor op schema.'
  ],
  en: [
    'The whole crew: 30 days without a quality deviation. Thank you all!',
    'Great work ramping up the new variant – done two days ahead of plan.'
  ]
};

export const MILESTONES: Record<string, Texts> = {
  'safety-streak': {
    sv: ['100 dagar utan arbetsplatsolycka i laget.'],
    nl: ['100 dagen zonder arbeidsongeval in de ploeg.'],
    en: ['100 days without a workplace accident in the crew.']
  },
  'zero-defect-streak': {
    sv: ['30 skift i rad utan kassation.'],
    nl: ['30 diensten op rij zonder afkeur.'],
    en: ['30 shifts in a row without scrap.']
  },
  'service-anniversary': {
    sv: ['Grattis till {years} år hos oss, {name}!'],
    nl: ['Gefeliciteerd met {years} jaar bij ons, {name}!'],
    en: ['Congratulations on {years} years with us, {name}!']
  }
};

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
