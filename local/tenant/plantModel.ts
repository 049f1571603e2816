/**
 * The shape of the demo plant: two sites, their production lines and crews, and the people
 * who are fixed across seeds (the workbench personas). Everything else is generated.
 */
export type ShiftKind = 'morning' | 'afternoon' | 'night';

/** A name in the product's languages: English (the default), Swedish and Dutch. */
export interface PlantNames {
  readonly en: string;
  readonly sv: string;
  readonly nl: string;
}

/** `continuous`: four crews on a 2-2-2-2 cycle (mornings, afternoons, nights, rest), 24/7.
 *  `weekday`: three crews rotating weekly through the three shifts, Monday to Friday. */
export type RotationPattern = 'continuous' | 'weekday';

export interface SiteDefinition {
  readonly code: 'GOT' | 'EIN';
  readonly name: string;
  /** The site's name in the plant map (SE_Settings `plant`). */
  readonly names: PlantNames;
  readonly timeZone: string;
  readonly language: 'sv-SE' | 'nl-NL';
  readonly officeLocation: string;
  readonly phonePrefix: string;
  readonly mobilePrefix: string;
}

export interface StationDefinition {
  readonly code: string;
  readonly name: string;
}

export interface LineDefinition {
  readonly code: string;
  readonly siteCode: 'GOT' | 'EIN';
  /** English name (department). */
  readonly name: string;
  /** Swedish and Dutch names in the plant map (English is `name`). */
  readonly names: Omit<PlantNames, 'en'>;
  /** Short label used in crew names: `GOT Weld A`. */
  readonly label: string;
  readonly pattern: RotationPattern;
  /** Job titles of the line's operators, in the site language; the first is the most common. */
  readonly jobTitles: readonly string[];
  readonly stations: readonly StationDefinition[];
}

export const SITES: readonly SiteDefinition[] = [
  {
    code: 'GOT',
    name: 'Göteborg',
    names: { en: 'Gothenburg', sv: 'Göteborg', nl: 'Göteborg' },
    timeZone: 'Europe/Stockholm',
    language: 'sv-SE',
    officeLocation: 'Göteborg plant',
    phonePrefix: '+46 31 ',
    mobilePrefix: '+46 70 '
  },
  {
    code: 'EIN',
    name: 'Eindhoven',
    names: { en: 'Eindhoven', sv: 'Eindhoven', nl: 'Eindhoven' },
    timeZone: 'Europe/Amsterdam',
    language: 'nl-NL',
    officeLocation: 'Eindhoven plant',
    phonePrefix: '+31 40 ',
    mobilePrefix: '+31 6 '
  }
];

export const LINES: readonly LineDefinition[] = [
  {
    code: 'GOT-PRESS1',
    siteCode: 'GOT',
    name: 'Press line 1',
    names: { sv: 'Presslinje 1', nl: 'Perslijn 1' },
    label: 'Press',
    pattern: 'continuous',
    jobTitles: ['Pressoperatör', 'Pressoperatör', 'Verktygsställare', 'Kvalitetskontrollant', 'Truckförare'],
    stations: [
      { code: 'GOT-PRESS1-LOAD', name: 'Blank loading' },
      { code: 'GOT-PRESS1-DIE', name: 'Die change' },
      { code: 'GOT-PRESS1-QC', name: 'End-of-line inspection' }
    ]
  },
  {
    code: 'GOT-WELD2',
    siteCode: 'GOT',
    name: 'Weld cell 2',
    names: { sv: 'Svetscell 2', nl: 'Lascel 2' },
    label: 'Weld',
    pattern: 'continuous',
    jobTitles: ['Svetsare', 'Svetsare', 'Robotoperatör', 'Kvalitetskontrollant'],
    stations: [
      { code: 'GOT-WELD2-ROBOT', name: 'Robot cell' },
      { code: 'GOT-WELD2-MANUAL', name: 'Manual welding' },
      { code: 'GOT-WELD2-QC', name: 'Weld inspection' },
      { code: 'GOT-WELD2-FLT', name: 'Forklift' }
    ]
  },
  {
    code: 'GOT-PAINT',
    siteCode: 'GOT',
    name: 'Paint shop',
    names: { sv: 'Lackering', nl: 'Spuiterij' },
    label: 'Paint',
    pattern: 'weekday',
    jobTitles: ['Lackerare', 'Lackerare', 'Färgblandare', 'Kvalitetskontrollant'],
    stations: [
      { code: 'GOT-PAINT-PRE', name: 'Pre-treatment' },
      { code: 'GOT-PAINT-BOOTH', name: 'Spray booth' },
      { code: 'GOT-PAINT-QC', name: 'Finish inspection' }
    ]
  },
  {
    code: 'GOT-FINAL',
    siteCode: 'GOT',
    name: 'Final assembly',
    names: { sv: 'Slutmontering', nl: 'Eindassemblage' },
    label: 'Final',
    pattern: 'continuous',
    jobTitles: ['Montör', 'Montör', 'Montör', 'Kvalitetskontrollant', 'Truckförare'],
    stations: [
      { code: 'GOT-FINAL-ST1', name: 'Station 1 – chassis' },
      { code: 'GOT-FINAL-ST2', name: 'Station 2 – wiring' },
      { code: 'GOT-FINAL-TEST', name: 'End-of-line test' }
    ]
  },
  {
    code: 'EIN-MOULD',
    siteCode: 'EIN',
    name: 'Moulding',
    names: { sv: 'Formsprutning', nl: 'Spuitgieten' },
    label: 'Moulding',
    pattern: 'continuous',
    jobTitles: ['Operator spuitgieten', 'Operator spuitgieten', 'Insteller', 'Kwaliteitscontroleur'],
    stations: [
      { code: 'EIN-MOULD-IMM', name: 'Injection moulding machine' },
      { code: 'EIN-MOULD-TOOL', name: 'Mould change' },
      { code: 'EIN-MOULD-QC', name: 'Part inspection' }
    ]
  },
  {
    code: 'EIN-PACK',
    siteCode: 'EIN',
    name: 'Packaging',
    names: { sv: 'Packning', nl: 'Verpakking' },
    label: 'Packaging',
    pattern: 'weekday',
    jobTitles: ['Inpakker', 'Inpakker', 'Lijnoperator'],
    stations: [
      { code: 'EIN-PACK-LINE', name: 'Packing line' },
      { code: 'EIN-PACK-PAL', name: 'Palletiser' },
      { code: 'EIN-PACK-LBL', name: 'Labelling' }
    ]
  },
  {
    code: 'EIN-LOG',
    siteCode: 'EIN',
    name: 'Logistics',
    names: { sv: 'Logistik', nl: 'Logistiek' },
    label: 'Logistics',
    pattern: 'weekday',
    jobTitles: ['Magazijnmedewerker', 'Heftruckchauffeur', 'Reachtruckchauffeur'],
    stations: [
      { code: 'EIN-LOG-INB', name: 'Inbound' },
      { code: 'EIN-LOG-FLT', name: 'Forklift' },
      { code: 'EIN-LOG-PICK', name: 'Order picking' }
    ]
  }
];

export interface CrewDefinition {
  /**
   * The seed's own name for the crew, e.g. `GOT-WELD2-A`. The product knows a crew by its Teams
   * team id (`teamIdOf(key)` in rosters.ts): that id is what the lists' CrewKey columns hold.
   */
  readonly key: string;
  readonly displayName: string;
  readonly letter: string;
  /** Position in the line's rotation (0-based). */
  readonly index: number;
  readonly line: LineDefinition;
  readonly site: SiteDefinition;
}

export function crewsOf(line: LineDefinition): CrewDefinition[] {
  const letters = line.pattern === 'continuous' ? ['A', 'B', 'C', 'D'] : ['A', 'B', 'C'];
  const site = siteByCode(line.siteCode);
  return letters.map((letter, index) => ({
    key: `${line.code}-${letter}`,
    displayName: `${line.siteCode} ${line.label} ${letter}`,
    letter,
    index,
    line,
    site
  }));
}

export const CREWS: readonly CrewDefinition[] = LINES.reduce<CrewDefinition[]>(
  (all, line) => all.concat(crewsOf(line)),
  []
);

export function siteByCode(code: string): SiteDefinition {
  const site = SITES.find((candidate) => candidate.code === code);
  if (!site) {
    throw new Error(`Unknown site ${code}`);
  }
  return site;
}

export interface ShiftDefinition {
  /** Also the ShiftCode recognitions store. */
  readonly kind: ShiftKind;
  readonly names: PlantNames;
  /** The Teams Shifts display name (`sharedShift.displayName`) of the shift at each site. */
  readonly labels: Readonly<Record<SiteDefinition['code'], string>>;
}

export const SHIFTS: readonly ShiftDefinition[] = [
  {
    kind: 'morning',
    names: { en: 'Morning (06–14)', sv: 'Förmiddag (06–14)', nl: 'Vroege dienst (06–14)' },
    labels: { GOT: 'Förmiddag 06–14', EIN: 'Vroege dienst 06–14' }
  },
  {
    kind: 'afternoon',
    names: { en: 'Afternoon (14–22)', sv: 'Eftermiddag (14–22)', nl: 'Late dienst (14–22)' },
    labels: { GOT: 'Eftermiddag 14–22', EIN: 'Late dienst 14–22' }
  },
  {
    kind: 'night',
    names: { en: 'Night (22–06)', sv: 'Natt (22–06)', nl: 'Nachtdienst (22–06)' },
    labels: { GOT: 'Natt 22–06', EIN: 'Nachtdienst 22–06' }
  }
];

export function shiftByKind(kind: ShiftKind): ShiftDefinition {
  const shift = SHIFTS.find((candidate) => candidate.kind === kind);
  if (!shift) {
    throw new Error(`Unknown shift ${kind}`);
  }
  return shift;
}

/**
 * The plant map HR/IT keep in SE_Settings under the key `plant` (see src/core/plant): office
 * locations to sites, departments to lines, and the shift codes recognitions store, with their
 * names in English, Swedish and Dutch. Every seeded person's officeLocation and department
 * (crews and line managers) is in it; staff departments (HR, IT, Production) map to no line.
 */
export function plantMapSetting(): {
  sites: Array<{ code: string; name: string; names: Record<string, string>; officeLocations: string[] }>;
  lines: Array<{ code: string; name: string; names: Record<string, string>; siteCode: string; departments: string[] }>;
  shifts: Array<{ code: string; name: string; names: Record<string, string>; labels: string[] }>;
} {
  const translated = (names: Omit<PlantNames, 'en'>): Record<string, string> => ({ 'sv-SE': names.sv, 'nl-NL': names.nl });
  return {
    sites: SITES.map((site) => ({ code: site.code, name: site.names.en, names: translated(site.names), officeLocations: [site.officeLocation] })),
    lines: LINES.map((line) => ({ code: line.code, name: line.name, names: translated(line.names), siteCode: line.siteCode, departments: [line.name] })),
    shifts: SHIFTS.map((shift) => ({
      code: shift.kind,
      name: shift.names.en,
      names: translated(shift.names),
      labels: SITES.map((site) => shift.labels[site.code])
    }))
  };
}

export const MAIL_DOMAIN = 'contoso-plant.example';
/** The tenant (directory) id the stand-in reports. */
export const TENANT_ID = '5c1f2d3e-8a4b-4c6d-9e0f-a1b2c3d4e5f6';

/** The relay's app-only identity (writes pulse answers without identity): site user 9. */
export const RELAY = {
  spUserId: 9,
  id: '0e5a7c1d-2b3f-4a6e-8d9c-1f2e3a4b5c6d',
  clientId: '7d3e9f10-4c2b-4e8a-9b1d-2c3f4a5b6e7f',
  displayName: 'Shopfloor Engage relay'
} as const;

/** People who are the same in every seed: the workbench's personas and a few anchors. */
export interface FixedPerson {
  readonly key: string;
  readonly givenName: string;
  readonly surname: string;
  readonly role: 'operator' | 'teamLeader' | 'hr' | 'siteAdmin' | 'manager';
  readonly siteCode: 'GOT' | 'EIN';
  readonly crewKey?: string;
  readonly lineCode?: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly employeeType: 'Employee' | 'Agency';
  readonly preferredLanguage: string;
  readonly hasPhoto: boolean;
  /** Years of service at the seed's `today`; the anniversary is `anniversaryOffsetDays` from today. */
  readonly serviceYears: number;
  readonly anniversaryOffsetDays: number;
}

export const FIXED_PEOPLE: readonly FixedPerson[] = [
  {
    key: 'operator', givenName: 'Åsa', surname: 'Bäckström', role: 'operator', siteCode: 'GOT',
    crewKey: 'GOT-WELD2-A', lineCode: 'GOT-WELD2', jobTitle: 'Svetsare', department: 'Weld cell 2',
    employeeType: 'Employee', preferredLanguage: 'sv-SE', hasPhoto: true, serviceYears: 5, anniversaryOffsetDays: -2
  },
  {
    key: 'agencyOperator', givenName: 'Seán', surname: "O'Brien", role: 'operator', siteCode: 'GOT',
    crewKey: 'GOT-WELD2-A', lineCode: 'GOT-WELD2', jobTitle: 'Welder', department: 'Weld cell 2',
    employeeType: 'Agency', preferredLanguage: 'en-GB', hasPhoto: false, serviceYears: 1, anniversaryOffsetDays: 5
  },
  {
    key: 'teamLeader', givenName: 'Jonas', surname: 'Ødegaard', role: 'teamLeader', siteCode: 'GOT',
    crewKey: 'GOT-WELD2-A', lineCode: 'GOT-WELD2', jobTitle: 'Lagledare', department: 'Weld cell 2',
    employeeType: 'Employee', preferredLanguage: 'sv-SE', hasPhoto: true, serviceYears: 12, anniversaryOffsetDays: 40
  },
  {
    key: 'hr', givenName: 'Leyla', surname: 'Ünal', role: 'hr', siteCode: 'GOT', jobTitle: 'HR-partner',
    department: 'Human Resources', employeeType: 'Employee', preferredLanguage: 'sv-SE', hasPhoto: true,
    serviceYears: 7, anniversaryOffsetDays: 90
  },
  {
    key: 'siteAdmin', givenName: 'Erik', surname: 'Lindqvist', role: 'siteAdmin', siteCode: 'GOT',
    jobTitle: 'Digital workplace coordinator', department: 'IT & Digital workplace', employeeType: 'Employee',
    preferredLanguage: 'en-GB', hasPhoto: true, serviceYears: 4, anniversaryOffsetDays: 150
  },
  {
    key: 'einHr', givenName: 'Marieke', surname: "'t Hart", role: 'hr', siteCode: 'EIN', jobTitle: 'HR-adviseur',
    department: 'Human Resources', employeeType: 'Employee', preferredLanguage: 'nl-NL', hasPhoto: true,
    serviceYears: 9, anniversaryOffsetDays: 120
  },
  {
    key: 'einTeamLeader', givenName: 'Daan', surname: 'van der Berg', role: 'teamLeader', siteCode: 'EIN',
    crewKey: 'EIN-MOULD-A', lineCode: 'EIN-MOULD', jobTitle: 'Ploegleider', department: 'Moulding',
    employeeType: 'Employee', preferredLanguage: 'nl-NL', hasPhoto: true, serviceYears: 15, anniversaryOffsetDays: 3
  }
];
