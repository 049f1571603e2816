/**
 * Generates the ~300 people of the demo plant: plant and line managers, HR, site admins, one
 * team leader per crew and the crews' operators, ~15% of them agency consultants (same crews,
 * shifts and roles as employees). Fixed people (the personas) come first so their site user
 * ids (10, 11, …) and ids are the same in every seed.
 */
import type { EmploymentType, Person, PersonaRole } from './directory';
import { AGENCY, asciiFold, DUTCH, DUTCH_MIX, NamePool, SWEDISH, SWEDISH_MIX } from './names';
import {
  CREWS,
  CrewDefinition,
  FIXED_PEOPLE,
  FixedPerson,
  LINES,
  MAIL_DOMAIN,
  RELAY,
  SITES,
  SiteDefinition,
  siteByCode,
  TENANT_ID
} from './plantModel';
import { createRandom, hashText, Random } from './random';

export const TOTAL_PEOPLE = 300;
/** Crews 0..8 have 11 operators, the others 10: 259 operators in 25 crews. */
const LARGE_CREWS = 9;
const AGENCY_TARGET = 45;

export interface GeneratedPeople {
  readonly people: Person[];
  /** Crew key → the crew's leader and operators (leader not included in `operators`). */
  readonly crews: ReadonlyMap<string, { readonly leader: Person; readonly operators: readonly Person[] }>;
  /** Line code → line manager. */
  readonly lineManagers: ReadonlyMap<string, Person>;
}

interface Draft {
  givenName: string;
  surname: string;
  role: PersonaRole;
  site: SiteDefinition;
  jobTitle: string;
  department: string;
  employeeType: EmploymentType;
  preferredLanguage: string;
  hireDate: string;
  managerId?: string;
  lineCode?: string;
  crewKey?: string;
  isSiteOwner?: boolean;
  isHr?: boolean;
  hasPhoto: boolean;
  mobilePhone?: string;
  businessPhones?: string[];
  /** A stable id for fixed people. */
  idLabel?: string;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function hireDateFrom(today: Date, years: number, offsetDays: number): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + offsetDays));
  return isoDate(date);
}

function randomHireDate(rng: Random, today: Date, agency: boolean): string {
  const roll = rng.next();
  if (roll < 0.06) {
    return hireDateFrom(today, rng.int(1, 25), rng.int(-10, 10));
  }
  if (roll < 0.1) {
    return hireDateFrom(today, 0, -rng.int(1, 28));
  }
  const years = agency ? rng.int(0, 3) : Math.floor(Math.pow(rng.next(), 1.6) * 30);
  return hireDateFrom(today, years, -rng.int(30, 330));
}

function poolFor(rng: Random, site: SiteDefinition, agency: boolean): NamePool {
  if (agency) {
    return AGENCY;
  }
  const mixed = rng.chance(0.2);
  if (site.code === 'GOT') {
    return mixed ? SWEDISH_MIX : SWEDISH;
  }
  return mixed ? DUTCH_MIX : DUTCH;
}

function phone(rng: Random, prefix: string): string {
  return `${prefix}${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
}

class PeopleBuilder {
  public readonly people: Person[] = [];
  private readonly upns = new Set<string>();
  private readonly names = new Set<string>(FIXED_PEOPLE.map((p) => `${p.givenName} ${p.surname}`));
  private nextSpUserId = 10;

  public constructor(
    private readonly rng: Random,
    private readonly seed: number
  ) {}

  public name(site: SiteDefinition, agency: boolean): { givenName: string; surname: string } {
    for (;;) {
      const pool = poolFor(this.rng, site, agency);
      // A mixed pool borrows surnames from the site's main pool now and then (families mix).
      const surnames = !agency && this.rng.chance(0.3) ? (site.code === 'GOT' ? SWEDISH : DUTCH).surnames : pool.surnames;
      const givenName = this.rng.pick(pool.given);
      const surname = this.rng.pick(surnames);
      if (!this.names.has(`${givenName} ${surname}`) || this.rng.chance(0.05)) {
        this.names.add(`${givenName} ${surname}`);
        return { givenName, surname };
      }
    }
  }

  public add(draft: Draft): Person {
    const base = `${asciiFold(draft.givenName)}.${asciiFold(draft.surname)}`;
    let upn = `${base}@${MAIL_DOMAIN}`;
    for (let n = 2; this.upns.has(upn); n += 1) {
      upn = `${base}${n}@${MAIL_DOMAIN}`;
    }
    this.upns.add(upn);
    const spUserId = this.nextSpUserId;
    this.nextSpUserId += 1;
    const id = draft.idLabel
      ? createRandom(hashText(`fixed:${draft.idLabel}`)).guid()
      : createRandom((this.seed ^ hashText(`person:${spUserId}`)) >>> 0).guid();
    const person: Person = {
      id,
      spUserId,
      loginName: `i:0#.f|membership|${upn}`,
      userPrincipalName: upn,
      mail: upn,
      displayName: `${draft.givenName} ${draft.surname}`,
      givenName: draft.givenName,
      surname: draft.surname,
      jobTitle: draft.jobTitle,
      department: draft.department,
      officeLocation: draft.site.officeLocation,
      employeeType: draft.employeeType,
      preferredLanguage: draft.preferredLanguage,
      employeeHireDate: draft.hireDate,
      managerId: draft.managerId,
      role: draft.role,
      siteCode: draft.site.code,
      lineCode: draft.lineCode,
      crewKey: draft.crewKey,
      isSiteOwner: draft.isSiteOwner ?? false,
      isHr: draft.isHr ?? false,
      mobilePhone: draft.mobilePhone,
      businessPhones: draft.businessPhones ?? [],
      hasPhoto: draft.hasPhoto
    };
    this.people.push(person);
    return person;
  }
}

export function relayAccount(): Person {
  return {
    id: RELAY.id,
    spUserId: RELAY.spUserId,
    loginName: `i:0i.t|ms.sp.ext|${RELAY.clientId}@${TENANT_ID}`,
    userPrincipalName: '',
    mail: '',
    displayName: RELAY.displayName,
    givenName: '',
    surname: '',
    jobTitle: '',
    department: '',
    officeLocation: '',
    employeeType: 'Employee',
    preferredLanguage: 'en-GB',
    employeeHireDate: '2026-01-01',
    role: 'operator',
    siteCode: 'GOT',
    isSiteOwner: false,
    isHr: false,
    businessPhones: [],
    hasPhoto: false,
    isApp: true
  };
}

/** Generates everyone; `people` is in site user id order (the relay, 9, is not included). */
export function generatePeople(seed: number, today: Date): GeneratedPeople {
  const rng = createRandom(seed).fork('people');
  const builder = new PeopleBuilder(rng, seed);
  const fixedDraft = (fixed: FixedPerson, extra: Partial<Draft>): Draft => ({
    givenName: fixed.givenName,
    surname: fixed.surname,
    role: fixed.role,
    site: siteByCode(fixed.siteCode),
    jobTitle: fixed.jobTitle,
    department: fixed.department,
    employeeType: fixed.employeeType,
    preferredLanguage: fixed.preferredLanguage,
    hireDate: hireDateFrom(today, fixed.serviceYears, fixed.anniversaryOffsetDays),
    lineCode: fixed.lineCode,
    crewKey: fixed.crewKey,
    isHr: fixed.role === 'hr',
    isSiteOwner: fixed.role === 'siteAdmin',
    hasPhoto: fixed.hasPhoto,
    idLabel: fixed.key,
    ...extra
  });

  // Fixed people first (stable site user ids 10–16); managers are linked once they exist.
  const fixed = new Map<string, Person>();
  for (const person of FIXED_PEOPLE) {
    const site = siteByCode(person.siteCode);
    const office = person.role === 'hr' || person.role === 'siteAdmin';
    fixed.set(
      person.key,
      builder.add(
        fixedDraft(person, {
          mobilePhone: person.role === 'operator' ? undefined : phone(rng, site.mobilePrefix),
          businessPhones: office ? [phone(rng, site.phonePrefix)] : []
        })
      )
    );
  }

  const staffDraft = (site: SiteDefinition, role: PersonaRole, jobTitle: string, department: string): Draft => {
    const { givenName, surname } = builder.name(site, false);
    return {
      givenName,
      surname,
      role,
      site,
      jobTitle,
      department,
      employeeType: 'Employee',
      preferredLanguage: rng.chance(0.85) ? site.language : 'en-GB',
      hireDate: randomHireDate(rng, today, false),
      hasPhoto: rng.chance(0.9),
      mobilePhone: phone(rng, site.mobilePrefix),
      businessPhones: [phone(rng, site.phonePrefix)]
    };
  };

  const plantManagers = new Map<string, Person>();
  for (const site of SITES) {
    const title = site.code === 'GOT' ? 'Fabrikschef' : 'Plantmanager';
    plantManagers.set(site.code, builder.add(staffDraft(site, 'manager', title, 'Production')));
  }
  const lineManagers = new Map<string, Person>();
  for (const line of LINES) {
    const site = siteByCode(line.siteCode);
    const title = site.code === 'GOT' ? 'Produktionschef' : 'Afdelingsmanager';
    const draft = staffDraft(site, 'manager', title, line.name);
    lineManagers.set(line.code, builder.add({ ...draft, lineCode: line.code, managerId: plantManagers.get(site.code)?.id }));
  }
  const hrLeads = new Map<string, Person>();
  for (const site of SITES) {
    const count = site.code === 'GOT' ? 2 : 1;
    for (let i = 0; i < count; i += 1) {
      const title = site.code === 'GOT' ? (i === 0 ? 'HR-chef' : 'HR-specialist') : 'HR-manager';
      const person = builder.add({ ...staffDraft(site, 'hr', title, 'Human Resources'), isHr: true });
      if (i === 0) {
        hrLeads.set(site.code, person);
      }
    }
  }
  const einSite = siteByCode('EIN');
  builder.add({ ...staffDraft(einSite, 'siteAdmin', 'Intranet-beheerder', 'IT & Digital workplace'), isSiteOwner: true });

  // Team leaders: one per crew. One agency team leader (EIN Logistics C): roles are open to agency staff.
  const crews = new Map<string, { leader: Person; operators: Person[] }>();
  const leaderOf = new Map<string, Person>();
  for (const crew of CREWS) {
    const existing = Array.from(fixed.values()).find((p) => p.role === 'teamLeader' && p.crewKey === crew.key);
    if (existing) {
      leaderOf.set(crew.key, existing);
      continue;
    }
    const agency = crew.key === 'EIN-LOG-C';
    const { givenName, surname } = builder.name(crew.site, agency);
    leaderOf.set(
      crew.key,
      builder.add({
        givenName,
        surname,
        role: 'teamLeader',
        site: crew.site,
        jobTitle: crew.site.code === 'GOT' ? 'Lagledare' : 'Ploegleider',
        department: crew.line.name,
        employeeType: agency ? 'Agency' : 'Employee',
        preferredLanguage: agency ? 'en-GB' : rng.chance(0.9) ? crew.site.language : 'en-GB',
        hireDate: randomHireDate(rng, today, agency),
        managerId: lineManagers.get(crew.line.code)?.id,
        lineCode: crew.line.code,
        crewKey: crew.key,
        hasPhoto: rng.chance(0.85),
        mobilePhone: phone(rng, crew.site.mobilePrefix)
      })
    );
  }

  // Operator slots; agency consultants spread over the slots at random.
  const slots: CrewDefinition[] = [];
  CREWS.forEach((crew, index) => {
    const size = index < LARGE_CREWS ? 11 : 10;
    const fixedHere = Array.from(fixed.values()).filter((p) => p.role === 'operator' && p.crewKey === crew.key).length;
    for (let i = fixedHere; i < size; i += 1) {
      slots.push(crew);
    }
  });
  const alreadyAgency = builder.people.filter((p) => p.employeeType === 'Agency').length;
  const agencySlots = new Set(rng.shuffle(slots.map((_, i) => i)).slice(0, AGENCY_TARGET - alreadyAgency));
  const operatorsOf = new Map<string, Person[]>();
  for (const person of fixed.values()) {
    if (person.role === 'operator' && person.crewKey) {
      operatorsOf.set(person.crewKey, (operatorsOf.get(person.crewKey) ?? []).concat([person]));
    }
  }
  slots.forEach((crew, index) => {
    const agency = agencySlots.has(index);
    const { givenName, surname } = builder.name(crew.site, agency);
    const person = builder.add({
      givenName,
      surname,
      role: 'operator',
      site: crew.site,
      jobTitle: rng.pick(crew.line.jobTitles),
      department: crew.line.name,
      employeeType: agency ? 'Agency' : 'Employee',
      preferredLanguage: agency ? (rng.chance(0.65) ? 'en-GB' : crew.site.language) : rng.chance(0.9) ? crew.site.language : 'en-GB',
      hireDate: randomHireDate(rng, today, agency),
      managerId: leaderOf.get(crew.key)?.id,
      lineCode: crew.line.code,
      crewKey: crew.key,
      hasPhoto: rng.chance(0.78)
    });
    operatorsOf.set(crew.key, (operatorsOf.get(crew.key) ?? []).concat([person]));
  });

  for (const crew of CREWS) {
    const leader = leaderOf.get(crew.key);
    if (!leader) {
      throw new Error(`No leader for ${crew.key}`);
    }
    crews.set(crew.key, { leader, operators: operatorsOf.get(crew.key) ?? [] });
  }

  // Managers of the fixed people, now that everyone exists.
  const managerOf = (person: Person): string | undefined => {
    if (person.role === 'operator' && person.crewKey) {
      return leaderOf.get(person.crewKey)?.id;
    }
    if (person.role === 'teamLeader' && person.lineCode) {
      return lineManagers.get(person.lineCode)?.id;
    }
    if (person.role === 'hr') {
      const lead = hrLeads.get(person.siteCode);
      return lead && lead.id !== person.id ? lead.id : plantManagers.get(person.siteCode)?.id;
    }
    if (person.role === 'siteAdmin') {
      return plantManagers.get(person.siteCode)?.id;
    }
    return person.managerId;
  };
  const people = builder.people.map((person) =>
    person.managerId !== undefined || plantManagers.get(person.siteCode)?.id === person.id
      ? person
      : { ...person, managerId: managerOf(person) }
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const resolve = (p: Person): Person => byId.get(p.id) ?? p;
  const resolvedCrews = new Map<string, { leader: Person; operators: Person[] }>();
  crews.forEach((value, key) => resolvedCrews.set(key, { leader: resolve(value.leader), operators: value.operators.map(resolve) }));
  const resolvedLineManagers = new Map<string, Person>();
  lineManagers.forEach((value, key) => resolvedLineManagers.set(key, resolve(value)));

  if (people.length !== TOTAL_PEOPLE) {
    throw new Error(`Expected ${TOTAL_PEOPLE} people, generated ${people.length}.`);
  }
  return { people, crews: resolvedCrews, lineManagers: resolvedLineManagers };
}
