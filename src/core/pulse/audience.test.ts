import { parsePlantMap } from '../plant/plantMap';
import type { SurveyAudience } from '../models/pulse';
import { audienceIncludesAgency, crewsInAudience, employmentTypeInAudience, groupAttributes, inAudience, PulsePerson, tenureBand } from './audience';

const welder: PulsePerson = { siteCode: 'GOT', department: 'Weld cell 2', crewKeys: ['team-weld-a', 'team-weld-b'], employmentType: 'Employee' };
const agencyWelder: PulsePerson = { ...welder, crewKeys: ['team-weld-a'], employmentType: 'Agency' };

const MAP = parsePlantMap({
  sites: [
    { code: 'GOT', name: 'Gothenburg', officeLocations: ['Göteborg plant'] },
    { code: 'EIN', name: 'Eindhoven', officeLocations: ['Eindhoven plant'] }
  ],
  lines: [
    { code: 'GOT-WELD2', name: 'Weld cell 2', siteCode: 'GOT', departments: ['Weld cell 2', 'Svetscell 2'] },
    { code: 'GOT-LOG', name: 'Logistics', siteCode: 'GOT', departments: ['Logistics'] },
    { code: 'EIN-LOG', name: 'Logistics', siteCode: 'EIN', departments: ['Logistics'] },
    { code: 'PACK', name: 'Packaging', siteCode: 'EIN', departments: ['Packaging'] }
  ],
  shifts: []
});

describe('inAudience', () => {
  it('takes everyone in when no dimension is restricted (absent, empty or only blanks)', () => {
    expect(inAudience(welder, {})).toBe(true);
    expect(inAudience(welder, { siteCodes: [], departments: [], crewKeys: [], employmentTypes: [] })).toBe(true);
    expect(inAudience(welder, { siteCodes: ['  '], employmentTypes: [''] })).toBe(true);
    expect(inAudience({ crewKeys: [] }, {})).toBe(true);
  });

  it('restricts on each dimension, trimmed and without regard to case or spacing', () => {
    expect(inAudience(welder, { siteCodes: [' got '] })).toBe(true);
    expect(inAudience(welder, { siteCodes: ['EIN'] })).toBe(false);
    expect(inAudience(welder, { departments: ['WELD   cell 2'] })).toBe(true);
    expect(inAudience(welder, { departments: ['Weld cell 3'] })).toBe(false);
    expect(inAudience(welder, { crewKeys: ['TEAM-WELD-B'] })).toBe(true);
    expect(inAudience(welder, { crewKeys: ['team-paint-a'] })).toBe(false);
  });

  it('needs every restricted dimension to hold the person', () => {
    const audience: SurveyAudience = { siteCodes: ['GOT'], departments: ['Weld cell 2'], crewKeys: ['team-weld-a'], employmentTypes: ['Employee'] };
    expect(inAudience(welder, audience)).toBe(true);
    expect(inAudience({ ...welder, siteCode: 'EIN' }, audience)).toBe(false);
    expect(inAudience({ ...welder, department: 'Paint shop' }, audience)).toBe(false);
    expect(inAudience({ ...welder, crewKeys: ['team-weld-c'] }, audience)).toBe(false);
    expect(inAudience({ ...welder, employmentType: 'Contractor' }, audience)).toBe(false);
  });

  it('leaves out a person whose restricted part is unknown', () => {
    expect(inAudience({ crewKeys: [] }, { siteCodes: ['GOT'] })).toBe(false);
    expect(inAudience({ siteCode: '  ', crewKeys: [] }, { siteCodes: ['GOT'] })).toBe(false);
    expect(inAudience({ crewKeys: [] }, { departments: ['Weld cell 2'] })).toBe(false);
    expect(inAudience({ crewKeys: [] }, { crewKeys: ['team-weld-a'] })).toBe(false);
    expect(inAudience({ crewKeys: [''] }, { crewKeys: ['team-weld-a'] })).toBe(false);
  });

  it('takes agency consultants in unless HR lists employment types without them', () => {
    expect(inAudience(agencyWelder, {})).toBe(true);
    expect(inAudience(agencyWelder, { employmentTypes: ['Employee', 'Agency'] })).toBe(true);
    expect(inAudience(agencyWelder, { employmentTypes: ['Employee'] })).toBe(false);
    expect(audienceIncludesAgency({})).toBe(true);
    expect(audienceIncludesAgency({ employmentTypes: ['Employee', 'Consultant'] })).toBe(true);
    expect(audienceIncludesAgency({ employmentTypes: ['Employee'] })).toBe(false);
  });

  it('compares employment types by category, so every spelling of agency work is alike', () => {
    expect(employmentTypeInAudience('Agency', ['Consultant'])).toBe(true);
    expect(employmentTypeInAudience('Uitzendkracht', ['agency'])).toBe(true);
    expect(employmentTypeInAudience('Inhyrd', ['Consultant'])).toBe(true);
    expect(employmentTypeInAudience('Consultant', ['Employee'])).toBe(false);
    expect(employmentTypeInAudience('Medewerker', ['Employee'])).toBe(true);
    expect(employmentTypeInAudience('Contractor', ['Agency'])).toBe(false);
  });

  it('matches a type the product has no category for by its text only', () => {
    expect(employmentTypeInAudience('Intern', ['intern '])).toBe(true);
    expect(employmentTypeInAudience('Intern', ['Employee'])).toBe(false);
    expect(employmentTypeInAudience('Employee', ['Intern'])).toBe(false);
  });

  it('takes a person without an employment type in when employees are asked, not when only agency staff are', () => {
    expect(employmentTypeInAudience(undefined, ['Employee'])).toBe(true);
    expect(employmentTypeInAudience('  ', ['Employee', 'Agency'])).toBe(true);
    expect(employmentTypeInAudience(undefined, ['Agency'])).toBe(false);
  });
});

describe('tenureBand', () => {
  const now = new Date('2026-12-06T05:00:00Z');

  it('counts completed years by the calendar', () => {
    expect(tenureBand('2026-06-01', now)).toBe('under-1');
    expect(tenureBand('2025-12-07', now)).toBe('under-1');
    expect(tenureBand('2025-12-06', now)).toBe('1-3');
    expect(tenureBand('2023-12-07', now)).toBe('1-3');
    expect(tenureBand('2023-12-06', now)).toBe('3-10');
    expect(tenureBand('2016-12-07', now)).toBe('3-10');
    expect(tenureBand('2016-12-06', now)).toBe('10-plus');
    expect(tenureBand('1990-01-01', now)).toBe('10-plus');
  });

  it('takes the day of a Graph date-time', () => {
    expect(tenureBand('2023-12-06T00:00:00Z', now)).toBe('3-10');
    expect(tenureBand(' 2023-12-07T00:00:00Z ', now)).toBe('1-3');
  });

  it('is under-1 for a hire date still to come, and unknown without a valid date', () => {
    expect(tenureBand('2027-01-04', now)).toBe('under-1');
    expect(tenureBand(undefined, now)).toBe('unknown');
    expect(tenureBand('', now)).toBe('unknown');
    expect(tenureBand('last spring', now)).toBe('unknown');
    expect(tenureBand('2023-02-30', now)).toBe('unknown');
    expect(tenureBand('2023-13-01', now)).toBe('unknown');
    expect(tenureBand('2023-12-06', new Date('not a date'))).toBe('unknown');
  });

  it('handles a hire on 29 February', () => {
    expect(tenureBand('2024-02-29', new Date('2025-02-28T12:00:00Z'))).toBe('under-1');
    expect(tenureBand('2024-02-29', new Date('2025-03-01T00:00:00Z'))).toBe('1-3');
  });
});

describe('groupAttributes', () => {
  const now = new Date('2026-12-06T05:00:00Z');

  it('gives site, line, main crew, employment category and tenure band, and the org path', () => {
    expect(groupAttributes(agencyWelder, { plantMap: MAP, hireDate: '2026-09-01', now })).toEqual({
      site: 'got',
      line: 'got-weld2',
      crew: 'team-weld-a',
      employmentType: 'agency',
      tenureBand: 'under-1',
      groupKey: 'got/weld2/team-weld-a'
    });
  });

  it('takes the first crew (the one worked most) and the line within the person’s site', () => {
    const logistics: PulsePerson = { siteCode: 'EIN', department: ' logistics ', crewKeys: ['Team-Log-B', 'team-log-a'] };
    expect(groupAttributes(logistics, { plantMap: MAP, now })).toMatchObject({
      site: 'ein',
      line: 'ein-log',
      crew: 'team-log-b',
      employmentType: 'unknown',
      tenureBand: 'unknown',
      groupKey: 'ein/log/team-log-b'
    });
  });

  it('keeps a line code without the site prefix whole in the path', () => {
    expect(groupAttributes({ siteCode: 'EIN', department: 'Packaging', crewKeys: ['t1'] }, { plantMap: MAP, now }).groupKey).toBe('ein/pack/t1');
  });

  it('finds the site from a department only one line has, as workplaceOf does', () => {
    expect(groupAttributes({ department: 'Svetscell 2', crewKeys: ['t1'] }, { plantMap: MAP, now })).toMatchObject({
      site: 'got',
      line: 'got-weld2',
      groupKey: 'got/weld2/t1'
    });
    expect(groupAttributes({ department: 'Logistics', crewKeys: ['t1'] }, { plantMap: MAP, now })).toMatchObject({
      site: 'unknown',
      line: 'unknown',
      groupKey: 'unknown/staff'
    });
  });

  it('puts people without a crew or a line under their site’s staff', () => {
    expect(groupAttributes({ siteCode: 'GOT', department: 'Human Resources', crewKeys: [] }, { plantMap: MAP, now })).toMatchObject({
      line: 'unknown',
      crew: 'none',
      groupKey: 'got/staff'
    });
    expect(groupAttributes({ siteCode: 'GOT', department: 'Weld cell 2', crewKeys: [' '] }, { plantMap: MAP, now }).groupKey).toBe('got/staff');
    expect(groupAttributes(welder, { now }).groupKey).toBe('got/staff');
  });

  it('never lets a code break the path apart', () => {
    const odd = groupAttributes({ siteCode: 'G/OT', department: 'Weld cell 2', crewKeys: ['a/b'] }, { plantMap: MAP, now });
    expect(odd.site).toBe('g-ot');
    expect(odd.crew).toBe('a-b');
    expect(odd.groupKey.split('/')).toHaveLength(2);
  });

  it('carries nothing about the person but the coarse attributes', () => {
    const attributes = groupAttributes(welder, { plantMap: MAP, hireDate: '2019-03-04', now });
    expect(Object.keys(attributes).sort()).toEqual(['crew', 'employmentType', 'groupKey', 'line', 'site', 'tenureBand']);
    expect(attributes.tenureBand).toBe('3-10');
  });
});

describe('crewsInAudience', () => {
  const weldA = { crewKey: 'team-weld-a', siteCode: 'GOT', lineCode: 'GOT-WELD2' };
  const logGot = { crewKey: 'team-log-got', siteCode: 'GOT', lineCode: 'GOT-LOG' };
  const pack = { crewKey: 'team-pack', siteCode: 'EIN', lineCode: 'PACK' };
  const unplaced = { crewKey: 'team-unplaced' };
  const onlySite = { crewKey: 'team-ein-site', siteCode: 'EIN' };
  const crews = [weldA, logGot, pack, unplaced, onlySite];
  const keys = (audience: SurveyAudience): string[] => crewsInAudience(crews, audience, MAP).map((crew) => crew.crewKey);

  it('reaches every crew when the audience restricts nothing (employment types restrict no crew)', () => {
    expect(keys({})).toEqual(crews.map((crew) => crew.crewKey));
    expect(keys({ employmentTypes: ['Employee'] })).toEqual(crews.map((crew) => crew.crewKey));
  });

  it('reaches only the crews it names, compared as audiences compare texts', () => {
    expect(keys({ crewKeys: [' TEAM-WELD-A', 'team-pack'] })).toEqual(['team-weld-a', 'team-pack']);
    expect(keys({ crewKeys: ['team-nobody'] })).toEqual([]);
  });

  it('leaves out crews the plant map places on another site or line, and keeps those it does not place', () => {
    expect(keys({ siteCodes: ['got'] })).toEqual(['team-weld-a', 'team-log-got', 'team-unplaced']);
    expect(keys({ departments: ['svetscell 2'] })).toEqual(['team-weld-a', 'team-unplaced', 'team-ein-site']);
    expect(keys({ siteCodes: ['EIN'], departments: ['Logistics'] })).toEqual(['team-unplaced', 'team-ein-site']);
    expect(keys({ siteCodes: ['GOT'], crewKeys: ['team-pack', 'team-weld-a'] })).toEqual(['team-weld-a']);
  });

  it('places a crew on its line\'s site when only the line is known, and keeps every crew without a map', () => {
    expect(crewsInAudience([{ crewKey: 'x', lineCode: 'PACK' }], { siteCodes: ['GOT'] }, MAP)).toEqual([]);
    expect(crewsInAudience([{ crewKey: 'x', lineCode: 'PACK' }], { departments: ['Weld cell 2'] })).toHaveLength(1);
  });
});
