import type { PersonProfile } from '../people/types';
import { parsePlantMap } from './plantMap';
import type { PlantMap } from './types';
import { localName, plantFilterOptions, plantName, shiftForLabel, workplaceOf } from './workplace';

const MAP: PlantMap = parsePlantMap({
  sites: [
    { code: 'GOT', name: 'Gothenburg', names: { 'sv-SE': 'Göteborg', 'nl-NL': 'Göteborg' }, officeLocations: ['Göteborg plant', 'Torslanda'] },
    { code: 'EIN', name: 'Eindhoven', officeLocations: ['Eindhoven plant'] }
  ],
  lines: [
    { code: 'GOT-WELD2', name: 'Weld cell 2', names: { 'sv-SE': 'Svetscell 2', 'nl-NL': 'Lascel 2' }, siteCode: 'GOT', departments: ['Weld cell 2', 'Svetscell 2'] },
    { code: 'GOT-LOG', name: 'Logistics', siteCode: 'GOT', departments: ['Logistics'] },
    { code: 'EIN-LOG', name: 'Logistics', names: { nl: 'Logistiek' }, siteCode: 'EIN', departments: ['Logistics'] },
    { code: 'EIN-MOULD', name: 'Moulding', siteCode: 'EIN', departments: ['Moulding'] }
  ],
  shifts: [
    { code: 'morning', name: 'Morning (06–14)', names: { 'sv-SE': 'Förmiddag (06–14)' }, labels: ['Förmiddag 06–14', 'Vroege dienst 06–14'] },
    { code: 'night', name: 'Night (22–06)', labels: ['Natt 22–06'] }
  ]
});

const person = (officeLocation?: string, department?: string): Pick<PersonProfile, 'officeLocation' | 'department'> => ({ officeLocation, department });

describe('workplaceOf', () => {
  it('finds site and line from officeLocation and department, and takes the crew as given', () => {
    expect(workplaceOf(person('Göteborg plant', 'Weld cell 2'), MAP, { crewKey: 'team-1', crewName: 'GOT Weld A' })).toEqual({
      siteCode: 'GOT',
      lineCode: 'GOT-WELD2',
      crewKey: 'team-1',
      crewName: 'GOT Weld A'
    });
    expect(workplaceOf(person('Göteborg plant', 'Weld cell 2'), MAP, 'team-1')).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2', crewKey: 'team-1' });
    expect(workplaceOf(person('Göteborg plant', 'Weld cell 2'), MAP)).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2' });
  });

  it('ignores case, spacing and Unicode composition in the directory’s texts', () => {
    expect(workplaceOf(person('  GÖTEBORG\u00a0 Plant ', 'weld   CELL 2'), MAP)).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2' });
    expect(workplaceOf(person('Go\u0308teborg plant', 'svetscell 2'), MAP)).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2' });
  });

  it('tells apart lines with the same department at two sites by the site', () => {
    expect(workplaceOf(person('Eindhoven plant', 'Logistics'), MAP).lineCode).toBe('EIN-LOG');
    expect(workplaceOf(person('Torslanda', 'Logistics'), MAP).lineCode).toBe('GOT-LOG');
    // Without a known site the department alone is ambiguous: no line, no site.
    expect(workplaceOf(person('Head office', 'Logistics'), MAP)).toEqual({});
  });

  it('lets a department only one line has give line and site when the office is unknown or missing', () => {
    expect(workplaceOf(person('Head office', 'Moulding'), MAP)).toEqual({ siteCode: 'EIN', lineCode: 'EIN-MOULD' });
    expect(workplaceOf(person(undefined, 'Weld cell 2'), MAP)).toEqual({ siteCode: 'GOT', lineCode: 'GOT-WELD2' });
  });

  it('never guesses: an unknown office gives no site, another site’s department gives no line', () => {
    expect(workplaceOf(person('Stockholm HQ', 'Human Resources'), MAP)).toEqual({});
    expect(workplaceOf(person('Göteborg plant', 'Human Resources'), MAP)).toEqual({ siteCode: 'GOT' });
    expect(workplaceOf(person('Göteborg plant', 'Moulding'), MAP)).toEqual({ siteCode: 'GOT' });
    expect(workplaceOf(person(), MAP)).toEqual({});
    expect(workplaceOf(person('', '  '), MAP)).toEqual({});
    expect(workplaceOf(person('Göteborg plant', 'Weld cell 2'), parsePlantMap('not json'))).toEqual({});
  });

  it('matches neither site when two sites claim the same office location', () => {
    const twice = parsePlantMap({
      sites: [
        { code: 'A', name: 'A', officeLocations: ['Shared campus'] },
        { code: 'B', name: 'B', officeLocations: ['shared campus'] }
      ]
    });
    expect(twice.issues.map((i) => i.code)).toEqual(['ambiguousOfficeLocation']);
    expect(workplaceOf(person('Shared campus'), twice)).toEqual({});
  });
});

describe('the plant’s names and filter options', () => {
  it('names things in the reader’s language: exact tag, same language, else the default', () => {
    const got = MAP.sites[0];
    expect(localName(got, 'sv-SE')).toBe('Göteborg');
    expect(localName(got, 'sv-fi')).toBe('Göteborg');
    expect(localName(got, 'en-us')).toBe('Gothenburg');
    expect(localName(MAP.lines[2], 'nl-nl')).toBe('Logistiek');
    expect(plantName(MAP, 'line', 'got-weld2', 'nl-nl')).toBe('Lascel 2');
    expect(plantName(MAP, 'shift', 'morning', 'sv-se')).toBe('Förmiddag (06–14)');
    expect(plantName(MAP, 'site', 'OSL', 'sv-se')).toBe('OSL');
  });

  it('offers the map’s sites, lines and shifts instead of what happens to be loaded', () => {
    const options = plantFilterOptions(MAP, 'sv-se');
    expect(options.sites).toEqual([
      { code: 'GOT', name: 'Göteborg' },
      { code: 'EIN', name: 'Eindhoven' }
    ]);
    expect(options.lines.map((l) => l.code)).toEqual(['GOT-WELD2', 'GOT-LOG', 'EIN-LOG', 'EIN-MOULD']);
    expect(options.shifts).toEqual([
      { code: 'morning', name: 'Förmiddag (06–14)' },
      { code: 'night', name: 'Night (22–06)' }
    ]);
  });

  it('narrows the lines to the chosen site and keeps chosen codes the map does not have', () => {
    expect(plantFilterOptions(MAP, 'en-us', { siteCode: 'ein' }).lines.map((l) => l.code)).toEqual(['EIN-LOG', 'EIN-MOULD']);
    const stale = plantFilterOptions(MAP, 'en-us', { siteCode: 'OSL', lineCode: 'OSL-1', shiftCode: 'C' });
    expect(stale.sites[stale.sites.length - 1]).toEqual({ code: 'OSL', name: 'OSL' });
    expect(stale.lines).toEqual([{ code: 'OSL-1', name: 'OSL-1' }]);
    expect(stale.shifts.map((s) => s.code)).toEqual(['morning', 'night', 'C']);
  });

  it('turns a Teams Shifts display name into the shift it stands for', () => {
    expect(shiftForLabel(MAP, 'Förmiddag 06–14')?.code).toBe('morning');
    expect(shiftForLabel(MAP, ' vroege DIENST 06–14 ')?.code).toBe('morning');
    expect(shiftForLabel(MAP, 'Natt 22–06')?.code).toBe('night');
    expect(shiftForLabel(MAP, 'Overtime')).toBeUndefined();
    expect(shiftForLabel(MAP, undefined)).toBeUndefined();
  });
});
