import { EMPTY_PLANT_MAP, normaliseLabel, parsePlantMap, serialisePlantMap } from './plantMap';
import type { PlantMapIssue } from './types';

const GOOD = {
  sites: [
    { code: 'GOT', name: 'Gothenburg', names: { 'sv-SE': 'Göteborg', 'nl-NL': 'Göteborg' }, officeLocations: ['Göteborg plant'] },
    { code: 'EIN', name: 'Eindhoven', officeLocations: ['Eindhoven plant', 'Eindhoven'] }
  ],
  lines: [
    { code: 'GOT-WELD2', name: 'Weld cell 2', names: { 'sv-SE': 'Svetscell 2' }, siteCode: 'GOT', departments: ['Weld cell 2'] },
    { code: 'EIN-LOG', name: 'Logistics', siteCode: 'EIN', departments: ['Logistics'] }
  ],
  shifts: [{ code: 'morning', name: 'Morning (06–14)', names: { 'nl-NL': 'Vroege dienst (06–14)' }, labels: ['Förmiddag 06–14', 'Vroege dienst 06–14'] }]
};

const codes = (issues: readonly PlantMapIssue[]): string[] => issues.map((i) => `${i.code}@${i.path}`);

describe('parsePlantMap', () => {
  it('reads a good map from the setting text, with lower-case language tags and no issues', () => {
    const map = parsePlantMap(JSON.stringify(GOOD));
    expect(map.issues).toEqual([]);
    expect(map.sites.map((s) => s.code)).toEqual(['GOT', 'EIN']);
    expect(map.sites[0]).toEqual({ code: 'GOT', name: 'Gothenburg', names: { 'sv-se': 'Göteborg', 'nl-nl': 'Göteborg' }, officeLocations: ['Göteborg plant'] });
    expect(map.sites[1].names).toEqual({});
    expect(map.lines[0]).toEqual({ code: 'GOT-WELD2', name: 'Weld cell 2', names: { 'sv-se': 'Svetscell 2' }, siteCode: 'GOT', departments: ['Weld cell 2'] });
    expect(map.shifts[0].labels).toEqual(['Förmiddag 06–14', 'Vroege dienst 06–14']);
  });

  it('takes JSON that is already parsed, and reads back what it serialises', () => {
    const map = parsePlantMap(GOOD);
    expect(parsePlantMap(serialisePlantMap(map))).toEqual(map);
  });

  it('returns an empty map with an issue, never throws, for text that is not JSON or not an object', () => {
    expect(parsePlantMap('{"sites": [')).toEqual({ ...EMPTY_PLANT_MAP, issues: [{ code: 'invalidJson', severity: 'error', path: '' }] });
    expect(parsePlantMap('<xml/>').issues[0].code).toBe('invalidJson');
    expect(parsePlantMap('[1,2]').issues).toEqual([{ code: 'notAnObject', severity: 'error', path: '' }]);
    expect(parsePlantMap('"GOT"').issues[0].code).toBe('notAnObject');
    expect(parsePlantMap(42).issues[0].code).toBe('notAnObject');
  });

  it('treats nothing stored as an empty map without issues', () => {
    expect(parsePlantMap('')).toEqual(EMPTY_PLANT_MAP);
    expect(parsePlantMap('   ')).toEqual(EMPTY_PLANT_MAP);
    expect(parsePlantMap(undefined)).toEqual(EMPTY_PLANT_MAP);
    expect(parsePlantMap('null')).toEqual(EMPTY_PLANT_MAP);
    expect(parsePlantMap('{}')).toEqual(EMPTY_PLANT_MAP);
  });

  it('keeps the good entries and reports the bad ones with where they are', () => {
    const map = parsePlantMap({
      sites: [GOOD.sites[0], 'EIN', { name: 'No code' }, { code: '  ', name: 'Blank' }, { code: 'X'.repeat(65), name: 'Long' }],
      lines: { code: 'GOT-WELD2' },
      shifts: [{ code: 'night' }]
    });
    expect(map.sites.map((s) => s.code)).toEqual(['GOT']);
    expect(map.lines).toEqual([]);
    expect(map.shifts).toEqual([{ code: 'night', name: 'night', names: {}, labels: [] }]);
    expect(codes(map.issues)).toEqual([
      'invalidEntry@sites[1]',
      'missingCode@sites[2].code',
      'missingCode@sites[3].code',
      'codeTooLong@sites[4].code',
      'notAList@lines',
      'missingName@shifts[0].name'
    ]);
    expect(map.issues.find((i) => i.code === 'missingName')).toEqual({ code: 'missingName', severity: 'warning', path: 'shifts[0].name', detail: 'night' });
  });

  it('refuses duplicate codes (case-insensitive, as SharePoint compares) and keeps the first', () => {
    const map = parsePlantMap({
      sites: [GOOD.sites[0], { code: 'got', name: 'Again' }],
      lines: [GOOD.lines[0], { ...GOOD.lines[0], name: 'Copy' }],
      shifts: [{ code: 'A', name: 'A' }, { code: ' A ', name: 'B' }]
    });
    expect(map.sites.map((s) => s.name)).toEqual(['Gothenburg']);
    expect(map.lines.map((l) => l.name)).toEqual(['Weld cell 2']);
    expect(map.shifts.map((s) => s.name)).toEqual(['A']);
    expect(map.issues).toEqual([
      { code: 'duplicateCode', severity: 'error', path: 'sites[1].code', detail: 'got' },
      { code: 'duplicateCode', severity: 'error', path: 'lines[1].code', detail: 'GOT-WELD2' },
      { code: 'duplicateCode', severity: 'error', path: 'shifts[1].code', detail: 'A' }
    ]);
  });

  it('drops lines of unknown sites and gives a line its site’s own spelling of the code', () => {
    const map = parsePlantMap({
      sites: [GOOD.sites[0]],
      lines: [
        { code: 'GOT-PAINT', name: 'Paint', siteCode: 'got ', departments: ['Paint shop'] },
        { code: 'OSL-1', name: 'Oslo 1', siteCode: 'OSL' },
        { code: 'NONE', name: 'Nowhere' }
      ]
    });
    expect(map.lines).toEqual([{ code: 'GOT-PAINT', name: 'Paint', names: {}, siteCode: 'GOT', departments: ['Paint shop'] }]);
    expect(map.issues).toEqual([
      { code: 'unknownSite', severity: 'error', path: 'lines[1].siteCode', detail: 'OSL' },
      { code: 'unknownSite', severity: 'error', path: 'lines[2].siteCode', detail: '' }
    ]);
  });

  it('warns about names and aliases that are not texts, keeping what is usable', () => {
    const map = parsePlantMap({
      sites: [{ code: 'GOT', name: 'Gothenburg', names: { 'sv-SE': 'Göteborg', 'nl-NL': 7 }, officeLocations: ['Göteborg plant', 3, ''] }],
      lines: [{ code: 'L', name: 'L', siteCode: 'GOT', names: 'Linje', departments: 'Weld cell 2' }]
    });
    expect(map.sites[0].names).toEqual({ 'sv-se': 'Göteborg' });
    expect(map.sites[0].officeLocations).toEqual(['Göteborg plant']);
    expect(map.lines[0].names).toEqual({});
    // A single text where a list was expected is understood, but reported.
    expect(map.lines[0].departments).toEqual(['Weld cell 2']);
    expect(codes(map.issues)).toEqual([
      'invalidNames@sites[0].names',
      'invalidAliases@sites[0].officeLocations',
      'invalidNames@lines[0].names',
      'invalidAliases@lines[0].departments'
    ]);
    expect(map.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('warns when an office location, a department within a site or a Shifts label is claimed twice', () => {
    const map = parsePlantMap({
      sites: [
        { code: 'GOT', name: 'Gothenburg', officeLocations: ['Göteborg plant'] },
        { code: 'GOT2', name: 'Gothenburg 2', officeLocations: [' göteborg  PLANT'] }
      ],
      lines: [
        { code: 'A', name: 'A', siteCode: 'GOT', departments: ['Logistics'] },
        { code: 'B', name: 'B', siteCode: 'GOT', departments: ['logistics'] },
        // The same department at another site is fine: the site tells them apart.
        { code: 'C', name: 'C', siteCode: 'GOT2', departments: ['Logistics'] }
      ],
      shifts: [
        { code: 'morning', name: 'Morning', labels: ['Early'] },
        { code: 'early', name: 'Early', labels: ['EARLY'] }
      ]
    });
    expect(map.issues).toEqual([
      { code: 'ambiguousOfficeLocation', severity: 'warning', path: 'sites[1].officeLocations', detail: 'göteborg PLANT' },
      { code: 'ambiguousDepartment', severity: 'warning', path: 'lines[1].departments', detail: 'logistics' },
      { code: 'ambiguousShiftLabel', severity: 'warning', path: 'shifts[1].labels', detail: 'EARLY' }
    ]);
    expect(map.lines).toHaveLength(3);
  });

  it('collapses spaces in what it keeps and drops aliases repeated within one entry', () => {
    const map = parsePlantMap({ sites: [{ code: ' GOT ', name: '  Göteborg\u00a0 plant ', officeLocations: ['A  b', 'a B'] }] });
    expect(map.sites[0]).toEqual({ code: 'GOT', name: 'Göteborg plant', names: {}, officeLocations: ['A b'] });
    expect(map.issues).toEqual([]);
  });
});

describe('normaliseLabel', () => {
  it('ignores case, surrounding and repeated spaces (non-breaking too) and Unicode composition', () => {
    expect(normaliseLabel('  Göteborg\u00a0\tPLANT ')).toBe('göteborg plant');
    // "ö" composed (U+00F6) and decomposed (o + U+0308) are the same text.
    expect(normaliseLabel('Go\u0308teborg')).toBe(normaliseLabel('G\u00f6teborg'));
  });
});
